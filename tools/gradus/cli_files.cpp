#include "tools/gradus/cli_files.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace gradus::cli {
namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

FileList collect_files(const std::vector<std::string>& paths, std::string_view extension) {
  FileList list;
  // A file is checked once however it is spelled (a/b, ./a/b, a//b); it
  // keeps the spelling it was first given.
  std::set<std::string> seen;
  auto add = [&](const std::string& file) {
    std::error_code ignored;
    const std::string key = fs::absolute(file, ignored).lexically_normal().string();
    if (seen.insert(key).second) list.files.push_back(file);
  };
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
      list.problems.push_back(path + ": no such file or folder");
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (hidden(it->path())) {
        std::error_code ignored;
        if (it->is_directory(ignored)) it.disable_recursion_pending();
        continue;
      }
      std::error_code ignored;
      // Match the whole suffix, so ".test.yaml" works as well as ".gradus".
      if (it->path().filename().string().ends_with(extension) && it->is_regular_file(ignored)) {
        found.push_back(it->path().lexically_normal().string());
      }
    }
    if (ec) {
      list.problems.push_back(path + ": " + ec.message());
      continue;
    }
    if (found.empty()) {
      list.problems.push_back(path + ": no *" + std::string(extension) + " files in this folder");
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const auto& file : found) add(file);
  }
  return list;
}

}  // namespace gradus::cli

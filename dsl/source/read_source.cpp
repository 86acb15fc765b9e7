#include "dsl/source/read_source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace gradus {

ReadResult read_source(const std::string& path, std::size_t max_bytes) {
  ReadResult result;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) {
    result.error = "cannot read " + path + ": " + std::generic_category().message(ec.value());
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.error = "cannot read " + path + ": Is a directory";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = "cannot read " + path + ": " + std::strerror(errno);
    return result;
  }
  // Read at most one byte past the limit: enough to know the file is too
  // large without holding a huge file in memory.
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= max_bytes) {
    in.read(buffer, sizeof buffer);
    const auto got = in.gcount();
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  if (in.bad()) {
    result.error = "cannot read " + path + ": read error";
    return result;
  }
  if (text.size() > max_bytes) {
    std::error_code size_ec;
    const auto size = std::filesystem::file_size(path, size_ec);
    const std::string actual = size_ec ? "more than " + std::to_string(max_bytes) + " bytes" : std::to_string(size) + " bytes";
    auto placeholder = std::make_shared<const Source>(path, std::string());
    auto d = error(placeholder, Span{}, "G0003",
                   "file is too large: " + actual + "; the limit is " + std::to_string(max_bytes) + " bytes");
    d.help("check that this is the right file");
    result.diagnostics.push_back(std::move(d.d));
    return result;
  }
  result.source = std::make_shared<const Source>(path, std::move(text));
  return result;
}

}  // namespace gradus

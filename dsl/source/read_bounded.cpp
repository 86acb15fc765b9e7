#include "dsl/source/read_bounded.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace gradus {

BoundedRead read_bounded(const std::string& path, std::size_t max_bytes) {
  BoundedRead result;
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
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
      result.size = size;
      if (size > max_bytes) {
        result.too_large = true;
        return result;
      }
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = "cannot read " + path + ": " + std::strerror(errno);
    return result;
  }
  char buffer[1 << 16];
  while (result.bytes.size() <= max_bytes) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - result.bytes.size());
    in.read(buffer, static_cast<std::streamsize>(want));
    const auto got = in.gcount();
    if (got <= 0) break;
    result.bytes.append(buffer, static_cast<std::size_t>(got));
  }
  if (in.bad()) {
    result.bytes.clear();
    result.error = "cannot read " + path + ": read error";
    return result;
  }
  if (result.bytes.size() > max_bytes) {
    result.bytes.clear();
    result.bytes.shrink_to_fit();
    result.too_large = true;
  }
  return result;
}

}  // namespace gradus

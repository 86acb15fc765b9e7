#include "dsl/source/read_source.hpp"

#include "dsl/source/read_bounded.hpp"

namespace gradus {

ReadResult read_source(const std::string& path, std::size_t max_bytes) {
  ReadResult result;
  BoundedRead read = read_bounded(path, max_bytes);
  if (!read.error.empty()) {
    result.error = std::move(read.error);
    return result;
  }
  if (read.too_large) {
    const std::string actual =
        read.size ? std::to_string(*read.size) + " bytes" : "more than " + std::to_string(max_bytes) + " bytes";
    auto placeholder = std::make_shared<const Source>(path, std::string());
    auto d = error(placeholder, Span{}, "G0003",
                   "file is too large: " + actual + "; the limit is " + std::to_string(max_bytes) + " bytes");
    d.help("check that this is the right file");
    result.diagnostics.push_back(std::move(d.d));
    return result;
  }
  result.source = std::make_shared<const Source>(path, std::move(read.bytes));
  return result;
}

}  // namespace gradus

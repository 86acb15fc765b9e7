#include "engine/fit/read_fit.hpp"

#include "dsl/source/read_bounded.hpp"

namespace gradus::fit {

FitRead read_fit_file(const std::string& path, std::size_t max_bytes) {
  BoundedRead read = read_bounded(path, max_bytes);
  FitRead result;
  result.error = std::move(read.error);
  result.too_large = read.too_large;
  result.size = read.size;
  result.bytes.assign(read.bytes.begin(), read.bytes.end());
  return result;
}

}  // namespace gradus::fit

#pragma once
// Reads a FIT file into memory for decode(), refusing one larger than a cap
// before reading it whole: the size is checked first, and at most one byte
// past the cap is ever read (for pipes and other files without a size).
// Failures are values for the caller to report; nothing is printed.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gradus::fit {

struct FitRead {
  std::vector<std::uint8_t> bytes;   // the whole file, when it was read
  std::string error;                 // host failure, e.g. "cannot read x.fit: No such file or directory"
  bool too_large = false;            // the file is over the cap; `bytes` is empty
  std::optional<std::uintmax_t> size;  // the file's size, when the file system knows it

  bool ok() const { return error.empty() && !too_large; }
};

// `max_bytes`: normally DecodeOptions{}.max_bytes (decoder.hpp).
FitRead read_fit_file(const std::string& path, std::size_t max_bytes);

}  // namespace gradus::fit

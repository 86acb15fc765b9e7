#pragma once
// Reads a whole file into memory, refusing one larger than a cap without
// holding it: the size is checked first, and at most one byte past the cap
// is ever read (a pipe, or a file that grows while it is read). Shared by
// the text readers (read_source.hpp) and the FIT reader. Failures are
// values; nothing is printed.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace gradus {

struct BoundedRead {
  std::string bytes;                   // the whole file, when it was read
  std::string error;                   // host failure, e.g. "cannot read x: No such file or directory"
  bool too_large = false;              // over the cap; `bytes` is empty
  std::optional<std::uintmax_t> size;  // the file's size, when the file system knows it

  bool ok() const { return error.empty() && !too_large; }
};

BoundedRead read_bounded(const std::string& path, std::size_t max_bytes);

}  // namespace gradus

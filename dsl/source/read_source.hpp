#pragma once
// Loads a text file (a protocol, a log, a scenario file) into a Source,
// refusing files over a size limit before reading them whole.
//
// Two kinds of failure: a host failure (the file cannot be opened, is a
// directory) is a plain message for the CLI to print with exit code 2; a file
// that is too large is a G0003 diagnostic naming the file, with no line.
#include <cstddef>
#include <string>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/source/source.hpp"

namespace gradus {

struct ReadResult {
  SourcePtr source;         // set when the file was read
  std::string error;        // host failure, e.g. "cannot read x.gradus: No such file or directory"
  Diagnostics diagnostics;  // G0003 when the file is larger than the limit

  bool ok() const { return source != nullptr; }
};

ReadResult read_source(const std::string& path, std::size_t max_bytes);

}  // namespace gradus

#pragma once
// Checks on a log's raw text before any YAML parsing: size, encoding and
// nesting depth. yaml-cpp recurses once per nesting level (it stops itself at
// 2000 levels, deep enough to be slow and to use megabytes of stack), so a
// hostile `[[[[...` is refused here, by a linear scan, instead.
#include <cstddef>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

struct LogPrescanLimits {
  std::size_t max_bytes = 0;
  std::size_t max_depth = 0;  // flow brackets plus block indentation levels
};

// Appends G0003 (too large), G0001 (invalid UTF-8), G0002 (NUL byte) or
// G0004 (nested too deeply) to `out`; returns false if the text must not be
// given to the YAML parser.
bool prescan_log(const SourcePtr& source, const LogPrescanLimits& limits, Diagnostics& out);

}  // namespace gradus

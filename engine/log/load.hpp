#pragma once
// Loading an athlete's YAML log, validated against one protocol's inputs and
// stages (format: docs/logs.md). Never throws on bad input: every problem is a
// Diagnostic with the file, line and column, and all of them are reported
// (up to LogLimits::max_errors), not just the first.
#include <cstddef>
#include <optional>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "engine/log/log.hpp"

namespace gradus {

struct LogLimits {
  // 16 MiB: ten years of daily entries is about 1 MB; larger is refused
  // (G0003) before parsing, which bounds time and memory.
  std::size_t max_bytes = 16u << 20;
  std::size_t max_entries = 100000;  // ~270 years of daily entries (G0003 above)
  std::size_t max_depth = 32;        // a valid log needs 3 levels (G0004 above)
  std::size_t max_errors = 200;      // then one last error says the list was cut
};

struct LogLoadResult {
  std::optional<Log> log;  // present exactly when `diagnostics` holds no error
  Diagnostics diagnostics;
};

LogLoadResult load_log(SourcePtr source, const ast::Protocol& protocol, const LogLimits& limits = {});

}  // namespace gradus

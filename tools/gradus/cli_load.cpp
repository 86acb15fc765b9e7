#include "tools/gradus/cli_load.hpp"

#include <algorithm>

#include "dsl/source/read_source.hpp"

namespace gradus::cli {
namespace {

void sort_by_position(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.line != b.span.line) return a.span.line < b.span.line;
    return a.span.column < b.span.column;
  });
}

}  // namespace

LoadedProtocol load_protocol(const std::string& path, const LoadOptions& options) {
  LoadedProtocol loaded;
  loaded.path = path;
  ReadResult read = read_source(path, options.limits.max_file_bytes);
  if (!read.ok()) {
    if (read.diagnostics.empty()) {
      loaded.read_error = read.error;
      return loaded;
    }
    // Too large: a finding about the file (G0003), not a host failure.
    loaded.source = read.diagnostics.front().source;
    loaded.diagnostics = std::move(read.diagnostics);
    return loaded;
  }
  loaded.source = read.source;

  ParseResult parsed = parse_protocol(loaded.source, options.limits);
  loaded.diagnostics = std::move(parsed.diagnostics);
  loaded.protocol = std::move(parsed.protocol);
  // The checker needs a complete tree; on a partial one it would only add
  // findings that follow from the syntax errors.
  if (options.check && loaded.protocol && !has_errors(loaded.diagnostics)) {
    CheckResult checked = check_protocol(*loaded.protocol, options.check_options);
    for (auto& d : checked.diagnostics) loaded.diagnostics.push_back(std::move(d));
  }
  if (options.check_options.strict) {
    for (auto& d : loaded.diagnostics) {
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    }
  }
  sort_by_position(loaded.diagnostics);
  return loaded;
}

}  // namespace gradus::cli

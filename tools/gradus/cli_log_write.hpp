#pragma once
// What `log add` and `import` share: finding the log's protocol, loading the
// log for editing (refusing one that does not load), applying a list of
// day edits in memory, and replacing the file atomically only when every
// edit is valid. Problems are printed to stderr; the exit status follows
// docs/data.md: 0 written, 1 the file could not be written (nothing
// changed), 2 bad arguments, values or files (nothing written).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/syntax/ast.hpp"
#include "engine/log/log.hpp"
#include "engine/log/log_edit.hpp"

namespace gradus::cli {

struct LogTarget {
  std::string path;
  ast::Protocol protocol;  // checked without errors
  Log log;                 // loaded against it without errors
  bool created = false;    // the file did not exist: a new log is started
};

// `protocol_path` empty: the protocol is found beside the log (its folder,
// then the folder above) by the id in the log's `protocol:` line.
std::optional<LogTarget> open_log_for_edit(std::string_view command, const std::string& log_path,
                                           const std::string& protocol_path);

// Prints diagnostics (errors and warnings) to stderr as text.
void print_diagnostics(const Diagnostics& diagnostics);

struct WriteOptions {
  bool dry_run = false;  // print the new log to stdout instead of writing it
};

// Applies `edits` in order; returns the exit status.
int write_log_edits(std::string_view command, LogTarget& target, const std::vector<LogEdit>& edits,
                    const WriteOptions& options);

}  // namespace gradus::cli

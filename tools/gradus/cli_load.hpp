#pragma once
// Reading, parsing and checking one protocol file for a subcommand. A file
// that cannot be read is not a Diagnostic (there is no text to point into):
// it comes back as `read_error`, and the subcommand exits 2.
#include <optional>
#include <string>

#include "dsl/check/checker.hpp"
#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "dsl/syntax/parser.hpp"

namespace gradus::cli {

struct LoadOptions {
  bool check = true;     // run the checker (and its lints) after a clean parse
  CheckOptions check_options;
  ParseLimits limits;
};

struct LoadedProtocol {
  std::string path;
  SourcePtr source;          // null when the file could not be read
  std::string read_error;    // why, when source is null: "cannot read x.gradus: No such file or directory"
  std::optional<ast::Protocol> protocol;
  Diagnostics diagnostics;   // parse, then check findings, in file order

  bool readable() const { return source != nullptr; }
  // Parsed and (when asked) checked without an error.
  bool ok() const { return readable() && protocol.has_value() && !has_errors(diagnostics); }
};

// Under check_options.strict every warning is reported as an error, whatever
// pass produced it, so the exit status and every output format agree.
LoadedProtocol load_protocol(const std::string& path, const LoadOptions& options = {});

}  // namespace gradus::cli

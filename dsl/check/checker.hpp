#pragma once
// The checker: an ordered list of named passes over the AST (like OPA's
// compiler stages). Passes annotate the AST in place (types, symbols,
// inferred units) and report Diagnostics; a pass that depends on an earlier
// one's annotations runs only if that one reported no error.
#include <string_view>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"

namespace gradus {

struct CheckOptions {
  bool strict = false;  // warnings become errors; a missing `source` is reported
};

struct CheckResult {
  Diagnostics diagnostics;
  bool ok() const { return !has_errors(diagnostics); }
};

CheckResult check_protocol(ast::Protocol& protocol, const CheckOptions& options = {});

}  // namespace gradus

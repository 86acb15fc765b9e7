#pragma once
// The lint passes of `gradus check` (warnings G04xx; errors under --strict):
// each is an entry in a registry with a code and a name, run after the
// checker's error passes succeeded, so they can rely on the AST annotations.
#include "dsl/check/checker.hpp"

namespace gradus {

void run_lints(const ast::Protocol& protocol, const CheckOptions& options, Diagnostics& out);

}  // namespace gradus

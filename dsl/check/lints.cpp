#include "dsl/check/lints.hpp"

namespace gradus {

// The registry of lint passes is filled in by the lint_*.cpp files as they land.
void run_lints(const ast::Protocol& /*protocol*/, const CheckOptions& /*options*/, Diagnostics& /*out*/) {}

}  // namespace gradus

#include "dsl/check/lint_registry.hpp"

namespace gradus::lint {

void lint_unguarded_safety_input(const LintContext&, Diagnostics&) {}

}  // namespace gradus::lint

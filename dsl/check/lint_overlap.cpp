#include "dsl/check/lint_registry.hpp"

namespace gradus::lint {

void lint_advance_regress_overlap(const LintContext&, Diagnostics&) {}

}  // namespace gradus::lint

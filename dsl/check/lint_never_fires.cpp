#include "dsl/check/lint_registry.hpp"

namespace gradus::lint {

void lint_never_fires(const LintContext&, Diagnostics&) {}

}  // namespace gradus::lint

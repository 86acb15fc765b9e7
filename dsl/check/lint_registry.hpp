#pragma once
// The lint registry (like Regal's): each lint is an entry with a stable code,
// a short name, a one-line description and the function that runs it.
// docs/lints.md explains each one. `run_lints` (lints.hpp) walks the table.
#include <span>
#include <string>
#include <string_view>

#include "dsl/check/checker.hpp"

namespace gradus::lint {

struct LintContext {
  const ast::Protocol& protocol;
  const CheckOptions& options;
};

using LintFn = void (*)(const LintContext&, Diagnostics&);

struct LintInfo {
  std::string_view code;         // G04xx, listed in dsl/diag/codes.cpp
  std::string_view name;         // kebab-case, e.g. "unreachable-stage"
  std::string_view description;  // one line
  LintFn run;
};

std::span<const LintInfo> all_lints();
const LintInfo* find_lint(std::string_view code);

// A finding of a lint: a warning, or an error under --strict.
DiagnosticBuilder lint_finding(const LintContext& context, Span span, std::string_view code, std::string message);

// The lint functions, one per code (defined in lint_*.cpp).
void lint_unreachable_stage(const LintContext&, Diagnostics&);     // G0402
void lint_no_way_out(const LintContext&, Diagnostics&);            // G0403
void lint_unguarded_safety_input(const LintContext&, Diagnostics&);  // G0404
void lint_progression_order(const LintContext&, Diagnostics&);     // G0405
void lint_weekly_increase(const LintContext&, Diagnostics&);       // G0406
void lint_never_fires(const LintContext&, Diagnostics&);           // G0407
void lint_advance_regress_overlap(const LintContext&, Diagnostics&);  // G0408
void lint_no_frequency(const LintContext&, Diagnostics&);          // G0409
void lint_rewards_worse(const LintContext&, Diagnostics&);         // G0410 (lint_monotone.cpp)

}  // namespace gradus::lint

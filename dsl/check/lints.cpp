#include "dsl/check/lints.hpp"

#include <array>

#include "dsl/check/lint_registry.hpp"

namespace gradus {
namespace lint {
namespace {

// In code order; each entry's run function reports only its own code.
// G0401 (missing `source`) is reported by the checker's structure pass
// (pass_structure.cpp), not here, so it is not duplicated.
constexpr std::array kLints = {
    LintInfo{"G0402", "unreachable-stage", "no advance, regress or recovery step leads to the stage from the first one",
             &lint_unreachable_stage},
    LintInfo{"G0403", "no-way-out", "a stage that can never be left forward (no advance or discharge), or an advance with nowhere to go",
             &lint_no_way_out},
    LintInfo{"G0404", "unguarded-safety-input", "a safety rule reads an input that can be missing, and no safety rule tests `missing()` of it",
             &lint_unguarded_safety_input},
    LintInfo{"G0405", "progression-order", "a step raises two of duration, intensity and frequency, or breaks the declared `order`",
             &lint_progression_order},
    LintInfo{"G0406", "weekly-increase", "weekly running minutes rise more than `max weekly increase` from one stage to the next",
             &lint_weekly_increase},
    LintInfo{"G0407", "never-fires", "a rule whose condition is false for every possible value", &lint_never_fires},
    LintInfo{"G0408", "advance-regress-overlap", "an advance or discharge rule and a regress rule can both be true on the same values",
             &lint_advance_regress_overlap},
    LintInfo{"G0409", "no-frequency", "a stage with a session but no `frequency`", &lint_no_frequency},
    LintInfo{"G0410", "rewards-worse-symptoms", "an advance/discharge rule made true by a worse symptom, or a hold/regress/refer rule only a milder one meets",
             &lint_rewards_worse},
};

}  // namespace

std::span<const LintInfo> all_lints() { return kLints; }

const LintInfo* find_lint(std::string_view code) {
  for (const auto& l : kLints) {
    if (l.code == code) return &l;
  }
  return nullptr;
}

DiagnosticBuilder lint_finding(const LintContext& context, Span span, std::string_view code, std::string message) {
  const Severity severity = context.options.strict ? Severity::Error : Severity::Warning;
  return make_diagnostic(severity, context.protocol.source, span, std::string(code), std::move(message));
}

}  // namespace lint

void run_lints(const ast::Protocol& protocol, const CheckOptions& options, Diagnostics& out) {
  const lint::LintContext context{protocol, options};
  for (const auto& entry : lint::all_lints()) entry.run(context, out);
}

}  // namespace gradus

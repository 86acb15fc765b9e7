// G0407: a rule whose condition is false for every value its inputs can
// take (`pain_during > 10` on a 0..10 score, `x > 5 and x < 3`,
// `count(... over 7 days) > 7`). Silent whenever the analysis cannot prove it.
#include <algorithm>

#include "dsl/check/interval_condition.hpp"
#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_support.hpp"
#include "dsl/format/format_expr.hpp"

namespace gradus::lint {
namespace {

std::string code_text(const ast::Expr& e) { return "`" + format_expr(e) + "`"; }

bool is_flag(const ast::Protocol& protocol, int input) {
  return input >= 0 && static_cast<std::size_t>(input) < protocol.inputs.size() &&
         protocol.inputs[static_cast<std::size_t>(input)].type.kind == ast::InputKind::Flag;
}

// `x > 10` on 0..10 was probably meant as `x >= 10`.
std::optional<std::string> boundary_hint(const Atom& a, const Interval& range) {
  const Interval n = range.normalized();
  if (a.op == ast::Op::Gt && a.value == n.hi && !n.hi_open) return ">=";
  if (a.op == ast::Op::Lt && a.value == n.lo && !n.lo_open) return "<=";
  return std::nullopt;
}

std::string reason_text(const Contradiction& r, const RangeAnalyzer& ranges) {
  const Literal& lit = *r.literal;
  if (!lit.atom) return code_text(*lit.source) + " is never true";
  if (r.unknown_when_missing) {
    return code_text(*r.other->source) + " and " + code_text(*lit.source) + " are never both known true (while " + r.key +
           " is missing, the comparison is unknown)";
  }
  if (r.other) return code_text(*r.other->source) + " and " + code_text(*lit.source) + " are never true together";
  return code_text(*lit.source) + " is false for every value of " + r.key + " (" + describe_values(*lit.atom->term, r.term_range, ranges) + ")";
}

void check_rule(const LintContext& context, const RangeAnalyzer& ranges, const ast::Rule& rule, Diagnostics& out) {
  if (!rule.condition) return;
  const auto dnf = to_dnf(*rule.condition, ranges);
  if (!dnf || dnf->empty()) return;
  std::vector<Contradiction> reasons;
  for (const auto& conjunction : *dnf) {
    auto c = contradiction(conjunction, ranges);
    if (!c) return;  // this alternative can be true
    reasons.push_back(*c);
  }
  const std::string kind = ast::to_string(rule.kind);
  if (dnf->size() > 1) {
    auto d = lint_finding(context, rule.condition->span, "G0407",
                          "this " + kind + " rule can never fire: each alternative of its condition is false for every possible value");
    d.label("never true");
    // Say why for the first few alternatives (each names the comparison that rules it out).
    std::vector<std::string> said;
    for (std::size_t i = 0; i < reasons.size() && said.size() < 4; ++i) {
      auto text = reason_text(reasons[i], ranges);
      if (std::find(said.begin(), said.end(), text) != said.end()) continue;
      said.push_back(text);
      d.note(std::move(text));
    }
    d.help("a rule that cannot fire protects no one: fix the comparisons, or remove the rule");
    out.push_back(std::move(d.d));
    return;
  }
  const Contradiction& r = reasons.front();
  const Literal& lit = *r.literal;
  if (!lit.atom) {
    out.push_back(lint_finding(context, lit.source->span, "G0407",
                               "this " + kind + " rule can never fire: " + code_text(*lit.source) + " is false for every possible value")
                      .label("never true")
                      .help("a rule that cannot fire protects no one: fix the condition, or remove the rule")
                      .d);
    return;
  }
  const Atom& a = *lit.atom;
  const std::string values = describe_values(*a.term, r.term_range, ranges);
  if (!r.other) {
    std::string help = r.key + " is " + values + ": compare it with a value inside that range";
    if (auto op = boundary_hint(a, r.term_range)) {
      help = r.key + " is " + values + ": did you mean `" + r.key + " " + *op + " " + describe_value(*a.term, a.value, ranges) + "`?";
    }
    out.push_back(lint_finding(context, lit.source->span, "G0407",
                               "this " + kind + " rule can never fire: " + code_text(*lit.source) + " is false for every value of " + r.key +
                                   " (" + values + ")")
                      .label("never true")
                      .help(help)
                      .d);
    return;
  }
  if (r.unknown_when_missing) {
    out.push_back(lint_finding(context, lit.source->span, "G0407",
                               "this " + kind + " rule can never fire: while " + r.key + " is missing, " + code_text(*lit.source) +
                                   " is unknown, and a rule fires only when its condition is known true")
                      .label("unknown whenever " + code_text(*r.other->source) + " is true")
                      .secondary(r.other->source->span, "requires " + r.key + " to be missing")
                      .note("a missing " + r.key + " may be " +
                            (is_flag(ranges.protocol(), r.other->missing_input) ? std::string("true or false")
                                                                         : "any of " + describe_values(*a.term, r.term_range, ranges)))
                      .help("to act on a missing value, use " + code_text(*r.other->source) + " alone; to act on a logged value, drop it")
                      .d);
    return;
  }
  out.push_back(lint_finding(context, lit.source->span, "G0407",
                             "this " + kind + " rule can never fire: " + code_text(*r.other->source) + " and " + code_text(*lit.source) +
                                 " are never true together")
                    .label("contradicts the earlier comparison")
                    .secondary(r.other->source->span, "this comparison")
                    .help("no value of " + r.key + " satisfies both: fix one bound, or use `or` if either should be enough")
                    .d);
}

}  // namespace

void lint_never_fires(const LintContext& context, Diagnostics& out) {
  const RangeAnalyzer ranges(context.protocol);
  for (const auto& rule : context.protocol.safety) check_rule(context, ranges, rule, out);
  for (const auto& phase : context.protocol.phases) {
    for (const auto& stage : phase.stages) {
      for (const auto& rule : stage.rules) check_rule(context, ranges, rule, out);
    }
  }
}

}  // namespace gradus::lint

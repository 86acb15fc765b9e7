// G0408: an advance (or discharge) rule and a regress rule of the same stage
// (or of `safety`) that can both be true on one session. Reported only when
// the overlap can be shown: both conditions are conjunctions of comparisons
// of a term with constants, they share a term, the terms vary independently
// and their ranges are exact. Regress wins at run time, so this is about the
// author's intent, not an ambiguity.
#include "dsl/check/interval_condition.hpp"
#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_support.hpp"
#include "dsl/format/format_expr.hpp"

namespace gradus::lint {
namespace {

// The single conjunction of atoms a condition is, if it is one and can be true.
std::optional<Conjunction> plain_conjunction(const ast::Rule& rule, const RangeAnalyzer& ranges) {
  if (!rule.condition) return std::nullopt;
  auto dnf = to_dnf(*rule.condition, ranges);
  if (!dnf || dnf->size() != 1) return std::nullopt;
  for (const auto& literal : dnf->front()) {
    if (!literal.atom) return std::nullopt;
  }
  if (contradiction(dnf->front(), ranges)) return std::nullopt;  // G0407's business
  return dnf->front();
}

// The values of each shared term on which both rules are true; empty when
// no overlap can be shown.
std::vector<std::pair<const ast::Expr*, Interval>> overlap(const Conjunction& a, const Conjunction& b, const RangeAnalyzer& ranges) {
  Conjunction both = a;
  both.insert(both.end(), b.begin(), b.end());
  if (contradiction(both, ranges)) return {};
  // Distinct terms must not share a variable (worst_pain and pain_during do),
  // and each range must be exact, or the overlap might not be reachable.
  std::map<std::string, const ast::Expr*> terms;
  for (const auto& literal : both) terms.emplace(literal.atom->key, literal.atom->term);
  std::set<std::string> seen;
  for (const auto& [key, term] : terms) {
    const TermShape shape = shape_of(*term, ranges.protocol());
    if (!shape.exact_range) return {};
    for (const auto& v : shape.variables) {
      if (!seen.insert(v).second) return {};
    }
  }
  std::set<std::string> keys_a, keys_b;
  for (const auto& literal : a) keys_a.insert(literal.atom->key);
  for (const auto& literal : b) keys_b.insert(literal.atom->key);
  const auto bands = feasible_bands(both, ranges);
  std::vector<std::pair<const ast::Expr*, Interval>> out;
  for (const auto& [key, term] : terms) {
    if (keys_a.count(key) && keys_b.count(key)) out.emplace_back(term, bands.at(key));
  }
  return out;
}

void check_pair(const LintContext& context, const RangeAnalyzer& ranges, const ast::Rule& forward, const ast::Rule& back,
                Diagnostics& out) {
  const auto a = plain_conjunction(forward, ranges);
  if (!a) return;
  const auto b = plain_conjunction(back, ranges);
  if (!b) return;
  const auto shared = overlap(*a, *b, ranges);
  if (shared.empty()) return;
  // With one shared term and one regress comparison on it, the advance bound that meets it is that comparison negated.
  std::string help = "make the bands meet without overlapping (for example advance below the value where regress starts)";
  if (shared.size() == 1) {
    const std::string key = format_expr(*shared.front().first);
    const Atom* regress_atom = nullptr;
    int on_key = 0;
    for (const auto& literal : *b) {
      if (literal.atom->key == key) {
        regress_atom = &*literal.atom;
        ++on_key;
      }
    }
    if (on_key == 1 && regress_atom->op != ast::Op::Eq && regress_atom->op != ast::Op::Ne && regress_atom->exact) {
      help = "make the bands meet without overlapping: write the " + std::string(ast::to_string(forward.kind)) + "'s bound as `" + key +
             " " + ast::to_string(negate_comparison(regress_atom->op)) + " " +
             describe_value(*regress_atom->term, regress_atom->value, ranges) + "`";
    }
  }
  std::string band;
  for (const auto& [term, values] : shared) {
    band += (band.empty() ? "" : " and ") + format_expr(*term) + " is " + describe_values(*term, values, ranges);
  }
  const bool forward_later = forward.span.begin > back.span.begin;
  const ast::Rule& later = forward_later ? forward : back;
  const ast::Rule& earlier = forward_later ? back : forward;
  out.push_back(lint_finding(context, later.condition->span, "G0408",
                             "`" + format_rule_head(forward) + "` and `" + format_rule_head(back) + "` are both true when " + band)
                    .label("overlaps the " + std::string(ast::to_string(earlier.kind)) + " rule")
                    .secondary(earlier.condition->span, std::string("this ") + ast::to_string(earlier.kind) + " rule")
                    .note("regress wins at run time, so the " + std::string(ast::to_string(forward.kind)) + " never acts there")
                    .help(help)
                    .d);
}

bool is_forward(const ast::Rule& r) { return r.kind == ast::RuleKind::Advance || r.kind == ast::RuleKind::Discharge; }

}  // namespace

void lint_advance_regress_overlap(const LintContext& context, Diagnostics& out) {
  const RangeAnalyzer ranges(context.protocol);
  for (const auto& phase : context.protocol.phases) {
    for (const auto& stage : phase.stages) {
      if (is_recovery(stage)) continue;
      for (const auto& forward : stage.rules) {
        if (!is_forward(forward)) continue;
        for (const auto& back : context.protocol.safety) {
          if (back.kind == ast::RuleKind::Regress) check_pair(context, ranges, forward, back, out);
        }
        for (const auto& back : stage.rules) {
          if (back.kind == ast::RuleKind::Regress) check_pair(context, ranges, forward, back, out);
        }
      }
    }
  }
}

}  // namespace gradus::lint

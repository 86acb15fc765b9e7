// G0404: a safety rule reads an input that can be missing from a session's
// entry, and no safety rule tests `missing()` of it, so on a day it is not
// logged the rule may silently not fire (a rule fires only when its
// condition is known true). Decisions (docs/lints.md#g0404):
//   - flags are exempt: a flag records something observed (tenderness on
//     examination, swelling); not logging it means it was not seen, and a
//     `hold if missing(flag)` would hold every session without an exam;
//   - cue rules are not safety decisions and are ignored, as readers and as guards;
//   - reads inside `baseline()` and `latest()` do not count: those are not
//     the session's own value (`missing(x)` could not cover them anyway);
//   - any non-cue safety rule whose condition contains `missing(E)` covers
//     every input E reads, directly or through lets.
#include <map>
#include <set>

#include "dsl/check/builtins.hpp"
#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_support.hpp"
#include "dsl/format/format_expr.hpp"

namespace gradus::lint {
namespace {

constexpr int kMaxDepth = 48;

// A read of an input by a rule: the name written in the rule (the input
// itself, or the let through which it is read).
struct Read {
  const ast::Expr* name = nullptr;
  const ast::Let* via = nullptr;
};

bool is_call_to(const ast::Expr& e, BuiltinFunction f) {
  if (e.kind != ast::ExprKind::Call) return false;
  const auto* info = find_builtin_function(e.name);
  return info && info->function == f;
}

// Inputs `e` reads as this session's values. `written` is the name in the
// rule the reads are attributed to (null: each name itself).
void collect_reads(const ast::Protocol& p, const ast::Expr& e, const ast::Expr* written, const ast::Let* via,
                   std::map<int, Read>& out, std::set<int>& lets_seen, int depth) {
  if (depth > kMaxDepth) return;
  if (is_call_to(e, BuiltinFunction::Missing) || is_call_to(e, BuiltinFunction::Baseline) || is_call_to(e, BuiltinFunction::Latest)) {
    return;
  }
  if (e.kind == ast::ExprKind::Name) {
    const auto s = resolve_name(p, e);
    const ast::Expr* at = written ? written : &e;
    if (s.kind == ast::SymbolKind::Input) {
      out.emplace(s.index, Read{at, via});
    } else if (s.kind == ast::SymbolKind::Let && s.index >= 0 && static_cast<std::size_t>(s.index) < p.lets.size()) {
      if (!lets_seen.insert(s.index).second) return;  // each let's reads once: the first name keeps them
      const auto& let = p.lets[static_cast<std::size_t>(s.index)];
      if (let.value) collect_reads(p, *let.value, at, via ? via : &let, out, lets_seen, depth + 1);
    }
    return;
  }
  for (const auto& arg : e.args) {
    if (arg) collect_reads(p, *arg, written, via, out, lets_seen, depth + 1);
  }
}

// Every input read anywhere below `e`, through lets (for the argument of `missing`).
void all_inputs(const ast::Protocol& p, const ast::Expr& e, std::set<int>& out, std::set<int>& lets_seen, int depth) {
  if (depth > kMaxDepth) return;
  if (e.kind == ast::ExprKind::Name) {
    const auto s = resolve_name(p, e);
    if (s.kind == ast::SymbolKind::Input) out.insert(s.index);
    if (s.kind == ast::SymbolKind::Let && s.index >= 0 && static_cast<std::size_t>(s.index) < p.lets.size() &&
        lets_seen.insert(s.index).second) {
      const auto& value = p.lets[static_cast<std::size_t>(s.index)].value;
      if (value) all_inputs(p, *value, out, lets_seen, depth + 1);
    }
  }
  for (const auto& arg : e.args) {
    if (arg) all_inputs(p, *arg, out, lets_seen, depth + 1);
  }
}

}  // namespace

void lint_unguarded_safety_input(const LintContext& context, Diagnostics& out) {
  const auto& p = context.protocol;
  std::set<int> covered;
  for (const auto& rule : p.safety) {
    if (rule.kind == ast::RuleKind::Cue || !rule.condition) continue;
    walk(*rule.condition, [&](const ast::Expr& e) {
      if (is_call_to(e, BuiltinFunction::Missing)) {
        for (const auto& arg : e.args) {
          std::set<int> lets_seen;
          if (arg) all_inputs(p, *arg, covered, lets_seen, 0);
        }
      }
    });
  }
  struct Finding {
    const ast::Rule* rule;
    Read read;
    std::vector<const ast::Rule*> others;
  };
  std::map<int, Finding> findings;  // by input index: reported once, at the first rule
  for (const auto& rule : p.safety) {
    if (rule.kind == ast::RuleKind::Cue || !rule.condition) continue;
    std::map<int, Read> reads;
    std::set<int> lets_seen;
    collect_reads(p, *rule.condition, nullptr, nullptr, reads, lets_seen, 0);
    for (const auto& [input, read] : reads) {
      if (input < 0 || static_cast<std::size_t>(input) >= p.inputs.size()) continue;
      if (covered.count(input) || p.inputs[static_cast<std::size_t>(input)].type.kind == ast::InputKind::Flag) continue;
      auto it = findings.find(input);
      if (it == findings.end()) {
        findings.emplace(input, Finding{&rule, read, {}});
      } else {
        it->second.others.push_back(&rule);
      }
    }
  }
  for (const auto& [input, f] : findings) {
    const auto& decl = p.inputs[static_cast<std::size_t>(input)];
    std::string message = "on a session where " + decl.name + " is not logged, safety rule `" + format_rule_head(*f.rule) +
                          "` may silently not fire: no safety rule tests `missing(" + decl.name + ")`";
    auto d = lint_finding(context, f.read.name->span, "G0404", std::move(message));
    d.label(f.read.via ? decl.name + " is read through " + f.read.via->name : decl.name + " can be missing");
    d.secondary(decl.name_span, decl.name + " declared here");
    for (const auto* other : f.others) d.note("also read by `" + format_rule_head(*other) + "`");
    d.help("add `hold if missing(" + decl.name + ")` to `safety`, or join it to an existing `missing(...)` rule with `or`");
    out.push_back(std::move(d.d));
  }
}

}  // namespace gradus::lint

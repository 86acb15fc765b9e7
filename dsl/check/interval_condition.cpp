#include "dsl/check/interval_condition.hpp"

#include <cmath>

#include "dsl/check/builtins.hpp"
#include "dsl/check/lint_support.hpp"
#include "dsl/format/format_expr.hpp"

namespace gradus::lint {
namespace {

constexpr int kMaxDepth = 48;

using Dnf = std::vector<Conjunction>;

bool is_whole(double v) { return std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15; }

constexpr std::size_t kMaxLiterals = 256;  // per conjunction: `b1 = b0 and b0` chains double it each time

std::optional<Dnf> product(const Dnf& a, const Dnf& b, std::size_t cap) {
  if (a.size() * b.size() > cap) return std::nullopt;
  Dnf out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (x.size() + y.size() > kMaxLiterals) return std::nullopt;
      Conjunction c = x;
      c.insert(c.end(), y.begin(), y.end());
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::optional<Dnf> sum(Dnf a, const Dnf& b, std::size_t cap) {
  if (a.size() + b.size() > cap) return std::nullopt;
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The input a bare name reads today, or -1.
int input_named(const ast::Protocol& protocol, const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Name) return -1;
  const auto s = resolve_name(protocol, e);
  if (s.kind != ast::SymbolKind::Input || s.index < 0 || static_cast<std::size_t>(s.index) >= protocol.inputs.size()) return -1;
  return s.index;
}

Dnf opaque(const ast::Expr& source, bool possible) { return Dnf{Conjunction{Literal{&source, std::nullopt, possible}}}; }

class DnfBuilder {
 public:
  DnfBuilder(const RangeAnalyzer& ranges, std::size_t cap) : ranges_(ranges), cap_(cap) {}

  std::optional<Dnf> build(const ast::Expr& e, bool negated, int depth) {
    if (depth > kMaxDepth) return opaque(e, true);
    switch (e.kind) {
      case ast::ExprKind::Unary:
        if (e.op == ast::Op::Not && !e.args.empty() && e.args[0]) {
          auto inner = build(*e.args[0], !negated, depth + 1);
          // `not swelling` is one literal: point messages at what was written.
          if (inner && inner->size() == 1 && inner->front().size() == 1 && inner->front()[0].source == e.args[0].get()) {
            inner->front()[0].source = &e;
          }
          return inner;
        }
        return opaque(e, true);
      case ast::ExprKind::Binary: {
        if (e.args.size() != 2 || !e.args[0] || !e.args[1]) return opaque(e, true);
        if (e.op == ast::Op::And || e.op == ast::Op::Or) {
          auto a = build(*e.args[0], negated, depth + 1);
          if (!a) return std::nullopt;
          auto b = build(*e.args[1], negated, depth + 1);
          if (!b) return std::nullopt;
          // not (A and B) is (not A) or (not B); not (A or B) is (not A) and (not B).
          const bool conjunctive = (e.op == ast::Op::And) != negated;
          return conjunctive ? product(*a, *b, cap_) : sum(std::move(*a), *b, cap_);
        }
        if (is_comparison(e.op)) return Dnf{Conjunction{comparison(e, negated ? negate_comparison(e.op) : e.op)}};
        return opaque(e, true);
      }
      case ast::ExprKind::Name: {
        const auto s = resolve_name(ranges_.protocol(), e);
        const auto& p = ranges_.protocol();
        if (s.kind == ast::SymbolKind::Input && s.index >= 0 && static_cast<std::size_t>(s.index) < p.inputs.size() &&
            p.inputs[static_cast<std::size_t>(s.index)].type.kind == ast::InputKind::Flag) {
          Atom atom{&e, format_expr(e), ast::Op::Eq, negated ? 0.0 : 1.0, true};
          return Dnf{Conjunction{Literal{&e, atom, true}}};
        }
        if (s.kind == ast::SymbolKind::Let && s.index >= 0 && static_cast<std::size_t>(s.index) < p.lets.size()) {
          const auto& value = p.lets[static_cast<std::size_t>(s.index)].value;
          // A boolean let is its condition; a number let stays one term.
          if (value && is_condition(*value)) {
            // Memoized per let and polarity, so lets built from lets stay linear.
            const auto key = std::make_pair(s.index, negated);
            auto it = let_dnfs_.find(key);
            if (it != let_dnfs_.end()) return it->second ? it->second : std::nullopt;
            let_dnfs_[key] = opaque(e, true);  // a cycle (only in an unchecked tree) says nothing
            auto dnf = build(*value, negated, depth + 1);
            let_dnfs_[key] = dnf;
            return dnf;
          }
        }
        return opaque(e, true);
      }
      case ast::ExprKind::Streak:
        // True on each of the last N sessions: possible when the condition is.
        if (negated || e.args.empty() || !e.args[0]) return opaque(e, true);
        return opaque(e, can_be_true(*e.args[0], depth + 1));
      case ast::ExprKind::Call: {
        const auto* f = find_builtin_function(e.name);
        if (!negated && f && f->function == BuiltinFunction::Missing && !e.args.empty() && e.args[0]) {
          const int input = input_of(*e.args[0]);
          if (input >= 0) return Dnf{Conjunction{Literal{&e, std::nullopt, true, input}}};
        }
        if (!negated && f && (f->function == BuiltinFunction::All || f->function == BuiltinFunction::Any) && !e.args.empty() &&
            e.args[0]) {
          return opaque(e, can_be_true(*e.args[0], depth + 1));
        }
        return opaque(e, true);
      }
      default:
        return opaque(e, true);
    }
  }

 private:
  int input_of(const ast::Expr& e) const { return input_named(ranges_.protocol(), e); }

  static bool is_condition(const ast::Expr& e) {
    switch (e.kind) {
      case ast::ExprKind::Unary: return e.op == ast::Op::Not;
      case ast::ExprKind::Binary: return e.op == ast::Op::And || e.op == ast::Op::Or || is_comparison(e.op);
      case ast::ExprKind::Streak: return true;
      default: return e.type.kind == ast::TypeKind::Boolean;
    }
  }

  bool can_be_true(const ast::Expr& e, int depth) {
    auto dnf = build(e, false, depth);
    if (!dnf) return true;
    for (const auto& c : *dnf) {
      if (!contradiction(c, ranges_)) return true;
    }
    return false;
  }

  Literal comparison(const ast::Expr& e, ast::Op op) {
    const ast::Expr& l = *e.args[0];
    const ast::Expr& r = *e.args[1];
    const LiteralContext lc = ranges_.context_of(l), rc = ranges_.context_of(r);
    std::optional<Atom> atom;
    if (auto v = ranges_.constant(r, lc)) {
      atom = Atom{&l, {}, op, *v, true};
    } else if (auto w = ranges_.constant(l, rc)) {
      atom = Atom{&r, {}, swap_comparison(op), *w, true};
    }
    if (!atom) return Literal{&e, std::nullopt, can_compare_true(ranges_.range(l, rc), op, ranges_.range(r, lc))};
    isolate(*atom);
    atom->key = format_expr(*atom->term);
    return Literal{&e, atom, true};
  }

  // Moves constants off the term: `x + 2 > 5` is `x > 3`, `-x < 1` is `x > -1`, `2 * x <= 6` is `x <= 3`.
  void isolate(Atom& a) {
    for (int guard = 0; guard < kMaxDepth; ++guard) {
      const ast::Expr& t = *a.term;
      if (t.kind == ast::ExprKind::Unary && t.op == ast::Op::Neg && !t.args.empty() && t.args[0]) {
        a.term = t.args[0].get();
        a.value = -a.value;
        a.op = swap_comparison(a.op);
        continue;
      }
      if (t.kind != ast::ExprKind::Binary || t.args.size() != 2 || !t.args[0] || !t.args[1]) return;
      const ast::Expr& x = *t.args[0];
      const ast::Expr& y = *t.args[1];
      const bool additive = t.op == ast::Op::Add || t.op == ast::Op::Sub;
      const bool multiplicative = t.op == ast::Op::Mul || t.op == ast::Op::Div;
      if (!additive && !multiplicative) return;
      auto value_of = [&](const ast::Expr& c, const ast::Expr& other) -> std::optional<double> {
        if (multiplicative && c.kind == ast::ExprKind::Number && c.number.unit == Unit::None) return c.number.value;
        return ranges_.constant(c, additive ? ranges_.context_of(other) : LiteralContext{});
      };
      const auto cy = value_of(y, x);
      const auto cx = cy ? std::nullopt : value_of(x, y);
      if (!cx && !cy) return;
      const double c = cy ? *cy : *cx;
      const ast::Expr* rest = cy ? &x : &y;
      const bool exact_step = is_whole(c) && is_whole(a.value);
      switch (t.op) {
        case ast::Op::Add:
          a.value -= c;
          break;
        case ast::Op::Sub:
          if (cy) {
            a.value += c;  // x - c op v
          } else {
            a.value = c - a.value;  // c - x op v  <=>  x swap(op) c - v
            a.op = swap_comparison(a.op);
          }
          break;
        case ast::Op::Mul:
          if (c == 0) return;
          a.value /= c;
          if (c < 0) a.op = swap_comparison(a.op);
          break;
        case ast::Op::Div:
          if (!cy || c == 0) return;  // c / x is not linear in x
          a.value *= c;
          if (c < 0) a.op = swap_comparison(a.op);
          break;
        default:
          return;
      }
      if (!(additive && exact_step) && !(t.op == ast::Op::Div && exact_step)) a.exact = false;
      a.term = rest;
    }
  }

  const RangeAnalyzer& ranges_;
  std::size_t cap_;
  std::map<std::pair<int, bool>, std::optional<Dnf>> let_dnfs_;
};

struct TermState {
  Interval set;
  Interval range;
  std::vector<double> excluded;
  std::vector<const Literal*> literals;
};

Interval atom_set(const Atom& a) {
  const Interval s = comparison_set(a.op, a.value);
  return a.exact ? s : s.widened();
}

bool feasible(const Interval& set, const std::vector<double>& excluded) {
  if (set.empty()) return false;
  if (excluded.empty()) return true;
  const Interval n = set.normalized();
  auto is_excluded = [&](double v) {
    for (double x : excluded) {
      if (x == v) return true;
    }
    return false;
  };
  if (n.is_point()) return !is_excluded(n.lo);
  // Enumerate small whole ranges (where +1 still moves: |v| below 2^53).
  if (n.integral && std::fabs(n.lo) < 1e15 && std::fabs(n.hi) < 1e15 && n.hi - n.lo < 256) {
    for (double v = n.lo; v <= n.hi; v += 1) {
      if (!is_excluded(v)) return true;
    }
    return false;
  }
  return true;
}

// Applies a literal's atom to a state: narrows the set or excludes a point.
void apply(TermState& st, const Atom& a) {
  if (a.op == ast::Op::Ne) {
    if (a.exact) st.excluded.push_back(a.value);
  } else {
    st.set = st.set.intersect(atom_set(a));
  }
}

}  // namespace

std::optional<std::vector<Conjunction>> to_dnf(const ast::Expr& condition, const RangeAnalyzer& ranges, std::size_t cap) {
  return DnfBuilder(ranges, cap).build(condition, false, 0);
}

namespace {

// `missing(x) and x > 3`: while x is missing the comparison is unknown unless
// every value of x's range satisfies it, so the pair is never known true.
std::optional<Contradiction> unknown_when_missing(const Conjunction& conjunction, const RangeAnalyzer& ranges) {
  for (const auto& missing : conjunction) {
    if (missing.missing_input < 0) continue;
    for (const auto& literal : conjunction) {
      if (!literal.atom || input_named(ranges.protocol(), *literal.atom->term) != missing.missing_input) continue;
      const Interval range = ranges.range(*literal.atom->term);
      Atom opposite = *literal.atom;
      opposite.op = negate_comparison(opposite.op);
      TermState st{range, range, {}, {}};
      apply(st, opposite);
      if (!feasible(st.set, st.excluded)) continue;  // true for every value: known true even when missing
      Contradiction c{&literal, &missing, literal.atom->key, range};
      c.unknown_when_missing = true;
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Contradiction> contradiction(const Conjunction& conjunction, const RangeAnalyzer& ranges) {
  std::map<std::string, TermState> states;
  for (const auto& literal : conjunction) {
    if (!literal.atom) {
      if (!literal.possible) return Contradiction{&literal, nullptr, {}, {}};
      continue;
    }
    const Atom& a = *literal.atom;
    auto it = states.find(a.key);
    if (it == states.end()) {
      const Interval r = ranges.range(*a.term);
      it = states.emplace(a.key, TermState{r, r, {}, {}}).first;
    }
    TermState& st = it->second;
    apply(st, a);
    st.literals.push_back(&literal);
    if (feasible(st.set, st.excluded)) continue;
    // Impossible: by itself against the term's range, or against one earlier literal?
    TermState alone{st.range, st.range, {}, {}};
    apply(alone, a);
    if (!feasible(alone.set, alone.excluded)) return Contradiction{&literal, nullptr, a.key, st.range};
    for (std::size_t i = 0; i + 1 < st.literals.size(); ++i) {
      TermState pair = alone;
      apply(pair, *st.literals[i]->atom);
      if (!feasible(pair.set, pair.excluded)) return Contradiction{&literal, st.literals[i], a.key, st.range};
    }
    return Contradiction{&literal, st.literals.front(), a.key, st.range};
  }
  return unknown_when_missing(conjunction, ranges);
}

std::map<std::string, Interval> feasible_bands(const Conjunction& conjunction, const RangeAnalyzer& ranges) {
  std::map<std::string, TermState> states;
  for (const auto& literal : conjunction) {
    if (!literal.atom) continue;
    const Atom& a = *literal.atom;
    auto it = states.find(a.key);
    if (it == states.end()) {
      const Interval r = ranges.range(*a.term);
      it = states.emplace(a.key, TermState{r, r, {}, {}}).first;
    }
    apply(it->second, a);
  }
  std::map<std::string, Interval> out;
  for (const auto& [key, st] : states) out.emplace(key, st.set.normalized());
  return out;
}

namespace {

void collect(const ast::Expr& e, const ast::Protocol& p, const std::string& prefix, std::map<std::string, int>& uses, bool& exact,
             std::set<int>& lets_seen, int depth) {
  if (depth > kMaxDepth) {
    exact = false;
    return;
  }
  switch (e.kind) {
    case ast::ExprKind::Name: {
      const auto s = resolve_name(p, e);
      if (s.kind == ast::SymbolKind::Input) {
        ++uses[prefix + "input:" + std::to_string(s.index)];
      } else if (s.kind == ast::SymbolKind::Let && s.index >= 0 && static_cast<std::size_t>(s.index) < p.lets.size()) {
        // A let read twice reads its inputs twice: the range is no longer exact, and one walk is enough.
        if (!lets_seen.insert(s.index).second) {
          exact = false;
          return;
        }
        const auto& value = p.lets[static_cast<std::size_t>(s.index)].value;
        if (value) collect(*value, p, prefix, uses, exact, lets_seen, depth + 1);
      } else if (s.kind == ast::SymbolKind::Builtin) {
        // Minutes and sRPE move together, and so do the stage counters.
        switch (static_cast<BuiltinSeries>(s.index)) {
          case BuiltinSeries::RunMinutes:
          case BuiltinSeries::TotalMinutes:
          case BuiltinSeries::Srpe: ++uses["series:load"]; break;
          case BuiltinSeries::SessionsInStage:
          case BuiltinSeries::DaysInStage: ++uses["series:stage"]; break;
          case BuiltinSeries::DaysSinceLastSession: ++uses["series:gap"]; break;
        }
      }
      return;
    }
    case ast::ExprKind::Binary:
      if (e.op == ast::Op::Div) exact = false;
      break;
    case ast::ExprKind::Call: {
      const auto* f = find_builtin_function(e.name);
      if (f && f->function == BuiltinFunction::Baseline) {
        for (const auto& arg : e.args) {
          if (arg) collect(*arg, p, prefix + "baseline:", uses, exact, lets_seen, depth + 1);
        }
        return;
      }
      if (!f || e.window) exact = false;  // windows and load ratios: ranges are wide guesses
      break;
    }
    default:
      break;
  }
  for (const auto& arg : e.args) {
    if (arg) collect(*arg, p, prefix, uses, exact, lets_seen, depth + 1);
  }
}

}  // namespace

TermShape shape_of(const ast::Expr& term, const ast::Protocol& protocol) {
  std::map<std::string, int> uses;
  TermShape shape;
  std::set<int> lets_seen;
  collect(term, protocol, "", uses, shape.exact_range, lets_seen, 0);
  for (const auto& [name, count] : uses) {
    shape.variables.insert(name);
    if (count > 1) shape.exact_range = false;
  }
  return shape;
}

}  // namespace gradus::lint

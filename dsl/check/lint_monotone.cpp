// G0410 rule rewards worse symptoms: an advance/discharge rule whose condition
// can be made true by a worse symptom, or a hold/regress/refer rule whose
// condition can only be made false by one. A sound-enough polarity analysis:
// comparisons, not/and/or, lets, max/min and the monotone aggregates,
// arithmetic signs; anything it cannot follow counts as "both ways", which
// never makes a hold rule look rewarding and only flags an advance rule that
// really can turn true on a worse value.
#include "dsl/check/lint_monotone.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>
#include <vector>
#include <limits>

#include "dsl/check/builtins.hpp"
#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_support.hpp"
#include "dsl/check/symptom_direction.hpp"

namespace gradus::lint {
namespace {

constexpr double kNoBound = -std::numeric_limits<double>::infinity();
constexpr int kMaxDepth = 256;  // lets nest; the checker rejects cycles, this guards anyway

Polarity flip(Polarity p) { return {p.fall, p.rise}; }
Polarity join(Polarity a, Polarity b) { return {a.rise || b.rise, a.fall || b.fall}; }
constexpr Polarity kBoth{true, true};

// When a value was logged, relative to the session judged: the session
// itself, the one before, or a window `M days ago`. One worse entry is read
// in one of these at a time, so a condition is analysed once per time slot
// (`x - previous(x)` rises with today's x and falls with yesterday's).
struct Slot {
  enum Kind { Now, Previous, Offset } kind = Now;
  double offset = 0;
  bool operator==(const Slot&) const = default;
};

// How a sub-expression reads its inputs: directly (the session), over a
// recent window or streak (the session and the ones before), or over a window
// in the past.
struct Reading {
  enum Kind { Direct, Recent, Previous, Past } kind = Direct;
  double offset = 0;
  bool reads(const Slot& slot) const {
    switch (kind) {
      case Direct: return slot.kind == Slot::Now;
      case Recent: return slot.kind == Slot::Now || slot.kind == Slot::Previous;
      case Previous: return slot.kind == Slot::Previous;
      case Past: return slot.kind == Slot::Offset && slot.offset == offset;
    }
    return false;
  }
};

struct Analysis {
  const ast::Protocol& protocol;
  std::size_t symptom;
  SymptomDirection direction;
  Slot slot;
  // Lets may read the previous let twice (`a1 = a0 * a0`): each let is
  // analysed once per way of reading it, or the walk would be exponential.
  mutable std::map<std::tuple<int, int, double>, Polarity> let_polarity{};
  mutable std::map<int, double> let_lowest{};

  int let_index(const ast::Expr& e) const {
    if (e.kind != ast::ExprKind::Name) return -1;
    const auto sym = resolve_name(protocol, e);
    if (sym.kind != ast::SymbolKind::Let || sym.index < 0 || static_cast<std::size_t>(sym.index) >= protocol.lets.size())
      return -1;
    return sym.index;
  }

  const ast::Expr* let_value(const ast::Expr& e) const {
    const auto sym = resolve_name(protocol, e);
    if (sym.kind != ast::SymbolKind::Let || sym.index < 0 || static_cast<std::size_t>(sym.index) >= protocol.lets.size())
      return nullptr;
    return protocol.lets[static_cast<std::size_t>(sym.index)].value.get();
  }

  bool is_symptom(const ast::Expr& e) const {
    if (e.kind != ast::ExprKind::Name) return false;
    const auto sym = resolve_name(protocol, e);
    return sym.kind == ast::SymbolKind::Input && sym.index == static_cast<int>(symptom);
  }

  static Reading widen(Reading r) {
    return r.kind == Reading::Past ? r : Reading{Reading::Recent, 0};
  }

  // The smallest value the expression can take (kNoBound when unknown).
  double lowest(const ast::Expr& e, int depth) const {
    if (depth > kMaxDepth) return kNoBound;
    switch (e.kind) {
      case ast::ExprKind::Number: return e.number.value;
      case ast::ExprKind::Name: {
        if (const ast::Expr* v = let_value(e)) {
          const int k = let_index(e);
          if (auto it = let_lowest.find(k); it != let_lowest.end()) return it->second;
          const double low = lowest(*v, depth + 1);
          let_lowest[k] = low;
          return low;
        }
        const auto sym = resolve_name(protocol, e);
        if (sym.kind == ast::SymbolKind::GradeValue || sym.kind == ast::SymbolKind::ChoiceValue) return sym.index;
        if (sym.kind != ast::SymbolKind::Input || sym.index < 0) return kNoBound;
        const auto& t = protocol.inputs[static_cast<std::size_t>(sym.index)].type;
        switch (t.kind) {
          case ast::InputKind::Score: return t.lo.value;
          case ast::InputKind::Quantity: return kNoBound;
          default: return 0;
        }
      }
      case ast::ExprKind::Call: {
        if (e.args.empty()) return kNoBound;
        if (e.name == "max" || e.name == "min") {
          double best = lowest(*e.args[0], depth + 1);
          for (std::size_t i = 1; i < e.args.size(); ++i) {
            const double b = lowest(*e.args[i], depth + 1);
            best = e.name == "max" ? std::max(best, b) : std::min(best, b);
          }
          return best;
        }
        if (e.name == "latest" || e.name == "previous" || e.name == "mean") return lowest(*e.args[0], depth + 1);
        if (e.name == "count") return 0;
        if (e.name == "sum") return lowest(*e.args[0], depth + 1) >= 0 ? 0 : kNoBound;
        return kNoBound;
      }
      default: return kNoBound;
    }
  }

  // A literal grade/choice or number: its value; nullopt otherwise.
  std::optional<double> constant(const ast::Expr& e) const {
    if (e.kind == ast::ExprKind::Number) return e.number.value;
    if (e.kind == ast::ExprKind::Unary && e.op == ast::Op::Neg && !e.args.empty()) {
      if (const auto c = constant(*e.args[0])) return -*c;
      return std::nullopt;
    }
    if (e.kind == ast::ExprKind::Name || e.kind == ast::ExprKind::Grade) {
      const auto sym = resolve_name(protocol, e);
      if (sym.kind == ast::SymbolKind::GradeValue || sym.kind == ast::SymbolKind::ChoiceValue) return sym.index;
    }
    return std::nullopt;
  }

  // A word naming one of the symptom's own choices or grades (also before
  // the checker has annotated it).
  std::optional<double> choice_index(const ast::Expr& e) const {
    if (e.kind != ast::ExprKind::Name && e.kind != ast::ExprKind::Grade) return std::nullopt;
    const auto& names = protocol.inputs[symptom].type.names;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == e.name) return static_cast<double>(i);
    return std::nullopt;
  }

  Polarity equality(const ast::Expr& a, const ast::Expr& b, int depth, Reading r) const {
    // Choices: worse only leaves the first (symptom-free) choice.
    if (direction == SymptomDirection::NotFirstWorse) {
      const ast::Expr* name = is_symptom(a) ? &a : is_symptom(b) ? &b : nullptr;
      if (name && !r.reads(slot)) return {};
      if (name) {
        auto c = constant(name == &a ? b : a);
        if (!c) c = choice_index(name == &a ? b : a);
        if (!c) return kBoth;
        return *c == 0 ? Polarity{false, true} : Polarity{true, false};
      }
    }
    const Polarity pa = of(a, depth + 1, r), pb = of(b, depth + 1, r);
    const Polarity diff = join(pa, flip(pb));
    if (!diff.rise && !diff.fall) return {};
    // x == its lowest value, x rising only: a worse value can only end it.
    for (const auto* side : {&a, &b}) {
      const auto& other = side == &a ? b : a;
      const Polarity ps = side == &a ? pa : pb;
      const Polarity po = side == &a ? pb : pa;
      auto c = constant(other);
      if (!c && is_symptom(*side)) c = choice_index(other);
      if (c && !po.rise && !po.fall && ps.rise && !ps.fall && *c <= lowest(*side, depth + 1)) return {false, true};
    }
    return kBoth;
  }

  Polarity of(const ast::Expr& e, int depth, Reading r = {}) const {
    if (depth > kMaxDepth) return kBoth;
    switch (e.kind) {
      case ast::ExprKind::Number:
      case ast::ExprKind::Grade:
        return {};
      case ast::ExprKind::Name: {
        if (const ast::Expr* v = let_value(e)) {
          const auto key = std::make_tuple(let_index(e), static_cast<int>(r.kind), r.offset);
          if (auto it = let_polarity.find(key); it != let_polarity.end()) return it->second;
          const Polarity p = of(*v, depth + 1, r);
          let_polarity[key] = p;
          return p;
        }
        if (!is_symptom(e) || !r.reads(slot)) return {};
        // A choice on its own has no order; comparisons handle it (equality).
        return direction == SymptomDirection::NotFirstWorse ? kBoth : Polarity{true, false};
      }
      case ast::ExprKind::Unary:
        if (e.args.empty()) return {};
        return flip(of(*e.args[0], depth + 1, r));
      case ast::ExprKind::Streak:
        return e.args.empty() ? Polarity{} : of(*e.args[0], depth + 1, widen(r));
      case ast::ExprKind::Call: {
        const std::string& f = e.name;
        if (f == "missing" || f == "baseline" || f == "acwr" || f == "acwr_uncoupled" || f == "acwr_ewma" ||
            f == "monotony" || f == "strain" || f == "advances_in")
          return {};  // presence, the baseline and load metrics do not move with an entry's symptom
        Reading inner = r;
        if (f == "previous") inner = r.kind == Reading::Direct ? Reading{Reading::Previous, 0} : widen(r);
        if (e.window) {
          if (e.window->offset) inner = Reading{Reading::Past, e.window->offset->value};
          else inner = widen(r);
        }
        Polarity p;
        for (const auto& arg : e.args) p = join(p, of(*arg, depth + 1, inner));
        if (f == "abs" && (p.rise || p.fall)) return kBoth;
        return p;  // max, min, mean, sum, count, all, any, latest, previous: monotone
      }
      case ast::ExprKind::Binary: {
        if (e.args.size() < 2) return {};
        const ast::Expr& a = *e.args[0];
        const ast::Expr& b = *e.args[1];
        switch (e.op) {
          case ast::Op::And:
          case ast::Op::Or:
          case ast::Op::Add:
            return join(of(a, depth + 1, r), of(b, depth + 1, r));
          case ast::Op::Sub:
          case ast::Op::Gt:
          case ast::Op::Ge:
            return join(of(a, depth + 1, r), flip(of(b, depth + 1, r)));
          case ast::Op::Lt:
          case ast::Op::Le:
            return flip(join(of(a, depth + 1, r), flip(of(b, depth + 1, r))));
          case ast::Op::Eq:
            return equality(a, b, depth, r);
          case ast::Op::Ne:
            return flip(equality(a, b, depth, r));
          case ast::Op::Mul:
          case ast::Op::Div: {
            const Polarity pa = of(a, depth + 1, r), pb = of(b, depth + 1, r);
            const auto ca = constant(a), cb = constant(b);
            if (e.op == ast::Op::Mul && ca && !pb.rise && !pb.fall) return {};
            if (cb) return *cb < 0 ? flip(pa) : *cb == 0 ? Polarity{} : pa;
            if (e.op == ast::Op::Mul && ca) return *ca < 0 ? flip(pb) : *ca == 0 ? Polarity{} : pb;
            return (pa.rise || pa.fall || pb.rise || pb.fall) ? kBoth : Polarity{};
          }
          default:
            return kBoth;
        }
      }
    }
    return kBoth;
  }
};

bool moves_forward(ast::RuleKind kind) { return kind == ast::RuleKind::Advance || kind == ast::RuleKind::Discharge; }
bool holds_back(ast::RuleKind kind) {
  return kind == ast::RuleKind::Hold || kind == ast::RuleKind::Regress || kind == ast::RuleKind::Refer;
}

void check_rule(const LintContext& context, const ast::Rule& rule, Diagnostics& out) {
  if (!rule.condition || !(moves_forward(rule.kind) || holds_back(rule.kind))) return;
  const auto& protocol = context.protocol;
  for (std::size_t i = 0; i < protocol.inputs.size(); ++i) {
    const auto direction = symptom_direction(protocol.inputs[i]);
    if (direction == SymptomDirection::None) continue;
    std::vector<Slot> slots{{Slot::Now, 0}, {Slot::Previous, 0}};
    walk(*rule.condition, [&](const ast::Expr& e) {
      if (e.window && e.window->offset) slots.push_back({Slot::Offset, e.window->offset->value});
    });
    for (const auto& l : protocol.lets)
      if (l.value) walk(*l.value, [&](const ast::Expr& e) {
          if (e.window && e.window->offset) slots.push_back({Slot::Offset, e.window->offset->value});
        });
    const std::string head = std::string("`") + ast::to_string(rule.kind) + " if " +
                             span_text(protocol, rule.condition->span) + "`";
    const std::string& name = protocol.inputs[i].name;
    for (const Slot& slot : slots) {
      const Polarity p = Analysis{protocol, i, direction, slot, {}, {}}.of(*rule.condition, 0);
      const std::string when = slot.kind == Slot::Now        ? ""
                               : slot.kind == Slot::Previous ? " at an earlier session"
                                                             : " in the window " + number_text(slot.offset) + " days ago";
      if (moves_forward(rule.kind) && p.rise) {
        out.push_back(lint_finding(context, rule.condition->span, "G0410", head + " is made true by more " + name + when)
                          .help("an athlete whose " + name + " is worse must not move on sooner; compare the other way round"));
        return;
      }
      if (holds_back(rule.kind) && p.fall && !p.rise) {
        out.push_back(lint_finding(context, rule.condition->span, "G0410", head + " holds back only less " + name + when)
                          .help("a worse " + name + " must not escape this rule; make it fire on more " + name));
        return;
      }
    }
  }
}

}  // namespace

Polarity polarity(const ast::Protocol& protocol, const ast::Expr& expr, std::size_t symptom) {
  if (symptom >= protocol.inputs.size()) return {};
  const auto direction = symptom_direction(protocol.inputs[symptom]);
  if (direction == SymptomDirection::None) return {};
  return Analysis{protocol, symptom, direction, Slot{}, {}, {}}.of(expr, 0);
}

void lint_rewards_worse(const LintContext& context, Diagnostics& out) {
  for (const auto& rule : context.protocol.safety) check_rule(context, rule, out);
  for (const auto& phase : context.protocol.phases)
    for (const auto& stage : phase.stages)
      for (const auto& rule : stage.rules) check_rule(context, rule, out);
}

}  // namespace gradus::lint

#include "dsl/check/interval_eval.hpp"

#include <algorithm>
#include <cmath>

#include "dsl/check/builtins.hpp"
#include "dsl/check/lint_support.hpp"

namespace gradus::lint {
namespace {

constexpr int kMaxDepth = 48;  // lets may nest; the checker rejects cycles, this guards unchecked trees

Interval input_range(const ast::Input& input) {
  const auto& t = input.type;
  switch (t.kind) {
    case ast::InputKind::Score: return Interval::closed(std::min(t.lo.value, t.hi.value), std::max(t.lo.value, t.hi.value));
    case ast::InputKind::Flag: return Interval::boolean();
    case ast::InputKind::Count: return {0, kInf, false, false, true};
    case ast::InputKind::Percent: return Interval::at_least(0);
    case ast::InputKind::Quantity: return Interval::at_least(0);
    case ast::InputKind::Levels:
    case ast::InputKind::OneOf:
      return Interval::whole(0, static_cast<double>(t.names.size()) - 1);
  }
  return Interval::all();
}

Interval series_range(int index) {
  switch (static_cast<BuiltinSeries>(index)) {
    case BuiltinSeries::RunMinutes:
    case BuiltinSeries::TotalMinutes:
    case BuiltinSeries::Srpe:
      return Interval::at_least(0);
    case BuiltinSeries::SessionsInStage:
    case BuiltinSeries::DaysInStage:
      return {1, kInf, false, false, true};  // both count the session being judged
    case BuiltinSeries::DaysSinceLastSession:
      return {0, kInf, false, false, true};
  }
  return Interval::all();
}

bool is_bare_number(const ast::Expr& e) {
  return e.kind == ast::ExprKind::Number && e.number.unit == Unit::None && e.inferred_unit == Unit::None;
}

// The position of a grade or choice word among an input's names, or -1.
int name_position(const ast::Protocol& protocol, int input, const std::string& word) {
  if (input < 0 || static_cast<std::size_t>(input) >= protocol.inputs.size()) return -1;
  const auto& names = protocol.inputs[static_cast<std::size_t>(input)].type.names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == word) return static_cast<int>(i);
  }
  return -1;
}

bool is_arithmetic(ast::Op op) { return op == ast::Op::Add || op == ast::Op::Sub || op == ast::Op::Mul || op == ast::Op::Div; }

}  // namespace

std::optional<double> RangeAnalyzer::factor_constant(const ast::Expr& e) const {
  // A unitless number multiplying or dividing is a plain factor (`1.05 * baseline(cadence)`),
  // even where the checker inferred a unit for it.
  if (e.kind == ast::ExprKind::Number && e.number.unit == Unit::None) return e.number.value;
  return constant(e, {});
}

double literal_value(const ast::Expr& number, Unit context) {
  Unit unit = number.number.unit;
  if (unit == Unit::None) unit = number.inferred_unit;
  if (unit == Unit::None) unit = context;
  return number.number.value * info(unit).to_base;
}

RangeAnalyzer::RangeAnalyzer(const ast::Protocol& protocol)
    : protocol_(protocol), let_ranges_(protocol.lets.size()), let_contexts_(protocol.lets.size()) {}

Interval RangeAnalyzer::range(const ast::Expr& expr, LiteralContext context) const { return range_at(expr, context, 0); }

LiteralContext RangeAnalyzer::context_of(const ast::Expr& expr) const { return context_at(expr, 0); }

LiteralContext RangeAnalyzer::context_at(const ast::Expr& e, int depth) const {
  if (depth > kMaxDepth) return {};
  LiteralContext c;
  if (e.type.kind == ast::TypeKind::Quantity) c.unit = e.type.unit;
  if (e.type.kind == ast::TypeKind::Grade || e.type.kind == ast::TypeKind::Choice) c.input = e.type.input;
  if (c.unit != Unit::None || c.input >= 0) return c;
  switch (e.kind) {
    case ast::ExprKind::Number:
      c.unit = e.number.unit != Unit::None ? e.number.unit : e.inferred_unit;
      return c;
    case ast::ExprKind::Name: {
      const auto s = resolve_name(protocol_, e);
      if (s.kind == ast::SymbolKind::Input && s.index >= 0 && static_cast<std::size_t>(s.index) < protocol_.inputs.size()) {
        const auto& t = protocol_.inputs[static_cast<std::size_t>(s.index)].type;
        if (t.kind == ast::InputKind::Quantity) c.unit = t.unit;
        if (t.kind == ast::InputKind::Levels || t.kind == ast::InputKind::OneOf) c.input = s.index;
      } else if (s.kind == ast::SymbolKind::Let && s.index >= 0 && static_cast<std::size_t>(s.index) < protocol_.lets.size()) {
        // Memoized (and cut on cycles), so lets built from lets stay linear.
        auto& memo = let_contexts_[static_cast<std::size_t>(s.index)];
        if (memo) return *memo;
        memo = LiteralContext{};
        const auto& value = protocol_.lets[static_cast<std::size_t>(s.index)].value;
        if (value) memo = context_at(*value, depth + 1);
        return *memo;
      } else if (s.kind == ast::SymbolKind::Builtin) {
        const auto series = static_cast<BuiltinSeries>(s.index);
        if (series == BuiltinSeries::RunMinutes || series == BuiltinSeries::TotalMinutes) c.unit = Unit::Min;
      }
      return c;
    }
    case ast::ExprKind::Unary:
    case ast::ExprKind::Binary:
    case ast::ExprKind::Call:
      if (e.kind == ast::ExprKind::Binary && !is_arithmetic(e.op)) return c;
      for (const auto& arg : e.args) {
        if (!arg) continue;
        const auto inner = context_at(*arg, depth + 1);
        if (inner.unit != Unit::None || inner.input >= 0) return inner;
      }
      return c;
    default:
      return c;
  }
}

std::optional<double> RangeAnalyzer::constant(const ast::Expr& e, LiteralContext context) const {
  switch (e.kind) {
    case ast::ExprKind::Number:
      return literal_value(e, context.unit);
    case ast::ExprKind::Grade: {
      const int p = name_position(protocol_, context.input, e.name);
      if (p >= 0) return p;
      return std::nullopt;
    }
    case ast::ExprKind::Name: {
      if ((e.symbol.kind == ast::SymbolKind::GradeValue || e.symbol.kind == ast::SymbolKind::ChoiceValue) && e.symbol.index >= 0) {
        return e.symbol.index;
      }
      if (resolve_name(protocol_, e).kind != ast::SymbolKind::Unresolved) return std::nullopt;
      const int p = name_position(protocol_, context.input, e.name);
      if (p >= 0) return p;
      return std::nullopt;
    }
    case ast::ExprKind::Unary: {
      if (e.op != ast::Op::Neg || e.args.empty() || !e.args[0]) return std::nullopt;
      auto v = constant(*e.args[0], context);
      if (!v) return std::nullopt;
      return -*v;
    }
    case ast::ExprKind::Binary: {
      if (!is_arithmetic(e.op) || e.args.size() != 2 || !e.args[0] || !e.args[1]) return std::nullopt;
      // A bare number beside a dimensioned one takes its unit (`30 + 5 min`); a factor stays plain (`1.05 * 160 spm`).
      const bool additive = e.op == ast::Op::Add || e.op == ast::Op::Sub;
      auto a = additive ? constant(*e.args[0], context) : factor_constant(*e.args[0]);
      auto b = additive ? constant(*e.args[1], context) : factor_constant(*e.args[1]);
      if (!a || !b) return std::nullopt;
      switch (e.op) {
        case ast::Op::Add: return *a + *b;
        case ast::Op::Sub: return *a - *b;
        case ast::Op::Mul: return *a * *b;
        case ast::Op::Div:
          if (*b == 0) return std::nullopt;
          return *a / *b;
        default: return std::nullopt;
      }
    }
    case ast::ExprKind::Call: {
      if (e.window || e.args.empty()) return std::nullopt;
      const auto* f = find_builtin_function(e.name);
      if (!f || (f->function != BuiltinFunction::Max && f->function != BuiltinFunction::Min && f->function != BuiltinFunction::Abs)) {
        return std::nullopt;
      }
      std::optional<double> acc;
      for (const auto& arg : e.args) {
        if (!arg) return std::nullopt;
        auto v = constant(*arg, context);
        if (!v) return std::nullopt;
        if (f->function == BuiltinFunction::Abs) return std::fabs(*v);
        acc = !acc ? *v : (f->function == BuiltinFunction::Max ? std::max(*acc, *v) : std::min(*acc, *v));
      }
      return acc;
    }
    default:
      return std::nullopt;
  }
}

Interval RangeAnalyzer::let_range(int index, int depth) const {
  if (index < 0 || static_cast<std::size_t>(index) >= protocol_.lets.size()) return Interval::all();
  auto& memo = let_ranges_[static_cast<std::size_t>(index)];
  if (memo) return *memo;
  memo = Interval::all();  // a cycle (only in an unchecked tree) reads as any value
  const auto& value = protocol_.lets[static_cast<std::size_t>(index)].value;
  const Interval r = value ? range_at(*value, {}, depth + 1) : Interval::all();
  memo = r;
  return r;
}

Interval RangeAnalyzer::range_at(const ast::Expr& e, LiteralContext context, int depth) const {
  if (depth > kMaxDepth) return Interval::all();
  if (auto c = constant(e, context)) return Interval::point(*c);
  switch (e.kind) {
    case ast::ExprKind::Number:
    case ast::ExprKind::Grade:
      return Interval::all();  // a grade word we could not place
    case ast::ExprKind::Name: {
      const auto s = resolve_name(protocol_, e);
      switch (s.kind) {
        case ast::SymbolKind::Input:
          if (s.index >= 0 && static_cast<std::size_t>(s.index) < protocol_.inputs.size()) {
            return input_range(protocol_.inputs[static_cast<std::size_t>(s.index)]);
          }
          return Interval::all();
        case ast::SymbolKind::Let: return let_range(s.index, depth);
        case ast::SymbolKind::Builtin: return series_range(s.index);
        default: return Interval::all();
      }
    }
    case ast::ExprKind::Unary:
      if (e.args.empty() || !e.args[0]) return Interval::all();
      if (e.op == ast::Op::Not) return Interval::boolean();
      return neg(range_at(*e.args[0], context, depth + 1));
    case ast::ExprKind::Binary: {
      if (e.args.size() != 2 || !e.args[0] || !e.args[1]) return Interval::all();
      if (!is_arithmetic(e.op)) return Interval::boolean();
      const bool additive = e.op == ast::Op::Add || e.op == ast::Op::Sub;
      const auto& l = *e.args[0];
      const auto& r = *e.args[1];
      // A bare number next to a dimensioned operand of + or - means that operand's unit.
      const LiteralContext lc = additive && is_bare_number(l) ? context_at(r, depth + 1) : LiteralContext{};
      const LiteralContext rc = additive && is_bare_number(r) ? context_at(l, depth + 1) : LiteralContext{};
      const auto factor = [&](const ast::Expr& x) -> std::optional<double> { return additive ? std::nullopt : factor_constant(x); };
      const auto fa = factor(l), fb = factor(r);
      const Interval a = fa ? Interval::point(*fa) : range_at(l, lc.unit != Unit::None ? lc : (additive ? context : LiteralContext{}), depth + 1);
      const Interval b = fb ? Interval::point(*fb) : range_at(r, rc.unit != Unit::None ? rc : (additive ? context : LiteralContext{}), depth + 1);
      switch (e.op) {
        case ast::Op::Add: return add(a, b);
        case ast::Op::Sub: return sub(a, b);
        case ast::Op::Mul: return mul(a, b);
        case ast::Op::Div: return div(a, b);
        default: return Interval::all();
      }
    }
    case ast::ExprKind::Call: return call_range(e, context, depth);
    case ast::ExprKind::Streak: return Interval::boolean();
  }
  return Interval::all();
}

Interval RangeAnalyzer::call_range(const ast::Expr& e, LiteralContext context, int depth) const {
  const auto* f = find_builtin_function(e.name);
  if (!f) return Interval::all();
  auto arg = [&](std::size_t i) -> Interval {
    if (i >= e.args.size() || !e.args[i]) return Interval::all();
    return range_at(*e.args[i], context, depth + 1);
  };
  // Window length in sessions, or days (at most one session a day).
  const double n = e.window ? e.window->length.value : -1;
  switch (f->function) {
    case BuiltinFunction::Max:
    case BuiltinFunction::Min: {
      if (e.window || e.args.size() == 1) return arg(0);
      Interval acc = arg(0);
      for (std::size_t i = 1; i < e.args.size(); ++i) acc = f->function == BuiltinFunction::Max ? max(acc, arg(i)) : min(acc, arg(i));
      return acc;
    }
    case BuiltinFunction::Abs: return abs(arg(0));
    case BuiltinFunction::Mean: return arg(0);
    case BuiltinFunction::Sum: {
      if (n < 1) return Interval::all();
      const Interval x = arg(0);
      // Fewer sessions than the window holds add fewer terms, so 0 is always within reach.
      return Interval::closed(std::min(0.0, x.lo == -kInf ? -kInf : x.lo * n), std::max(0.0, x.hi == kInf ? kInf : x.hi * n));
    }
    case BuiltinFunction::Count:
      return n < 1 ? Interval{0, kInf, false, false, true} : Interval::whole(0, std::floor(n));
    case BuiltinFunction::All:
    case BuiltinFunction::Any:
    case BuiltinFunction::Missing:
      return Interval::boolean();
    case BuiltinFunction::Baseline:
    case BuiltinFunction::Latest:
    case BuiltinFunction::Previous:
      return arg(0);
    case BuiltinFunction::Acwr:
    case BuiltinFunction::AcwrUncoupled:
    case BuiltinFunction::AcwrEwma:
    case BuiltinFunction::Monotony:
    case BuiltinFunction::Strain:
      return Interval::at_least(0);
    case BuiltinFunction::AdvancesIn:
      return {0, kInf, false, false, true};
  }
  return Interval::all();
}

std::string describe_values(const ast::Expr& term, const Interval& values, const RangeAnalyzer& ranges) {
  const Interval n = values.normalized();
  const auto& p = ranges.protocol();
  if (term.kind == ast::ExprKind::Name) {
    const auto s = resolve_name(p, term);
    if (s.kind == ast::SymbolKind::Input && s.index >= 0 && static_cast<std::size_t>(s.index) < p.inputs.size() &&
        p.inputs[static_cast<std::size_t>(s.index)].type.kind == ast::InputKind::Flag && n.is_point()) {
      return n.lo != 0 ? "true" : "false";
    }
  }
  const LiteralContext c = ranges.context_of(term);
  if (c.input >= 0 && static_cast<std::size_t>(c.input) < p.inputs.size() && !n.empty() && std::isfinite(n.lo) && std::isfinite(n.hi)) {
    const auto& names = p.inputs[static_cast<std::size_t>(c.input)].type.names;
    auto name = [&](double v) {
      if (v >= 0 && v < static_cast<double>(names.size())) return names[static_cast<std::size_t>(v)];
      return number_text(v);
    };
    if (n.is_point()) return name(n.lo);
    return name(n.lo) + ".." + name(n.hi);
  }
  if (c.unit != Unit::None && c.unit != Unit::Percent) {
    const double k = info(c.unit).to_base;
    Interval scaled = n;
    scaled.lo /= k;
    scaled.hi /= k;
    return to_text(scaled) + " " + std::string(to_string(c.unit));
  }
  std::string text = to_text(n);
  if (c.unit == Unit::Percent && (std::isfinite(n.lo) || std::isfinite(n.hi))) text += "%";
  return text;
}

std::string describe_value(const ast::Expr& term, double value, const RangeAnalyzer& ranges) {
  const auto& p = ranges.protocol();
  const LiteralContext c = ranges.context_of(term);
  if (c.input >= 0 && static_cast<std::size_t>(c.input) < p.inputs.size()) {
    const auto& names = p.inputs[static_cast<std::size_t>(c.input)].type.names;
    if (value >= 0 && value == std::floor(value) && value < static_cast<double>(names.size())) {
      return names[static_cast<std::size_t>(value)];
    }
  }
  if (c.unit == Unit::Percent) return number_text(value) + "%";
  if (c.unit != Unit::None) return number_text(value / info(c.unit).to_base) + " " + std::string(to_string(c.unit));
  return number_text(value);
}

}  // namespace gradus::lint

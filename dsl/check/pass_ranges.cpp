// Pass "ranges": a score's declared range is written low..high (G0205), and
// a number compared with a score lies inside that range (G0204). The score
// side may be an input, a let or any expression the types pass typed as a
// score: max/min of scores, abs, baseline/latest/previous, window max/min/mean.
#include <string>

#include "dsl/check/pass_context.hpp"
#include "dsl/check/type_rules.hpp"

namespace gradus::check {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::TypeKind;

// The value of a bare literal, negations applied; false if `e` is not one.
bool literal_value(const Expr& e, double& value) {
  if (e.kind == ExprKind::Number && e.number.unit == Unit::None) {
    value = e.number.value;
    return true;
  }
  if (e.kind == ExprKind::Unary && e.op == ast::Op::Neg && e.args.size() == 1 && e.args[0] &&
      literal_value(*e.args[0], value)) {
    value = -value;
    return true;
  }
  return false;
}

std::string range_text(const ast::Type& t) {
  ast::Quantity lo, hi;
  lo.value = t.lo;
  hi.value = t.hi;
  return number_text(lo) + ".." + number_text(hi);
}

// Where the score's range was declared, when the score side names one input
// (directly, or as the argument of baseline/latest/previous/abs ...).
const ast::Input* declared_input(const ast::Protocol& p, const Expr& e) {
  if (e.kind == ExprKind::Name && e.symbol.kind == ast::SymbolKind::Input) {
    return &p.inputs[static_cast<std::size_t>(e.symbol.index)];
  }
  if (e.kind == ExprKind::Call && e.args.size() == 1 && e.args[0]) return declared_input(p, *e.args[0]);
  return nullptr;
}

void check_literal(PassContext& cx, const Expr& score, const Expr& literal) {
  double v = 0;
  const auto& t = score.type;
  if (t.kind != TypeKind::Score || t.lo > t.hi || !literal_value(literal, v)) return;
  if (v >= t.lo && v <= t.hi) return;
  const std::string range = range_text(t);
  auto d = error(cx.source(), literal.span, "G0204",
                 std::string(cx.text(literal.span).empty() ? "value" : cx.text(literal.span)) + " is outside " +
                     cx.quote(score.span) + "'s range " + range)
               .label("outside " + range)
               .help("a score of " + cx.quote(score.span) + " is from " + range.substr(0, range.find("..")) + " to " +
                     range.substr(range.find("..") + 2) + "; compare with a value in that range");
  if (const ast::Input* in = declared_input(cx.protocol, score)) d.secondary(in->type.span, "range declared here");
  cx.report(std::move(d));
}

}  // namespace

void pass_ranges(PassContext& cx) {
  for (const auto& in : cx.protocol.inputs) {
    if (in.type.kind != ast::InputKind::Score || !(in.type.lo.value > in.type.hi.value)) continue;
    const Span range = cx.join(in.type.lo.span, in.type.hi.span);
    cx.report(error(cx.source(), range.valid() ? range : in.type.span, "G0205",
                    "range of '" + in.name + "' is written backwards: " + number_text(in.type.lo) + " is above " +
                        number_text(in.type.hi))
                  .label("low..high expected")
                  .help("write score " + number_text(in.type.hi) + ".." + number_text(in.type.lo)));
  }
  for_each_root(cx.protocol, [&](Expr& root) {
    for_each_expr(root, [&](Expr& e) {
      if (e.kind != ExprKind::Binary || !is_comparison(e.op) || e.args.size() != 2 || !e.args[0] || !e.args[1]) return;
      check_literal(cx, *e.args[0], *e.args[1]);
      check_literal(cx, *e.args[1], *e.args[0]);
    });
  });
}

}  // namespace gradus::check

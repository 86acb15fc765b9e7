// Parse tree of an expression -> ast::Expr. The tree has one node per
// precedence level that was used; single-operand levels collapse here.
// Recursion depth is bounded by the grammar's depth guard.
#include <algorithm>
#include <charconv>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "dsl/syntax/grammar.hpp"
#include "dsl/syntax/parser_internal.hpp"

namespace gradus::parser_detail {
namespace g = grammar;
namespace {

ast::ExprPtr make_expr(ast::ExprKind kind, Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

ast::ExprPtr binary(ast::Op op, ast::ExprPtr lhs, ast::ExprPtr rhs, Context& cx) {
  auto e = make_expr(ast::ExprKind::Binary, cx.span(lhs->span.begin, rhs->span.end));
  e->op = op;
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  return e;
}

ast::Op op_of(const Node& n) {
  if (n.is_type<g::op_add>()) return ast::Op::Add;
  if (n.is_type<g::op_sub>()) return ast::Op::Sub;
  if (n.is_type<g::op_mul>()) return ast::Op::Mul;
  if (n.is_type<g::op_div>()) return ast::Op::Div;
  if (n.is_type<g::op_lt>()) return ast::Op::Lt;
  if (n.is_type<g::op_le>()) return ast::Op::Le;
  if (n.is_type<g::op_gt>()) return ast::Op::Gt;
  if (n.is_type<g::op_ge>()) return ast::Op::Ge;
  if (n.is_type<g::op_eq>()) return ast::Op::Eq;
  if (n.is_type<g::op_ne>()) return ast::Op::Ne;
  return ast::Op::None;
}

// operand (op operand)* -> left-associative chain.
ast::ExprPtr fold_with_operators(const Node& n, Context& cx) {
  auto lhs = build_expr(*n.children.front(), cx);
  for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
    if (i / 2 >= cx.max_tree_depth()) {
      cx.expression_too_long = true;
      break;
    }
    auto rhs = build_expr(*n.children[i + 1], cx);
    lhs = binary(op_of(*n.children[i]), std::move(lhs), std::move(rhs), cx);
  }
  return lhs;
}

// operand (operand)* joined by one logical operator.
ast::ExprPtr fold_logical(const Node& n, ast::Op op, Context& cx) {
  auto lhs = build_expr(*n.children.front(), cx);
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    if (i > cx.max_tree_depth()) {
      cx.expression_too_long = true;
      break;
    }
    lhs = binary(op, std::move(lhs), build_expr(*n.children[i], cx), cx);
  }
  return lhs;
}

ast::Window build_window(const Node& n, Context& cx) {
  ast::Window w;
  w.span = cx.span_of(n);
  for (const auto& c : n.children) {
    if (c->is_type<g::window_length>()) {
      w.length = make_quantity(*c, nullptr, cx);
    } else if (c->is_type<g::window_days>() || c->is_type<g::window_sessions>()) {
      w.unit = c->is_type<g::window_days>() ? ast::WindowUnit::Days : ast::WindowUnit::Sessions;
      if (w.unit == ast::WindowUnit::Days) w.length.unit = Unit::Day;
      w.length.span = cx.span(w.length.span.begin, cx.span_of(*c).end);
    } else if (c->is_type<g::window_offset>()) {
      ast::Quantity offset;
      for (const auto& o : c->children) {
        if (o->is_type<g::window_offset_length>()) {
          offset = make_quantity(*o, nullptr, cx);
        } else if (o->is_type<g::window_days>() || o->is_type<g::window_sessions>()) {
          w.offset_unit = o->is_type<g::window_days>() ? ast::WindowUnit::Days : ast::WindowUnit::Sessions;
          if (w.offset_unit == ast::WindowUnit::Days) offset.unit = Unit::Day;
          offset.span = cx.span(offset.span.begin, cx.span_of(*o).end);
        }
      }
      w.offset = offset;
    }
  }
  return w;
}

}  // namespace

ast::Quantity make_quantity(const Node& number, const Node* unit, Context& cx) {
  ast::Quantity q;
  const Span s = cx.span_of(number);
  q.text = std::string(cx.source->text().substr(s.begin, s.size()));
  const char* first = q.text.data();
  const char* last = first + q.text.size();
  if (first != last && *first == '+') ++first;
  std::from_chars(first, last, q.value);  // the grammar only lets digits through
  q.span = s;
  if (unit) {
    if (unit->is_type<g::percent_sign>()) {
      q.unit = Unit::Percent;
    } else {
      q.unit = parse_unit(unit->string_view()).value_or(Unit::None);
    }
    q.span = cx.span(s.begin, cx.span_of(*unit).end);
  }
  return q;
}

ast::ExprPtr build_expr(const Node& n, Context& cx) {
  if (n.is_type<g::or_expr>()) return fold_logical(n, ast::Op::Or, cx);
  if (n.is_type<g::and_expr>()) return fold_logical(n, ast::Op::And, cx);
  if (n.is_type<g::add_expr>() || n.is_type<g::mul_expr>() || n.is_type<g::cmp_expr>()) return fold_with_operators(n, cx);
  if (n.is_type<g::not_app>() || n.is_type<g::neg_app>()) {
    // [op op ... operand]: the last operator binds tightest.
    const ast::Op op = n.is_type<g::not_app>() ? ast::Op::Not : ast::Op::Neg;
    const std::size_t ops = n.children.size() - 1;
    if (ops > cx.limits.max_expression_depth && !cx.prefix_too_deep_at) {
      cx.prefix_too_deep_at = cx.span_of(*n.children[cx.limits.max_expression_depth]).begin;
    }
    auto e = build_expr(*n.children.back(), cx);
    for (std::size_t i = std::min(ops, cx.limits.max_expression_depth + 1); i-- > 0;) {
      auto outer = make_expr(ast::ExprKind::Unary, cx.span(cx.span_of(*n.children[i]).begin, e->span.end));
      outer->op = op;
      outer->args.push_back(std::move(e));
      e = std::move(outer);
    }
    return e;
  }
  if (n.is_type<g::streak_expr>()) {
    auto inner = build_expr(*n.children.front(), cx);
    if (n.children.size() == 1) return inner;
    auto e = make_expr(ast::ExprKind::Streak, cx.span_of(n));
    e->streak = make_quantity(*n.children[1], nullptr, cx);
    e->args.push_back(std::move(inner));
    return e;
  }
  if (n.is_type<g::paren>()) {
    auto e = build_expr(*n.children.front(), cx);
    e->parenthesized = true;
    e->span = cx.span_of(n);
    return e;
  }
  if (n.is_type<g::number_lit>()) {
    auto e = make_expr(ast::ExprKind::Number, cx.span_of(n));
    e->number = make_quantity(*n.children.front(), n.children.size() > 1 ? n.children[1].get() : nullptr, cx);
    e->span = e->number.span;
    return e;
  }
  if (n.is_type<g::grade_lit>() || n.is_type<g::name_ref>()) {
    auto e = make_expr(n.is_type<g::grade_lit>() ? ast::ExprKind::Grade : ast::ExprKind::Name, cx.span_of(n));
    e->name = std::string(n.string_view());
    e->name_span = e->span;
    return e;
  }
  if (n.is_type<g::call>()) {
    auto e = make_expr(ast::ExprKind::Call, cx.span_of(n));
    for (const auto& c : n.children) {
      if (c->is_type<g::call_name>()) {
        e->name = std::string(c->string_view());
        e->name_span = cx.span_of(*c);
      } else if (c->is_type<g::window>()) {
        e->window = build_window(*c, cx);
      } else {
        e->args.push_back(build_expr(*c, cx));
      }
    }
    return e;
  }
  // Unreachable for trees the grammar builds; keep the parser total anyway.
  return make_expr(ast::ExprKind::Name, cx.span_of(n));
}

}  // namespace gradus::parser_detail

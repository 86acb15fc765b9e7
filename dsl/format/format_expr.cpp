#include "dsl/format/format_expr.hpp"

#include "dsl/format/format_text.hpp"

namespace gradus {
namespace {

// Binding strength, loosest first, following spec/language.md: `or`, `and`,
// `not`, the streak `COND for N sessions` (it wraps a comparison and sits
// under `and`: `x == 0 for 3 sessions and y >= 80%`), comparisons, `+ -`,
// `* /`, unary minus, then calls, names, numbers and parentheses.
enum Level : int {
  kOr = 1,
  kAnd,
  kNot,
  kStreak,
  kCompare,
  kAdd,
  kMul,
  kNeg,
  kPrimary,
};

int binary_level(ast::Op op) {
  switch (op) {
    case ast::Op::Or: return kOr;
    case ast::Op::And: return kAnd;
    case ast::Op::Lt: case ast::Op::Le: case ast::Op::Gt:
    case ast::Op::Ge: case ast::Op::Eq: case ast::Op::Ne: return kCompare;
    case ast::Op::Add: case ast::Op::Sub: return kAdd;
    case ast::Op::Mul: case ast::Op::Div: return kMul;
    default: return kPrimary;
  }
}

// The level at which an expression prints when not parenthesized.
int level_of(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Unary: return expr.op == ast::Op::Not ? kNot : kNeg;
    case ast::ExprKind::Binary: return binary_level(expr.op);
    case ast::ExprKind::Streak: return kStreak;
    default: return kPrimary;
  }
}

void write(std::string& out, const ast::Expr& expr);

// Writes `expr` where the grammar wants something at least as tight as
// `min_level`; parentheses are added only when the tree needs them (a tree
// the parser built always has them already, flagged `parenthesized`).
void write_operand(std::string& out, const ast::Expr& expr, int min_level) {
  if (!expr.parenthesized && level_of(expr) < min_level) {
    out += '(';
    write(out, expr);
    out += ')';
  } else {
    write(out, expr);
  }
}

void write_window(std::string& out, const ast::Window& window) {
  out += " over ";
  out += count_noun(window.length, window.unit == ast::WindowUnit::Days ? "day" : "session",
                    window.unit == ast::WindowUnit::Days ? "days" : "sessions");
  if (window.offset) {
    out += ", ";
    out += count_noun(*window.offset, window.offset_unit == ast::WindowUnit::Days ? "day" : "session",
                      window.offset_unit == ast::WindowUnit::Days ? "days" : "sessions");
    out += " ago";
  }
}

void write_unparenthesized(std::string& out, const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Number:
      out += format_quantity(expr.number);
      return;
    case ast::ExprKind::Grade:
    case ast::ExprKind::Name:
      out += expr.name;
      return;
    case ast::ExprKind::Unary:
      if (expr.args.empty()) return;
      if (expr.op == ast::Op::Not) {
        out += "not ";
        write_operand(out, *expr.args[0], kNot);
      } else {
        out += '-';
        write_operand(out, *expr.args[0], kNeg);
      }
      return;
    case ast::ExprKind::Binary: {
      if (expr.args.size() < 2) return;
      const int level = binary_level(expr.op);
      // Left-associative: the left operand may share the level; the right
      // one may not, so `a - (b - c)` and `a and (b and c)` keep their shape.
      // Comparisons do not chain, so neither side may be a comparison.
      write_operand(out, *expr.args[0], level == kCompare ? level + 1 : level);
      out += ' ';
      out += ast::to_string(expr.op);
      out += ' ';
      write_operand(out, *expr.args[1], level + 1);
      return;
    }
    case ast::ExprKind::Call:
      out += expr.name;
      out += '(';
      for (std::size_t i = 0; i < expr.args.size(); ++i) {
        if (i) out += ", ";
        if (expr.args[i]) write(out, *expr.args[i]);
      }
      if (expr.window) write_window(out, *expr.window);
      out += ')';
      return;
    case ast::ExprKind::Streak:
      if (expr.args.empty()) return;
      write_operand(out, *expr.args[0], kCompare);
      out += " for ";
      out += count_noun(expr.streak, "session", "sessions");
      return;
  }
}

void write(std::string& out, const ast::Expr& expr) {
  if (expr.parenthesized) {
    out += '(';
    write_unparenthesized(out, expr);
    out += ')';
  } else {
    write_unparenthesized(out, expr);
  }
}

}  // namespace

std::string format_quantity(const ast::Quantity& quantity) {
  std::string out = number_text(quantity);
  switch (quantity.unit) {
    case Unit::None: break;
    case Unit::Percent: out += '%'; break;
    case Unit::Day:
      out += is_one(quantity) ? " day" : " days";
      break;
    default:
      out += ' ';
      out += to_string(quantity.unit);
      break;
  }
  return out;
}

std::string format_expr(const ast::Expr& expr) {
  std::string out;
  write(out, expr);
  return out;
}

}  // namespace gradus

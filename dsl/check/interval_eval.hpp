#pragma once
// The range of values an expression can take on any session, from the
// declared inputs (a score's range, counts >= 0, percents and measured
// quantities >= 0, grades and choices by position), the built-in series and
// the functions. Values are in base units (dsl/syntax/units.hpp), so
// `90 s` and `1.5 min` are the same number. Works with or without the
// checker's annotations. Used by G0407 and G0408 (interval_condition.hpp).
#include <optional>
#include <vector>

#include "dsl/check/interval.hpp"
#include "dsl/syntax/ast.hpp"

namespace gradus::lint {

// What a literal beside an expression means: the unit a bare number takes,
// and the input whose grade or choice names a word refers to.
struct LiteralContext {
  Unit unit = Unit::None;
  int input = -1;
};

class RangeAnalyzer {
 public:
  explicit RangeAnalyzer(const ast::Protocol& protocol);

  const ast::Protocol& protocol() const { return protocol_; }

  Interval range(const ast::Expr& expr, LiteralContext context = {}) const;
  // The value of an expression that reads no input, let or series.
  std::optional<double> constant(const ast::Expr& expr, LiteralContext context = {}) const;
  // How a literal written beside `expr` is to be read.
  LiteralContext context_of(const ast::Expr& expr) const;

 private:
  Interval range_at(const ast::Expr& expr, LiteralContext context, int depth) const;
  Interval call_range(const ast::Expr& expr, LiteralContext context, int depth) const;
  Interval let_range(int index, int depth) const;
  LiteralContext context_at(const ast::Expr& expr, int depth) const;
  std::optional<double> factor_constant(const ast::Expr& expr) const;

  const ast::Protocol& protocol_;
  mutable std::vector<std::optional<Interval>> let_ranges_;
  mutable std::vector<std::optional<LiteralContext>> let_contexts_;
};

// Values of `term` for a message, in the term's own unit or names:
// "0..10", "3 or more min", "trace..2+", "true".
std::string describe_values(const ast::Expr& term, const Interval& values, const RangeAnalyzer& ranges);

// One value of `term` as it would be written: "3", "165 spm", "trace", "2%".
std::string describe_value(const ast::Expr& term, double value, const RangeAnalyzer& ranges);

// The value of a number literal in base units; `context` gives the unit of a bare number.
double literal_value(const ast::Expr& number, Unit context);

}  // namespace gradus::lint

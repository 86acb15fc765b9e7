#pragma once
// Sets of numbers a value can take, for the lints that reason about
// conditions (G0407 never fires, G0408 advance/regress overlap). An Interval
// has open or closed ends, may be unbounded, and may be known to hold only
// whole numbers (counts, grades, choices, flags).
#include <limits>
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus::lint {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct Interval {
  double lo = -kInf;
  double hi = kInf;
  bool lo_open = false;
  bool hi_open = false;
  bool integral = false;

  static Interval all() { return {}; }
  static Interval point(double v) { return {v, v, false, false, false}; }
  static Interval closed(double lo, double hi) { return {lo, hi, false, false, false}; }
  static Interval at_least(double lo) { return {lo, kInf, false, false, false}; }
  static Interval whole(double lo, double hi) { return {lo, hi, false, false, true}; }
  static Interval boolean() { return whole(0, 1); }

  bool empty() const;
  bool is_point() const;
  // Tightens the ends of a whole-number interval to whole numbers.
  Interval normalized() const;
  Interval intersect(const Interval& other) const;
  Interval hull(const Interval& other) const;
  // Widens by a relative hair, for results of inexact floating-point arithmetic.
  Interval widened() const;
};

// The values v with `v op c`. `Ne` gives all values (the caller keeps the
// excluded point aside).
Interval comparison_set(ast::Op op, double c);
// `a op b` can be true for some a in A and b in B.
bool can_compare_true(const Interval& a, ast::Op op, const Interval& b);

Interval add(const Interval& a, const Interval& b);
Interval sub(const Interval& a, const Interval& b);
Interval mul(const Interval& a, const Interval& b);
Interval div(const Interval& a, const Interval& b);
Interval neg(const Interval& a);
Interval abs(const Interval& a);
Interval max(const Interval& a, const Interval& b);
Interval min(const Interval& a, const Interval& b);

// The comparison with its operands swapped (a < b  <=>  b > a), and negated (not (a < b)  <=>  a >= b).
ast::Op swap_comparison(ast::Op op);
ast::Op negate_comparison(ast::Op op);
bool is_comparison(ast::Op op);

// "0..10", "3 or more", "less than 2", "5", "any value".
std::string to_text(const Interval& interval);

}  // namespace gradus::lint

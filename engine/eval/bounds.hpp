#pragma once
// What the evaluator keeps in a register: a Value without its kind. The
// kind of every register is fixed when the protocol is planned (a
// comparison is always a boolean, an input is its declared type), so the
// inner loop carries only the two bounds: 16 bytes instead of 24, and no
// kind tests. Undefined (no range at all) is NaN in both bounds; a boolean
// is [lo, hi] over {0, 1} ([0, 1] unknown) and is never undefined.
//
// Every operation here gives exactly the bounds its Value counterpart in
// value.hpp gives (tests/engine/bounds_test.cpp compares them on every pair
// of a table of values); Value stays the type of the API and explanations.
#include <cmath>
#include <limits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/eval/value.hpp"

namespace gradus::eval {

struct Bounds {
  double lo = 0;
  double hi = 0;
};

inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

inline bool is_undefined(Bounds a) { return std::isnan(a.lo); }
// A single number, or true/false (NaN never equals itself: undefined is not known).
inline bool is_known(Bounds a) { return a.lo == a.hi; }
inline Bounds undefined_bounds() { return Bounds{kUndefined, kUndefined}; }

// `yes ? a : b` without a branch (the pair indexed by `yes`: fewer
// instructions than masking the bits, and compilers keep it a load rather
// than a jump), for choices that follow the data, such as whether a value
// was logged.
inline Bounds pick(bool yes, Bounds a, Bounds b) {
  const Bounds options[2] = {b, a};
  return options[yes];
}

inline Bounds to_bounds(const Value& v) {
  return v.is_undefined() ? undefined_bounds() : Bounds{v.lo(), v.hi()};
}

// A register's Value, from its planned kind.
inline Value to_value(Bounds b, bool boolean) {
  if (boolean) return Value::truth_interval(b.lo, b.hi);
  if (is_undefined(b)) return Value::undefined();
  return Value::range(b.lo, b.hi);
}

// A boolean register's truth.
inline Truth truth_of(Bounds b) {
  if (b.lo == 1) return Truth::True;
  if (b.hi == 0) return Truth::False;
  return Truth::Unknown;
}

inline Bounds truth_bounds(bool lo, bool hi) { return Bounds{static_cast<double>(lo), static_cast<double>(hi)}; }
inline Bounds truth_bounds(Truth t) {
  return t == Truth::True ? Bounds{1, 1} : t == Truth::False ? Bounds{0, 0} : Bounds{0, 1};
}

namespace detail {

// The bounds of add/sub: NaN there is inf - inf (an unbounded range), unless
// an operand was undefined.
inline Bounds sum_range(double lo, double hi, Bounds a, Bounds b) {
  if (std::isnan(lo) || std::isnan(hi)) [[unlikely]] {
    return is_undefined(a) || is_undefined(b) ? undefined_bounds() : Bounds{-kInf, kInf};
  }
  return Bounds{lo, hi};
}

inline Bounds checked_bounds(double lo, double hi) {
  if (std::isnan(lo) || std::isnan(hi)) return Bounds{-kInf, kInf};
  return Bounds{lo, hi};
}

}  // namespace detail

inline Bounds neg(Bounds a) { return Bounds{-a.hi, -a.lo}; }  // NaN stays NaN

inline Bounds add(Bounds a, Bounds b) { return detail::sum_range(a.lo + b.lo, a.hi + b.hi, a, b); }
inline Bounds sub(Bounds a, Bounds b) { return detail::sum_range(a.lo - b.hi, a.hi - b.lo, a, b); }

inline Bounds mul(Bounds a, Bounds b) {
  if (is_undefined(a) || is_undefined(b)) return undefined_bounds();
  if (is_known(a) && is_known(b)) {
    const double p = detail::bound_product(a.lo, b.lo);
    return detail::checked_bounds(p, p);
  }
  const double p0 = detail::bound_product(a.lo, b.lo), p1 = detail::bound_product(a.lo, b.hi);
  const double p2 = detail::bound_product(a.hi, b.lo), p3 = detail::bound_product(a.hi, b.hi);
  return detail::checked_bounds(std::min(std::min(p0, p1), std::min(p2, p3)),
                                std::max(std::max(p0, p1), std::max(p2, p3)));
}

inline Bounds div(Bounds a, Bounds b) {
  if (is_undefined(a) || is_undefined(b)) return undefined_bounds();
  if (is_known(b) && b.lo == 0) return undefined_bounds();
  if (b.lo <= 0 && b.hi >= 0) return Bounds{-kInf, kInf};
  return mul(a, Bounds{1 / b.hi, 1 / b.lo});
}

inline Bounds max(Bounds a, Bounds b) {
  if (is_undefined(a) || is_undefined(b)) return undefined_bounds();
  return Bounds{std::max(a.lo, b.lo), std::max(a.hi, b.hi)};
}

inline Bounds min(Bounds a, Bounds b) {
  if (is_undefined(a) || is_undefined(b)) return undefined_bounds();
  return Bounds{std::min(a.lo, b.lo), std::min(a.hi, b.hi)};
}

// The sign of a logged value is data: the three cases are picked, not branched to.
inline Bounds abs(Bounds a) {
  const bool keep = (a.lo >= 0) | std::isnan(a.lo);  // undefined stays NaN
  const bool flip = a.hi <= 0;
  return pick(keep, a, pick(flip, Bounds{-a.hi, -a.lo}, Bounds{0, std::max(-a.lo, a.hi)}));
}

// Comparisons. Each is a few "strictly below, beyond the decimal tolerance"
// tests (detail::below in value.hpp) on pairs of bounds. For numbers that are
// not NaN, below(x, y) is exactly
//     y - x > min(tolerance * max(|x|, |y|), DBL_MAX)
// (the cap keeps an infinite gap beyond the tolerance, and an infinite
// bound within it of nothing else), and at_most(x, y) and same_decimal(x, y) are
// !below(y, x) and !below(x, y) & !below(y, x). So each comparison takes two
// below tests on lanes of the two registers, done side by side (SSE2 on
// x86-64), and a table gives the result from their bits and "either operand
// undefined" (NaN, where every test is false and the answer is unknown
// whatever the other bits say). No branch: whether a value was logged, and
// so whether an operand is a point or a range, follows the data.
// tests/engine/eval_bounds_test.cpp checks every comparison against its
// Value counterpart, and the two below_bits against each other.
namespace detail {

inline bool below_capped(double x, double y) {
  const double scale = std::min(kRelativeTolerance * std::max(std::fabs(x), std::fabs(y)),
                                std::numeric_limits<double>::max());
  return y - x > scale;
}

// Bit 0: below(x.lo, y.lo); bit 1: below(x.hi, y.hi) (Bounds as two lanes).
inline unsigned below_bits_scalar(Bounds x, Bounds y) {
  return static_cast<unsigned>(below_capped(x.lo, y.lo)) | (static_cast<unsigned>(below_capped(x.hi, y.hi)) << 1);
}

#if defined(__SSE2__)
inline unsigned below_bits(Bounds x, Bounds y) {
  const __m128d vx = _mm_set_pd(x.hi, x.lo), vy = _mm_set_pd(y.hi, y.lo);
  const __m128d sign = _mm_set1_pd(-0.0);
  // max/min return their second operand when either is NaN; y - x is NaN
  // then too, and the comparison false, as in the scalar form.
  const __m128d scale = _mm_min_pd(
      _mm_mul_pd(_mm_max_pd(_mm_andnot_pd(sign, vx), _mm_andnot_pd(sign, vy)), _mm_set1_pd(kRelativeTolerance)),
      _mm_set1_pd(std::numeric_limits<double>::max()));
  return static_cast<unsigned>(_mm_movemask_pd(_mm_cmpgt_pd(_mm_sub_pd(vy, vx), scale)));
}
#else
inline unsigned below_bits(Bounds x, Bounds y) { return below_bits_scalar(x, y); }
#endif

inline Bounds swapped(Bounds a) { return Bounds{a.hi, a.lo}; }
inline unsigned undefined_bit(Bounds a, Bounds b) {
  const bool x = std::isnan(a.lo), y = std::isnan(b.lo);
  return static_cast<unsigned>(x | y);
}

// A comparison's register from "true for every value", "false for every
// value" and "an operand undefined".
constexpr Bounds comparison_bounds(bool all_true, bool all_false, bool undefined) {
  return Bounds{static_cast<double>(all_true && !undefined), static_cast<double>(all_true || !all_false || undefined)};
}

// Indexed by bit 0: below(b.lo, a.hi) (a not all <= b), bit 1: below(b.hi,
// a.lo) (all of a > b), bit 2: undefined.
inline constexpr Bounds kLessEqual[8] = {
    comparison_bounds(true, false, false),  comparison_bounds(false, false, false),
    comparison_bounds(true, true, false),   comparison_bounds(false, true, false),
    comparison_bounds(true, false, true),   comparison_bounds(false, false, true),
    comparison_bounds(true, true, true),    comparison_bounds(false, true, true)};
// Indexed by bit 0: below(a.hi, b.lo) (all of a < b), bit 1: below(a.lo,
// b.hi) (a not all >= b), bit 2: undefined.
inline constexpr Bounds kLess[8] = {
    comparison_bounds(false, true, false),  comparison_bounds(true, true, false),
    comparison_bounds(false, false, false), comparison_bounds(true, false, false),
    comparison_bounds(false, true, true),   comparison_bounds(true, true, true),
    comparison_bounds(false, false, true),  comparison_bounds(true, false, true)};
// Indexed by bit 0: below(a.hi, b.lo), bit 1: below(b.hi, a.lo) (either:
// the ranges are apart, all false), bit 2: undefined, bit 3: both single
// numbers (then apart or the same decimal: all true when not apart).
constexpr Bounds equal_entry(unsigned i) {
  const bool apart = (i & 3u) != 0, undefined = (i & 4u) != 0, points = (i & 8u) != 0;
  return comparison_bounds(points && !apart, apart, undefined);
}
inline constexpr Bounds kEqual[16] = {
    equal_entry(0), equal_entry(1), equal_entry(2),  equal_entry(3),  equal_entry(4),  equal_entry(5),
    equal_entry(6), equal_entry(7), equal_entry(8),  equal_entry(9),  equal_entry(10), equal_entry(11),
    equal_entry(12), equal_entry(13), equal_entry(14), equal_entry(15)};

}  // namespace detail

inline Bounds le(Bounds a, Bounds b) {
  return detail::kLessEqual[detail::below_bits(b, detail::swapped(a)) | (detail::undefined_bit(a, b) << 2)];
}

inline Bounds lt(Bounds a, Bounds b) {
  return detail::kLess[detail::below_bits(detail::swapped(a), b) | (detail::undefined_bit(a, b) << 2)];
}

inline Bounds gt(Bounds a, Bounds b) { return lt(b, a); }
inline Bounds ge(Bounds a, Bounds b) { return le(b, a); }

inline Bounds eq(Bounds a, Bounds b) {
  const bool x = is_known(a), y = is_known(b);
  const unsigned points = static_cast<unsigned>(x & y);
  const unsigned apart = detail::below_bits(Bounds{a.hi, b.hi}, Bounds{b.lo, a.lo});
  return detail::kEqual[apart | (detail::undefined_bit(a, b) << 2) | (points << 3)];
}

// Comparisons with a constant c (a finite number: most conditions compare
// a value with a literal). below(x, c) and below(c, x) are each monotone in
// x: c - x moves by more from one double to the next than the tolerance
// does, so the answer changes once, at a threshold found once per protocol
// by bisection over the doubles (threshold_of):
//     below(x, c)  <=>  x < before        below(c, x)  <=>  x > after
// Each comparison is then two plain comparisons and the same table as above.
// tests/engine/eval_bounds_test.cpp checks these against the general forms
// around every threshold and at the edges of the doubles.
struct Threshold {
  double before = 0;  // the least x not below c
  double after = 0;   // the greatest x that c is not below
};
Threshold threshold_of(double c);

namespace detail {
// Bit 0 and bit 1 from two lanes' tests, and bit 2: the operand undefined.
inline unsigned test_bits(bool bit0, bool bit1, Bounds a) {
  return static_cast<unsigned>(bit0) | (static_cast<unsigned>(bit1) << 1) | (static_cast<unsigned>(std::isnan(a.lo)) << 2);
}
}  // namespace detail

inline Bounds lt_const(Bounds a, Threshold c) {
  return detail::kLess[detail::test_bits(a.hi < c.before, a.lo < c.before, a)];
}
inline Bounds le_const(Bounds a, Threshold c) {
  return detail::kLessEqual[detail::test_bits(a.hi > c.after, a.lo > c.after, a)];
}
inline Bounds gt_const(Bounds a, Threshold c) {
  return detail::kLess[detail::test_bits(a.lo > c.after, a.hi > c.after, a)];
}
inline Bounds ge_const(Bounds a, Threshold c) {
  return detail::kLessEqual[detail::test_bits(a.lo < c.before, a.hi < c.before, a)];
}
inline Bounds eq_const(Bounds a, Threshold c) {
  const unsigned points = static_cast<unsigned>(is_known(a));
  return detail::kEqual[detail::test_bits(a.hi < c.before, a.lo > c.after, a) | (points << 3)];
}

// Kleene logic over [lo, hi] in {0, 1}.
inline Bounds logical_not(Bounds a) { return Bounds{1 - a.hi, 1 - a.lo}; }
inline Bounds ne(Bounds a, Bounds b) { return logical_not(eq(a, b)); }
inline Bounds ne_const(Bounds a, Threshold c) { return logical_not(eq_const(a, c)); }
inline Bounds logical_and(Bounds a, Bounds b) { return Bounds{std::min(a.lo, b.lo), std::min(a.hi, b.hi)}; }
inline Bounds logical_or(Bounds a, Bounds b) { return Bounds{std::max(a.lo, b.lo), std::max(a.hi, b.hi)}; }

}  // namespace gradus::eval

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
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

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

// `yes ? a : b` without a branch (a mask over the bits), for choices that
// follow the data, such as whether a value was logged.
inline Bounds pick(bool yes, Bounds a, Bounds b) {
  const std::uint64_t keep = 0 - static_cast<std::uint64_t>(yes);
  const auto one = [keep](double x, double y) {
    return std::bit_cast<double>((std::bit_cast<std::uint64_t>(x) & keep) | (std::bit_cast<std::uint64_t>(y) & ~keep));
  };
  return Bounds{one(a.lo, b.lo), one(a.hi, b.hi)};
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

// Comparisons. An undefined operand's NaN bounds make every bound test false,
// which is already "unknown"; the explicit test keeps the reading plain.
inline Bounds comparison(bool all_true, bool all_false, bool undefined) {
  return truth_bounds(all_true & !undefined, (all_true | !all_false) | undefined);
}

// Either operand undefined: NaN in either (locals, then `|`, so that neither
// test is a branch: clang warns on `|` between calls).
inline bool either_undefined(Bounds a, Bounds b) {
  const bool x = std::isnan(a.lo), y = std::isnan(b.lo);
  return x | y;
}

// No separate case for two single numbers: below(x, y) and at_most(y, x) are
// each other's negation for numbers, so the interval rule gives a known truth
// there. A branch on "both known" would follow the data (whether a value was
// logged) and be mispredicted as often as not.
inline Bounds lt(Bounds a, Bounds b) {
  return comparison(detail::below(a.hi, b.lo), detail::at_most(b.hi, a.lo), either_undefined(a, b));
}

inline Bounds le(Bounds a, Bounds b) {
  return comparison(detail::at_most(a.hi, b.lo), detail::below(b.hi, a.lo), either_undefined(a, b));
}

inline Bounds gt(Bounds a, Bounds b) { return lt(b, a); }
inline Bounds ge(Bounds a, Bounds b) { return le(b, a); }

inline Bounds eq(Bounds a, Bounds b) {
  // All true only for two single numbers that are the same decimal; all
  // false when the ranges are apart (for single numbers: not the same).
  const bool x = is_known(a), y = is_known(b);
  const bool same = (x & y) & same_decimal(a.lo, b.lo);
  const bool a_below = detail::below(a.hi, b.lo), b_below = detail::below(b.hi, a.lo);
  return comparison(same, a_below | b_below, either_undefined(a, b));
}

// Kleene logic over [lo, hi] in {0, 1}.
inline Bounds logical_not(Bounds a) { return Bounds{1 - a.hi, 1 - a.lo}; }
inline Bounds ne(Bounds a, Bounds b) { return logical_not(eq(a, b)); }
inline Bounds logical_and(Bounds a, Bounds b) { return Bounds{std::min(a.lo, b.lo), std::min(a.hi, b.hi)}; }
inline Bounds logical_or(Bounds a, Bounds b) { return Bounds{std::max(a.lo, b.lo), std::max(a.hi, b.hi)}; }

}  // namespace gradus::eval

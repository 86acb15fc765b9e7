#pragma once
// The one value type of the evaluator. A value that may be missing is a
// range: a number is an interval [lo, hi] (known when lo == hi; a missing
// `score 0..10` is [0, 10]; a missing unbounded quantity is (-inf, +inf)),
// a boolean is true, false or unknown (Kleene), and a number can be
// `undefined` (no range at all: the monotony of a constant week, a ratio with
// no chronic load). All three-valued logic lives here and in value.cpp.
//
// Numbers compare as written: two numbers that agree to 9 significant
// decimal digits are equal (relative tolerance 1e-9), so binary floating
// point never turns a written boundary into a miss
// (`abs(52.0% - 50%) <= 2%` is true). docs/advice.md records this choice.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace gradus::eval {

// Not a character type underneath: stores of a char-typed enum may alias
// anything, which made the compiler reload the plan after every store.
enum class Truth : std::uint32_t { False, True, Unknown };

const char* to_string(Truth truth);

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kRelativeTolerance = 1e-9;

class Value {
 public:
  enum class Kind : std::uint32_t { Number, Boolean, Undefined };  // not char-typed: see Truth

  constexpr Value() = default;
  static constexpr Value number(double v) { return Value(Kind::Number, v, v); }
  static constexpr Value range(double lo, double hi) { return Value(Kind::Number, lo, hi); }
  static constexpr Value unbounded() { return Value(Kind::Number, -kInf, kInf); }
  static constexpr Value undefined() { return Value(Kind::Undefined, 0, 0); }
  static constexpr Value boolean(Truth t) {
    return t == Truth::True ? Value(Kind::Boolean, 1, 1)
                            : t == Truth::False ? Value(Kind::Boolean, 0, 0) : Value(Kind::Boolean, 0, 1);
  }
  static constexpr Value boolean(bool b) { return boolean(b ? Truth::True : Truth::False); }
  // A boolean from "may be false" / "may be true" as lo/hi over {0, 1}:
  // [1, 1] true, [0, 0] false, [0, 1] unknown (built without branches).
  static constexpr Value truth_range(bool lo, bool hi) { return Value(Kind::Boolean, lo, hi); }
  static constexpr Value truth_interval(double lo, double hi) { return Value(Kind::Boolean, lo, hi); }

  constexpr Kind kind() const { return kind_; }
  constexpr bool is_number() const { return kind_ == Kind::Number; }
  constexpr bool is_boolean() const { return kind_ == Kind::Boolean; }
  constexpr bool is_undefined() const { return kind_ == Kind::Undefined; }
  // Known: a single number, or true/false.
  constexpr bool known() const { return kind_ != Kind::Undefined && lo_ == hi_; }
  constexpr double lo() const { return lo_; }
  constexpr double hi() const { return hi_; }
  // Only meaningful when known().
  constexpr double value() const { return lo_; }
  // A boolean's truth; a number is never a truth value (Unknown).
  constexpr Truth truth() const {
    if (kind_ != Kind::Boolean) return Truth::Unknown;
    if (lo_ == 1) return Truth::True;
    if (hi_ == 0) return Truth::False;
    return Truth::Unknown;
  }
  constexpr bool is_true() const { return truth() == Truth::True; }

  friend constexpr bool operator==(const Value&, const Value&) = default;

 private:
  constexpr Value(Kind kind, double lo, double hi) : kind_(kind), lo_(lo), hi_(hi) {}
  Kind kind_ = Kind::Undefined;
  double lo_ = 0;
  double hi_ = 0;
};

// The operations are defined inline: they are the evaluator's inner loop
// (bench/replay_bench), and a call per operation cost more than the work.

// Decimal equality of two numbers (relative tolerance, exact for infinities).
inline bool same_decimal(double a, double b) {
  // Written without branches (bitwise, not short-circuit): comparisons of
  // logged values are the evaluator's least predictable branches.
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return (a == b) | ((std::fabs(a - b) <= kRelativeTolerance * scale) & (scale < kInf));
}

namespace detail {

inline bool undefined(Value a, Value b) { return a.is_undefined() || b.is_undefined(); }

// A range whose bounds came out NaN (inf - inf) knows nothing.
inline Value checked_range(double lo, double hi) {
  if (std::isnan(lo) || std::isnan(hi)) return Value::unbounded();
  return Value::range(lo, hi);
}

// 0 x inf is 0 for interval bounds: the 0 is exact.
inline double bound_product(double a, double b) {
  if (a == 0 || b == 0) return 0;
  return a * b;
}

// Strictly below, beyond the decimal tolerance: a < b and not same_decimal
// (an infinite bound is never within tolerance of a different one).
inline bool below(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return (a < b) & ((b - a > kRelativeTolerance * scale) | (scale == kInf));
}
// a <= b, or the same decimal.
inline bool at_most(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return (a <= b) | ((a - b <= kRelativeTolerance * scale) & (scale < kInf));
}

// A comparison's result from "true for every value" and "false for every
// value"; unknown when neither, or when an operand is undefined.
inline Value comparison(bool all_true, bool all_false, bool undefined) {
  return Value::truth_range(all_true & !undefined, (all_true | !all_false) | undefined);
}

// A boolean operand as the interval [lo, hi] over {0, 1}: Kleene and/or/not
// are then min/max/1-x (anything not a boolean reads as unknown, [0, 1]).
inline double truth_lo(Value a) { return a.is_boolean() ? a.lo() : 0.0; }
inline double truth_hi(Value a) { return a.is_boolean() ? a.hi() : 1.0; }

}  // namespace detail

// Arithmetic on intervals; anything with an undefined operand is undefined.
inline Value neg(Value a) {
  if (a.is_undefined()) return a;
  return Value::range(-a.hi(), -a.lo());
}

inline Value add(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  return detail::checked_range(a.lo() + b.lo(), a.hi() + b.hi());
}

inline Value sub(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  return detail::checked_range(a.lo() - b.hi(), a.hi() - b.lo());
}

inline Value mul(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  if (a.known() && b.known()) return detail::checked_range(detail::bound_product(a.lo(), b.lo()),
                                                           detail::bound_product(a.lo(), b.lo()));
  const double p0 = detail::bound_product(a.lo(), b.lo()), p1 = detail::bound_product(a.lo(), b.hi());
  const double p2 = detail::bound_product(a.hi(), b.lo()), p3 = detail::bound_product(a.hi(), b.hi());
  return detail::checked_range(std::min(std::min(p0, p1), std::min(p2, p3)), std::max(std::max(p0, p1), std::max(p2, p3)));
}

// Division by a known 0 is undefined; by a range that contains 0 it is unbounded.
inline Value div(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  if (b.known() && b.value() == 0) return Value::undefined();
  if (b.lo() <= 0 && b.hi() >= 0) return Value::unbounded();
  return mul(a, Value::range(1 / b.hi(), 1 / b.lo()));
}

inline Value max(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  return Value::range(std::max(a.lo(), b.lo()), std::max(a.hi(), b.hi()));
}

inline Value min(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  return Value::range(std::min(a.lo(), b.lo()), std::min(a.hi(), b.hi()));
}

inline Value abs(Value a) {
  if (a.is_undefined()) return a;
  if (a.lo() >= 0) return Value::range(a.lo(), a.hi());
  if (a.hi() <= 0) return Value::range(-a.hi(), -a.lo());
  return Value::range(0, std::max(-a.lo(), a.hi()));
}

// Comparisons: known true only when true for every value in both ranges,
// known false only when false for every value; else unknown.
// Two single numbers (the usual case: a logged value against a constant) are
// never unknown; one tolerance test decides, as the general path would.
inline Value lt(Value a, Value b) {
  if (a.known() && b.known()) return Value::boolean(detail::below(a.lo(), b.lo()));
  return detail::comparison(detail::below(a.hi(), b.lo()), detail::at_most(b.hi(), a.lo()), detail::undefined(a, b));
}

inline Value le(Value a, Value b) {
  if (a.known() && b.known()) return Value::boolean(detail::at_most(a.lo(), b.lo()));
  return detail::comparison(detail::at_most(a.hi(), b.lo()), detail::below(b.hi(), a.lo()), detail::undefined(a, b));
}

inline Value gt(Value a, Value b) { return lt(b, a); }
inline Value ge(Value a, Value b) { return le(b, a); }

inline Value eq(Value a, Value b) {
  const bool points = a.known() && b.known();
  const bool same = same_decimal(a.lo(), b.lo());
  if (points) return Value::boolean(same);
  const bool a_below = detail::below(a.hi(), b.lo());
  const bool b_below = detail::below(b.hi(), a.lo());
  const bool all_true = points & same;
  const bool all_false = a_below | b_below;
  return detail::comparison(all_true, all_false, detail::undefined(a, b));
}

// Kleene logic.
inline Value logical_not(Value a) { return Value::truth_interval(1 - detail::truth_hi(a), 1 - detail::truth_lo(a)); }

inline Value ne(Value a, Value b) { return logical_not(eq(a, b)); }

inline Value logical_and(Value a, Value b) {
  return Value::truth_interval(std::min(detail::truth_lo(a), detail::truth_lo(b)),
                               std::min(detail::truth_hi(a), detail::truth_hi(b)));
}

inline Value logical_or(Value a, Value b) {
  return Value::truth_interval(std::max(detail::truth_lo(a), detail::truth_lo(b)),
                               std::max(detail::truth_hi(a), detail::truth_hi(b)));
}

// The smallest range holding both (for values that are one of several).
inline Value hull(Value a, Value b) {
  if (detail::undefined(a, b)) return Value::undefined();
  if (a.is_boolean() && b.is_boolean()) {
    return a.truth() == b.truth() ? a : Value::boolean(Truth::Unknown);
  }
  return Value::range(std::min(a.lo(), b.lo()), std::max(a.hi(), b.hi()));
}

}  // namespace gradus::eval

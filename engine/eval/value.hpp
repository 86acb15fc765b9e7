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
#include <cstdint>
#include <limits>

namespace gradus::eval {

enum class Truth : std::uint8_t { False, True, Unknown };

const char* to_string(Truth truth);

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kRelativeTolerance = 1e-9;

class Value {
 public:
  enum class Kind : std::uint8_t { Number, Boolean, Undefined };

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

// Decimal equality of two numbers (relative tolerance, exact for infinities).
bool same_decimal(double a, double b);

// Arithmetic on intervals; anything with an undefined operand is undefined.
Value neg(Value a);
Value add(Value a, Value b);
Value sub(Value a, Value b);
Value mul(Value a, Value b);
// Division by a known 0 is undefined; by a range that contains 0 it is unbounded.
Value div(Value a, Value b);
Value max(Value a, Value b);
Value min(Value a, Value b);
Value abs(Value a);

// Comparisons: known true only when true for every value in both ranges,
// known false only when false for every value; else unknown.
Value lt(Value a, Value b);
Value le(Value a, Value b);
Value gt(Value a, Value b);
Value ge(Value a, Value b);
Value eq(Value a, Value b);
Value ne(Value a, Value b);

// Kleene logic.
Value logical_not(Value a);
Value logical_and(Value a, Value b);
Value logical_or(Value a, Value b);

// The smallest range holding both (for values that are one of several).
Value hull(Value a, Value b);

}  // namespace gradus::eval

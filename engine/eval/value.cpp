#include "engine/eval/value.hpp"

#include <algorithm>
#include <cmath>

namespace gradus::eval {

const char* to_string(Truth truth) {
  switch (truth) {
    case Truth::True: return "true";
    case Truth::False: return "false";
    case Truth::Unknown: return "unknown";
  }
  return "unknown";
}

bool same_decimal(double a, double b) {
  if (a == b) return true;  // also equal infinities
  if (std::isinf(a) || std::isinf(b)) return false;
  return std::fabs(a - b) <= kRelativeTolerance * std::max(std::fabs(a), std::fabs(b));
}

namespace {

bool undefined(Value a, Value b) { return a.is_undefined() || b.is_undefined(); }

// A range whose bounds came out NaN (inf - inf) knows nothing.
Value checked_range(double lo, double hi) {
  if (std::isnan(lo) || std::isnan(hi)) return Value::unbounded();
  return Value::range(lo, hi);
}

// 0 x inf is 0 for interval bounds: the 0 is exact.
double bound_product(double a, double b) {
  if (a == 0 || b == 0) return 0;
  return a * b;
}

// Strictly below, beyond the decimal tolerance.
bool below(double a, double b) { return a < b && !same_decimal(a, b); }
bool at_most(double a, double b) { return a <= b || same_decimal(a, b); }

}  // namespace

Value neg(Value a) {
  if (a.is_undefined()) return a;
  return Value::range(-a.hi(), -a.lo());
}

Value add(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  return checked_range(a.lo() + b.lo(), a.hi() + b.hi());
}

Value sub(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  return checked_range(a.lo() - b.hi(), a.hi() - b.lo());
}

Value mul(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  const double p[4] = {bound_product(a.lo(), b.lo()), bound_product(a.lo(), b.hi()),
                       bound_product(a.hi(), b.lo()), bound_product(a.hi(), b.hi())};
  return checked_range(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

Value div(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  if (b.known() && b.value() == 0) return Value::undefined();
  if (b.lo() <= 0 && b.hi() >= 0) return Value::unbounded();
  const double inv_lo = 1 / b.hi();
  const double inv_hi = 1 / b.lo();
  return mul(a, Value::range(inv_lo, inv_hi));
}

Value max(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  return Value::range(std::max(a.lo(), b.lo()), std::max(a.hi(), b.hi()));
}

Value min(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  return Value::range(std::min(a.lo(), b.lo()), std::min(a.hi(), b.hi()));
}

Value abs(Value a) {
  if (a.is_undefined()) return a;
  if (a.lo() >= 0) return Value::range(a.lo(), a.hi());
  if (a.hi() <= 0) return Value::range(-a.hi(), -a.lo());
  return Value::range(0, std::max(-a.lo(), a.hi()));
}

Value lt(Value a, Value b) {
  if (undefined(a, b)) return Value::boolean(Truth::Unknown);
  if (below(a.hi(), b.lo())) return Value::boolean(true);
  if (at_most(b.hi(), a.lo())) return Value::boolean(false);
  return Value::boolean(Truth::Unknown);
}

Value le(Value a, Value b) {
  if (undefined(a, b)) return Value::boolean(Truth::Unknown);
  if (at_most(a.hi(), b.lo())) return Value::boolean(true);
  if (below(b.hi(), a.lo())) return Value::boolean(false);
  return Value::boolean(Truth::Unknown);
}

Value gt(Value a, Value b) { return lt(b, a); }
Value ge(Value a, Value b) { return le(b, a); }

Value eq(Value a, Value b) {
  if (undefined(a, b)) return Value::boolean(Truth::Unknown);
  if (a.known() && b.known() && same_decimal(a.value(), b.value())) return Value::boolean(true);
  if (below(a.hi(), b.lo()) || below(b.hi(), a.lo())) return Value::boolean(false);
  return Value::boolean(Truth::Unknown);
}

Value ne(Value a, Value b) { return logical_not(eq(a, b)); }

Value logical_not(Value a) { return Value::boolean(a.truth() == Truth::True    ? Truth::False
                                                   : a.truth() == Truth::False ? Truth::True
                                                                               : Truth::Unknown); }

Value logical_and(Value a, Value b) {
  const Truth x = a.truth(), y = b.truth();
  if (x == Truth::False || y == Truth::False) return Value::boolean(false);
  if (x == Truth::True && y == Truth::True) return Value::boolean(true);
  return Value::boolean(Truth::Unknown);
}

Value logical_or(Value a, Value b) {
  const Truth x = a.truth(), y = b.truth();
  if (x == Truth::True || y == Truth::True) return Value::boolean(true);
  if (x == Truth::False && y == Truth::False) return Value::boolean(false);
  return Value::boolean(Truth::Unknown);
}

Value hull(Value a, Value b) {
  if (undefined(a, b)) return Value::undefined();
  if (a.is_boolean() && b.is_boolean()) {
    return a.truth() == b.truth() ? a : Value::boolean(Truth::Unknown);
  }
  return Value::range(std::min(a.lo(), b.lo()), std::max(a.hi(), b.hi()));
}

}  // namespace gradus::eval

// The one value type: intervals, undefined, Kleene logic, decimal comparisons.
#include <catch2/catch.hpp>

#include "engine/eval/value.hpp"

using namespace gradus::eval;

namespace {
Truth t(Value v) { return v.truth(); }
}  // namespace

TEST_CASE("numbers compare as written, not as binary floating point", "[eval]") {
  // abs(52.0% - 50%) <= 2%: 52.0 - 50 is 2.0000000000000018 in binary.
  const Value diff = abs(sub(Value::number(52.0), Value::number(50)));
  CHECK(t(le(diff, Value::number(2))) == Truth::True);
  CHECK(t(eq(diff, Value::number(2))) == Truth::True);
  CHECK(t(gt(diff, Value::number(2))) == Truth::False);
  CHECK(t(eq(add(Value::number(0.1), Value::number(0.2)), Value::number(0.3))) == Truth::True);
  CHECK(t(ge(mul(Value::number(1.05), Value::number(160)), Value::number(168))) == Truth::True);
  CHECK(t(lt(mul(Value::number(1.05), Value::number(160)), Value::number(168))) == Truth::False);
  // A real difference in the 9th significant digit is still a difference.
  CHECK(t(lt(Value::number(1.00000001), Value::number(1.00000002))) == Truth::True);
  CHECK(t(le(Value::number(2.01), Value::number(2))) == Truth::False);
}

TEST_CASE("a comparison is known only when it holds for every value in the ranges", "[eval]") {
  const Value pain = Value::range(0, 10);  // a missing score 0..10
  CHECK(t(gt(max(pain, Value::number(8)), Value::number(3))) == Truth::True);
  CHECK(t(gt(max(pain, Value::number(2)), Value::number(3))) == Truth::Unknown);
  CHECK(t(eq(pain, Value::number(0))) == Truth::Unknown);
  CHECK(t(ge(pain, Value::number(0))) == Truth::True);
  CHECK(t(lt(pain, Value::number(0))) == Truth::False);
  CHECK(t(eq(pain, Value::number(11))) == Truth::False);
  const Value cadence = Value::unbounded();
  CHECK(t(ge(cadence, Value::number(165))) == Truth::Unknown);
  CHECK(t(lt(cadence, Value::number(1e300))) == Truth::Unknown);
}

TEST_CASE("undefined compares as unknown and spreads through arithmetic", "[eval]") {
  const Value u = Value::undefined();
  CHECK(t(gt(u, Value::number(1))) == Truth::Unknown);
  CHECK(t(eq(u, u)) == Truth::Unknown);
  CHECK(add(u, Value::number(1)).is_undefined());
  CHECK(max(u, Value::number(1)).is_undefined());
  CHECK(div(Value::number(5), Value::number(0)).is_undefined());
  CHECK(div(Value::number(5), Value::range(0, 2)) == Value::unbounded());
  CHECK(t(logical_not(gt(u, Value::number(1)))) == Truth::Unknown);
}

TEST_CASE("Kleene logic", "[eval]") {
  const Value T = Value::boolean(true), F = Value::boolean(false), U = Value::boolean(Truth::Unknown);
  CHECK(t(logical_and(T, U)) == Truth::Unknown);
  CHECK(t(logical_and(F, U)) == Truth::False);
  CHECK(t(logical_or(T, U)) == Truth::True);
  CHECK(t(logical_or(F, U)) == Truth::Unknown);
  CHECK(t(logical_not(U)) == Truth::Unknown);
  CHECK(t(logical_not(T)) == Truth::False);
}

TEST_CASE("interval arithmetic", "[eval]") {
  const Value a = Value::range(-1, 2), b = Value::range(3, 4);
  CHECK(add(a, b) == Value::range(2, 6));
  CHECK(sub(a, b) == Value::range(-5, -1));
  CHECK(mul(a, b) == Value::range(-4, 8));
  CHECK(div(b, Value::range(1, 2)) == Value::range(1.5, 4));
  CHECK(abs(a) == Value::range(0, 2));
  CHECK(abs(Value::range(-5, -3)) == Value::range(3, 5));
  CHECK(neg(b) == Value::range(-4, -3));
  CHECK(min(a, b) == Value::range(-1, 2));
  // 0 x unbounded is exactly 0; unbounded - unbounded knows nothing.
  CHECK(mul(Value::number(0), Value::unbounded()) == Value::number(0));
  CHECK(sub(Value::unbounded(), Value::unbounded()) == Value::unbounded());
  CHECK(sub(Value::range(0, 10), Value::number(1)) == Value::range(-1, 9));
}

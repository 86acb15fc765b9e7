// The evaluator's registers (Bounds, kind fixed by the plan) give exactly the
// Value operations' answers: every operation on every pair of a table of
// values that covers points, ranges, infinities, zero and undefined.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <bit>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "engine/eval/bounds.hpp"
#include "engine/eval/value.hpp"
#include "engine/eval/value_text.hpp"

using namespace gradus::eval;

namespace {

std::vector<Value> numbers() {
  return {Value::number(0),         Value::number(1),          Value::number(-2.5),     Value::number(50),
          Value::number(52.0 - 50), Value::number(2),          Value::number(1e-300),   Value::number(kInf),
          Value::number(-kInf),     Value::range(0, 10),       Value::range(-3, 4),     Value::range(1, kInf),
          Value::range(0, kInf),    Value::range(-kInf, 0),    Value::unbounded(),      Value::range(2, 2.0000000001),
          Value::undefined()};
}

std::vector<Value> booleans() {
  return {Value::boolean(Truth::True), Value::boolean(Truth::False), Value::boolean(Truth::Unknown)};
}

Value number_of(Bounds b) { return to_value(b, false); }
Value boolean_of(Bounds b) { return to_value(b, true); }

std::string show(Value v) { return v.is_undefined() ? "undefined" : "[" + number_text(v.lo()) + ", " + number_text(v.hi()) + "]"; }

}  // namespace

TEST_CASE("bounds arithmetic equals Value arithmetic", "[eval][bounds]") {
  for (const Value& a : numbers()) {
    const Bounds x = to_bounds(a);
    INFO("a = " << show(a));
    CHECK(number_of(neg(x)) == neg(a));
    CHECK(number_of(abs(x)) == abs(a));
    const bool missing = !is_known(x);
    CHECK(missing == !a.known());
    for (const Value& b : numbers()) {
      const Bounds y = to_bounds(b);
      INFO("b = " << show(b));
      CHECK(number_of(add(x, y)) == add(a, b));
      CHECK(number_of(sub(x, y)) == sub(a, b));
      CHECK(number_of(mul(x, y)) == mul(a, b));
      CHECK(number_of(div(x, y)) == div(a, b));
      CHECK(number_of(max(x, y)) == max(a, b));
      CHECK(number_of(min(x, y)) == min(a, b));
    }
  }
}

TEST_CASE("bounds comparisons equal Value comparisons", "[eval][bounds]") {
  for (const Value& a : numbers()) {
    for (const Value& b : numbers()) {
      INFO("a = " << show(a) << ", b = " << show(b));
      const Bounds x = to_bounds(a), y = to_bounds(b);
      CHECK(boolean_of(lt(x, y)) == lt(a, b));
      CHECK(boolean_of(le(x, y)) == le(a, b));
      CHECK(boolean_of(gt(x, y)) == gt(a, b));
      CHECK(boolean_of(ge(x, y)) == ge(a, b));
      CHECK(boolean_of(eq(x, y)) == eq(a, b));
      CHECK(boolean_of(ne(x, y)) == ne(a, b));
    }
  }
}

namespace {

// Numbers at the edge of the decimal tolerance (1e-9 relative) and of the
// doubles: where a comparison's shortcuts could part from the Value rules.
std::vector<double> edge_numbers() {
  std::vector<double> out = {0.0, -0.0, 0.1 + 0.2, 0.3, 3.0, -3.0, 165.0, 80.0, 1e-300, 5e-324,
                             std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(), kInf, -kInf};
  for (const double base : {3.0, -3.0, 165.0, 1e300, 1e-300}) {
    for (const double k : {0.5, 0.999, 1.0, 1.001, 2.0}) {
      const double d = base * kRelativeTolerance * k;
      out.push_back(base + d);
      out.push_back(base - d);
      out.push_back(std::nextafter(base + d, kInf));
      out.push_back(std::nextafter(base - d, -kInf));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("bounds comparisons equal Value comparisons at the edges of the tolerance", "[eval][bounds]") {
  const std::vector<double> edges = edge_numbers();
  std::vector<Value> values;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    values.push_back(Value::number(edges[i]));
    const double other = edges[(i * 7 + 3) % edges.size()];
    values.push_back(Value::range(std::min(edges[i], other), std::max(edges[i], other)));
  }
  values.push_back(Value::undefined());
  for (const Value& a : values) {
    for (const Value& b : values) {
      const Bounds x = to_bounds(a), y = to_bounds(b);
      INFO("a = " << show(a) << ", b = " << show(b));
      CHECK(boolean_of(lt(x, y)) == lt(a, b));
      CHECK(boolean_of(le(x, y)) == le(a, b));
      CHECK(boolean_of(eq(x, y)) == eq(a, b));
      CHECK(boolean_of(ne(x, y)) == ne(a, b));
      // The lanes side by side and one at a time agree, NaN included.
      CHECK(detail::below_bits(x, y) == detail::below_bits_scalar(x, y));
    }
  }
}

TEST_CASE("below, capped, is the tolerance rule of value.hpp", "[eval][bounds]") {
  const std::vector<double> edges = edge_numbers();
  for (const double x : edges) {
    for (const double y : edges) {
      INFO("x = " << x << ", y = " << y);
      CHECK(detail::below_capped(x, y) == detail::below(x, y));
      CHECK(!detail::below_capped(y, x) == detail::at_most(x, y));
      CHECK((!detail::below_capped(x, y) && !detail::below_capped(y, x)) == same_decimal(x, y));
    }
  }
}

namespace {

bool same(Bounds x, Bounds y) {
  return std::bit_cast<std::uint64_t>(x.lo) == std::bit_cast<std::uint64_t>(y.lo) &&
         std::bit_cast<std::uint64_t>(x.hi) == std::bit_cast<std::uint64_t>(y.hi);
}

std::vector<double> constants() {
  return {0.0, -0.0, 1.0, -1.0, 3.0, 165.0, 0.02, 52.0 - 50, 0.1 + 0.2, 80.0, -2.5, 1.05, 1e-300, -1e-300, 5e-324,
          -5e-324, 1e300, -1e300, std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
          std::numeric_limits<double>::min()};
}

// Doubles near c and its thresholds (a few hundred steps either side), the
// edge numbers, and doubles from all over the range.
std::vector<double> probes(double c, Threshold t, std::mt19937_64& rng) {
  std::vector<double> out = edge_numbers();
  for (const double centre : {c, t.before, t.after}) {
    double up = centre, down = centre;
    for (int i = 0; i < 300; ++i) {
      out.push_back(up = std::nextafter(up, kInf));
      out.push_back(down = std::nextafter(down, -kInf));
    }
    out.push_back(centre);
  }
  for (int i = 0; i < 2000; ++i) {
    const double d = std::bit_cast<double>(rng());
    if (!std::isnan(d)) out.push_back(d);
  }
  return out;
}

}  // namespace

TEST_CASE("a constant's thresholds are exactly where below turns", "[eval][bounds]") {
  std::mt19937_64 rng(7);
  for (const double c : constants()) {
    const Threshold t = threshold_of(c);
    INFO("c = " << c << ", before = " << t.before << ", after = " << t.after);
    for (const double x : probes(c, t, rng)) {
      INFO("x = " << x);
      CHECK(detail::below_capped(x, c) == (x < t.before));
      CHECK(detail::below_capped(c, x) == (x > t.after));
    }
  }
}

TEST_CASE("comparisons with a constant equal the general comparisons", "[eval][bounds]") {
  std::mt19937_64 rng(11);
  for (const double c : constants()) {
    const Threshold t = threshold_of(c);
    const Bounds k{c, c};
    const std::vector<double> xs = probes(c, t, rng);
    std::vector<Bounds> operands = {undefined_bounds(), Bounds{-kInf, kInf}, Bounds{0, 1}, Bounds{0, 0}, Bounds{1, 1}};
    for (std::size_t i = 0; i < xs.size(); ++i) {
      operands.push_back(Bounds{xs[i], xs[i]});
      const double other = xs[(i * 7919 + 13) % xs.size()];
      operands.push_back(Bounds{std::min(xs[i], other), std::max(xs[i], other)});
    }
    for (const Bounds a : operands) {
      INFO("c = " << c << ", a = [" << a.lo << ", " << a.hi << "]");
      CHECK(same(lt_const(a, t), lt(a, k)));
      CHECK(same(le_const(a, t), le(a, k)));
      CHECK(same(gt_const(a, t), gt(a, k)));
      CHECK(same(ge_const(a, t), ge(a, k)));
      CHECK(same(eq_const(a, t), eq(a, k)));
      CHECK(same(ne_const(a, t), ne(a, k)));
    }
  }
}

TEST_CASE("bounds Kleene logic equals Value logic", "[eval][bounds]") {
  for (const Value& a : booleans()) {
    const Bounds x = to_bounds(a);
    CHECK(truth_of(x) == a.truth());
    CHECK(boolean_of(logical_not(x)) == logical_not(a));
    CHECK(truth_bounds(a.truth()).lo == x.lo);
    CHECK(truth_bounds(a.truth()).hi == x.hi);
    for (const Value& b : booleans()) {
      const Bounds y = to_bounds(b);
      CHECK(boolean_of(logical_and(x, y)) == logical_and(a, b));
      CHECK(boolean_of(logical_or(x, y)) == logical_or(a, b));
    }
  }
}

TEST_CASE("undefined bounds are an undefined Value", "[eval][bounds]") {
  CHECK(to_value(undefined_bounds(), false) == Value::undefined());
  CHECK(is_undefined(to_bounds(Value::undefined())));
  CHECK_FALSE(is_known(undefined_bounds()));
}

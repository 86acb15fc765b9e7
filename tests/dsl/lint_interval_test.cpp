// The interval domain behind G0407/G0408: open and closed ends, whole
// numbers, arithmetic that never claims less than is possible.
#include <catch2/catch.hpp>

#include "dsl/check/interval.hpp"

using gradus::ast::Op;
using namespace gradus::lint;

TEST_CASE("intervals: intersections respect open ends and whole numbers") {
  const Interval score = Interval::closed(0, 10);
  CHECK(score.intersect(comparison_set(Op::Gt, 10)).empty());
  CHECK_FALSE(score.intersect(comparison_set(Op::Ge, 10)).empty());
  CHECK(score.intersect(comparison_set(Op::Ge, 10)).is_point());
  CHECK(comparison_set(Op::Gt, 3).intersect(comparison_set(Op::Lt, 4)).empty() == false);  // 3.5
  const Interval count{0, kInf, false, false, true};
  CHECK(count.intersect(comparison_set(Op::Gt, 3)).intersect(comparison_set(Op::Lt, 4)).empty());  // no whole number
  CHECK(Interval::whole(0, 4).intersect(comparison_set(Op::Ge, 2.5)).normalized().lo == 3);
}

TEST_CASE("intervals: arithmetic") {
  const Interval a = Interval::closed(0, 10), b = Interval::closed(0, 10);
  const Interval d = sub(a, b);
  CHECK(d.lo <= -10);
  CHECK(d.hi >= 10);
  CHECK(abs(sub(Interval::at_least(0), Interval::point(50))).lo == 0);
  CHECK(max(Interval::closed(0, 3), Interval::closed(2, 10)).lo == 2);
  CHECK(max(Interval::closed(0, 3), Interval::closed(2, 10)).hi == 10);
  CHECK(div(a, Interval::closed(-1, 1)).lo == -kInf);  // a divisor that can be 0: anything
  // 0.1 * 3 is not exactly 0.3 in binary: the widened result still reaches 0.3.
  CHECK(can_compare_true(mul(Interval::closed(0, 3), Interval::point(0.1)), Op::Ge, Interval::point(0.3)));
}

TEST_CASE("intervals: comparisons between ranges") {
  CHECK(can_compare_true(Interval::closed(0, 10), Op::Lt, Interval::at_least(0)));
  CHECK_FALSE(can_compare_true(Interval::closed(5, 10), Op::Lt, Interval::closed(0, 5)));
  CHECK(can_compare_true(Interval::closed(5, 10), Op::Le, Interval::closed(0, 5)));
  CHECK_FALSE(can_compare_true(Interval::point(2), Op::Ne, Interval::point(2)));
  CHECK(negate_comparison(Op::Lt) == Op::Ge);
  CHECK(swap_comparison(Op::Lt) == Op::Gt);
}

TEST_CASE("intervals: text for messages") {
  CHECK(to_text(Interval::closed(0, 10)) == "0..10");
  CHECK(to_text(Interval::at_least(1)) == "1 or more");
  CHECK(to_text(comparison_set(Op::Gt, 2).intersect(comparison_set(Op::Le, 3))) == "above 2 up to 3");
  CHECK(to_text(Interval::point(3.5)) == "3.5");
  CHECK(to_text(Interval::all()) == "any value");
}

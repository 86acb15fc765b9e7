#include "engine/eval/bounds.hpp"

#include <bit>
#include <cstdint>
#include <limits>

namespace gradus::eval {
namespace {

// The doubles in order as integers (-0 and +0 alike), NaN aside.
std::int64_t order_of(double d) {
  const auto bits = std::bit_cast<std::int64_t>(d);
  return bits < 0 ? -(bits & std::numeric_limits<std::int64_t>::max()) : bits;
}
double double_at(std::int64_t order) {
  return order < 0 ? std::bit_cast<double>((-order) | std::numeric_limits<std::int64_t>::min())
                   : std::bit_cast<double>(order);
}

// The first double from -inf to +inf at which `holds` turns from
// `at_start` to its opposite (holds(-inf) == at_start, holds(+inf) != at_start).
template <typename Holds>
std::int64_t turn(Holds holds, bool at_start) {
  std::int64_t low = order_of(-kInf), high = order_of(kInf);
  // (The span from -inf to +inf does not fit an int64: halved unsigned.)
  const auto span = [&] { return static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low); };
  while (span() > 1) {
    const std::int64_t mid = low + static_cast<std::int64_t>(span() / 2);
    (holds(double_at(mid)) == at_start ? low : high) = mid;
  }
  return high;
}

}  // namespace

Threshold threshold_of(double c) {
  Threshold t;
  // below(x, c) holds from -inf up to `before` (excluded); below(c, x) from
  // just past `after` to +inf.
  t.before = double_at(turn([c](double x) { return detail::below_capped(x, c); }, true));
  t.after = double_at(turn([c](double x) { return detail::below_capped(c, x); }, false) - 1);
  return t;
}

}  // namespace gradus::eval

#include "engine/metrics/load_ratios.hpp"

#include <algorithm>
#include <cmath>

#include "engine/metrics/ewma.hpp"

namespace gradus::metrics {

namespace detail {

namespace {
double sum(std::span<const double> values) {
  double total = 0;
  for (const double v : values) total += v;
  return total;
}
}  // namespace

std::optional<double> coupled_ratio(std::span<const double, kChronicDays> last28) {
  const double acute = sum(last28.last<kAcuteDays>());
  const double chronic = sum(last28) / 4.0;
  if (chronic == 0) return std::nullopt;
  return acute / chronic;
}

std::optional<double> uncoupled_ratio(std::span<const double, kChronicDays> last28) {
  const double acute = sum(last28.last<kAcuteDays>());
  const double chronic = sum(last28.first<kChronicDays - kAcuteDays>()) / 3.0;
  if (chronic == 0) return std::nullopt;
  return acute / chronic;
}

std::optional<double> monotony_of(std::span<const double, kAcuteDays> last7) {
  const auto [lo, hi] = std::minmax_element(last7.begin(), last7.end());
  // A constant week has no spread: computing 7c/7 - c in binary can leave a
  // residue of 1e-17 and a monotony of 1e16, so loads that agree to about
  // nine significant digits count as equal (docs/metrics.md).
  if (*hi - *lo <= 1e-9 * std::max(std::fabs(*hi), std::fabs(*lo))) return std::nullopt;
  const double mean = sum(last7) / static_cast<double>(kAcuteDays);
  double squares = 0;
  for (const double v : last7) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / static_cast<double>(kAcuteDays));  // population SD
  if (sd == 0) return std::nullopt;
  return mean / sd;
}

std::optional<double> strain_of(std::span<const double, kAcuteDays> last7) {
  const auto m = monotony_of(last7);
  if (!m) return std::nullopt;
  return sum(last7) * *m;
}

double ewma_lambda(double n) { return 2.0 / (n + 1.0); }

}  // namespace detail

double srpe(double rpe, double minutes) { return rpe * minutes; }

std::optional<double> acwr(std::span<const double> daily) {
  if (daily.size() < kChronicDays) return std::nullopt;
  return detail::coupled_ratio(daily.last<kChronicDays>());
}

std::optional<double> acwr_uncoupled(std::span<const double> daily) {
  if (daily.size() < kChronicDays) return std::nullopt;
  return detail::uncoupled_ratio(daily.last<kChronicDays>());
}

std::optional<double> acwr_ewma(std::span<const double> daily) {
  EwmaRatio state;
  for (const double v : daily) state.push(v);
  return state.ratio();
}

std::optional<double> monotony(std::span<const double> daily) {
  if (daily.size() < kAcuteDays) return std::nullopt;
  return detail::monotony_of(daily.last<kAcuteDays>());
}

std::optional<double> strain(std::span<const double> daily) {
  if (daily.size() < kAcuteDays) return std::nullopt;
  return detail::strain_of(daily.last<kAcuteDays>());
}

}  // namespace gradus::metrics

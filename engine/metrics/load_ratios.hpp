#pragma once
// Training-load metrics over a day-indexed series: one value per calendar day,
// 0 on a day with no session, the last element being "today". Each returns
// nullopt when the metric is undefined (not enough days, no chronic load, a
// week with no spread). Definitions, seeding and citations: docs/metrics.md.
//
// These are the direct ("whole series") forms, used by tests and one-off
// reports; the evaluator uses the O(1)-per-day forms in load_history.hpp,
// which produce bit-identical results.
#include <cstddef>
#include <optional>
#include <span>

namespace gradus::metrics {

inline constexpr std::size_t kAcuteDays = 7;
inline constexpr std::size_t kChronicDays = 28;
inline constexpr double kEwmaAcuteN = 7;
inline constexpr double kEwmaChronicN = 28;

// Session-RPE load in arbitrary units (Foster 2001): CR10 RPE x minutes.
double srpe(double rpe, double minutes);

// Coupled rolling ACWR (Gabbett 2016): 7-day sum / (28-day sum / 4), the
// current week included. Needs 28 days; undefined when the 28-day sum is 0.
std::optional<double> acwr(std::span<const double> daily);

// Uncoupled rolling ACWR (Windt & Gabbett 2019): 7-day sum / (sum of the 21
// days before those 7 / 3). Needs 28 days; undefined when that 21-day sum is 0.
std::optional<double> acwr_uncoupled(std::span<const double> daily);

// EWMA ACWR (Williams 2017): EWMA_t = load_t * l + (1 - l) * EWMA_{t-1},
// l = 2 / (N + 1), N = 7 (acute) and 28 (chronic); both averages start at
// the first day's load. Needs 28 days; undefined when the chronic EWMA is 0.
std::optional<double> acwr_ewma(std::span<const double> daily);

// Monotony (Foster 1998): mean of the last 7 days / their population SD.
// Needs 7 days; undefined when the 7 loads are all equal (SD 0).
std::optional<double> monotony(std::span<const double> daily);

// Strain (Foster 1998): 7-day sum x monotony; undefined with monotony.
std::optional<double> strain(std::span<const double> daily);

// The shared arithmetic. `last28` holds the last 28 days oldest first;
// `last7` the last 7 days oldest first. Both the direct and the incremental
// forms call these, so they agree exactly.
namespace detail {
std::optional<double> coupled_ratio(std::span<const double, kChronicDays> last28);
std::optional<double> uncoupled_ratio(std::span<const double, kChronicDays> last28);
std::optional<double> monotony_of(std::span<const double, kAcuteDays> last7);
std::optional<double> strain_of(std::span<const double, kAcuteDays> last7);
double ewma_lambda(double n);
}  // namespace detail

}  // namespace gradus::metrics

#pragma once
// The incremental form of the load metrics for the evaluator: push one value
// per calendar day (0 on days without a session); every query is O(1) with no
// allocation (a fixed 28-day ring and two EWMA states). Results are identical
// to the direct forms in load_ratios.hpp over the same series.
#include <array>
#include <cstddef>
#include <optional>

#include "engine/metrics/ewma.hpp"
#include "engine/metrics/load_ratios.hpp"

namespace gradus::metrics {

class LoadHistory {
 public:
  void push(double load);
  std::size_t days() const { return days_; }  // days pushed so far

  // The value `days_ago` days before today (0 = today); 0 beyond the history
  // kept (28 days) or before the first day.
  double at(std::size_t days_ago) const;
  double sum7() const;   // last 7 days (fewer at the start)
  double sum28() const;  // last 28 days (fewer at the start)

  std::optional<double> acwr() const;
  std::optional<double> acwr_uncoupled() const;
  std::optional<double> acwr_ewma() const { return ewma_.ratio(); }
  std::optional<double> monotony() const;
  std::optional<double> strain() const;

 private:
  // The last 28 days, oldest first, copied out of the ring (28 doubles on the stack).
  std::array<double, kChronicDays> last28() const;
  std::array<double, kAcuteDays> last7() const;

  std::array<double, kChronicDays> ring_{};
  std::size_t next_ = 0;  // slot today's successor goes into
  std::size_t days_ = 0;
  EwmaRatio ewma_;
};

}  // namespace gradus::metrics

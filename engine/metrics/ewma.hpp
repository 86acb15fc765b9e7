#pragma once
// Exponentially weighted moving averages of daily load (Williams et al. 2017),
// updated once per calendar day in O(1). See docs/metrics.md for seeding.
#include <cstddef>
#include <optional>

#include "engine/metrics/load_ratios.hpp"

namespace gradus::metrics {

struct Ewma {
  double lambda = 0;    // 2 / (N + 1)
  double value = 0;
  bool seeded = false;  // the first day's load is the starting value

  explicit Ewma(double n) : lambda(detail::ewma_lambda(n)) {}
  void push(double load) {
    if (!seeded) {
      value = load;
      seeded = true;
    } else {
      value = load * lambda + (1 - lambda) * value;
    }
  }
};

// Acute (N = 7) over chronic (N = 28) EWMA: the ACWR of acwr_ewma().
struct EwmaRatio {
  Ewma acute{kEwmaAcuteN};
  Ewma chronic{kEwmaChronicN};
  std::size_t days = 0;

  void push(double load) {
    acute.push(load);
    chronic.push(load);
    ++days;
  }
  // Undefined before 28 days of history or with no chronic load.
  std::optional<double> ratio() const {
    if (days < kChronicDays || chronic.value == 0) return std::nullopt;
    return acute.value / chronic.value;
  }
};

}  // namespace gradus::metrics

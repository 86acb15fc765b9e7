#include "engine/metrics/load_history.hpp"

namespace gradus::metrics {

void LoadHistory::push(double load) {
  ring_[next_] = load;
  next_ = (next_ + 1) % kChronicDays;
  ++days_;
  ewma_.push(load);
}

double LoadHistory::at(std::size_t days_ago) const {
  if (days_ago >= kChronicDays || days_ago >= days_) return 0;
  return ring_[(next_ + kChronicDays - 1 - days_ago) % kChronicDays];
}

std::array<double, kChronicDays> LoadHistory::last28() const {
  std::array<double, kChronicDays> out{};
  for (std::size_t i = 0; i < kChronicDays; ++i) out[i] = at(kChronicDays - 1 - i);
  return out;
}

std::array<double, kAcuteDays> LoadHistory::last7() const {
  std::array<double, kAcuteDays> out{};
  for (std::size_t i = 0; i < kAcuteDays; ++i) out[i] = at(kAcuteDays - 1 - i);
  return out;
}

double LoadHistory::sum7() const {
  double total = 0;
  for (const double v : last7()) total += v;
  return total;
}

double LoadHistory::sum28() const {
  double total = 0;
  for (const double v : last28()) total += v;
  return total;
}

std::optional<double> LoadHistory::acwr() const {
  if (days_ < kChronicDays) return std::nullopt;
  const auto days = last28();
  return detail::coupled_ratio(days);
}

std::optional<double> LoadHistory::acwr_uncoupled() const {
  if (days_ < kChronicDays) return std::nullopt;
  const auto days = last28();
  return detail::uncoupled_ratio(days);
}

std::optional<double> LoadHistory::monotony() const {
  if (days_ < kAcuteDays) return std::nullopt;
  const auto days = last7();
  return detail::monotony_of(days);
}

std::optional<double> LoadHistory::strain() const {
  if (days_ < kAcuteDays) return std::nullopt;
  const auto days = last7();
  return detail::strain_of(days);
}

}  // namespace gradus::metrics

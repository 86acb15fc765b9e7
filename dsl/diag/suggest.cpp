#include "dsl/diag/suggest.hpp"

#include <algorithm>

namespace gradus {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance (transpositions count as one edit),
  // two rows at a time. Inputs are identifiers, so O(n*m) is small; cap the
  // work for hostile input all the same.
  if (a.size() > 256 || b.size() > 256) return std::max(a.size(), b.size());
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

template <typename Strings>
std::optional<std::string> closest(std::string_view word, const Strings& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance && d > 0) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  return closest(word, candidates);
}
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  return closest(word, candidates);
}

}  // namespace gradus

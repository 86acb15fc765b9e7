#pragma once
// "Did you mean ...?": the closest candidate by edit distance, if close enough
// to be a plausible typo (distance <= max(1, length / 3)).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gradus {

std::size_t edit_distance(std::string_view a, std::string_view b);
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace gradus

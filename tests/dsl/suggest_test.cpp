#include <catch2/catch.hpp>

#include "dsl/diag/suggest.hpp"

using namespace gradus;

TEST_CASE("edit distance counts insertions, deletions, substitutions and transpositions") {
  CHECK(edit_distance("pain", "pain") == 0);
  CHECK(edit_distance("pain", "pian") == 1);
  CHECK(edit_distance("advance", "advnce") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("closest_match suggests only plausible typos") {
  std::vector<std::string> names{"pain_during", "pain_after", "pain_morning", "swelling"};
  CHECK(closest_match("pain_durng", names) == std::optional<std::string>("pain_during"));
  CHECK(closest_match("sweling", names) == std::optional<std::string>("swelling"));
  CHECK_FALSE(closest_match("cadence", names).has_value());
}

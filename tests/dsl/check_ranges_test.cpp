// Ranges: a score range written backwards (G0205) and a number compared with
// a score outside its declared range (G0204), directly and through lets,
// max/min and the input functions.
#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace gradus;
using test::base_protocol;
using test::check_text;
using test::require_at;
using test::require_clean;

TEST_CASE("G0205: a score range written backwards, at the range") {
  std::string text = base_protocol();
  text.replace(text.find("input pain_after  score 0..10"), 29, "input pain_after  score 10..0");
  auto c = check_text(text);
  const auto& d = require_at(c, "G0205", 4, 25);
  CHECK(d.span.end_column == 30);
  CHECK(d.help == "write score 0..10");
  CHECK(c.count("G0204") == 0);  // the comparisons with it are not judged against a broken range

  std::string flat = base_protocol();
  flat.replace(flat.find("input pain_after  score 0..10"), 29, "input pain_after  score 0..0 ");
  require_clean(check_text(flat), "G0205");
}

TEST_CASE("G0204: a literal outside a score's range, on either side") {
  auto c = check_text(base_protocol("advance if pain_during > 11"));
  const auto& d = require_at(c, "G0204", 15, 30);
  CHECK(d.span.end_column == 32);
  CHECK(d.message == "11 is outside pain_during's range 0..10");
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 3);  // where the range was declared

  auto left = check_text(base_protocol("advance if -1 < pain_after"));
  require_at(left, "G0204", 15, 16);

  auto frac = check_text(base_protocol("advance if pain_during >= 10.5"));
  require_at(frac, "G0204", 15, 31);

  require_clean(check_text(base_protocol("advance if pain_during > 10 and 0 <= pain_after and pain_during == 2.5")),
                "G0204");
}

TEST_CASE("G0204: through a let, max/min of scores, and the input functions") {
  auto let = check_text(base_protocol("advance if worst_pain >= 12"));
  CHECK(require_at(let, "G0204", 15, 30).message == "12 is outside worst_pain's range 0..10");

  auto mx = check_text(base_protocol("advance if min(pain_during, pain_after) == 11"));
  require_at(mx, "G0204", 15, 48);

  auto base = check_text(base_protocol("advance if baseline(pain_during) > 20"));
  require_at(base, "G0204", 15, 40);

  auto window = check_text(base_protocol("advance if max(pain_during over 7 days) > 10.1"));
  require_at(window, "G0204", 15, 47);

  require_clean(check_text(base_protocol("advance if min(pain_during, pain_after) == 10 and baseline(pain_during) > 9")),
                "G0204");
}

TEST_CASE("G0204 does not apply where the score is no longer a score") {
  // A difference of scores is a plain number that may be negative or reach 20.
  require_clean(check_text(base_protocol("advance if pain_during - pain_after > -5 and pain_during + pain_after < 20")),
                "G0204");
  // Scores of different ranges: max takes the widest range.
  std::string text = base_protocol("advance if max(pain_during, rpe) > 15");
  text.replace(text.find("input swelling    flag"), 22, "input rpe score 0..20 ");
  auto c = check_text(text);
  INFO(c.codes());
  CHECK(c.check.ok());
}

// Stages: ids are unique (G0302) and `advance to` / `regress to` name a stage
// that exists (G0301).
#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace gradus;
using test::base_protocol;
using test::check_text;
using test::require_at;
using test::require_clean;

TEST_CASE("G0302: a duplicate stage id at the second, labelled at the first") {
  std::string text = base_protocol();
  text.replace(text.find("stage b \"B\""), 11, "stage a \"B\"");
  auto c = check_text(text);
  const auto& d = require_at(c, "G0302", 16, 9);
  CHECK(d.message == "duplicate stage 'a'");
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 12);
  CHECK(d.labels[0].span.column == 9);
  CHECK(d.labels[0].message == "first defined here");
  require_clean(check_text(base_protocol()), "G0302");
}

TEST_CASE("G0301: advance to an unknown stage, with a did-you-mean over stage ids") {
  std::string text = base_protocol("advance to c30 if worst_pain == 0");
  text.replace(text.find("stage b \"B\""), 11, "stage c3 \"B\"");
  auto c = check_text(text);
  const auto& d = require_at(c, "G0301", 15, 16);
  CHECK(d.span.end_column == 19);
  CHECK(d.message == "`advance to` an unknown stage 'c30'");
  CHECK(d.help == "did you mean 'c3'?");

  std::string ok = base_protocol("advance to c3 if worst_pain == 0");
  ok.replace(ok.find("stage b \"B\""), 11, "stage c3 \"B\"");
  require_clean(check_text(ok), "G0301");
}

TEST_CASE("G0301: regress to an unknown stage, also from safety") {
  auto c = check_text(base_protocol("advance if worst_pain == 0", "regress to start if worst_pain >= 3"));
  const auto& d = require_at(c, "G0301", 10, 14);
  CHECK(d.message == "`regress to` an unknown stage 'start'");
  CHECK(d.help == "the stages are: a, b");
  require_clean(check_text(base_protocol("advance if worst_pain == 0", "regress to a if worst_pain >= 3")), "G0301");
}

// G0402 unreachable stage, G0403 stage with no way out, G0409 no frequency.
#include "tests/dsl/lint_test_support.hpp"

using namespace lint_test;

namespace {

const std::string kInputs =
    "protocol t \"Test\"\n"
    "version 1.0.0\n"
    "source \"A B. J 2020;1:1\"\n"
    "input pain score 0..10\n"
    "safety\n"
    "  hold if missing(pain)\n"
    "phase \"P\"\n";

}  // namespace

TEST_CASE("G0402: a stage no step leads to is unreachable") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance to c if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage c \"C\"\n"
                           "    session run 20 min\n"
                           "    frequency 3 per week\n"
                           "    discharge if pain <= 2\n";
  const auto d = expect_one(lint_text(text), "G0402", text, "b \"B\"", "stage 'b' is unreachable");
  CHECK_THAT(d.message, Catch::Matchers::Contains("first stage 'a'"));
  CHECK_THAT(d.help, Catch::Matchers::Contains("advance to b"));
}

TEST_CASE("G0402: a regress to the skipped stage makes it reachable") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance to c if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage c \"C\"\n"
                           "    session run 20 min\n"
                           "    frequency 3 per week\n"
                           "    regress to b if pain >= 5\n"
                           "    discharge if pain <= 2\n";
  CHECK(with_code(lint_text(text), "G0402").empty());
}

TEST_CASE("G0402: a recovery stage advances by itself, and safety regresses reach back") {
  const std::string text =
      "protocol t \"Test\"\nversion 1.0.0\nsource \"A\"\ninput pain score 0..10\n"
      "safety\n  hold if missing(pain)\n  regress 3 stages if pain >= 6\n"
      "phase \"P\"\n"
      "  stage a \"A\"\n    session run 10 min\n    frequency 3 per week\n    advance to c if pain <= 2\n"
      "  stage b \"B\"\n    session run 15 min\n    frequency 3 per week\n    advance if pain <= 2\n"
      "  stage c \"C\"\n    session run 20 min\n    frequency 3 per week\n    advance if pain <= 2\n"
      "  stage r \"Rest\"\n    session rest 1 days\n"
      "  stage d \"D\"\n    session run 25 min\n    frequency 3 per week\n    discharge if pain <= 2\n";
  // b is reached from d by the safety `regress 3 stages` (recovery stages count); d from the recovery stage r.
  CHECK(with_code(lint_text(text), "G0402").empty());
}

TEST_CASE("G0403: a middle stage with no advance or discharge") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    hold if pain >= 3\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    discharge if pain <= 2\n";
  auto all = lint_text(text);
  expect_one(all, "G0403", text, "a \"A\"", "stage 'a' has no `advance` or `discharge` rule");
  // b cannot be reached either: a never moves on.
  CHECK(with_code(all, "G0402").size() == 1);
}

TEST_CASE("G0403: the nearest protocol with an advance is clean") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    hold if pain >= 3\n"
                           "    advance if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    discharge if pain <= 2\n";
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0403: the last stage without a discharge") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    hold if pain >= 3\n";
  expect_one(lint_text(text), "G0403", text, "b \"B\"", "the last stage 'b' has no `discharge` rule");
}

TEST_CASE("G0403: a plain advance in the last stage has nowhere to go") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n";
  expect_one(lint_text(text), "G0403", text, "advance if pain <= 2", "has no next stage", 2);
}

TEST_CASE("G0403: the last stage may loop back with `advance to`") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency 3 per week\n"
                           "    advance to a if pain <= 2\n";
  CHECK(with_code(lint_text(text), "G0403").empty());
}

TEST_CASE("G0403: a recovery stage at the end never advances") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency 3 per week\n"
                           "    advance if pain <= 2\n"
                           "  stage r \"Rest\"\n"
                           "    session rest\n";
  expect_one(lint_text(text), "G0403", text, "r \"Rest\"", "recovery stage 'r' is the last stage");
}

TEST_CASE("G0409: a stage with a session but no frequency") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    advance if pain <= 2\n"
                           "  stage r \"Rest\"\n"
                           "    session rest\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency daily\n"
                           "    discharge if pain <= 2\n";
  // The recovery stage needs no frequency; only `a` is reported.
  expect_one(lint_text(text), "G0409", text, "a \"A\"", "stage 'a' has no `frequency`");
}

TEST_CASE("G0409: the same protocol with a frequency is clean") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    frequency every other day\n"
                           "    advance if pain <= 2\n"
                           "  stage r \"Rest\"\n"
                           "    session rest\n"
                           "  stage b \"B\"\n"
                           "    session run 15 min\n"
                           "    frequency daily\n"
                           "    discharge if pain <= 2\n";
  CHECK(lint_text(text).empty());
}

TEST_CASE("lints are warnings, and errors under --strict") {
  const std::string text = kInputs +
                           "  stage a \"A\"\n"
                           "    session run 10 min\n"
                           "    discharge if pain <= 2\n";
  auto plain = with_code(lint_text(text), "G0409");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].severity == gradus::Severity::Warning);
  gradus::CheckOptions strict;
  strict.strict = true;
  auto hard = with_code(lint_text(text, strict), "G0409");
  REQUIRE(hard.size() == 1);
  CHECK(hard[0].severity == gradus::Severity::Error);
}

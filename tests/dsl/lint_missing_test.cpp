// G0404: a safety rule's input can be missing with no rule for it.
#include "tests/dsl/lint_test_support.hpp"

using namespace lint_test;

namespace {

std::string protocol_with(const std::string& inputs_and_safety) {
  return "protocol t \"Test\"\nversion 1.0.0\nsource \"A\"\n" + inputs_and_safety +
         "phase \"P\"\n"
         "  stage a \"A\"\n"
         "    session run 10 min\n"
         "    frequency 3 per week\n"
         "    discharge if pain <= 2\n";
}

}  // namespace

TEST_CASE("G0404: an input read through a let with no missing() guard") {
  const std::string text = protocol_with(
      "input pain score 0..10\n"
      "input pain_after score 0..10\n"
      "let worst = max(pain, pain_after)\n"
      "safety\n"
      "  regress if worst >= 3\n"
      "  hold if missing(pain)\n");
  const auto d = expect_one(lint_text(text), "G0404", text, "worst >= 3", "pain_after is not logged");
  CHECK_THAT(d.message, Catch::Matchers::Contains("regress if worst >= 3"));
  CHECK_THAT(d.label, Catch::Matchers::Contains("through worst"));
  CHECK_THAT(d.help, Catch::Matchers::Contains("hold if missing(pain_after)"));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == position_of(text, "pain_after score").line);
}

TEST_CASE("G0404: guarding the input, or the let, silences it") {
  SECTION("missing(input)") {
    const std::string text = protocol_with(
        "input pain score 0..10\ninput pain_after score 0..10\nlet worst = max(pain, pain_after)\n"
        "safety\n  regress if worst >= 3\n  hold if missing(pain) or missing(pain_after)\n");
    CHECK(lint_text(text).empty());
  }
  SECTION("missing(let) covers every input the let reads") {
    const std::string text = protocol_with(
        "input pain score 0..10\ninput pain_after score 0..10\nlet worst = max(pain, pain_after)\n"
        "safety\n  regress if worst >= 3\n  hold if missing(worst)\n");
    CHECK(lint_text(text).empty());
  }
}

TEST_CASE("G0404: a direct read, reported once with the other readers as notes") {
  const std::string text = protocol_with(
      "input pain score 0..10\n"
      "input cadence spm\n"
      "safety\n"
      "  hold if cadence < 150 spm\n"
      "  refer if cadence > 220 spm\n"
      "  hold if missing(pain)\n");
  const auto d = expect_one(lint_text(text), "G0404", text, "cadence < 150", "cadence is not logged");
  REQUIRE(d.notes.size() == 1);
  CHECK_THAT(d.notes[0], Catch::Matchers::Contains("refer if cadence > 220 spm"));
}

TEST_CASE("G0404: flags, cue-only inputs, baseline() and latest() are not reported") {
  const std::string text = protocol_with(
      "input pain score 0..10\n"
      "input swelling flag\n"
      "input cadence spm\n"
      "input hop percent\n"
      "safety\n"
      "  refer if swelling\n"
      "  regress if pain - baseline(pain) >= 2\n"
      "  hold if latest(hop) < 80%\n"
      "  hold if missing(pain)\n"
      "  cue if cadence < 160 spm \"Shorter, quicker steps\"\n");
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0404: a cue testing missing() does not count as a guard") {
  const std::string text = protocol_with(
      "input pain score 0..10\n"
      "safety\n"
      "  regress if pain >= 3\n"
      "  cue if missing(pain) \"Please log pain\"\n");
  expect_one(lint_text(text), "G0404", text, "pain >= 3", "pain is not logged");
}

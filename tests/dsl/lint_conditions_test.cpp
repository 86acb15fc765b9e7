// G0407 a rule that can never fire, G0408 advance and regress overlapping.
#include "tests/dsl/lint_test_support.hpp"

using namespace lint_test;

namespace {

// A protocol whose safety section ends with `rule`; every input guarded.
std::string with_safety_rule(const std::string& rule) {
  return "protocol t \"Test\"\nversion 1.0.0\nsource \"A\"\n"
         "input pain score 0..10\n"
         "input swelling flag\n"
         "input soreness one of none, warmup, next_day\n"
         "input effusion levels zero, trace, 1+, 2+\n"
         "input cadence spm\n"
         "safety\n"
         "  hold if missing(pain) or missing(soreness) or missing(effusion) or missing(cadence)\n"
         "  " + rule + "\n"
         "phase \"P\"\n"
         "  stage a \"A\"\n"
         "    session run 10 min\n"
         "    frequency 3 per week\n"
         "    discharge if pain <= 2\n";
}

struct NeverCase {
  const char* rule;
  const char* at;        // where the finding points
  const char* fragment;  // in its message
};

}  // namespace

TEST_CASE("G0407: rules that can never fire") {
  const NeverCase cases[] = {
      {"regress if pain > 10", "pain > 10", "`pain > 10` is false for every value of pain (0..10)"},
      {"hold if pain > 5 and pain < 3", "pain < 3", "`pain > 5` and `pain < 3` are never true together"},
      {"hold if sessions_in_stage < 1", "sessions_in_stage < 1", "sessions_in_stage (1 or more)"},
      {"hold if days_since_last_session < 0", "days_since_last_session < 0", "(0 or more)"},
      {"hold if count(pain > 3 over 7 days) > 7", "count(", "count(pain > 3 over 7 days) (0..7)"},
      {"hold if count(pain > 3 over 3 sessions) >= 4", "count(", "(0..3)"},
      {"hold if run_minutes > 90 s and run_minutes < 1 min", "run_minutes < 1 min", "never true together"},
      {"hold if soreness == warmup and soreness == next_day", "soreness == next_day", "never true together"},
      {"hold if swelling and not swelling", "not swelling", "`swelling` and `not swelling`"},
      {"hold if effusion >= 2+ and effusion < 1+", "effusion < 1+", "never true together"},
      {"hold if pain + 2 > 12", "pain + 2 > 12", "false for every value of pain"},
      {"hold if not (pain <= 10)", "not (pain <= 10)", "false for every value of pain"},
      {"hold if all(pain > 10 over 2 sessions)", "all(", "is false for every possible value"},
      {"hold if (pain > 5 or swelling) and pain < 0", "(pain > 5", "each alternative"},
      {"hold if cadence < 0 spm", "cadence < 0 spm", "cadence (0 or more spm)"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const std::string text = with_safety_rule(c.rule);
    expect_one(lint_text(text), "G0407", text, c.at, c.fragment);
  }
}

TEST_CASE("G0407: the nearest rules that can fire are not reported") {
  const char* rules[] = {
      "regress if pain >= 10",
      "hold if pain > 5 or pain < 3",
      "hold if pain >= 3 and pain <= 3",
      "hold if sessions_in_stage <= 1",
      "hold if count(pain > 3 over 7 days) >= 7",
      "hold if run_minutes > 30 s and run_minutes < 1 min",
      "hold if soreness == warmup or soreness == next_day",
      "hold if soreness != warmup and soreness != next_day",
      "hold if swelling or not swelling",
      "hold if effusion >= 1+ and effusion < 2+",
      "hold if pain + 2 >= 12",
      "hold if all(pain >= 10 over 2 sessions)",
      "hold if cadence < 1.05 * baseline(cadence)",
      "hold if pain - baseline(pain) >= 10",
      "hold if acwr(run_minutes) > 1.5",
  };
  for (const auto* rule : rules) {
    INFO(rule);
    CHECK(with_code(lint_text(with_safety_rule(rule)), "G0407").empty());
  }
}

TEST_CASE("G0407: a help line suggests the boundary that was probably meant") {
  const std::string text = with_safety_rule("regress if pain > 10");
  const auto d = expect_one(lint_text(text), "G0407", text, "pain > 10", "can never fire");
  CHECK_THAT(d.help, Catch::Matchers::Contains("did you mean `pain >= 10`?"));
}

TEST_CASE("G0407: with alternatives, a note says why each one fails") {
  const std::string text = with_safety_rule("hold if (pain > 5 and pain < 2) or (swelling and pain > 10)");
  const auto d = expect_one(lint_text(text), "G0407", text, "(pain > 5", "each alternative");
  REQUIRE(d.notes.size() == 2);
  CHECK_THAT(d.notes[0], Catch::Matchers::Contains("`pain > 5` and `pain < 2` are never true together"));
  CHECK_THAT(d.notes[1], Catch::Matchers::Contains("`pain > 10` is false for every value of pain (0..10)"));
}

TEST_CASE("G0407: a quantity's hint keeps its unit") {
  const std::string text = with_safety_rule("hold if run_minutes < 0 min");
  const auto d = expect_one(lint_text(text), "G0407", text, "run_minutes < 0 min", "(0 or more min)");
  CHECK_THAT(d.help, Catch::Matchers::Contains("`run_minutes <= 0 min`"));
}

TEST_CASE("G0407: a choice that excludes all its names cannot be true") {
  const std::string text = with_safety_rule("hold if soreness != none and soreness != warmup and soreness != next_day");
  expect_one(lint_text(text), "G0407", text, "soreness != next_day", "never true together");
}

namespace {

std::string two_rules(const std::string& safety, const std::string& rules) {
  return "protocol t \"Test\"\nversion 1.0.0\nsource \"A\"\n"
         "input pain score 0..10\n"
         "input pain_after score 0..10\n"
         "input hop percent\n"
         "let worst = max(pain, pain_after)\n"
         "safety\n"
         "  hold if missing(pain) or missing(pain_after) or missing(hop)\n" +
         safety +
         "phase \"P\"\n"
         "  stage a \"A\"\n"
         "    session run 10 min\n"
         "    frequency 3 per week\n" +
         rules +
         "  stage b \"B\"\n"
         "    session run 15 min\n"
         "    frequency 3 per week\n"
         "    discharge if pain <= 1\n";
}

}  // namespace

TEST_CASE("G0408: advance and regress in one stage overlap on a band") {
  const std::string text = two_rules("", "    advance if pain <= 4\n    regress if pain >= 3\n");
  const auto d = expect_one(lint_text(text), "G0408", text, "pain >= 3", "both true when pain is 3..4");
  CHECK_THAT(d.message, Catch::Matchers::Contains("`advance if pain <= 4` and `regress if pain >= 3`"));
  CHECK_THAT(d.help, Catch::Matchers::Contains("write the advance's bound as `pain < 3`"));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == position_of(text, "pain <= 4").line);
}

TEST_CASE("G0408: bands that meet without overlapping are clean") {
  const std::string text = two_rules("", "    advance if pain <= 2\n    regress if pain >= 3\n");
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0408: a safety regress against a stage's advance, reported at the later (stage) rule") {
  const std::string text = two_rules("  regress if pain > 2\n", "    advance if pain <= 3 and hop >= 80%\n");
  const auto d = expect_one(lint_text(text), "G0408", text, "pain <= 3 and", "both true when pain is above 2 up to 3");
  CHECK(d.labels.at(0).span.line == position_of(text, "pain > 2").line);
}

TEST_CASE("G0408: stays silent where it cannot show the overlap") {
  SECTION("streaks look at past sessions") {
    CHECK(lint_text(two_rules("", "    advance if pain <= 4 for 2 sessions\n    regress if pain >= 3\n")).empty());
  }
  SECTION("terms that share an input (worst is max(pain, pain_after))") {
    CHECK(lint_text(two_rules("", "    advance if pain <= 4 and worst <= 1\n    regress if pain >= 3\n")).empty());
  }
  SECTION("alternatives") {
    CHECK(lint_text(two_rules("", "    advance if pain <= 4 or hop >= 90%\n    regress if pain >= 3\n")).empty());
  }
  SECTION("different terms") {
    CHECK(lint_text(two_rules("", "    advance if pain <= 4\n    regress if pain_after >= 3\n")).empty());
  }
}

TEST_CASE("G0407: a comparison of an input that must be missing is never known true") {
  const NeverCase cases[] = {
      {"hold if missing(pain) and pain > 3", "pain > 3", "while pain is missing, `pain > 3` is unknown"},
      {"hold if pain > 3 and missing(pain)", "pain > 3", "while pain is missing"},
      {"hold if missing(swelling) and swelling", "swelling\n", "while swelling is missing, `swelling` is unknown"},
      {"hold if missing(cadence) and cadence < 160 spm", "cadence < 160 spm", "while cadence is missing"},
      {"hold if missing(pain) and pain - 2 <= 3", "pain - 2 <= 3", "while pain is missing"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const std::string text = with_safety_rule(c.rule);
    const auto d = expect_one(lint_text(text), "G0407", text, c.at, c.fragment);
    CHECK_THAT(d.help, Catch::Matchers::Contains("alone"));
  }
  // The flag's note says what a missing flag may be.
  const std::string text = with_safety_rule("hold if missing(swelling) and swelling");
  const auto d = expect_one(lint_text(text), "G0407", text, "swelling\n", "unknown");
  REQUIRE(d.notes.size() == 1);
  CHECK_THAT(d.notes[0], Catch::Matchers::Contains("true or false"));
}

TEST_CASE("G0407: a missing input with a comparison it always meets, or another input's, can fire") {
  const char* rules[] = {
      "hold if missing(pain) and pain >= 0",       // true for every value: known true while missing
      "hold if missing(pain) and pain <= 10",
      "hold if missing(pain) or pain > 3",         // either alone
      "hold if missing(pain) and cadence < 160 spm",
      "hold if not missing(pain) and pain > 3",
      "hold if missing(pain) and latest(pain) > 3",  // an earlier value
      "hold if missing(pain) and max(pain, 5) >= 5",  // known from the other side
  };
  for (const auto* rule : rules) {
    INFO(rule);
    CHECK(with_code(lint_text(with_safety_rule(rule)), "G0407").empty());
  }
}

// Decisions: precedence, three-valued conditions, stage moves, referral and
// discharge (spec/language.md "Meaning: one day at a time").
#include <catch2/catch.hpp>

#include "tests/engine/eval_support.hpp"

using namespace gradus;
using eval::Decision;
using test::Scenario;

namespace {

const char* const kLadder = R"(protocol t "T"
input pain score 0..10
input other score 0..10
input sore flag
safety
  refer if pain >= 8 "refer"
  regress if pain >= 4 then rest 2 days "regress"
  hold if sore "sore"
  regress if pain >= 5 then rest 5 days "second regress"
phase "One"
  stage a "A"
    session run 10 min
    advance if pain == 0
  stage b "B"
    session run 20 min
    advance if pain == 0
    regress 2 stages if other >= 9
phase "Two"
  stage c "C"
    session run 30 min
    advance if pain == 0
    regress to a if other == 7
    regress if other == 6
  stage d "D"
    session run 40 min
    discharge if pain == 0 for 2 sessions "done"
)";

std::string log_of(const std::string& entries) { return "baseline: {}\nentries:\n" + entries; }

}  // namespace

TEST_CASE("an empty log starts at the first stage", "[semantics]") {
  Scenario s(kLadder, "entries: []\n");
  const auto a = s.advise("2026-10-01");
  CHECK(a.decision == Decision::Start);
  CHECK(a.stage == "a");
  CHECK(a.phase == "One");
  CHECK(a.session_day);
  CHECK(a.session == std::optional<std::string>("run 10 min"));
  CHECK(a.fired.empty());
}

TEST_CASE("no rule fired: hold", "[semantics]") {
  Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 1}\n"));
  const auto a = s.advise("2026-10-02");
  CHECK(a.decision == Decision::Hold);
  CHECK(a.stage == "a");
  CHECK(a.fired.empty());
  REQUIRE(a.needs.size() == 1);
  CHECK(a.needs[0].rule == "a:advance");
  CHECK(a.needs[0].unmet == "pain == 0");
  CHECK(a.needs[0].have == "pain = 1");
}

TEST_CASE("the most conservative decision wins: refer > regress > hold > advance", "[semantics]") {
  SECTION("refer over regress") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 9}\n"));
    const auto a = s.advise("2026-10-02");
    CHECK(a.decision == Decision::Refer);
    CHECK(test::has_fired(a, "safety:1"));
    CHECK(test::has_fired(a, "safety:2"));  // fired and reported, not applied
    CHECK_FALSE(a.session_day);
    CHECK_FALSE(a.session);
    CHECK(a.rest_days_left == 0);
  }
  SECTION("hold over advance") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 0, sore: true}\n"));
    const auto a = s.advise("2026-10-02");
    CHECK(a.decision == Decision::Hold);
    CHECK(a.stage == "a");
    CHECK(test::has_fired(a, "a:advance"));
    CHECK(test::has_fired(a, "safety:3"));
  }
  SECTION("ties go to the first in source order, and only it acts") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 0}\n  - {date: 2026-10-02, pain: 6}\n"));
    const auto t = s.timeline();
    CHECK(s.at(t, "2026-10-02").deciding_rule == "safety:2");
    // safety:2 rests 2 days; safety:4 (5 days) fired too but does not act.
    CHECK(s.advise("2026-10-04").decision == Decision::Rest);
    CHECK(s.advise("2026-10-05").decision == Decision::Regress);
  }
}

TEST_CASE("a rule fires only when its condition is known true", "[semantics]") {
  SECTION("a missing score never advances and never refers on its own") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, other: 1}\n"));
    const auto t = s.timeline();
    const auto& day = s.at(t, "2026-10-01");
    CHECK(day.decision == Decision::Hold);
    for (const auto& r : day.rules) {
      if (r.rule == "a:advance" || r.rule == "safety:1") CHECK(r.result == eval::Truth::Unknown);
    }
  }
  SECTION("a known value already shows the red flag") {
    const char* p = R"(protocol t "T"
input during score 0..10
input after score 0..10
safety
  regress if max(during, after) > 3
stage a "A"
  session run 10 min
  advance if max(during, after) == 0
stage b "B"
  session run 10 min
  advance if during == 0
)";
    Scenario hi(p, log_of("  - {date: 2026-10-01, during: 0}\n  - {date: 2026-10-02, after: 8}\n"));
    CHECK(hi.at(hi.timeline(), "2026-10-02").decision == Decision::Regress);
    Scenario lo(p, log_of("  - {date: 2026-10-01, during: 0}\n  - {date: 2026-10-02, after: 2}\n"));
    CHECK(lo.at(lo.timeline(), "2026-10-02").decision == Decision::Hold);
  }
}

TEST_CASE("regress goes back one stage, N stages or to a stage, never before the first", "[semantics]") {
  SECTION("never before the first") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 4}\n"));
    const auto a = s.advise("2026-10-10");
    CHECK(a.decision == Decision::Regress);
    CHECK(a.stage == "a");
  }
  SECTION("by one, by N, to a named stage") {
    // a -> b -> c (across phases), then `regress if other == 6` -> b,
    // b: `regress 2 stages` -> a (clamped), and c: `regress to a`.
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 0}\n"
                               "  - {date: 2026-10-02, pain: 0}\n"
                               "  - {date: 2026-10-03, pain: 1, other: 6}\n"
                               "  - {date: 2026-10-04, pain: 1, other: 9}\n"
                               "  - {date: 2026-10-05, pain: 0}\n"
                               "  - {date: 2026-10-06, pain: 0}\n"
                               "  - {date: 2026-10-07, pain: 1, other: 7}\n"));
    const auto t = s.timeline();
    CHECK(s.at(t, "2026-10-02").stage_after == "c");
    CHECK(s.at(t, "2026-10-03").stage_after == "b");
    CHECK(s.at(t, "2026-10-04").stage_after == "a");
    CHECK(s.at(t, "2026-10-06").stage_after == "c");
    CHECK(s.at(t, "2026-10-07").stage_after == "a");
    CHECK(s.at(t, "2026-10-07").deciding_rule == "c:regress");
  }
}

TEST_CASE("advance to a named stage, and discharge ends the protocol", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
stage a "A"
  session run 10 min
  advance to c if pain == 0
stage b "B"
  session run 10 min
  advance if pain == 0
stage c "C"
  session run 10 min
  discharge if pain == 0 "done"
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 0}\n"
                       "  - {date: 2026-10-02, pain: 0}\n"
                       "  - {date: 2026-10-03, pain: 9}\n"));
  const auto t = s.timeline();
  CHECK(s.at(t, "2026-10-01").stage_after == "c");
  CHECK(s.at(t, "2026-10-02").decision == Decision::Discharge);
  CHECK(s.at(t, "2026-10-03").kind == eval::TimelineKind::NotJudgedDischarged);
  const auto a = s.advise("2026-10-20");
  CHECK(a.decision == Decision::Discharge);
  CHECK_FALSE(a.session_day);
  CHECK_FALSE(a.session);
  CHECK(a.stage == "c");
  REQUIRE(a.fired.size() == 1);
  CHECK(a.fired[0].message == "done");
}

TEST_CASE("a referral keeps the stage and stops the protocol until cleared", "[semantics]") {
  SECTION("sessions while referred are kept, not judged; clearing lifts it before its own session") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 0}\n"
                               "  - {date: 2026-10-02, pain: 9}\n"
                               "  - {date: 2026-10-03, pain: 0}\n"
                               "  - {date: 2026-10-05, pain: 0, cleared: true}\n"));
    const auto t = s.timeline();
    CHECK(s.at(t, "2026-10-02").decision == Decision::Refer);
    CHECK(s.at(t, "2026-10-02").stage_after == "b");
    CHECK(s.at(t, "2026-10-03").kind == eval::TimelineKind::NotJudgedReferred);
    const auto a4 = s.advise("2026-10-04");
    CHECK(a4.decision == Decision::Refer);
    CHECK(a4.stage == "b");
    CHECK_FALSE(a4.session);
    const auto& cleared = s.at(t, "2026-10-05");
    CHECK(cleared.kind == eval::TimelineKind::Session);
    CHECK(cleared.cleared);
    CHECK(cleared.decision == Decision::Advance);
    CHECK(s.advise("2026-10-06").stage == "c");
  }
  SECTION("cleared on a rest entry: hold until the next session") {
    Scenario s(kLadder, log_of("  - {date: 2026-10-01, pain: 9}\n"
                               "  - {date: 2026-10-04, rest: true, cleared: true}\n"));
    const auto a = s.advise("2026-10-05");
    CHECK(a.decision == Decision::Hold);
    CHECK(a.stage == "a");
    CHECK(a.session_day);
    CHECK(a.session == std::optional<std::string>("run 10 min"));
  }
}

TEST_CASE("rule ids: safety by position, stage rules by stage and kind", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
safety
  hold if pain >= 3
  cue if pain == 2 "easy does it"
stage a "A"
  session run 10 min
  advance if pain == 0
  advance if pain == 1
  hold if pain == 1
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 1}\n"));
  const auto t = s.timeline();
  std::vector<std::string> ids;
  for (const auto& r : s.at(t, "2026-10-01").rules) ids.push_back(r.rule);
  CHECK(ids == std::vector<std::string>{"safety:1", "safety:2", "a:advance", "a:advance:2", "a:hold"});
  CHECK(s.at(t, "2026-10-01").deciding_rule == "a:hold");
}

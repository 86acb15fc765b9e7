// Days: `then rest`, recovery stages, frequency, min days, the advance cap,
// and which entries the advice for a date may use.
#include <catch2/catch.hpp>

#include "tests/engine/eval_support.hpp"

using namespace gradus;
using eval::Decision;
using test::Scenario;

namespace {

std::string log_of(const std::string& entries) { return "baseline: {}\nentries:\n" + entries; }

}  // namespace

TEST_CASE("then rest N days: the N days after the session are rest, the stage already changed", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
safety
  regress if pain >= 3 then rest 2 days "rest"
stage a "A"
  session run 10 min
  advance if pain == 0
stage b "B"
  session run 20 min
  advance if pain == 0
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 0}\n  - {date: 2026-10-02, pain: 5}\n"));
  const auto d3 = s.advise("2026-10-03");
  CHECK(d3.decision == Decision::Rest);
  CHECK(d3.stage == "a");  // already regressed
  CHECK_FALSE(d3.session_day);
  CHECK_FALSE(d3.session);
  CHECK(d3.rest_days_left == 2);
  const auto d4 = s.advise("2026-10-04");
  CHECK(d4.decision == Decision::Rest);
  CHECK(d4.rest_days_left == 1);
  const auto d5 = s.advise("2026-10-05");
  CHECK(d5.decision == Decision::Regress);
  CHECK(d5.session_day);
  CHECK(d5.session == std::optional<std::string>("run 10 min"));
  CHECK(d5.rest_days_left == 0);
}

TEST_CASE("a recovery stage is not a session day and then advances by itself", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
stage a "A"
  session run 10 min
  advance if pain == 0
stage pause "Recovery"
  session rest 2 days
stage b "B"
  session run 20 min
  advance if pain == 0
stage pause2 "Recovery"
  session rest
stage c "C"
  session run 30 min
  advance if pain == 0
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 0}\n  - {date: 2026-10-04, pain: 0}\n"));
  // Advanced on 10-01 into a 2-day recovery (10-02, 10-03), then b on 10-04.
  const auto d2 = s.advise("2026-10-02");
  CHECK(d2.stage == "pause");
  CHECK(d2.decision == Decision::Advance);  // the decision that led there
  CHECK_FALSE(d2.session_day);
  CHECK(d2.rest_days_left == 2);
  CHECK(s.advise("2026-10-03").stage == "pause");
  const auto d4 = s.advise("2026-10-04");
  CHECK(d4.stage == "b");
  CHECK(d4.session_day);
  CHECK(d4.decision == Decision::Advance);
  // The session on 10-04 is judged in b and moves to a one-day recovery.
  const auto t = s.timeline();
  CHECK(s.at(t, "2026-10-04").stage_before == "b");
  CHECK(s.at(t, "2026-10-04").stage_after == "pause2");
  CHECK(s.advise("2026-10-05").stage == "pause2");
  CHECK_FALSE(s.advise("2026-10-05").session_day);
  CHECK(s.advise("2026-10-06").stage == "c");
  bool auto_advance = false;
  for (const auto& d : t.days) {
    if (d.kind == eval::TimelineKind::AutoAdvance && d.stage_before == "pause" && d.stage_after == "b") {
      auto_advance = d.date == test::day("2026-10-04");
    }
  }
  CHECK(auto_advance);
}

TEST_CASE("frequency decides session days", "[semantics]") {
  const auto protocol = [](const char* frequency) {
    return std::string("protocol t \"T\"\ninput pain score 0..10\nstage a \"A\"\n  session run 10 min\n  frequency ") +
           frequency + "\n  advance if pain == 0 for 9 sessions\n";
  };
  const std::string three_days = log_of("  - {date: 2026-10-01, pain: 1}\n"
                                        "  - {date: 2026-10-02, pain: 1}\n"
                                        "  - {date: 2026-10-04, pain: 1}\n");
  SECTION("N per week: not when the six days before already hold N sessions") {
    Scenario s(protocol("3 per week"), three_days);
    CHECK_FALSE(s.advise("2026-10-05").session_day);  // 09-29..10-04 hold 3
    CHECK_FALSE(s.advise("2026-10-07").session_day);  // 10-01..10-06 hold 3
    CHECK(s.advise("2026-10-08").session_day);        // 10-02..10-07 hold 2
    CHECK(s.advise("2026-10-08").session == std::optional<std::string>("run 10 min"));
  }
  SECTION("every other day: not when the day before had a session") {
    Scenario s(protocol("every other day"), three_days);
    CHECK_FALSE(s.advise("2026-10-05").session_day);
    CHECK(s.advise("2026-10-06").session_day);
    CHECK_FALSE(s.advise("2026-10-03").session_day);
  }
  SECTION("daily") {
    Scenario s(protocol("daily"), three_days);
    CHECK(s.advise("2026-10-05").session_day);
  }
  SECTION("combined: 2 per week, every other day") {
    Scenario s(protocol("2 per week, every other day"), three_days);
    CHECK_FALSE(s.advise("2026-10-05").session_day);  // yesterday
    CHECK_FALSE(s.advise("2026-10-06").session_day);  // 2 in the six days before
    CHECK(s.advise("2026-10-09").session_day);        // 10-03..10-08 hold one
  }
}

TEST_CASE("min days: an advance before N days in the stage is held and reported", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
stage a "A"
  session run 10 min
  min days 3
  advance if pain == 0
stage b "B"
  session run 20 min
  advance if pain == 0
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 0}\n"
                       "  - {date: 2026-10-02, pain: 0}\n"
                       "  - {date: 2026-10-03, pain: 0}\n"));
  const auto a = s.advise("2026-10-03");
  CHECK(a.decision == Decision::Hold);
  CHECK(a.stage == "a");
  REQUIRE(a.needs.size() == 1);
  CHECK(a.needs[0].unmet == "min days 3");
  CHECK(a.needs[0].have == "2 of 3");
  REQUIRE(a.fired.size() == 1);
  CHECK(a.fired[0].blocked == eval::Blocked::MinDays);
  CHECK(s.advise("2026-10-04").stage == "b");
}

TEST_CASE("max N advances per D days: an advance beyond the cap becomes hold", "[semantics]") {
  const char* p = R"(protocol t "T"
max 2 advances per 7 days
input pain score 0..10
stage a "A"
  session run 10 min
  advance if pain == 0
stage b "B"
  session run 10 min
  advance if pain == 0
stage c "C"
  session run 10 min
  advance if pain == 0 and advances_in(7 days) >= 0
stage d "D"
  session run 10 min
  advance if pain == 0
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 0}\n"
                       "  - {date: 2026-10-02, pain: 0}\n"
                       "  - {date: 2026-10-03, pain: 0}\n"
                       "  - {date: 2026-10-08, pain: 0}\n"));
  const auto t = s.timeline();
  CHECK(s.at(t, "2026-10-02").stage_after == "c");
  CHECK(s.at(t, "2026-10-03").decision == Decision::Hold);
  CHECK(s.at(t, "2026-10-03").blocked == eval::Blocked::Cap);
  const auto a = s.advise("2026-10-04");
  CHECK(a.decision == Decision::Hold);
  REQUIRE(a.needs.size() == 1);
  CHECK(a.needs[0].unmet == "max 2 advances per 7 days");
  // 10-08: the window 10-02..10-08 holds one advance (10-02): allowed.
  CHECK(s.at(t, "2026-10-08").stage_after == "d");
}

TEST_CASE("advice for D uses only entries dated before D; cues come from the last session", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
input cadence spm
safety
  cue if cadence < 170 spm "quicker steps"
stage a "A"
  session run 10 min
  advance if pain == 0
stage b "B"
  session run 10 min
  advance if pain == 0
)";
  Scenario s(p, log_of("  - {date: 2026-10-01, pain: 1, cadence: 160}\n"
                       "  - {date: 2026-10-03, pain: 0, cadence: 175}\n"));
  const auto before = s.advise("2026-10-03");
  CHECK(before.stage == "a");
  CHECK(before.decision == Decision::Hold);
  CHECK(before.cues == std::vector<std::string>{"quicker steps"});
  const auto after = s.advise("2026-10-04");
  CHECK(after.stage == "b");
  CHECK(after.cues.empty());
  CHECK(s.advise("2026-09-30").decision == Decision::Start);
}

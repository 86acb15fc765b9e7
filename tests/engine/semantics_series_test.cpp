// Lookups, streaks, windows and built-in series (spec/language.md
// "Precise meanings").
#include <catch2/catch.hpp>

#include "tests/engine/eval_support.hpp"

using namespace gradus;
using eval::Decision;
using test::Scenario;

namespace {

std::string log_of(const std::string& baseline, const std::string& entries) {
  return "baseline: {" + baseline + "}\nentries:\n" + entries;
}

// A one-stage protocol whose only rule is `hold if COND`; the test reads
// whether it fired at each session.
std::string probe(const std::string& inputs, const std::string& condition) {
  return "protocol t \"T\"\n" + inputs + "stage a \"A\"\n  session run 10 min\n  hold if " + condition +
         "\nstage b \"B\"\n  session run 20 min\n  hold if " + condition + "\n";
}

eval::Truth result_at(const Scenario& s, const char* date) {
  const auto t = s.timeline();
  for (const auto& r : s.at(t, date).rules) {
    if (r.kind == ast::RuleKind::Hold) return r.result;
  }
  FAIL("no hold rule");
  return eval::Truth::Unknown;
}

constexpr auto T = eval::Truth::True;
constexpr auto F = eval::Truth::False;
constexpr auto U = eval::Truth::Unknown;

}  // namespace

TEST_CASE("baseline, latest, previous and missing", "[semantics]") {
  const std::string inputs = "input pain score 0..10\ninput hop percent\n";
  SECTION("baseline(x) comes from the log's baseline") {
    Scenario s(probe(inputs, "pain - baseline(pain) >= 2"),
               log_of("pain: 1", "  - {date: 2026-10-01, pain: 3}\n  - {date: 2026-10-02, pain: 2}\n"));
    CHECK(result_at(s, "2026-10-01") == T);
    CHECK(result_at(s, "2026-10-02") == F);
  }
  SECTION("latest(x): the most recent known value, rest-day measurements included") {
    Scenario s(probe(inputs, "latest(hop) >= 80%"),
               log_of("", "  - {date: 2026-10-01, pain: 0}\n"
                          "  - {date: 2026-10-02, rest: true, hop: 85}\n"
                          "  - {date: 2026-10-03, pain: 0}\n"
                          "  - {date: 2026-10-04, pain: 0, hop: 70}\n"
                          "  - {date: 2026-10-05, pain: 0}\n"));
    CHECK(result_at(s, "2026-10-01") == U);
    CHECK(result_at(s, "2026-10-03") == T);
    CHECK(result_at(s, "2026-10-05") == F);
  }
  SECTION("previous(x): the value at the session before") {
    Scenario s(probe(inputs, "pain > previous(pain)"),
               log_of("", "  - {date: 2026-10-01, pain: 2}\n"
                          "  - {date: 2026-10-02, rest: true, pain: 9}\n"
                          "  - {date: 2026-10-03, pain: 3}\n"
                          "  - {date: 2026-10-04, pain: 1}\n"));
    CHECK(result_at(s, "2026-10-01") == U);  // no session before: 0..10
    CHECK(result_at(s, "2026-10-03") == T);  // 3 > 2 (the rest entry is not a session)
    CHECK(result_at(s, "2026-10-04") == F);
  }
  SECTION("missing(x)") {
    Scenario s(probe(inputs, "missing(pain)"),
               log_of("", "  - {date: 2026-10-01, pain: 2}\n  - {date: 2026-10-02, hop: 90}\n"));
    CHECK(result_at(s, "2026-10-01") == F);
    CHECK(result_at(s, "2026-10-02") == T);
  }
}

TEST_CASE("streaks count the last N sessions of this stage and restart on a stage change", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
stage a "A"
  session run 10 min
  advance if pain == 0 for 2 sessions
stage b "B"
  session run 20 min
  advance if pain == 0 for 2 sessions
stage c "C"
  session run 30 min
)";
  Scenario s(p, log_of("", "  - {date: 2026-10-01, pain: 0}\n"
                           "  - {date: 2026-10-02, pain: 1}\n"
                           "  - {date: 2026-10-03, pain: 0}\n"
                           "  - {date: 2026-10-04, pain: 0}\n"
                           "  - {date: 2026-10-05, pain: 0}\n"
                           "  - {date: 2026-10-06, pain: 0}\n"));
  const auto t = s.timeline();
  CHECK(s.at(t, "2026-10-01").decision == Decision::Hold);  // 1 of 2
  CHECK(s.at(t, "2026-10-03").decision == Decision::Hold);  // broken by 10-02
  CHECK(s.at(t, "2026-10-04").decision == Decision::Advance);
  CHECK(s.at(t, "2026-10-05").decision == Decision::Hold);  // b's count starts afresh
  CHECK(s.at(t, "2026-10-06").decision == Decision::Advance);
  const auto a = s.advise("2026-10-06");
  REQUIRE(a.needs.size() == 1);
  CHECK(a.needs[0].unmet == "pain == 0 for 2 sessions");
  CHECK(a.needs[0].have == "1 of 2");
}

TEST_CASE("windows over days and sessions", "[semantics]") {
  const std::string inputs = "input pain score 0..10\n";
  const std::string entries = "  - {date: 2026-10-01, pain: 5}\n"
                              "  - {date: 2026-10-03, pain: 1}\n"
                              "  - {date: 2026-10-04, pain: 2}\n"
                              "  - {date: 2026-10-08, pain: 0}\n";
  SECTION("over N days covers D and the N-1 days before") {
    Scenario s(probe(inputs, "max(pain over 3 days) >= 5"), log_of("", entries));
    CHECK(result_at(s, "2026-10-03") == T);  // 10-01..10-03
    CHECK(result_at(s, "2026-10-04") == F);  // 10-02..10-04
  }
  SECTION("over N days, M days ago covers D-M-N+1 .. D-M") {
    Scenario s(probe(inputs, "sum(pain over 2 days, 3 days ago) == 5"), log_of("", entries));
    CHECK(result_at(s, "2026-10-04") == T);  // 09-30..10-01
    CHECK(result_at(s, "2026-10-08") == F);  // 10-04..10-05: 2
    Scenario mean(probe(inputs, "mean(pain over 7 days) > mean(pain over 7 days, 7 days ago)"), log_of("", entries));
    CHECK(result_at(mean, "2026-10-03") == U);  // the week before has no entries: undefined
    CHECK(result_at(mean, "2026-10-08") == F);  // mean 1 this week, 5 the week before
  }
  SECTION("over N sessions covers the last N sessions up to and including D") {
    Scenario s(probe(inputs, "mean(pain over 2 sessions) == 1.5"), log_of("", entries));
    CHECK(result_at(s, "2026-10-04") == T);
    CHECK(result_at(s, "2026-10-08") == F);  // (2 + 0) / 2
  }
  SECTION("count, all, any; sessions not yet done are unknown") {
    Scenario all(probe(inputs, "all(pain >= 1 over 2 sessions)"), log_of("", entries));
    CHECK(result_at(all, "2026-10-01") == U);
    CHECK(result_at(all, "2026-10-04") == T);
    CHECK(result_at(all, "2026-10-08") == F);
    Scenario any(probe(inputs, "any(pain == 0 over 7 days)"), log_of("", entries));
    CHECK(result_at(any, "2026-10-04") == F);
    CHECK(result_at(any, "2026-10-08") == T);
    Scenario count(probe(inputs, "count(pain >= 1 over 7 days) == 3"), log_of("", entries));
    CHECK(result_at(count, "2026-10-04") == T);
    CHECK(result_at(count, "2026-10-08") == F);  // 10-02..10-08: 2
  }
}

TEST_CASE("day series, stage counters and load metrics", "[semantics]") {
  const std::string inputs = "input pain score 0..10\ninput rpe score 0..10\n";
  SECTION("run_minutes and total_minutes are 0 on days without a session; minutes: overrides") {
    const char* p = R"(protocol t "T"
input pain score 0..10
stage a "A"
  session 2 x (run 5 min, walk 5 min)
  hold if sum(run_minutes over 7 days) == 20 min and total_minutes == 20 min
stage b "B"
  session run 10 min
)";
    Scenario s(p, log_of("", "  - {date: 2026-10-01, pain: 0}\n  - {date: 2026-10-04, pain: 0}\n"
                             "  - {date: 2026-10-05, pain: 0, minutes: 25}\n"));
    CHECK(result_at(s, "2026-10-04") == T);
    CHECK(result_at(s, "2026-10-05") == F);  // 30 min of running, 25 min in all
  }
  SECTION("srpe is rpe x the entry's minutes, else the prescribed minutes") {
    Scenario s(probe(inputs, "srpe == 30"),
               log_of("", "  - {date: 2026-10-01, rpe: 3}\n  - {date: 2026-10-02, rpe: 3, minutes: 20}\n"
                          "  - {date: 2026-10-03}\n"));
    CHECK(result_at(s, "2026-10-01") == T);  // 3 x 10 min
    CHECK(result_at(s, "2026-10-02") == F);  // 3 x 20
    CHECK(result_at(s, "2026-10-03") == U);  // rpe missing: 0..100
  }
  SECTION("sessions_in_stage and days_in_stage include the session being judged") {
    Scenario s(probe(inputs, "sessions_in_stage == 2 and days_in_stage == 4"),
               log_of("", "  - {date: 2026-10-01}\n  - {date: 2026-10-04}\n"));
    CHECK(result_at(s, "2026-10-04") == T);
  }
  SECTION("days_since_last_session") {
    Scenario s(probe(inputs, "days_since_last_session >= 3"),
               log_of("", "  - {date: 2026-10-01}\n  - {date: 2026-10-04}\n  - {date: 2026-10-05}\n"));
    CHECK(result_at(s, "2026-10-01") == U);
    CHECK(result_at(s, "2026-10-04") == T);
    CHECK(result_at(s, "2026-10-05") == F);
  }
  SECTION("acwr is undefined before 28 days of history, so no rule fires on it") {
    std::string entries;
    for (int d = 1; d <= 27; ++d) {
      entries += "  - {date: 2026-10-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + ", rpe: 1}\n";
    }
    entries += "  - {date: 2026-10-28, rpe: 10, minutes: 120}\n";
    Scenario early(probe(inputs, "acwr(srpe) > 0 or acwr(srpe) <= 0"), log_of("", entries));
    CHECK(result_at(early, "2026-10-27") == U);
    // Day 28: acute 6 x 10 + 1200 = 1260, chronic (26 x 10 + 1200) / 4 = 365.
    Scenario spike(probe(inputs, "acwr(srpe) > 3.4 and acwr(srpe) < 3.5"), log_of("", entries));
    CHECK(result_at(spike, "2026-10-28") == T);
    Scenario flat(probe(inputs, "monotony(srpe) > 0"), log_of("", entries));
    CHECK(result_at(flat, "2026-10-27") == U);  // a constant week: undefined
  }
}

TEST_CASE("numbers compare as written at rule boundaries", "[semantics]") {
  const char* p = R"(protocol t "T"
input balance percent
input cadence spm
stage a "A"
  session run 10 min
  hold if abs(balance - 50%) <= 2% and cadence >= 1.05 * baseline(cadence)
stage b "B"
  session run 10 min
)";
  Scenario s(p, log_of("cadence: 160", "  - {date: 2026-10-01, balance: 52.0, cadence: 168}\n"
                                        "  - {date: 2026-10-02, balance: 47.99, cadence: 168}\n"));
  CHECK(result_at(s, "2026-10-01") == T);
  CHECK(result_at(s, "2026-10-02") == F);
}

TEST_CASE("advances_in(N days) counts advances decided at sessions in the window", "[semantics]") {
  const char* p = R"(protocol t "T"
input pain score 0..10
safety
  hold if advances_in(3 days) >= 2 and pain == 5
stage a "A"
  session run 10 min
  advance if pain == 0
stage b "B"
  session run 10 min
  advance if pain == 0
stage c "C"
  session run 10 min
  advance if pain == 0
stage d "D"
  session run 10 min
)";
  Scenario s(p, log_of("", "  - {date: 2026-10-01, pain: 0}\n"
                           "  - {date: 2026-10-02, pain: 0}\n"
                           "  - {date: 2026-10-03, pain: 5}\n"
                           "  - {date: 2026-10-04, pain: 5}\n"));
  const auto t = s.timeline();
  const auto held = [&](const char* date) {
    for (const auto& r : s.at(t, date).rules) {
      if (r.rule == "safety:1") return r.result;
    }
    return eval::Truth::Unknown;
  };
  CHECK(held("2026-10-03") == eval::Truth::True);   // 10-01..10-03 hold two advances
  CHECK(held("2026-10-04") == eval::Truth::False);  // 10-02..10-04 hold one
}

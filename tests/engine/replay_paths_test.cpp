// A replay with no observer takes a shorter path than one that is watched:
// per-stage session programs without the cues and the lets only other
// stages read, and only the history program on entries that are not judged
// (docs/embedding.md, "Costs"). Whatever the path, the athlete must end up
// in the same place: on every shipped protocol and a few thousand random
// logs, the state after the replay (stage, decision, referral, rest, dates)
// and the latest() values are the same with and without an observer, at
// several dates through each log.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/eval/replay.hpp"
#include "tests/engine/eval_support.hpp"
#include "tests/engine/safety_logs.hpp"

using namespace gradus;

namespace {

// Watches and does nothing: enough to make the replay take the observed path.
struct Watcher final : eval::ReplayObserver {
  void on_entry(const eval::EntryView&, const eval::Replayer&) override {}
  void on_auto_advance(Date, int, int) override {}
};

std::string describe(const eval::ReplayState& s) {
  return "stage " + std::to_string(s.stage) + " from " + to_string(s.stage_start) + ", " +
         std::to_string(s.sessions_in_stage) + " sessions in stage, " + std::to_string(s.sessions) +
         " sessions, decision " + eval::to_string(s.last_decision) + " by rule " +
         std::to_string(s.last_rule) + ", blocked " + eval::to_string(s.last_blocked) +
         (s.referred ? ", referred" : "") + (s.discharged ? ", discharged" : "") +
         (s.rest_until ? ", rest until " + to_string(*s.rest_until) : "");
}

}  // namespace

TEST_CASE("a replay ends in the same state with or without an observer, on every shipped protocol", "[eval][property]") {
  const auto paths = test::shipped_protocol_paths();
  REQUIRE(paths.size() >= 7);
  constexpr int kLogsPerProtocol = 600;
  for (const auto& path : paths) {
    const Protocol protocol = test::compile_ok(test::read_file(path.string()));
    const auto& ast = protocol.syntax();
    const auto plan = std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &protocol.plan());
    eval::Replayer fast(plan), watched(plan);
    std::mt19937_64 rng(0xfa57ull ^ std::hash<std::string>{}(protocol.id()));
    int compared = 0, mismatches = 0, advanced = 0;
    std::string first;
    for (int n = 0; n < kLogsPerProtocol; ++n) {
      Log log = test::random_safety_log(rng, ast, test::day("2026-03-02"), {4, 60});
      // A baseline half the time, so baseline() and rises over it take both branches.
      if (n % 2 == 0) {
        for (std::size_t i = 0; i < ast.inputs.size(); ++i) log.baseline[i] = test::random_value(rng, ast.inputs[i]);
      }
      // A third of the logs mostly symptom-free and complete, so athletes get
      // through the stages and every stage's rules are judged.
      if (n % 3 == 1) {
        for (LogEntry& e : log.entries) {
          if (rng() % 10 == 0) continue;
          for (std::size_t i = 0; i < ast.inputs.size(); ++i) {
            LogValue& v = e.values[i];
            if (!v.present) v = test::random_value(rng, ast.inputs[i]);
            v.present = true;
            const auto& type = ast.inputs[i].type;
            switch (symptom_direction(ast.inputs[i])) {
              case SymptomDirection::HigherWorse:
                if (type.kind == ast::InputKind::Score) v.value = type.lo.value;
                if (type.kind == ast::InputKind::Levels) v.value = 0;
                break;
              case SymptomDirection::TrueWorse:
              case SymptomDirection::NotFirstWorse: v.value = 0; break;
              case SymptomDirection::None: break;
            }
          }
        }
      }
      // After a few entries, half way, near the end, well after the end (recovery stages run out).
      const std::size_t count = log.entries.size();
      const Date dates[] = {log.entries[std::min<std::size_t>(3, count - 1)].date, log.entries[count / 2].date,
                            log.entries[count - 1].date, log.entries[count - 1].date + 30};
      for (const Date until : dates) {
        Watcher watcher;
        fast.run(log, until);
        watched.run(log, until, &watcher);
        ++compared;
        const bool same = fast.state() == watched.state() && fast.latest_inputs() == watched.latest_inputs() &&
                          fast.measured_inputs() == watched.measured_inputs() &&
                          fast.advances_between(log.entries[0].date, until) ==
                              watched.advances_between(log.entries[0].date, until);
        if (!same && mismatches++ == 0) {
          first = protocol.id() + " until " + to_string(until) + ": without an observer " + describe(fast.state()) +
                  "; with one " + describe(watched.state()) + "\n" + test::log_yaml(ast, log);
        }
      }
      advanced += fast.state().stage > 0;
    }
    INFO(protocol.id() << ": " << compared << " replays compared");
    INFO(first);
    CHECK(mismatches == 0);
    // The logs reach past the first stage often enough for stage rules to matter.
    CHECK(advanced > kLogsPerProtocol / 10);
  }
}

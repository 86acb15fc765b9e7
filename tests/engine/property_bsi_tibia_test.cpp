// Thousands of random logs through protocols/bsi-tibia.gradus (fixed seed):
// the replay never crashes, gives the same answer twice, never advances on
// a session with unknown pain, and takes the same decision at every session
// as the hand-written version in bench/bsi_tibia_reference.hpp.
#include <catch2/catch.hpp>

#include <random>
#include <thread>

#include "bench/bsi_tibia_reference.hpp"
#include "engine/eval/advice_render.hpp"
#include "engine/eval/replay.hpp"
#include "tests/engine/eval_support.hpp"

using namespace gradus;

namespace {

struct Steps final : eval::ReplayObserver {
  std::vector<bench::ReferenceStep> steps;
  std::vector<const LogEntry*> entries;
  void on_entry(const eval::EntryView& view, const eval::Replayer& replayer) override {
    if (view.outcome != eval::EntryOutcome::Judged) return;
    steps.push_back({view.decision, replayer.state().stage});
    entries.push_back(view.entry);
  }
  void on_auto_advance(Date, int, int) override {}
};

Protocol bsi() { return test::compile_ok(test::read_file(GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus")); }

}  // namespace

TEST_CASE("random logs: deterministic, conservative, and equal to the hand-written protocol", "[property]") {
  const Protocol protocol = bsi();
  const auto plan = std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &protocol.plan());
  const bench::BsiInputs in(protocol.plan());
  std::mt19937_64 rng(20261001);
  eval::Replayer replayer(plan);
  std::vector<bench::ReferenceStep> expected;
  int advances = 0, refers = 0, discharges = 0;
  for (int i = 0; i < 3000; ++i) {
    const Log log = bench::random_bsi_log(rng, protocol.plan(), 20 + static_cast<int>(rng() % 60), test::day("2026-01-01"));
    Steps got;
    replayer.run_all(log, &got);
    bench::bsi_reference(log, in, expected);
    REQUIRE(got.steps.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      INFO("log " << i << ", session " << k << " on " << to_string(got.entries[k]->date));
      REQUIRE(got.steps[k].decision == expected[k].decision);
      REQUIRE(got.steps[k].stage_after == expected[k].stage_after);
      const auto decision = got.steps[k].decision;
      if (decision == eval::Decision::Advance || decision == eval::Decision::Discharge) {
        // Never on a session with unknown pain.
        REQUIRE(got.entries[k]->values[in.pain_during].present);
        REQUIRE(got.entries[k]->values[in.pain_after].present);
        REQUIRE(got.entries[k]->values[in.pain_morning].present);
      }
      advances += decision == eval::Decision::Advance;
      refers += decision == eval::Decision::Refer;
      discharges += decision == eval::Decision::Discharge;
    }
    if (i % 50 == 0) {
      // Same input twice, same output.
      const Date date = log.entries.back().date + 1;
      const auto a = eval::advice_json(protocol.advise(log, date), protocol.plan()).dump();
      const auto b = eval::advice_json(protocol.advise(log, date), protocol.plan()).dump();
      REQUIRE(a == b);
    }
  }
  // The generator reaches every kind of decision.
  CHECK(advances > 100);
  CHECK(refers > 10);
  CHECK(discharges > 0);
}

TEST_CASE("one compiled protocol advises many logs concurrently", "[property]") {
  const Protocol protocol = bsi();
  std::mt19937_64 rng(7);
  std::vector<Log> logs;
  for (int i = 0; i < 16; ++i) logs.push_back(bench::random_bsi_log(rng, protocol.plan(), 200, test::day("2026-01-01")));
  std::vector<std::string> serial;
  for (const auto& log : logs) serial.push_back(eval::advice_json(protocol.advise(log, log.entries.back().date), protocol.plan()).dump());
  std::vector<std::string> parallel(logs.size());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < logs.size(); i += 4) {
        for (int repeat = 0; repeat < 5; ++repeat) {
          parallel[i] = eval::advice_json(protocol.advise(logs[i], logs[i].entries.back().date), protocol.plan()).dump();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(parallel == serial);
}

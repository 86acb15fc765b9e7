// Planning: the checked protocol lowered into slot-resolved code.
#include <catch2/catch.hpp>

#include "tests/engine/eval_support.hpp"

using namespace gradus;

TEST_CASE("bsi-tibia plans into rules, stages and a flat program", "[eval]") {
  const Protocol p = test::compile_ok(test::read_file(GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus"));
  const eval::Plan& plan = p.plan();
  CHECK(plan.id == "bsi_tibia");
  CHECK(plan.version == "1.0.0");
  REQUIRE(plan.stages.size() == 6);
  CHECK(plan.stages[1].id == "r1");
  CHECK(plan.stages[1].session == std::optional<std::string>("6 x (run 1 min, walk 4 min) at easy"));
  CHECK(plan.stages[1].every_other_day);
  CHECK(plan.stages[0].per_week == 5);
  CHECK(plan.stages[1].run_seconds == eval::Value::number(360));
  CHECK(plan.stages[1].total_seconds == eval::Value::number(1800));
  CHECK_FALSE(plan.stages[1].all_run);
  CHECK(plan.stages[2 + 1].all_run);
  REQUIRE(plan.safety.size() == 7);
  CHECK(plan.rules[static_cast<std::size_t>(plan.safety[2])].id == "safety:3");
  CHECK(plan.rules[static_cast<std::size_t>(plan.safety[2])].rest_days == 1);
  CHECK(plan.rules[static_cast<std::size_t>(plan.stages[1].rules[0])].id == "r1:advance");
  CHECK(plan.streaks.size() == 6);
  CHECK(plan.windows.size() == 1);
  CHECK_FALSE(plan.windows[0].days);
  CHECK(plan.windows[0].length == 2);
  // Every evaluated list holds the safety rules plus the stage's, in source order.
  for (const auto& stage : plan.stages) {
    CHECK(stage.evaluated.size() == plan.safety.size() + stage.rules.size());
    for (std::size_t i = 1; i < stage.evaluated.size(); ++i) {
      CHECK(plan.rules[static_cast<std::size_t>(stage.evaluated[i - 1])].order <
            plan.rules[static_cast<std::size_t>(stage.evaluated[i])].order);
    }
  }
  // Every register is written by exactly one instruction.
  std::vector<int> writes(plan.registers, 0);
  for (const auto& in : plan.code) ++writes[in.dst];
  for (const int w : writes) CHECK(w <= 1);
}

TEST_CASE("a protocol with errors does not plan", "[eval]") {
  auto result = Protocol::compile("bad.gradus", "protocol x\ninput a score 0..10\nphase \"P\"\n  stage s\n    advance if b > 1\n");
  CHECK_FALSE(result.protocol.has_value());
  CHECK(has_errors(result.diagnostics));
}

// An entry built through the API may carry fewer values than the protocol has
// inputs: the replay reads the ones it lacks as not logged.
TEST_CASE("an entry with fewer values than inputs replays as one whose others are not logged", "[eval]") {
  const Protocol p = test::compile_ok(test::read_file(GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus"));
  const Log log = test::load_ok(p, test::read_file(GRADUS_SOURCE_DIR "/protocols/examples/bsi-tibia.log.yaml"));
  REQUIRE(log.entries.size() >= 4);
  const std::size_t kept = 2;  // every entry keeps its first two inputs
  Log short_entries = log, absent_values = log;
  for (std::size_t i = 0; i < log.entries.size(); ++i) {
    REQUIRE(log.entries[i].values.size() == p.plan().inputs.size());
    short_entries.entries[i].values.resize(i % 2 == 0 ? 0 : kept);
    for (std::size_t v = i % 2 == 0 ? 0 : kept; v < absent_values.entries[i].values.size(); ++v) {
      absent_values.entries[i].values[v] = LogValue{};
    }
  }
  const eval::Timeline a = p.explain(short_entries);
  const eval::Timeline b = p.explain(absent_values);
  const eval::Timeline full = p.explain(log);
  REQUIRE(a.days.size() == b.days.size());
  bool differs_from_full = false;
  for (std::size_t d = 0; d < a.days.size(); ++d) {
    INFO("day " << d);
    CHECK(a.days[d].decision == b.days[d].decision);
    CHECK(a.days[d].stage_after == b.days[d].stage_after);
    CHECK(a.days[d].deciding_rule == b.days[d].deciding_rule);
    REQUIRE(a.days[d].rules.size() == b.days[d].rules.size());
    for (std::size_t r = 0; r < a.days[d].rules.size(); ++r) CHECK(a.days[d].rules[r].result == b.days[d].rules[r].result);
    if (d < full.days.size() && full.days[d].decision != a.days[d].decision) differs_from_full = true;
  }
  // The values dropped mattered: the full log decides differently somewhere.
  CHECK(differs_from_full);
}

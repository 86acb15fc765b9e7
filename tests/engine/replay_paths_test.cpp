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

// Replays `logs` random logs of `protocol` both ways at four dates each and
// checks they agree; returns how many replays ended past the first stage.
int compare_paths(const Protocol& protocol, int logs) {
  const auto& ast = protocol.syntax();
  const auto plan = std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &protocol.plan());
  eval::Replayer fast(plan), watched(plan);
  std::mt19937_64 rng(0xfa57ull ^ std::hash<std::string>{}(protocol.id()));
  int compared = 0, mismatches = 0, advanced = 0;
  std::string first;
  for (int n = 0; n < logs; ++n) {
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
  return advanced;
}

}  // namespace

TEST_CASE("a replay ends in the same state with or without an observer, on every shipped protocol", "[eval][property]") {
  const auto paths = test::shipped_protocol_paths();
  REQUIRE(paths.size() >= 7);
  constexpr int kLogsPerProtocol = 600;
  for (const auto& path : paths) {
    const Protocol protocol = test::compile_ok(test::read_file(path.string()));
    const int advanced = compare_paths(protocol, kLogsPerProtocol);
    // The logs reach past the first stage often enough for stage rules to matter.
    INFO(protocol.id());
    CHECK(advanced > kLogsPerProtocol / 10);
  }
}

// What the shipped protocols do not use, the fast path must get right too:
// each stage loads only the inputs its own program and judge read, so rules
// whose whole condition is an input or a let naming one, missing(x) of an
// input nothing else reads, latest() and previous(), windows of every kind
// over days and sessions (with an offset), the advance cap, min days and a
// recovery stage.
TEST_CASE("a replay ends in the same state with or without an observer, on protocols using the rest of the language", "[eval][property]") {
  const char* protocols[] = {
      R"(protocol paths_windows "Windows"
input pain     score 0..10
input swelling flag
input hop      percent
input rpe      score 0..10
let sore = swelling
safety
  refer   if sore and count(swelling over 5 days) >= 3
  regress if any(pain >= 4 over 2 sessions) then rest 1 day
  hold    if missing(hop)
  hold    if mean(pain over 3 days, 2 days ago) > 3
stage a "A"
  session walk 20 min
  frequency daily
  advance if all(pain <= 1 over 3 sessions) and latest(hop) >= 80%
stage b "B"
  session run 10 min
  frequency 3 per week
  min days 3
  advance if count(pain == 0 over 4 sessions) >= 3 and sum(rpe over 7 days) < 30
stage c "C"
  session rest 2 days
stage d "D"
  session run 20 min
  discharge if pain == 0 for 2 sessions and max(pain over 7 days) <= 1
)",
      R"(protocol paths_inputs "Inputs as conditions"
input pain     score 0..10
input giving   flag       "giving way"
input effusion score 0..4
input cadence  spm
max 1 advances per 7 days
let unstable = giving
safety
  refer   if unstable
  regress if pain > previous(pain) + 2
  hold    if missing(effusion)
stage a "A"
  session walk 20 min
  advance if pain == 0 for 2 sessions
stage b "B"
  session run 10 min
  advance if pain == 0 for 2 sessions and cadence >= 165 spm
stage c "C"
  session run 20 min
  regress to a if effusion >= 2
  advance if not giving and pain <= 1 for 2 sessions
stage d "D"
  session run 30 min
  discharge if pain == 0 for 3 sessions
)"};
  for (const char* text : protocols) {
    const Protocol protocol = test::compile_ok(text);
    const int advanced = compare_paths(protocol, 400);
    // Some logs end past the first stage (the cap and the referrals make it
    // rarer here than on the shipped protocols), so stage rules are judged.
    INFO(protocol.id());
    CHECK(advanced > 5);
  }
}

namespace {

// Records each judged session's decision and stage.
struct Decisions final : eval::ReplayObserver {
  std::vector<std::pair<eval::Decision, int>> seen;
  void on_entry(const eval::EntryView& view, const eval::Replayer& r) override {
    if (view.outcome == eval::EntryOutcome::Judged) seen.emplace_back(view.decision, r.state().stage);
  }
  void on_auto_advance(Date, int, int) override {}
};

// The same rules with each literal on the right, on the left, and computed
// (`7 + 0` is an instruction's register, not a constant's).
std::string literal_protocol(const std::string& id, const std::string& form) {
  const auto c = [&](const std::string& value, const std::string& op, const std::string& mirrored, const std::string& x) {
    if (form == "right") return x + " " + op + " " + value;
    if (form == "left") return value + " " + mirrored + " " + x;
    return x + " " + op + " " + value + " + 0";
  };
  return "protocol " + id + " \"Literals\"\n"
         "input pain score 0..10\ninput rpe score 0..10\ninput hop percent\n"
         "safety\n"
         "  refer   if " + c("7", ">=", "<=", "pain") + "\n"
         "  regress if " + c("4", ">", "<", "pain") + "\n"
         "  hold    if " + c("5", "==", "==", "rpe") + "\n"
         "stage a \"A\"\n  session walk 20 min\n"
         "  advance if " + c("2", "<=", ">=", "pain") + " for 2 sessions and " + c("80%", ">=", "<=", "hop") + "\n"
         "stage b \"B\"\n  session run 10 min\n"
         "  regress if " + c("1", "<", ">", "pain") + " and " + c("6", ">", "<", "rpe") + "\n"
         "  advance if " + c("3", "<", ">", "pain") + " for 2 sessions and " + c("4", "!=", "!=", "rpe") + "\n"
         "stage c \"C\"\n  session run 20 min\n"
         "  discharge if " + c("0", "==", "==", "pain") + " for 2 sessions\n";
}

}  // namespace

// A comparison with a constant takes its own, shorter way (a threshold found
// once per protocol, bounds.hpp); with the constant on either side, and
// against the general comparison, every decision must be the same, values
// at the edge of the decimal tolerance included.
TEST_CASE("a comparison decides alike with its literal on either side or computed", "[eval][property]") {
  const Protocol right = test::compile_ok(literal_protocol("right", "right"));
  const Protocol left = test::compile_ok(literal_protocol("left", "left"));
  const Protocol computed = test::compile_ok(literal_protocol("computed", "computed"));
  const auto replayer = [](const Protocol& p) {
    return eval::Replayer(std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &p.plan()));
  };
  eval::Replayer r_right = replayer(right), r_left = replayer(left), r_computed = replayer(computed);
  std::mt19937_64 rng(0x11e7a1);
  const auto near = [&](double k, double scale) {
    const double steps[] = {0, 5e-10, -5e-10, 3e-9, -3e-9, 1e-12, -1e-12};
    return k + std::max(std::abs(k), 1.0) * scale * steps[rng() % 7];
  };
  int mismatches = 0, judged = 0, advanced = 0;
  for (int n = 0; n < 400; ++n) {
    Log log = test::random_safety_log(rng, right.syntax(), test::day("2026-03-02"), {4, 40});
    for (LogEntry& e : log.entries) {
      for (std::size_t i = 0; i < e.values.size(); ++i) {
        LogValue& v = e.values[i];
        // Mostly logged and clean, so athletes get to the later stages' rules.
        v.present = rng() % 10 != 0;
        const bool hop = right.plan().inputs[i].name == "hop";
        v.value = hop ? near(80, 1) : near(rng() % 3 ? 0 : static_cast<double>(rng() % 8), 1);
      }
    }
    Decisions a, b, c;
    r_right.run_all(log, &a);
    r_left.run_all(log, &b);
    r_computed.run_all(log, &c);
    judged += static_cast<int>(a.seen.size());
    advanced += r_right.state().stage > 0;
    if (a.seen != b.seen || a.seen != c.seen) ++mismatches;
    // And unwatched, each ends where it did watched.
    const eval::ReplayState watched = r_right.state();
    r_right.run_all(log);
    if (!(r_right.state() == watched)) ++mismatches;
  }
  INFO(judged << " sessions judged, " << advanced << " logs past the first stage");
  CHECK(mismatches == 0);
  CHECK(advanced > 40);
}

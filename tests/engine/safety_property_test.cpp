// The clinical-safety property, over every shipped protocol (discovered,
// not listed) and 10,000 random logs each (fixed seed): making one symptom
// of one entry worse (dsl/check/symptom_direction.hpp), or setting a
// red-flag flag, never gives a later stage, never lifts a referral the
// milder log had, and never gives a discharge the milder log did not have.
// Compared after every entry and after the log's end, up to the first
// entry at which a clinician lifted a referral in either log: the spec keeps
// the stage through a referral and leaves the way on to the clinician who
// clears it, so from there on the stage is the clinician's decision, not the
// protocol's (docs/testing.md). A violation is minimized (entries removed
// while it still fails) and printed as a log.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/eval/replay.hpp"
#include "tests/engine/eval_support.hpp"
#include "tests/engine/safety_logs.hpp"

using namespace gradus;

namespace {

struct Point {
  int stage = 0;
  bool referred = false;
  bool discharged = false;
  bool clinician = false;  // a clearance lifted a referral at or before this entry
};

struct Trace final : eval::ReplayObserver {
  std::vector<Point> points;  // after each entry, then the final state
  bool cleared = false;
  void on_entry(const eval::EntryView& view, const eval::Replayer& replayer) override {
    const auto& s = replayer.state();
    cleared = cleared || view.cleared;
    points.push_back({s.stage, s.referred, s.discharged, cleared});
  }
  void on_auto_advance(Date, int, int) override {}
};

std::vector<Point> trace(eval::Replayer& replayer, const Log& log) {
  Trace t;
  t.points.reserve(log.entries.size() + 1);
  replayer.run_all(log, &t);
  const auto& s = replayer.state();
  t.points.push_back({s.stage, s.referred, s.discharged, t.cleared});
  return t.points;
}

// The first point (from `from` on) where the worse log is less conservative; -1 if none.
int violation(const std::vector<Point>& mild, const std::vector<Point>& worse, std::size_t from, std::string* why) {
  for (std::size_t k = from; k < mild.size() && k < worse.size(); ++k) {
    const Point& m = mild[k];
    const Point& w = worse[k];
    if (m.clinician || w.clinician) break;  // the clinician's decision from here on
    const char* what = nullptr;
    if (w.discharged && !m.discharged) what = "discharge the milder log did not have";
    else if (m.referred && !w.referred) what = "referral lifted";
    else if (!w.referred && !m.discharged && w.stage > m.stage) what = "later stage";
    if (what) {
      if (why) *why = std::string(what) + ": mild stage " + std::to_string(m.stage) + (m.referred ? " referred" : "") +
                      (m.discharged ? " discharged" : "") + ", worse stage " + std::to_string(w.stage) +
                      (w.referred ? " referred" : "") + (w.discharged ? " discharged" : "");
      return static_cast<int>(k);
    }
  }
  return -1;
}

// Removes entries (from both logs alike) while the violation remains.
void minimize(eval::Replayer& replayer, Log& mild, Log& worse, std::size_t& changed) {
  for (bool shrunk = true; shrunk;) {
    shrunk = false;
    for (std::size_t k = 0; k < mild.entries.size(); ++k) {
      if (k == changed) continue;
      Log m = mild, w = worse;
      m.entries.erase(m.entries.begin() + static_cast<std::ptrdiff_t>(k));
      w.entries.erase(w.entries.begin() + static_cast<std::ptrdiff_t>(k));
      const std::size_t c = k < changed ? changed - 1 : changed;
      if (violation(trace(replayer, m), trace(replayer, w), c, nullptr) >= 0) {
        mild = std::move(m), worse = std::move(w), changed = c, shrunk = true;
        break;
      }
    }
  }
}

constexpr int kCasesPerProtocol = 10000;
constexpr int kTwinsPerLog = 4;  // one mild replay serves several worse twins

}  // namespace

TEST_CASE("worse symptoms never give a less conservative answer, on every shipped protocol", "[property][safety]") {
  const auto paths = test::shipped_protocol_paths();
  REQUIRE(paths.size() >= 7);
  for (const auto& path : paths) {
    const Protocol protocol = test::compile_ok(test::read_file(path.string()));
    const auto& ast = protocol.syntax();
    const auto plan = std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &protocol.plan());
    eval::Replayer replayer(plan);
    std::mt19937_64 rng(0x5afe7ull ^ std::hash<std::string>{}(protocol.id()));
    int cases = 0, later_stages = 0, violations = 0;
    std::string first_report;
    for (int logs = 0; cases < kCasesPerProtocol && logs < 4 * kCasesPerProtocol; ++logs) {
      const Log mild = test::random_safety_log(rng, ast, test::day("2026-03-02"));
      const auto mild_points = trace(replayer, mild);
      later_stages += mild_points.back().stage > 0;
      for (int t = 0; t < kTwinsPerLog && cases < kCasesPerProtocol; ++t) {
        Log worse = mild;
        test::Worsening change;
        if (!test::worsen(rng, ast, worse, change)) continue;
        ++cases;
        std::string why;
        if (violation(mild_points, trace(replayer, worse), change.entry, &why) < 0) continue;
        if (violations++ > 0) continue;
        Log m = mild, w = worse;
        std::size_t changed = change.entry;
        minimize(replayer, m, w, changed);
        const int at = violation(trace(replayer, m), trace(replayer, w), changed, &why);
        const auto& input = ast.inputs[change.input];
        first_report = protocol.id() + ": " + why + " after point " + std::to_string(at) + " (entry " +
                       (static_cast<std::size_t>(at) < m.entries.size() ? to_string(m.entries[static_cast<std::size_t>(at)].date)
                                                                        : std::string("end")) +
                       "); worsened " + input.name + " on " + to_string(m.entries[changed].date) + " from " +
                       std::to_string(change.from) + " to " + std::to_string(change.to) + "\nmild log:\n" +
                       test::log_yaml(ast, m) + "worse log:\n" + test::log_yaml(ast, w);
      }
    }
    INFO(first_report);
    INFO(protocol.id() << ": " << cases << " cases, " << later_stages << " mild logs left the first stage");
    CHECK(cases == kCasesPerProtocol);
    CHECK(violations == 0);
  }
}

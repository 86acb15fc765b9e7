// Every log, scenario and CSV limit (docs/limits.md) gives its clear error
// (code and a message naming the limit), and the engine's time grows
// linearly with the log's length.
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "engine/eval/replay.hpp"
#include "engine/log/csv.hpp"
#include "engine/log/load.hpp"
#include "engine/scenario/scenario.hpp"
#include "tests/engine/eval_support.hpp"

using namespace gradus;

namespace {

const char* kProtocol =
    "protocol t \"T\"\nversion 1.0.0\nsource \"A\"\ninput pain score 0..10\n"
    "phase \"P\"\n  stage a \"A\"\n    session run 10 min at easy\n    frequency daily\n    advance if pain == 0\n"
    "  stage b \"B\"\n    session run 20 min at easy\n    frequency daily\n    discharge if pain == 0 for 2 sessions\n";

const Diagnostic* find(const Diagnostics& all, const std::string& code) {
  for (const auto& d : all)
    if (d.code == code) return &d;
  return nullptr;
}

LogLoadResult load(const Protocol& p, const std::string& yaml, const LogLimits& limits) {
  return load_log(std::make_shared<Source>("log.yaml", yaml), p.syntax(), limits);
}

std::string entries(int n, const char* pain = "0") {
  std::string y = "entries:\n";
  Date d = test::day("2026-01-01");
  for (int i = 0; i < n; ++i) y += "  - {date: " + to_string(d + i) + ", pain: " + pain + "}\n";
  return y;
}

}  // namespace

TEST_CASE("limit: log size (LogLimits::max_bytes, G0003)") {
  const Protocol p = test::compile_ok(kProtocol);
  LogLimits limits;
  limits.max_bytes = 100;
  const auto r = load(p, entries(10), limits);
  const Diagnostic* d = find(r.diagnostics, "G0003");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->message.find("more than the limit of 100") != std::string::npos);
  CHECK_FALSE(r.log);
  CHECK(load(p, entries(1), limits).log);
}

TEST_CASE("limit: log length (LogLimits::max_entries, G0003)") {
  const Protocol p = test::compile_ok(kProtocol);
  LogLimits limits;
  limits.max_entries = 3;
  const auto r = load(p, entries(4), limits);
  const Diagnostic* d = find(r.diagnostics, "G0003");
  REQUIRE(d);
  CHECK(d->message == "log has more than 3 entries; the rest was not read");
  CHECK_FALSE(r.log);
  CHECK(load(p, entries(3), limits).log);
}

TEST_CASE("limit: log nesting (LogLimits::max_depth, G0004)") {
  const Protocol p = test::compile_ok(kProtocol);
  LogLimits limits;
  limits.max_depth = 6;
  const auto r = load(p, "entries: " + std::string(20, '[') + std::string(20, ']') + "\n", limits);
  const Diagnostic* d = find(r.diagnostics, "G0004");
  REQUIRE(d);
  CHECK(d->message.find("nested too deeply (more than 6 levels)") != std::string::npos);
}

TEST_CASE("limit: errors reported per log (LogLimits::max_errors)") {
  const Protocol p = test::compile_ok(kProtocol);
  LogLimits limits;
  limits.max_errors = 3;
  const auto r = load(p, entries(10, "99"), limits);  // ten values out of range
  CHECK_FALSE(r.log);
  REQUIRE(r.diagnostics.size() == 4);  // three errors, then the note that the list was cut
  CHECK(r.diagnostics.back().message.find("stopped after 3 errors") != std::string::npos);
}

TEST_CASE("limit: scenario cases (ScenarioLimits::max_cases, G0701) and size (G0003)") {
  std::string y = "protocol: t.gradus\ncases:\n";
  for (int i = 0; i < 4; ++i)
    y += "  - name: c" + std::to_string(i) + "\n    log: {entries: []}\n    expect: {date: 2026-10-01, decision: start}\n";
  ScenarioLimits limits;
  limits.max_cases = 3;
  const auto r = load_scenario(std::make_shared<Source>("s.test.yaml", y), limits);
  const Diagnostic* d = find(r.diagnostics, "G0701");
  REQUIRE(d);
  CHECK(d->message == "too many cases (limit 3)");
  limits.max_cases = 4;
  CHECK(find(load_scenario(std::make_shared<Source>("s.test.yaml", y), limits).diagnostics, "G0701") == nullptr);
  limits.max_bytes = 50;
  CHECK(find(load_scenario(std::make_shared<Source>("s.test.yaml", y), limits).diagnostics, "G0003") != nullptr);
}

TEST_CASE("limit: CSV rows (CsvLimits::max_rows, G0003) and columns (max_columns, G0603)") {
  CsvLimits limits;
  limits.max_rows = 3;
  limits.max_columns = 4;
  const auto rows = read_csv(std::make_shared<Source>("l.csv", "date,pain\n2026-01-01,0\n2026-01-02,0\n2026-01-03,0\n2026-01-04,0\n"), limits);
  const Diagnostic* d = find(rows.diagnostics, "G0003");
  REQUIRE(d);
  CHECK(d->message == "the CSV has more than 3 rows; the rest was not read");
  const auto cols = read_csv(std::make_shared<Source>("l.csv", "a,b,c,d,e\n1,2,3,4,5\n"), limits);
  d = find(cols.diagnostics, "G0603");
  REQUIRE(d);
  CHECK(d->message.find("more than 4 cells") != std::string::npos);
}

TEST_CASE("the engine's time is linear in the log's length, on every shipped protocol") {
  // Symptoms held at a low but non-zero level: every session is judged (no
  // discharge, no referral ends the work early). CPU time, not wall time;
  // 8x the entries may take at most 24x the time (quadratic would be 64x).
  std::vector<Protocol> protocols;
  for (const auto& e : std::filesystem::directory_iterator(GRADUS_SOURCE_DIR "/protocols"))
    if (e.path().extension() == ".gradus") protocols.push_back(test::compile_ok(test::read_file(e.path().string())));
  auto make = [](const Protocol& p, int n) {
    Log log;
    const auto& inputs = p.syntax().inputs;
    log.baseline.assign(inputs.size(), LogValue{});
    for (int i = 0; i < n; ++i) {
      LogEntry e;
      e.date = test::day("2026-01-01") + i;
      for (const auto& in : inputs) {
        LogValue v;
        v.present = true;
        v.value = in.type.kind == ast::InputKind::Score ? in.type.lo.value + 1 : 0;
        e.values.push_back(v);
      }
      log.entries.push_back(std::move(e));
    }
    return log;
  };
  auto cpu = [&](int n, int reps) {
    std::vector<Log> logs;
    for (const auto& p : protocols) logs.push_back(make(p, n));
    const std::clock_t start = std::clock();
    for (int r = 0; r < reps; ++r)
      for (std::size_t i = 0; i < protocols.size(); ++i) {
        const auto s = protocols[i].evaluate(logs[i], logs[i].entries.back().date + 1);
        CHECK(s.sessions > 0);
      }
    return static_cast<double>(std::clock() - start) / reps;
  };
  const double small = cpu(1000, 8), large = cpu(8000, 1);
  INFO("1,000 entries: " << small / CLOCKS_PER_SEC << " s CPU per pass; 8,000: " << large / CLOCKS_PER_SEC);
  CHECK(large < 24 * std::max(small, 1.0));
}

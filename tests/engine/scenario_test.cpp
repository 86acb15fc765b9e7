#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>

#include "engine/eval/protocol.hpp"
#include "engine/scenario/report.hpp"
#include "engine/scenario/scenario.hpp"

using namespace gradus;

namespace {

const std::string kProtocolPath = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";

Protocol bsi_tibia() {
  std::ifstream in(kProtocolPath);
  std::stringstream text;
  text << in.rdbuf();
  ProtocolCompileResult compiled = Protocol::compile(kProtocolPath, text.str());
  REQUIRE(compiled.protocol);
  return *compiled.protocol;
}

ScenarioLoadResult load(const std::string& text) {
  return load_scenario(std::make_shared<Source>(std::string(GRADUS_SOURCE_DIR) + "/protocols/x.test.yaml", text));
}

bool has_code(const Diagnostics& ds, const std::string& code, std::uint32_t line, std::uint32_t column) {
  for (const auto& d : ds) {
    if (d.code == code && d.span.line == line && d.span.column == column) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a well-formed scenario loads with inline logs kept at their own positions") {
  auto r = load(R"(protocol: bsi-tibia.gradus
cases:
  - name: first
    log:
      baseline: {pain_morning: 0}
      entries:
        - {date: 2026-10-01, pain_during: 0}
    expect:
      date: 2026-10-02
      decision: hold
  - name: second
    log: { entries: [] }
    expect: [{date: 2026-10-01, decision: start, session: null}]
)");
  REQUIRE(r.scenario);
  CHECK(r.diagnostics.empty());
  CHECK(r.scenario->protocol_path == std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus");
  REQUIRE(r.scenario->cases.size() == 2);
  const auto& first = r.scenario->cases[0];
  REQUIRE(first.log_source);
  // Only the log is left; every other byte is blank, lines kept.
  CHECK(first.log_source->line_text(1).find_first_not_of(' ') == std::string::npos);
  CHECK(first.log_source->line_text(5) == "      baseline: {pain_morning: 0}");
  CHECK(first.log_source->line_text(8).find_first_not_of(' ') == std::string::npos);
  CHECK(r.scenario->cases[1].expectations[0].has_session);
  CHECK_FALSE(r.scenario->cases[1].expectations[0].session.has_value());
}

TEST_CASE("malformed scenario files are errors with line and column") {
  SECTION("unknown field with a did-you-mean") {
    auto r = load("protocol: bsi-tibia.gradus\ncases:\n  - name: a\n    log: {entries: []}\n    expect: {date: 2026-10-01, decison: hold}\n");
    CHECK_FALSE(r.scenario);
    REQUIRE(has_code(r.diagnostics, "G0702", 5, 32));
    CHECK(r.diagnostics[0].help == "did you mean `decision`?");
  }
  SECTION("an unknown decision") {
    auto r = load("protocol: p.gradus\ncases:\n  - name: a\n    log: {entries: []}\n    expect: {date: 2026-10-01, decision: adavnce}\n");
    CHECK(has_code(r.diagnostics, "G0702", 5, 42));
  }
  SECTION("no protocol, no cases") {
    auto r = load("athlete: x\n");
    CHECK_FALSE(r.scenario);
    CHECK(has_code(r.diagnostics, "G0702", 1, 1));
    CHECK(r.diagnostics.size() == 3);
  }
  SECTION("an impossible expectation date") {
    auto r = load("protocol: p.gradus\ncases:\n  - name: a\n    log: {entries: []}\n    expect: {date: 2026-02-30}\n");
    CHECK(has_code(r.diagnostics, "G0701", 5, 20));
    CHECK(r.diagnostics.size() == 1);  // no follow-on "needs a date"
  }
  SECTION("a log written as an alias") {
    auto r = load("protocol: p.gradus\nshared: &l {entries: []}\ncases:\n  - name: a\n    log: *l\n    expect: {date: 2026-10-01}\n");
    CHECK(has_code(r.diagnostics, "G0702", 2, 1));  // `shared` is not a field
    CHECK(has_code(r.diagnostics, "G0701", 5, 5));  // and the alias is refused
  }
  SECTION("not YAML") {
    auto r = load("protocol: [unclosed\n");
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].code == "G0701");
  }
  SECTION("deep nesting is refused before parsing") {
    auto r = load(std::string(10000, '[') + std::string(10000, ']'));
    CHECK_FALSE(r.scenario);
    CHECK(r.diagnostics[0].code == "G0004");
  }
}

TEST_CASE("cases run against the protocol: pass, fail with a diff and a trace, error never passes") {
  Protocol protocol = bsi_tibia();
  auto r = load(R"(protocol: bsi-tibia.gradus
cases:
  - name: empty log starts
    log: {baseline: {pain_morning: 0}, entries: []}
    expect: {date: 2026-10-01, decision: start, stage: walk, session: "walk 30 min", session_day: true}
  - name: deliberately wrong
    log: {baseline: {pain_morning: 0}, entries: [{date: 2026-10-01, pain_during: 2, pain_after: 0, pain_morning: 0}]}
    expect: {date: 2026-10-02, decision: hold, fired: [safety:3]}
  - name: unknown stage
    log: {entries: []}
    expect: {date: 2026-10-01, stage: wlak}
  - name: log with an unknown input
    log: {entries: [{date: 2026-10-01, pian_during: 1}]}
    expect: {date: 2026-10-02, decision: hold}
)");
  REQUIRE(r.scenario);
  auto results = run_scenario(*r.scenario, protocol);
  REQUIRE(results.size() == 4);
  CHECK(results[0].passed());
  CHECK_FALSE(results[1].passed());
  CHECK_FALSE(results[1].error());
  REQUIRE(results[1].expectations.size() == 1);
  CHECK(results[1].expectations[0].differences == std::vector<std::string>{"decision: expected hold, got rest"});
  CHECK(results[1].expectations[0].trace.find("safety:3") != std::string::npos);
  CHECK(results[2].error());
  CHECK(has_code(results[2].diagnostics, "G0703", 11, 39));
  CHECK(results[2].diagnostics[0].help == "did you mean `walk`?");
  CHECK(results[3].error());
  CHECK(results[3].diagnostics[0].code == "G0503");
  CHECK(results[3].diagnostics[0].span.line == 13);

  ScenarioFileResult file{"x.test.yaml", kProtocolPath, {}, results, coverage(protocol, results)};
  ScenarioTotals t = totals({file});
  CHECK(t.passed == 1);
  CHECK(t.failed == 1);
  CHECK(t.errors == 2);
  REQUIRE(file.coverage);
  CHECK(file.coverage->rules_fired >= 1);
  CHECK(file.coverage->stages_reached == 1);
  CHECK(file.coverage->percent() < 50.0);

  std::ostringstream junit;
  render_scenarios_junit(junit, {file});
  CHECK(junit.str().find("<testsuites name=\"gradus test\" tests=\"4\" failures=\"1\" errors=\"2\">") != std::string::npos);
  CHECK(junit.str().find("<failure message=\"decision: expected hold, got rest\">") != std::string::npos);
}

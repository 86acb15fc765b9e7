#pragma once
// Scenario results for people (text: each case, and for a failure expected
// vs actual and the trace of the day) and for CI systems (JUnit XML).
// Renderers decide nothing: they print what run_scenario found.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/scenario/run_scenario.hpp"

namespace gradus {

struct ScenarioFileResult {
  std::string path;                 // the *.test.yaml file
  std::string protocol_path;
  Diagnostics diagnostics;          // the file or its protocol could not be used: every case is an error
  std::vector<CaseResult> cases;
  std::optional<Coverage> coverage;
};

struct ScenarioTotals {
  std::size_t passed = 0, failed = 0, errors = 0;
};

ScenarioTotals totals(const std::vector<ScenarioFileResult>& files);
// One line a case (`ok`, `FAIL`, `ERROR`), the details of each failure, the
// coverage when asked; the closing summary line is the caller's.
void render_scenarios_text(std::ostream& out, const std::vector<ScenarioFileResult>& files);
void render_scenarios_junit(std::ostream& out, const std::vector<ScenarioFileResult>& files);

}  // namespace gradus

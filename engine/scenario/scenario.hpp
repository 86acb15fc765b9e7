#pragma once
// Scenario tests (`*.test.yaml`, beside a protocol): named cases, each an
// athlete's log and what the advice must be on given dates. The format is in
// docs/scenarios.md. Loading never throws: a malformed file is Diagnostics
// (G07xx) with file:line:column, and its cases are never counted as passed.
#include <optional>
#include <string>
#include <vector>

#include "dsl/diag/diagnostic.hpp"
#include "engine/log/date.hpp"

namespace gradus {

// What the advice for one date must be. Fields left out are not compared.
struct Expectation {
  Date date;
  Span span;  // the expectation's `date:` value
  std::optional<std::string> decision;
  Span decision_span;
  std::optional<std::string> stage;
  Span stage_span;
  std::optional<std::string> phase;
  bool has_session = false;                // `session:` was given
  std::optional<std::string> session;      // null: no session that day
  std::optional<bool> session_day;
  std::optional<int> rest_days_left;
  std::optional<std::vector<std::string>> cues;   // exactly these cues
  std::vector<std::string> fired;                 // these rule ids fired (others may too)
  Span fired_span;
};

struct ScenarioCase {
  std::string name;
  Span span;                 // the case's `name:`
  // The log: inline (its text isolated in place, so positions stay those of
  // the scenario file) or a path relative to the scenario file.
  SourcePtr log_source;
  std::vector<Expectation> expectations;
};

struct ScenarioFile {
  SourcePtr source;
  std::string protocol_path;  // resolved against the scenario file's folder
  Span protocol_span;
  std::vector<ScenarioCase> cases;
};

struct ScenarioLoadResult {
  std::optional<ScenarioFile> scenario;  // present exactly when no error was found
  Diagnostics diagnostics;
};

struct ScenarioLimits {
  std::size_t max_bytes = 16u << 20;
  std::size_t max_depth = 32;
  std::size_t max_cases = 10000;
};

ScenarioLoadResult load_scenario(SourcePtr source, const ScenarioLimits& limits = {});

// The text of [begin, end) kept in place and everything else blanked to
// spaces (line breaks kept), so a YAML parser sees only that part but every
// line and column is still the file's own.
std::string isolate_text(const std::string& text, std::size_t begin, std::size_t end);

}  // namespace gradus

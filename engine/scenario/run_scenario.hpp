#pragma once
// Running scenario cases against a compiled protocol: each expectation is
// compared with the advice for its date (decision, stage, phase, session,
// cues...), and each case records which rules fired and which stages it
// reached, for `gradus test --coverage`.
#include <set>
#include <string>
#include <vector>

#include "engine/eval/advice.hpp"
#include "engine/eval/protocol.hpp"
#include "engine/scenario/scenario.hpp"

namespace gradus {

struct ExpectationResult {
  Date date;
  bool passed = true;
  std::vector<std::string> differences;  // "decision: expected hold, got advance"
  std::string trace;                     // the explain text of the session the advice comes from
};

struct CaseResult {
  std::string name;
  Span span;
  Diagnostics diagnostics;  // a log that does not load, an unknown stage: the case is an error
  std::vector<ExpectationResult> expectations;
  std::set<std::string> fired_rules;     // rule ids that fired anywhere in the case's log
  std::set<std::string> reached_stages;

  bool error() const { return has_errors(diagnostics); }
  bool passed() const;
};

std::vector<CaseResult> run_scenario(const ScenarioFile& scenario, const Protocol& protocol);

struct Coverage {
  std::size_t rules = 0, rules_fired = 0;
  std::size_t stages = 0, stages_reached = 0;
  std::vector<std::string> rules_never_fired;     // rule ids with their source line: "r1:advance (line 40)"
  std::vector<std::string> stages_never_reached;
  double percent() const;
};

Coverage coverage(const Protocol& protocol, const std::vector<CaseResult>& cases);

}  // namespace gradus

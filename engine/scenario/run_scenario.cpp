#include "engine/scenario/run_scenario.hpp"

#include <sstream>

#include "dsl/diag/suggest.hpp"
#include "engine/eval/timeline_render.hpp"

namespace gradus {
namespace {

std::string show(const std::optional<std::string>& text) { return text ? "\"" + *text + "\"" : "none"; }

std::string show_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + ("\"" + items[i] + "\"");
  return out + "]";
}

// Stage ids named by expectations must exist: a typo there would make a case
// that can never pass look like an engine failure.
void check_stage_names(const ScenarioCase& sc, const SourcePtr& source, const eval::Plan& plan, Diagnostics& out) {
  std::vector<std::string> ids;
  for (const auto& s : plan.stages) ids.push_back(s.id);
  for (const auto& x : sc.expectations) {
    if (!x.stage || plan.stage_index(*x.stage) >= 0) continue;
    auto d = error(source, x.stage_span, "G0703",
                   "case `" + sc.name + "` expects stage `" + *x.stage + "`, which the protocol does not have");
    if (auto best = closest_match(*x.stage, ids)) d.help("did you mean `" + *best + "`?");
    out.push_back(std::move(d));
  }
  for (const auto& x : sc.expectations) {
    for (const auto& id : x.fired) {
      bool known = false;
      for (const auto& r : plan.rules) known = known || r.id == id;
      if (known) continue;
      std::vector<std::string> rule_ids;
      for (const auto& r : plan.rules) rule_ids.push_back(r.id);
      auto d = error(source, x.fired_span, "G0703",
                     "case `" + sc.name + "` expects rule `" + id + "` to fire, and the protocol has no such rule");
      if (auto best = closest_match(id, rule_ids)) d.help("did you mean `" + *best + "`?");
      out.push_back(std::move(d));
    }
  }
}

ExpectationResult compare(const Expectation& x, const eval::Advice& a) {
  ExpectationResult r;
  r.date = x.date;
  auto differ = [&](const std::string& what, const std::string& expected, const std::string& actual) {
    if (expected == actual) return;
    r.passed = false;
    r.differences.push_back(what + ": expected " + expected + ", got " + actual);
  };
  if (x.decision) differ("decision", *x.decision, eval::to_string(a.decision));
  if (x.stage) differ("stage", *x.stage, a.stage);
  if (x.phase) differ("phase", "\"" + *x.phase + "\"", "\"" + a.phase + "\"");
  if (x.has_session) differ("session", show(x.session), show(a.session));
  if (x.session_day) differ("session_day", *x.session_day ? "true" : "false", a.session_day ? "true" : "false");
  if (x.rest_days_left) differ("rest_days_left", std::to_string(*x.rest_days_left), std::to_string(a.rest_days_left));
  if (x.cues) differ("cues", show_list(*x.cues), show_list(a.cues));
  for (const auto& id : x.fired) {
    bool fired = false;
    for (const auto& f : a.fired) fired = fired || f.rule == id;
    if (!fired) {
      std::vector<std::string> ids;
      for (const auto& f : a.fired) ids.push_back(f.rule);
      r.passed = false;
      r.differences.push_back("fired: expected " + id + " among the rules that fired, got " + show_list(ids));
    }
  }
  return r;
}

}  // namespace

bool CaseResult::passed() const {
  if (error()) return false;
  for (const auto& e : expectations) {
    if (!e.passed) return false;
  }
  return true;
}

std::vector<CaseResult> run_scenario(const ScenarioFile& scenario, const Protocol& protocol) {
  std::vector<CaseResult> results;
  for (const auto& sc : scenario.cases) {
    CaseResult cr;
    cr.name = sc.name;
    cr.span = sc.span;
    check_stage_names(sc, scenario.source, protocol.plan(), cr.diagnostics);
    if (!sc.log_source) {
      cr.diagnostics.push_back(error(scenario.source, sc.span, "G0701", "case `" + sc.name + "` has no usable log"));
    }
    if (cr.error()) {
      results.push_back(std::move(cr));
      continue;
    }
    LogLoadResult loaded = load_log(sc.log_source, protocol.syntax());
    if (!loaded.log) {
      cr.diagnostics = std::move(loaded.diagnostics);
      if (!cr.error()) cr.diagnostics.push_back(error(scenario.source, sc.span, "G0701", "case `" + sc.name + "`: the log did not load"));
      results.push_back(std::move(cr));
      continue;
    }
    const Log& log = *loaded.log;

    // Coverage: every rule that fired and every stage reached over the whole log.
    const eval::Timeline all = protocol.explain(log);
    if (!protocol.plan().stages.empty()) cr.reached_stages.insert(protocol.plan().stages.front().id);
    for (const auto& day : all.days) {
      cr.reached_stages.insert(day.stage_before);
      cr.reached_stages.insert(day.stage_after);
      for (const auto& rule : day.rules) {
        if (rule.result == eval::Truth::True) cr.fired_rules.insert(rule.rule);
      }
    }

    for (const auto& x : sc.expectations) {
      const eval::Advice advice = protocol.advise(log, x.date);
      ExpectationResult er = compare(x, advice);
      if (!er.passed && advice.last_session) {
        std::ostringstream trace;
        eval::render_timeline_text(trace, protocol.explain(log, advice.last_session, advice.last_session),
                                   protocol.plan());
        er.trace = trace.str();
      }
      cr.expectations.push_back(std::move(er));
    }
    results.push_back(std::move(cr));
  }
  return results;
}

double Coverage::percent() const {
  const std::size_t total = rules + stages;
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(rules_fired + stages_reached) / static_cast<double>(total);
}

Coverage coverage(const Protocol& protocol, const std::vector<CaseResult>& cases) {
  Coverage c;
  std::set<std::string> fired, reached;
  for (const auto& cr : cases) {
    fired.insert(cr.fired_rules.begin(), cr.fired_rules.end());
    reached.insert(cr.reached_stages.begin(), cr.reached_stages.end());
  }
  for (const auto& rule : protocol.plan().rules) {
    ++c.rules;
    if (fired.count(rule.id)) ++c.rules_fired;
    else c.rules_never_fired.push_back(rule.id + " (line " + std::to_string(rule.line) + ")");
  }
  for (const auto& stage : protocol.plan().stages) {
    ++c.stages;
    if (reached.count(stage.id)) ++c.stages_reached;
    else c.stages_never_reached.push_back(stage.id);
  }
  return c;
}

}  // namespace gradus

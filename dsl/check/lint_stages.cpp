// Lints on the stage graph: G0402 unreachable stage, G0403 stage with no way
// out, G0409 stage without a frequency (docs/lints.md).
#include <deque>

#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_support.hpp"

namespace gradus::lint {
namespace {

// Where a stage rule (or a safety rule applied in stage `from`) can move the
// athlete; -1 when it does not move them or names an unknown stage.
int rule_target(const std::vector<StageRef>& stages, std::size_t from, const ast::Rule& rule) {
  const int last = static_cast<int>(stages.size()) - 1;
  const int here = static_cast<int>(from);
  switch (rule.kind) {
    case ast::RuleKind::Advance:
      if (rule.target) return stage_index(stages, *rule.target);
      return here < last ? here + 1 : -1;
    case ast::RuleKind::Regress: {
      if (rule.target) return stage_index(stages, *rule.target);
      int back = 1;
      if (rule.stages && rule.stages->value >= 1) back = static_cast<int>(std::min(rule.stages->value, 1e6));
      return std::max(0, here - back);
    }
    default:
      return -1;
  }
}

bool moves_forward(const ast::Rule& rule) {
  return rule.kind == ast::RuleKind::Advance || rule.kind == ast::RuleKind::Discharge;
}

std::string quoted(const std::string& id) { return "'" + id + "'"; }

}  // namespace

void lint_unreachable_stage(const LintContext& context, Diagnostics& out) {
  const auto& protocol = context.protocol;
  const auto stages = stages_in_order(protocol);
  if (stages.empty()) return;
  std::vector<bool> seen(stages.size(), false);
  std::deque<std::size_t> todo{0};
  seen[0] = true;
  auto reach = [&](int to) {
    if (to < 0 || seen[static_cast<std::size_t>(to)]) return;
    seen[static_cast<std::size_t>(to)] = true;
    todo.push_back(static_cast<std::size_t>(to));
  };
  while (!todo.empty()) {
    const std::size_t i = todo.front();
    todo.pop_front();
    const auto& stage = *stages[i].stage;
    if (is_recovery(stage)) {
      // A recovery stage has no sessions, so no rule is judged there: it only advances by itself.
      if (i + 1 < stages.size()) reach(static_cast<int>(i + 1));
      continue;
    }
    for (const auto& rule : stage.rules) reach(rule_target(stages, i, rule));
    for (const auto& rule : protocol.safety) reach(rule_target(stages, i, rule));
  }
  const std::string& first = stages[0].stage->id;
  for (const auto& ref : stages) {
    if (seen[ref.index]) continue;
    const auto& stage = *ref.stage;
    out.push_back(lint_finding(context, stage.id_span, "G0402",
                               "stage " + quoted(stage.id) + " is unreachable: no advance, regress or recovery step leads to it from the first stage " +
                                   quoted(first))
                      .label("never reached")
                      .help("add `advance to " + stage.id + "` to a stage that should lead here, or remove the stage")
                      .d);
  }
}

void lint_no_way_out(const LintContext& context, Diagnostics& out) {
  const auto& protocol = context.protocol;
  const auto stages = stages_in_order(protocol);
  for (const auto& ref : stages) {
    const auto& stage = *ref.stage;
    const bool last = ref.index + 1 == stages.size();
    if (is_recovery(stage)) {
      if (last) {
        out.push_back(lint_finding(context, stage.id_span, "G0403",
                                   "recovery stage " + quoted(stage.id) +
                                       " is the last stage: its automatic advance has no next stage, so the athlete stays there for good")
                          .help("end the protocol with a stage that has a `discharge` rule")
                          .d);
      }
      continue;
    }
    bool forward = false;
    bool dangling_advance = false;
    for (const auto& rule : stage.rules) {
      if (!moves_forward(rule)) continue;
      if (last && rule.kind == ast::RuleKind::Advance && !rule.target) {
        dangling_advance = true;
        out.push_back(lint_finding(context, rule.keyword_span, "G0403",
                                   "`advance` in the last stage " + quoted(stage.id) + " has no next stage to go to")
                          .label("nowhere to advance to")
                          .help("use `discharge if ...` to end the protocol, or `advance to STAGE`")
                          .d);
        continue;
      }
      forward = true;
    }
    for (const auto& rule : protocol.safety) {
      if (moves_forward(rule) && !(last && rule.kind == ast::RuleKind::Advance && !rule.target)) forward = true;
    }
    if (forward || dangling_advance) continue;
    if (last) {
      out.push_back(lint_finding(context, stage.id_span, "G0403",
                                 "the last stage " + quoted(stage.id) + " has no `discharge` rule: an athlete who reaches it can never finish")
                        .help("add `discharge if ...` with the criteria for return to sport")
                        .d);
    } else {
      out.push_back(lint_finding(context, stage.id_span, "G0403",
                                 "stage " + quoted(stage.id) +
                                     " has no `advance` or `discharge` rule: an athlete who reaches it can only hold or regress")
                        .help("add `advance if ...` with the criteria for moving on")
                        .d);
    }
  }
}

void lint_no_frequency(const LintContext& context, Diagnostics& out) {
  for (const auto& ref : stages_in_order(context.protocol)) {
    const auto& stage = *ref.stage;
    if (is_recovery(stage) || stage.frequency) continue;
    out.push_back(lint_finding(context, stage.id_span, "G0409",
                               "stage '" + stage.id + "' has no `frequency`: every day counts as a session day, with no rest days between loads")
                      .help("add `frequency N per week`, `frequency every other day` or `frequency daily`")
                      .d);
  }
}

}  // namespace gradus::lint

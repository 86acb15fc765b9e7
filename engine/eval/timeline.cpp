#include "engine/eval/timeline.hpp"

#include <span>

#include "engine/eval/replay.hpp"

namespace gradus::eval {
namespace {

// The nodes of a condition; a let it reads is followed by the parts of its
// definition (one level deeper), so the explanation shows where its value came from.
void add_nodes(const std::vector<TraceNode>& nodes, int base, std::span<const Value> registers,
               std::vector<NodeValue>& out, const Plan& plan, int nesting = 0) {
  for (const auto& n : nodes) {
    out.push_back(NodeValue{n.text, registers[n.reg], n.expr->type, static_cast<std::uint16_t>(base + n.depth), n.read});
    if (nesting < 8 && n.expr->kind == ast::ExprKind::Name && n.expr->symbol.kind == ast::SymbolKind::Let) {
      const auto& def = plan.let_nodes[static_cast<std::size_t>(n.expr->symbol.index)];
      // The definition's root is the let's own value: list what is below it.
      const int skip = def.size() > 1 ? 1 : 0;
      std::vector<TraceNode> below(def.begin() + skip, def.end());
      if (!below.empty() && !(def.size() == 1 && !def[0].read)) {
        add_nodes(below, base + n.depth + 1 - skip, registers, out, plan, nesting + 1);
      }
    }
  }
}

class Recorder final : public ReplayObserver {
 public:
  Recorder(const Plan& plan, Timeline& out, std::optional<Date> from) : plan_(plan), out_(out), from_(from) {}

  void on_entry(const EntryView& view, const Replayer& replayer) override {
    if (from_ && view.entry->date < *from_) return;
    const ReplayState& st = replayer.state();
    TimelineDay day;
    day.date = view.entry->date;
    switch (view.outcome) {
      case EntryOutcome::Judged: day.kind = TimelineKind::Session; break;
      case EntryOutcome::Measurement: day.kind = TimelineKind::Measurement; break;
      case EntryOutcome::NotJudgedReferred: day.kind = TimelineKind::NotJudgedReferred; break;
      case EntryOutcome::NotJudgedDischarged: day.kind = TimelineKind::NotJudgedDischarged; break;
    }
    day.stage_before = plan_.stages[static_cast<std::size_t>(view.stage_before)].id;
    day.stage_after = plan_.stages[static_cast<std::size_t>(st.stage)].id;
    day.session_in_stage = view.sessions_in_stage;
    day.day_in_stage = view.days_in_stage;
    if (view.entry->stage && *view.entry->stage != day.stage_before) day.logged_stage = view.entry->stage;
    day.cleared = view.cleared;
    day.decision = view.decision;
    day.blocked = view.blocked;
    if (view.rule >= 0) day.deciding_rule = plan_.rules[static_cast<std::size_t>(view.rule)].id;
    if (st.rest_until && *st.rest_until > day.date) day.rest_until = st.rest_until;
    day.referred = st.referred;
    day.discharged = st.discharged;
    if (view.outcome == EntryOutcome::Judged) {
      const StagePlan& stage = plan_.stages[static_cast<std::size_t>(view.stage_before)];
      const std::span<const Value> values = replayer.register_values();
      for (const int r : stage.evaluated) {
        const RulePlan& rule = plan_.rules[static_cast<std::size_t>(r)];
        RuleEvaluation e;
        e.rule = rule.id;
        e.kind = rule.kind;
        e.line = rule.line;
        e.head = rule.head;
        e.message = rule.message;
        e.result = view.results[static_cast<std::size_t>(r)];
        e.decided = r == view.rule;
        if (e.decided) e.blocked = view.blocked;
        add_nodes(rule.nodes, 0, values, e.nodes, plan_);
        day.rules.push_back(std::move(e));
      }
    }
    out_.days.push_back(std::move(day));
  }

  void on_auto_advance(Date date, int from, int to) override {
    if (from_ && date < *from_) return;
    TimelineDay day;
    day.date = date;
    day.kind = TimelineKind::AutoAdvance;
    day.stage_before = plan_.stages[static_cast<std::size_t>(from)].id;
    day.stage_after = plan_.stages[static_cast<std::size_t>(to)].id;
    day.decision = Decision::Advance;
    out_.days.push_back(std::move(day));
  }

 private:
  const Plan& plan_;
  Timeline& out_;
  std::optional<Date> from_;
};

}  // namespace

const char* to_string(TimelineKind kind) {
  switch (kind) {
    case TimelineKind::Session: return "session";
    case TimelineKind::Measurement: return "measurement";
    case TimelineKind::NotJudgedReferred: return "not_judged_referred";
    case TimelineKind::NotJudgedDischarged: return "not_judged_discharged";
    case TimelineKind::AutoAdvance: return "auto_advance";
  }
  return "session";
}

Timeline explain(const std::shared_ptr<const Plan>& plan, const Log& log, std::optional<Date> from,
                 std::optional<Date> to) {
  Timeline t;
  t.protocol_id = plan->id;
  t.protocol_version = plan->version;
  t.audit = replay_audit(*plan, log, to ? std::optional<Date>(*to + 1) : std::nullopt);
  Recorder recorder(*plan, t, from);
  Replayer replayer(plan);
  if (to) {
    replayer.run(log, *to + 1, &recorder);
    // Recovery stages run out up to `to + 1`; an auto-advance after `to` is not in range.
    while (!t.days.empty() && t.days.back().date > *to) t.days.pop_back();
  } else {
    replayer.run_all(log, &recorder);
  }
  return t;
}

}  // namespace gradus::eval

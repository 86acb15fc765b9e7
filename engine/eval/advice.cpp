#include "engine/eval/advice.hpp"

#include <algorithm>

#include "engine/eval/needs.hpp"
#include "engine/eval/replay.hpp"

namespace gradus::eval {
namespace {

// Keeps a copy of the registers at the session the advice is about (the last
// session before the date) and at sessions that end or stop the protocol,
// whose reasons stand while later sessions go unjudged. Copies into buffers
// sized once: nothing is allocated while replaying.
class Snapshot final : public ReplayObserver {
 public:
  Snapshot(const Plan& plan, std::size_t last_session)
      : last_session_(last_session),
        registers(plan.registers),
        results(plan.rules.size()),
        streaks(plan.streaks.size()) {}

  void on_entry(const EntryView& view, const Replayer& replayer) override {
    if (view.outcome != EntryOutcome::Judged) return;
    const bool ends = view.decision == Decision::Refer || view.decision == Decision::Discharge;
    if (view.index != last_session_ && !ends) return;
    taken = true;
    const std::span<const Value> values = replayer.register_values();
    std::copy(values.begin(), values.end(), registers.begin());
    std::copy(view.results.begin(), view.results.end(), results.begin());
    for (std::size_t i = 0; i < streaks.size(); ++i) streaks[i] = replayer.streak_progress(static_cast<std::uint32_t>(i));
    stage = view.stage_before;
    rule = view.rule;
    blocked = view.blocked;
    days_in_stage = view.days_in_stage;
    date = view.entry->date;
    const Plan& plan = replayer.plan();
    if (plan.max_advances > 0) {
      advances = replayer.standing_advances_between(date - (plan.max_advances_days - 1), date);
    }
  }
  void on_auto_advance(Date, int, int) override {}

  std::size_t last_session_;
  bool taken = false;
  std::vector<Value> registers;
  std::vector<Truth> results;
  std::vector<std::uint32_t> streaks;
  int stage = 0;
  int rule = -1;
  Blocked blocked = Blocked::None;
  int days_in_stage = 0;
  int advances = 0;
  Date date;
};

std::vector<SeenValue> values_read(const RulePlan& rule, std::span<const Value> registers) {
  std::vector<SeenValue> out;
  for (const auto& n : rule.nodes) {
    if (!n.read) continue;
    if (std::any_of(out.begin(), out.end(), [&](const SeenValue& v) { return v.name == n.text; })) continue;
    out.push_back(SeenValue{n.text, registers[n.reg], n.expr->type});
  }
  return out;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Advice advise(const std::shared_ptr<const Plan>& plan_ptr, const Log& log, Date date) {
  const Plan& plan = *plan_ptr;
  std::size_t last_session = SIZE_MAX;
  for (std::size_t i = 0; i < log.entries.size() && log.entries[i].date < date; ++i) {
    if (!log.entries[i].rest) last_session = i;
  }
  Snapshot snap(plan, last_session);
  Replayer replayer(plan_ptr);
  replayer.run(log, date, &snap);
  const ReplayState& st = replayer.state();

  Advice a;
  a.date = date;
  a.protocol_id = plan.id;
  a.protocol_version = plan.version;
  a.protocol_title = plan.title;
  const StagePlan& stage = plan.stages[static_cast<std::size_t>(st.stage)];
  a.stage = stage.id;
  a.stage_title = stage.title;
  a.phase = plan.phases.empty() ? "" : plan.phases[static_cast<std::size_t>(stage.phase)];
  a.last_session = st.last_judged;
  a.audit = replay_audit(plan, log, date);

  // The decision that produced today's state.
  const bool resting = st.rest_until && date <= *st.rest_until;
  if (!st.judged_any) {
    a.decision = Decision::Start;
  } else if (st.discharged) {
    a.decision = Decision::Discharge;
  } else if (st.referred) {
    a.decision = Decision::Refer;
  } else if (resting) {
    a.decision = Decision::Rest;
  } else if (st.auto_advanced) {
    a.decision = Decision::Advance;
  } else if (st.cleared_since_session) {
    a.decision = Decision::Hold;
  } else {
    a.decision = st.last_decision;
  }

  // Whether today is a session day.
  const Date recovery_ends = st.stage_start + stage.recovery_days;
  if (st.discharged) {
    a.why_not_session = "the protocol is complete (discharged)";
  } else if (st.referred) {
    a.why_not_session = "referred: no running until a clinician clears it in the log (cleared: true)";
  } else if (resting) {
    a.rest_days_left = *st.rest_until - date + 1;
    a.why_not_session = "rest day (" + plural(a.rest_days_left, "day", "days") + " of rest left, today included)";
  } else if (stage.recovery) {
    a.rest_days_left = std::max(1, recovery_ends - date);
    a.why_not_session = "recovery stage (" + plural(a.rest_days_left, "day", "days") + " left, today included)";
  } else if (stage.every_other_day && replayer.sessions_between(date - 1, date - 1) > 0) {
    a.why_not_session = "every other day, and there was a session yesterday";
  } else if (stage.per_week > 0 && replayer.sessions_between(date - 6, date - 1) >= stage.per_week) {
    a.why_not_session = std::to_string(stage.per_week) + " per week, and the six days before today already hold " +
                        plural(replayer.sessions_between(date - 6, date - 1), "session", "sessions");
  } else {
    a.session_day = true;
    a.session = stage.session;
  }

  if (st.cleared_since_session) a.cleared = st.cleared_on;
  // The reasons: every rule that fired at the last judged session (once a
  // referral is lifted, its reasons no longer stand).
  if (snap.taken && !st.cleared_since_session) {
    const StagePlan& judged = plan.stages[static_cast<std::size_t>(snap.stage)];
    for (const int r : judged.evaluated) {
      if (snap.results[static_cast<std::size_t>(r)] != Truth::True) continue;
      const RulePlan& rule = plan.rules[static_cast<std::size_t>(r)];
      FiredRule f;
      f.rule = rule.id;
      f.kind = rule.kind;
      f.message = rule.message;
      f.condition = rule.condition;
      f.head = rule.head;
      f.line = rule.line;
      f.decided = r == snap.rule;
      if (f.decided) f.blocked = snap.blocked;
      f.values = values_read(rule, snap.registers);
      if (rule.kind == ast::RuleKind::Cue) a.cues.push_back(rule.message.empty() ? rule.condition : rule.message);
      a.fired.push_back(std::move(f));
    }
  }

  // While holding (or before the first session): what is still needed.
  if (a.decision == Decision::Hold || a.decision == Decision::Start) {
    NeedsInput in;
    in.stage = st.stage;
    in.measured = &replayer.measured_inputs();
    in.latest = &replayer.latest_inputs();
    const bool fresh = !snap.taken || snap.stage != st.stage || st.cleared_since_session || st.sessions_in_stage == 0;
    if (!fresh) {
      in.registers = snap.registers;
      in.streak_progress = snap.streaks;
      in.days_in_stage = snap.days_in_stage;
      in.blocked = snap.blocked;
      in.blocked_rule = snap.rule;
      in.advances_in_cap_window = snap.advances;
    }
    a.needs = stage_needs(plan, in);
  }
  return a;
}

}  // namespace gradus::eval

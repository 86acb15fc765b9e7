#include "engine/eval/replay.hpp"

#include <algorithm>

namespace gradus::eval {
namespace {

constexpr std::int32_t kLongAgo = -1000000000;

}  // namespace

Replayer::Replayer(std::shared_ptr<const Plan> plan) : plan_(std::move(plan)) {
  registers_.assign(plan_->registers, undefined_bounds());
  observed_.assign(plan_->registers, Value::undefined());
  results_.assign(plan_->rules.size(), Truth::Unknown);
  rings_.assign(plan_->ring_slots, Slot{});
  loads_.assign(plan_->metrics.size(), metrics::LoadHistory{});
  load_unknown_day_.assign(plan_->metrics.size(), kLongAgo);
  latest_.resize(plan_->inputs.size());
  latest_bounds_.resize(plan_->inputs.size());
  measured_.assign(plan_->inputs.size(), false);
  absent_values_.assign(plan_->inputs.size(), LogValue{});
  padded_values_.assign(plan_->inputs.size(), LogValue{});
  const Plan& p = *plan_;
  std::vector<const Plan::Constant*> constants(p.registers, nullptr);
  for (const Plan::Constant& c : p.constants) constants[c.reg] = &c;
  watched_update_ = bind(p.code, {p.update}, constants);
  history_ = bind(p.session_code, {p.history_program}, constants);
  for (const StagePlan& stage : p.stages) {
    watched_judge_.push_back(bind(p.code, stage.judge_code, constants));
    session_.push_back(bind(p.session_code, {stage.session_program}, constants));
  }
}

std::size_t Replayer::bind_constant_comparison(const Instr& in, const std::vector<const Plan::Constant*>& constants,
                                               Step& step) {
  const Plan::Constant* right = constants[in.b];
  const Plan::Constant* left = constants[in.a];
  const bool on_right = right && right->comparable;
  if (!on_right && !(left && left->comparable)) return static_cast<std::size_t>(in.op);
  // `c < x` is `x > c`: the constant goes to the right.
  OpCode op = in.op;
  if (!on_right) {
    switch (op) {
      case OpCode::Lt: op = OpCode::Gt; break;
      case OpCode::Le: op = OpCode::Ge; break;
      case OpCode::Gt: op = OpCode::Lt; break;
      case OpCode::Ge: op = OpCode::Le; break;
      default: break;  // Eq, Ne
    }
  }
  step.a = registers_.data() + (on_right ? in.a : in.b);
  step.constant = &(on_right ? right : left)->threshold;
  return kLtConstant + static_cast<std::size_t>(op) - static_cast<std::size_t>(OpCode::Lt);
}

std::uint32_t Replayer::bind(const std::vector<Instr>& code, const std::vector<Segment>& segments,
                             const std::vector<const Plan::Constant*>& constants) {
  Bounds* reg = registers_.data();
  HandlerTable table;
  execute(nullptr, &table);
  const auto begin = static_cast<std::uint32_t>(steps_.size());
  std::size_t last_handler = kEnd;  // of the step before, in this program
  for (const Segment segment : segments) {
    for (std::uint32_t i = segment.begin; i < segment.end; ++i) {
      const Instr& in = code[i];
      Step step;
      step.out = reg + in.dst;
      std::size_t handler = static_cast<std::size_t>(in.op);
      switch (in.op) {
        case OpCode::Latest: step.a = latest_bounds_.data() + in.a; break;
        case OpCode::Missing: case OpCode::Neg: case OpCode::Not: case OpCode::Abs: step.a = reg + in.a; break;
        case OpCode::Lt: case OpCode::Le: case OpCode::Gt: case OpCode::Ge: case OpCode::Eq: case OpCode::Ne:
          step.a = reg + in.a;
          step.b = reg + in.b;
          handler = bind_constant_comparison(in, constants, step);
          break;
        case OpCode::WindowPush: step.window = &plan_->windows[in.a]; step.b = reg + in.b; break;
        case OpCode::StreakPush: step.streak = &plan_->streaks[in.a]; step.b = reg + in.b; break;
        case OpCode::PreviousPush: case OpCode::MetricPush:
          step.index = in.a;
          step.b = reg + in.b;
          break;
        case OpCode::WindowRead:
          step.window = &plan_->windows[in.a];
          // all/any/count have a handler each.
          switch (step.window->function) {
            case BuiltinFunction::All: handler = kWindowAll; break;
            case BuiltinFunction::Any: handler = kWindowAll + 1; break;
            case BuiltinFunction::Count: handler = kWindowAll + 2; break;
            default: break;
          }
          break;
        case OpCode::StreakRead: step.streak = &plan_->streaks[in.a]; break;
        case OpCode::PreviousRead: case OpCode::MetricRead: case OpCode::AdvancesIn: step.index = in.a; break;
        case OpCode::LoadNumber: case OpCode::LoadFlag: case OpCode::LoadMissing: {
          const LoadSet& loads = plan_->loads;
          const std::vector<Load>& list = in.op == OpCode::LoadNumber ? loads.numbers
                                          : in.op == OpCode::LoadFlag ? loads.flags
                                                                      : loads.missing;
          step.index = in.a;
          step.a = &list[in.b].missing;
          break;
        }
        case OpCode::Decide: {
          step.out = nullptr;
          step.a = reg + in.a;
          step.rule = static_cast<std::int32_t>(in.b);
          // Fused into the step before when that step computes the condition.
          Step* before = steps_.size() > begin ? &steps_.back() : nullptr;
          if (before && before->out == step.a && table.deciding[last_handler]) {
            before->handler = table.deciding[last_handler];
            before->rule = step.rule;
            last_handler = kEnd;
            continue;
          }
          break;
        }
        default:
          step.a = reg + in.a;
          step.b = reg + in.b;
          break;
      }
      step.handler = table.plain[handler];
      last_handler = handler;
      steps_.push_back(step);
    }
  }
  Step end;  // the end of the program
  end.handler = table.plain[kEnd];
  steps_.push_back(end);
  return begin;
}

// day_values() on a day without an entry (none logged), or for an entry built
// with fewer values than inputs (through the API): padded with absent ones.
const LogValue* Replayer::padded_day_values() {
  if (!entry_) return absent_values_.data();
  const std::vector<LogValue>& values = entry_->values;
  std::copy(values.begin(), values.end(), padded_values_.begin());
  std::fill(padded_values_.begin() + static_cast<std::ptrdiff_t>(values.size()), padded_values_.end(), LogValue{});
  return padded_values_.data();
}

void Replayer::reset(const Log& log) {
  state_ = ReplayState{};
  std::fill(registers_.begin(), registers_.end(), undefined_bounds());
  for (const Plan::Constant& c : plan_->constants) registers_[c.reg] = c.value;
  for (const auto& p : plan_->baseline_registers) {
    const InputPlan& input = plan_->inputs[p.index];
    const bool have = p.index < log.baseline.size() && log.baseline[p.index].present;
    const double v = have ? log.baseline[p.index].value : 0;
    registers_[p.reg] = !have ? to_bounds(input.missing)
                        : input.kind == ast::InputKind::Flag ? truth_bounds(v != 0, v != 0)
                                                             : Bounds{v, v};
  }
  std::fill(results_.begin(), results_.end(), Truth::Unknown);
  std::fill(rings_.begin(), rings_.end(), Slot{});
  std::fill(loads_.begin(), loads_.end(), metrics::LoadHistory{});
  std::fill(load_unknown_day_.begin(), load_unknown_day_.end(), kLongAgo);
  for (std::size_t i = 0; i < latest_.size(); ++i) {
    latest_[i] = plan_->inputs[i].missing;
    latest_bounds_[i] = to_bounds(latest_[i]);
  }
  std::fill(measured_.begin(), measured_.end(), false);
  session_dates_.clear();
  advance_dates_.clear();
  standing_advances_.clear();
  session_dates_.reserve(log.entries.size());
  advance_dates_.reserve(log.entries.size());
  standing_advances_.reserve(log.entries.size());
  log_ = &log;
  entry_ = nullptr;
  ordinal_ = 0;
  stage_ordinal_ = 1;
}

void Replayer::run(const Log& log, Date until, ReplayObserver* observer) { replay(log, until, observer); }

void Replayer::run_all(const Log& log, ReplayObserver* observer) { replay(log, std::nullopt, observer); }

void Replayer::replay(const Log& log, std::optional<Date> until, ReplayObserver* observer) {
  reset(log);
  if (observer) {
    replay_entries<true>(log, until, observer);
  } else {
    replay_entries<false>(log, until, nullptr);
  }
}

template <bool Watched>
void Replayer::replay_entries(const Log& log, std::optional<Date> until, ReplayObserver* observer) {
  const Date stop = until.value_or(Date{INT32_MAX});  // no logged date is that late
  const std::size_t count = log.entries.size();
  std::size_t i = 0;
  for (; i < count; ++i) {
    const LogEntry& entry = log.entries[i];
    if (entry.date >= stop) break;
    if (i == 0) {
      state_.stage_start = entry.date;
    } else if (plan_->needs_empty_days && !state_.discharged) {
      for (Date d = log.entries[i - 1].date + 1; d < entry.date; d = d + 1) {
        run_recovery(d, observer);
        empty_day(d);
      }
    }
    run_recovery(entry.date, observer);
    process<Watched>(i, entry, observer);
  }
  if (i == 0) {  // nothing replayed
    state_.stage_start = until.value_or(Date{});
    return;
  }
  run_recovery(until.value_or(log.entries[i - 1].date + 1), observer);
}

// A recovery stage (`session rest [N days]`) lasts its days, then the athlete
// moves to the next stage by themselves. Closed form, so a far-off advice
// date costs nothing.
void Replayer::recover(Date day, ReplayObserver* observer) {
  while (!state_.referred && !state_.discharged) {
    const StagePlan& stage = plan_->stages[static_cast<std::size_t>(state_.stage)];
    if (!stage.recovery || state_.stage + 1 >= static_cast<int>(plan_->stages.size())) return;
    const Date ends = state_.stage_start + stage.recovery_days;
    if (day < ends) return;
    const int from = state_.stage;
    enter_stage(from + 1, ends);
    state_.auto_advanced = true;
    if (observer) observer->on_auto_advance(ends, from, state_.stage);
  }
}

void Replayer::enter_stage(int stage, Date start) {
  state_.stage = stage;
  state_.stage_start = start;
  state_.sessions_in_stage = 0;
  stage_ordinal_ = ordinal_ + 1;
}

// Today's inputs, every one the protocol reads, for a watched replay (the
// unwatched programs load what they read themselves).
void Replayer::load_inputs() {
  Bounds* reg = registers_.data();
  for (const Load& p : plan_->loads.numbers) reg[p.reg] = logged_number(values_[p.index], p.missing);
  for (const Load& p : plan_->loads.flags) reg[p.reg] = logged_flag(values_[p.index], p.missing);
  for (const Load& p : plan_->loads.missing) reg[p.reg] = logged_missing(values_[p.index], p.missing);
}

// The built-in series the code reads (Plan::series_read), into their
// registers; entry_ is the day's entry, or null on a day without one.
void Replayer::load_series(Context context) {
  const LogEntry* entry = entry_;
  Bounds* reg = registers_.data();
  const std::uint32_t used = plan_->series_read;
  const auto s = [](BuiltinSeries b) { return static_cast<std::size_t>(b); };
  const auto reads = [used](BuiltinSeries b) { return (used >> static_cast<unsigned>(b)) & 1u; };
  const StagePlan& stage = plan_->stages[static_cast<std::size_t>(state_.stage)];
  if (context == Context::Session) {
    Value total = stage.total_seconds;
    Value run = stage.run_seconds;
    if (entry && entry->minutes) {
      total = Value::number(*entry->minutes * 60);
      if (stage.all_run) run = total;
    }
    series_[s(BuiltinSeries::RunMinutes)] = to_bounds(run);
    series_[s(BuiltinSeries::TotalMinutes)] = to_bounds(total);
    if (reads(BuiltinSeries::Srpe)) {
      series_[s(BuiltinSeries::Srpe)] =
          plan_->rpe_input >= 0 ? mul(input_value(static_cast<std::size_t>(plan_->rpe_input)),
                                      div(to_bounds(total), Bounds{60, 60}))
                                : undefined_bounds();
    }
  } else {
    series_[s(BuiltinSeries::RunMinutes)] = Bounds{0, 0};
    series_[s(BuiltinSeries::TotalMinutes)] = Bounds{0, 0};
    series_[s(BuiltinSeries::Srpe)] = Bounds{0, 0};
  }
  const auto number = [](int n) { return Bounds{static_cast<double>(n), static_cast<double>(n)}; };
  series_[s(BuiltinSeries::SessionsInStage)] = number(state_.sessions_in_stage);
  series_[s(BuiltinSeries::DaysInStage)] = number(day_ - state_.stage_start + 1);
  // The last session before this day (this session's own date is recorded after).
  series_[s(BuiltinSeries::DaysSinceLastSession)] =
      state_.last_session ? number(day_ - *state_.last_session) : Bounds{1, kInf};
  for (const auto& p : plan_->series_registers) reg[p.reg] = series_[p.index];
}

void Replayer::empty_day(Date day) {
  day_ = day;
  entry_ = nullptr;
  values_ = day_values();
  context_ = Context::Empty;
  load_day(Context::Empty, nullptr);
  execute_history(nullptr);
}

template <bool Watched>
[[gnu::always_inline]] inline void Replayer::process(std::size_t index, const LogEntry& entry,
                                                     ReplayObserver* observer) {
  if constexpr (!Watched) observer = nullptr;
  day_ = entry.date;
  entry_ = &entry;
  values_ = day_values();
  for (const std::uint32_t i : plan_->latest_read) {
    if (!values_[i].present) continue;
    const double v = values_[i].value;
    latest_[i] = plan_->inputs[i].kind == ast::InputKind::Flag ? Value::boolean(v != 0) : Value::number(v);
    latest_bounds_[i] = to_bounds(latest_[i]);
    measured_[i] = true;
  }
  // An entry that is not judged, told to the observer (the view is built
  // only when someone watches).
  const int stage_before = state_.stage;
  const auto tell = [&](EntryOutcome outcome, Decision decision, bool cleared) {
    observer->on_entry(entry_view(index, entry, stage_before, outcome, decision, cleared), *this);
  };

  if (state_.discharged) {
    // The protocol has ended: kept, not judged, not counted.
    if (observer) tell(entry.rest ? EntryOutcome::Measurement : EntryOutcome::NotJudgedDischarged, Decision::Discharge, false);
    return;
  }
  bool cleared = false;
  if (entry.cleared && state_.referred) {
    // The clinician lifts the referral before this entry's own session is
    // judged; the stage's counters start afresh.
    state_.referred = false;
    state_.cleared_since_session = true;
    state_.cleared_on = entry.date;
    cleared = true;
    enter_stage(state_.stage, entry.date);
  }
  if (entry.rest) {
    context_ = Context::Entry;
    load_day(Context::Entry, observer);
    execute_history(observer);
    if (observer) tell(EntryOutcome::Measurement, state_.referred ? Decision::Refer : state_.last_decision, cleared);
    return;
  }
  if (state_.referred) {
    // Kept in the whole-log windows, but not judged.
    ++ordinal_;
    ++state_.sessions;
    context_ = Context::Session;
    load_day(Context::Session, observer);
    execute_history(observer);
    session_dates_.push_back(entry.date);
    state_.last_session = entry.date;
    if (observer) tell(EntryOutcome::NotJudgedReferred, Decision::Refer, cleared);
    return;
  }
  judge<Watched>(index, entry, cleared, observer);
}

template <bool Watched>
[[gnu::always_inline]] inline void Replayer::judge(std::size_t index, const LogEntry& entry, bool cleared,
                                                   ReplayObserver* observer) {
  if constexpr (!Watched) observer = nullptr;
  ++ordinal_;
  ++state_.sessions;
  ++state_.sessions_in_stage;
  context_ = Context::Session;
  const int stage_index = state_.stage;
  const StagePlan& stage = plan_->stages[static_cast<std::size_t>(stage_index)];
  load_day(Context::Session, observer);
  int best = -1;
  if (observer) {
    // Everything, for explanations: every let and every rule, cues included.
    execute(watched_update_);
    execute(watched_judge_[static_cast<std::size_t>(stage_index)]);
  } else {
    // The rules in the order they take precedence: the first that holds decides.
    decided_ = -1;
    execute(session_[static_cast<std::size_t>(stage_index)]);
    best = decided_;
  }
  const int days_in_stage = day_ - state_.stage_start + 1;
  if (observer) {
    Tier best_tier = Tier::Cue;
    for (const StagePlan::Judged& j : stage.judged) {
      const Truth t = truth_of(registers_[j.result]);
      results_[static_cast<std::size_t>(j.rule)] = t;
      // Most conservative tier wins; within a tier the first in source order
      // (cues never decide).
      if (t == Truth::True && j.tier < best_tier) {
        best = j.rule;
        best_tier = j.tier;
      }
    }
  }

  Decision decision = Decision::Hold;
  Blocked blocked = Blocked::None;
  int next_stage = stage_index;
  bool change = false;
  if (best >= 0) {
    const RulePlan& rule = plan_->rules[static_cast<std::size_t>(best)];
    switch (rule.kind) {
      case ast::RuleKind::Refer:
        decision = Decision::Refer;
        break;
      case ast::RuleKind::Regress:
        decision = Decision::Regress;
        next_stage = rule.target >= 0 ? rule.target : std::max(0, stage_index - rule.regress_by);
        // A drop of k stages undoes the k most recent advances for the cap, so
        // a milder log that advanced and fell back is not held back longer
        // than a worse one that never advanced (the safety property test).
        for (int undone = stage_index - next_stage; undone > 0 && !standing_advances_.empty(); --undone) {
          standing_advances_.pop_back();
        }
        change = true;
        break;
      case ast::RuleKind::Hold:
        decision = Decision::Hold;
        break;
      case ast::RuleKind::Advance:
      case ast::RuleKind::Discharge: {
        const bool advance = rule.kind == ast::RuleKind::Advance;
        if (days_in_stage < stage.min_days) {
          blocked = Blocked::MinDays;
        } else if (advance && plan_->max_advances > 0 &&
                   standing_advances_between(day_ - (plan_->max_advances_days - 1), day_) >= plan_->max_advances) {
          blocked = Blocked::Cap;
        } else if (advance && rule.target < 0 && stage_index + 1 >= static_cast<int>(plan_->stages.size())) {
          blocked = Blocked::LastStage;
        }
        if (blocked != Blocked::None) {
          decision = Decision::Hold;
        } else if (advance) {
          decision = Decision::Advance;
          next_stage = rule.target >= 0 ? rule.target : stage_index + 1;
          change = true;
          advance_dates_.push_back(day_);
          standing_advances_.push_back(day_);
        } else {
          decision = Decision::Discharge;
        }
        break;
      }
      case ast::RuleKind::Cue:
        break;
    }
    if (blocked == Blocked::None && rule.rest_days > 0) state_.rest_until = day_ + rule.rest_days;
  }

  const int sessions_in_stage = state_.sessions_in_stage;  // as judged, before a change of stage

  session_dates_.push_back(day_);
  state_.last_session = day_;
  state_.last_judged = day_;
  state_.judged_any = true;
  state_.last_decision = decision;
  state_.last_rule = best;
  state_.last_blocked = blocked;
  state_.cleared_since_session = false;
  state_.auto_advanced = false;
  if (decision == Decision::Refer) state_.referred = true;
  if (decision == Decision::Discharge) state_.discharged = true;
  // A stage change starts the next day; the streaks of the new stage start afresh.
  if (change) enter_stage(next_stage, day_ + 1);
  if (observer) {
    EntryView view = entry_view(index, entry, stage_index, EntryOutcome::Judged, decision, cleared);
    view.sessions_in_stage = sessions_in_stage;
    view.days_in_stage = days_in_stage;
    view.rule = best;
    view.blocked = blocked;
    observer->on_entry(view, *this);
  }
}

// What an observer is told of every entry, judged or not.
EntryView Replayer::entry_view(std::size_t index, const LogEntry& entry, int stage_before, EntryOutcome outcome,
                               Decision decision, bool cleared) const {
  EntryView view;
  view.index = index;
  view.entry = &entry;
  view.stage_before = stage_before;
  view.outcome = outcome;
  view.decision = decision;
  view.cleared = cleared;
  view.results = results_;
  return view;
}

std::span<const Value> Replayer::register_values() const {
  for (std::size_t i = 0; i < registers_.size(); ++i) observed_[i] = to_value(registers_[i], plan_->boolean_register[i]);
  return observed_;
}

std::uint32_t Replayer::streak_progress(std::uint32_t index) const {
  const StreakPlan& s = plan_->streaks[index];
  std::uint32_t n = 0;
  for (std::int32_t o = ordinal_; o >= stage_ordinal_ && n < s.length; --o) {
    const Slot& slot = rings_[s.ring + ring_slot(o, s.capacity)];
    if (slot.stamp != o || truth_of(slot.value) != Truth::True) break;
    ++n;
  }
  return n;
}

namespace {

// Dates in first..last of a list kept in date order, counted from the end so
// a short window over a long history stops early.
int count_between(const std::vector<Date>& dates, Date first, Date last) {
  int n = 0;
  for (auto it = dates.rbegin(); it != dates.rend() && *it >= first; ++it) {
    if (*it <= last) ++n;
  }
  return n;
}

}  // namespace

int Replayer::sessions_between(Date first, Date last) const { return count_between(session_dates_, first, last); }

int Replayer::standing_advances_between(Date first, Date last) const {
  return count_between(standing_advances_, first, last);
}

int Replayer::advances_between(Date first, Date last) const { return count_between(advance_dates_, first, last); }

}  // namespace gradus::eval

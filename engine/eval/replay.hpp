#pragma once
// Replay: the log, one day at a time, through a Plan (spec/language.md,
// "Meaning: one day at a time"; the decided details are in docs/advice.md).
// A Replayer owns every buffer the evaluation needs, sized once from the
// Plan (and reserved once per log), so judging a session allocates nothing.
// One Replayer per thread; the Plan is shared.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "engine/eval/decision.hpp"
#include "engine/eval/plan.hpp"
#include "engine/log/log.hpp"
#include "engine/metrics/load_history.hpp"

namespace gradus::eval {

// Where the athlete stands after the entries replayed so far.
struct ReplayState {
  int stage = 0;
  Date stage_start;             // first day in the stage
  int sessions_in_stage = 0;    // judged sessions in the stage
  bool judged_any = false;      // some session has been judged
  Decision last_decision = Decision::Start;
  int last_rule = -1;           // the deciding rule of the last judged session
  Blocked last_blocked = Blocked::None;
  std::optional<Date> last_judged;   // date of the last judged session
  std::optional<Date> last_session;  // date of the last session (judged or not)
  bool referred = false;
  bool discharged = false;
  bool cleared_since_session = false;  // a referral was lifted after the last judged session
  std::optional<Date> cleared_on;      // the entry that last lifted a referral
  bool auto_advanced = false;          // a recovery stage ran out after the last judged session
  std::optional<Date> rest_until;      // last day of a `then rest N days`
  std::int32_t sessions = 0;           // sessions seen (judged or not)

  bool operator==(const ReplayState&) const = default;
};

// Everything an observer may read about one entry, valid during the call.
struct EntryView {
  std::size_t index = 0;
  const LogEntry* entry = nullptr;
  EntryOutcome outcome = EntryOutcome::Judged;
  int stage_before = 0;
  int sessions_in_stage = 0;  // as judged (this session included)
  int days_in_stage = 0;
  Decision decision = Decision::Hold;
  int rule = -1;               // deciding rule, or -1 when none fired
  Blocked blocked = Blocked::None;
  bool cleared = false;        // this entry lifted a referral
  std::span<const Truth> results;  // by rule index; meaningful for the stage's evaluated rules
};

class Replayer;

class ReplayObserver {
 public:
  virtual ~ReplayObserver() = default;
  virtual void on_entry(const EntryView& view, const Replayer& replayer) = 0;
  // A recovery stage ran out and the athlete moved on by themselves.
  virtual void on_auto_advance(Date day, int from, int to) = 0;
};

class Replayer {
 public:
  explicit Replayer(std::shared_ptr<const Plan> plan);
  // The bound code points into this Replayer's own buffers: no copies (a
  // move keeps the buffers, and so the addresses).
  Replayer(const Replayer&) = delete;
  Replayer& operator=(const Replayer&) = delete;
  Replayer(Replayer&&) = default;
  Replayer& operator=(Replayer&&) = default;

  // Replays the entries dated before `until`, then lets recovery stages run
  // out up to and including `until`.
  void run(const Log& log, Date until, ReplayObserver* observer = nullptr);
  // Replays every entry (the whole log), recovery stages running out up to
  // the day after the last entry.
  void run_all(const Log& log, ReplayObserver* observer = nullptr);

  const ReplayState& state() const { return state_; }
  const Plan& plan() const { return *plan_; }

  // Trailing sessions of this stage on which streak `index` held (at most its length).
  std::uint32_t streak_progress(std::uint32_t index) const;
  // Sessions (judged or not) dated first..last.
  int sessions_between(Date first, Date last) const;
  // Advances decided at sessions dated first..last (`advances_in`).
  int advances_between(Date first, Date last) const;
  // Of those, the ones a later regress has not undone: what `max N advances
  // per D days` counts ("do not progress more than 2 levels in 7 days").
  int standing_advances_between(Date first, Date last) const;
  // The most recent known value of an input the protocol reads through
  // latest() (Plan::latest_read), or its missing range; other inputs are not tracked.
  Value latest(std::size_t input) const { return latest_[input]; }
  bool measured(std::size_t input) const { return measured_[input]; }
  const std::vector<bool>& measured_inputs() const { return measured_; }
  const std::vector<Value>& latest_inputs() const { return latest_; }
  // The register file as Values (each sub-expression's value at the entry
  // being observed), converted when an observer asks: the replay itself
  // keeps bare Bounds.
  std::span<const Value> register_values() const;

 private:
  enum class Context : std::uint8_t { Session, Entry, Empty };
  struct Slot {
    std::int32_t stamp = INT32_MIN;
    Bounds value;
  };

  void reset(const Log& log);
  void replay(const Log& log, std::optional<Date> until, ReplayObserver* observer);
  // The replay's loop, made twice: without an observer every `if (observer)`
  // folds away and the calls inline, which is most of the cost of the
  // bookkeeping around the rules' code.
  template <bool Watched>
  void replay_entries(const Log& log, std::optional<Date> until, ReplayObserver* observer);
  void run_recovery(Date day, ReplayObserver* observer) {
    if (plan_->has_recovery) recover(day, observer);
  }
  void recover(Date day, ReplayObserver* observer);
  void empty_day(Date day);
  template <bool Watched>
  void process(std::size_t index, const LogEntry& entry, ReplayObserver* observer);
  template <bool Watched>
  void judge(std::size_t index, const LogEntry& entry, bool cleared, ReplayObserver* observer);
  void enter_stage(int stage, Date start);
  EntryView entry_view(std::size_t index, const LogEntry& entry, int stage_before, EntryOutcome outcome,
                       Decision decision, bool cleared) const;
  // Readies the day's registers no instruction writes (values_ is today's):
  // all the inputs read, for an observer, and the built-in series the code reads.
  void load_day(Context context, const ReplayObserver* observer) {
    if (observer) load_inputs();
    if (plan_->series_read) load_series(context);
  }
  void load_inputs();
  void load_series(Context context);
  // An input's register from today's value; whether a value is logged is the
  // least predictable thing in a log, so these pick without a branch.
  static Bounds logged_number(const LogValue& v, Bounds missing) {
    return pick(v.present, Bounds{v.value, v.value}, missing);
  }
  static Bounds logged_flag(const LogValue& v, Bounds missing) {
    const double f = v.value != 0;
    return pick(v.present, Bounds{f, f}, missing);
  }
  static Bounds logged_missing(const LogValue& v, Bounds missing) { return pick(v.present, Bounds{0, 0}, missing); }
  // Today's values, one per input (inline: the loader always sizes entries
  // so, and only an entry built short through the API takes the slow way).
  const LogValue* day_values() {
    if (entry_ && entry_->values.size() >= plan_->inputs.size()) [[likely]] return entry_->values.data();
    return padded_day_values();
  }
  const LogValue* padded_day_values();
  // An instruction bound to this Replayer: its operands are addresses in the
  // register file (or the latest() table), resolved once when the Replayer is
  // made, so the inner loop does no index arithmetic. A bound program ends
  // with a step whose handler returns, so the loop keeps no end to compare.
  struct Step {
    const void* handler = nullptr;  // the code for the instruction in execute(), jumped to directly
    std::uint32_t index = 0;        // previous, metric, input; days for AdvancesIn
    // The rule a Decide decides, when it holds; bind fuses a Decide into the
    // step before it when that step computes the register it reads.
    std::int32_t rule = -1;
    Bounds* out = nullptr;
    union {
      const Bounds* a = nullptr;
      const WindowPlan* window;  // WindowPush, WindowRead
      const StreakPlan* streak;  // StreakPush, StreakRead
    };
    union {
      const Bounds* b = nullptr;
      const Threshold* constant;  // a comparison with a constant: its threshold
    };
  };
  // execute()'s handlers beyond one per OpCode: the end of a program;
  // WindowRead of all, any and count; Lt, Le, Gt, Ge, Eq, Ne with a constant
  // (bind picks those by the window and the operands).
  static constexpr std::size_t kEnd = static_cast<std::size_t>(OpCode::Decide) + 1;  // Decide is the last OpCode
  static constexpr std::size_t kWindowAll = kEnd + 1;
  static constexpr std::size_t kLtConstant = kWindowAll + 3;
  static constexpr std::size_t kHandlers = kLtConstant + 6;
  // Binds the instructions of each segment, in turn, as one program in
  // steps_, and returns where it starts. `constants`: the Plan's constant
  // in each register that holds one.
  std::uint32_t bind(const std::vector<Instr>& code, const std::vector<Segment>& segments,
                     const std::vector<const Plan::Constant*>& constants);
  // A comparison with a constant operand: the handler (an index in the
  // table) that takes its threshold, the other operand first.
  std::size_t bind_constant_comparison(const Instr& in, const std::vector<const Plan::Constant*>& constants,
                                       Step& step);
  void execute(std::uint32_t program) { execute(steps_.data() + program); }
  // The addresses of execute()'s handlers (only execute can take them), for
  // bind: one per OpCode and the rest above (kEnd and after), and the same
  // followed by a Decide where the step can end a condition (else null).
  struct HandlerTable {
    const void* const* plain = nullptr;
    const void* const* deciding = nullptr;
  };
  // With `table`, only fills it in.
  void execute(const Step* at, HandlerTable* table = nullptr);
  // An entry that is not judged: everything for an observer (which may read
  // every let), else only what keeps the histories.
  void execute_history(const ReplayObserver* observer) { execute(observer ? watched_update_ : history_); }

  // Today's value of an input, or the range a missing one may take.
  Bounds input_value(std::size_t input) const {
    const InputPlan& plan = plan_->inputs[input];
    return plan.kind == ast::InputKind::Flag ? logged_flag(values_[input], to_bounds(plan.missing))
                                             : logged_number(values_[input], to_bounds(plan.missing));
  }
  struct WindowExtent {
    std::int32_t from = 0, last = 0;  // the window's slots (stamps)
    std::int32_t not_yet = 0;         // its sessions not yet done
  };
  WindowExtent extent(const WindowPlan& window) const;
  Bounds window_read(const WindowPlan& window) const;
  template <BuiltinFunction F>
  Bounds fold_truths(const WindowPlan& window) const;
  Bounds streak_truth(const StreakPlan& streak) const;
  Bounds metric_read(std::size_t index) const;

  std::shared_ptr<const Plan> plan_;
  ReplayState state_;

  // Evaluation buffers, sized from the Plan.
  std::vector<Bounds> registers_;
  // The bound programs, one after another. Each stage's judged session with
  // an observer runs the whole update program and then every rule of the
  // stage (watched_judge_), without one its session program (session_); an
  // entry not judged runs the update program with an observer, the history
  // program without.
  std::vector<Step> steps_;
  std::uint32_t watched_update_ = 0, history_ = 0;
  std::vector<std::uint32_t> watched_judge_, session_;
  int decided_ = -1;  // the rule a session program's Decide chose, or -1
  mutable std::vector<Value> observed_;  // registers_ as Values, for register_values()
  std::vector<Truth> results_;
  std::vector<Slot> rings_;
  std::vector<metrics::LoadHistory> loads_;
  std::vector<std::int32_t> load_unknown_day_;
  std::vector<Value> latest_;
  std::vector<Bounds> latest_bounds_;  // latest_, as the Latest instruction reads it
  std::vector<bool> measured_;
  std::vector<LogValue> absent_values_;  // a day without an entry
  std::vector<LogValue> padded_values_;  // a short entry, padded (day_values)
  Bounds series_[6];

  // Per-log history, reserved once per replay.
  std::vector<Date> session_dates_;
  std::vector<Date> advance_dates_;
  std::vector<Date> standing_advances_;  // advance dates, the latest popped by each stage dropped

  // The day being evaluated.
  const Log* log_ = nullptr;
  const LogEntry* entry_ = nullptr;
  const LogValue* values_ = nullptr;  // today's, one per input (day_values)
  Context context_ = Context::Empty;
  Date day_;
  std::int32_t ordinal_ = 0;        // sessions so far (1-based ordinal of the latest)
  std::int32_t stage_ordinal_ = 1;  // first session ordinal that counts for this stage's streaks
};

}  // namespace gradus::eval

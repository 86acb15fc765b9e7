// The evaluator's inner loop: one pass over a Segment of SSA instructions,
// each writing its own register. No allocation, no name lookups.
#include <algorithm>

#include "engine/eval/replay.hpp"

namespace gradus::eval {

// Where a window lies now: its slots from..last, and how many of its
// sessions are not yet done (the log is shorter than the window; days
// without an entry simply are not in it).
inline Replayer::WindowExtent Replayer::extent(const WindowPlan& w) const {
  const std::int32_t now = w.days ? day_.days : ordinal_;
  const std::int32_t last = now - static_cast<std::int32_t>(w.offset);
  const std::int32_t first = last - static_cast<std::int32_t>(w.length) + 1;
  if (w.days) return WindowExtent{first, last, 0};
  const std::int32_t not_yet = first < 1 ? std::min<std::int32_t>(1 - first, static_cast<std::int32_t>(w.length)) : 0;
  return WindowExtent{std::max(first, 1), last, not_yet};
}

// all/any/count over the window's slots, folded without a branch on the
// values: all is the Kleene `and` of the slots in the window (min of the
// bounds), any their `or` (max), count sums lo (certainly true) and hi
// (possibly true); a slot not in the window is the fold's identity, and a
// session not yet done is unknown. One handler each (inlined there), since
// the window's function is known when the code is bound.
template <BuiltinFunction F>
[[gnu::always_inline]] inline Bounds Replayer::fold_truths(const WindowPlan& w) const {
  const WindowExtent e = extent(w);
  const Slot* ring = rings_.data() + w.ring;
  const std::uint32_t mask = w.capacity - 1;
  if constexpr (F == BuiltinFunction::All) {
    Bounds all{1, 1};
    std::int32_t present = 0;
    for (std::int32_t t = e.from; t <= e.last; ++t) {
      const Slot& slot = ring[static_cast<std::uint32_t>(t) & mask];
      const bool in = slot.stamp == t;
      present += in;
      all = logical_and(all, pick(in, slot.value, Bounds{1, 1}));
    }
    if (present == 0) return truth_bounds(Truth::False);
    return e.not_yet > 0 ? logical_and(all, Bounds{0, 1}) : all;
  } else if constexpr (F == BuiltinFunction::Any) {
    Bounds any{0, 0};
    for (std::int32_t t = e.from; t <= e.last; ++t) {
      const Slot& slot = ring[static_cast<std::uint32_t>(t) & mask];
      any = logical_or(any, pick(slot.stamp == t, slot.value, Bounds{0, 0}));
    }
    return e.not_yet > 0 ? logical_or(any, Bounds{0, 1}) : any;
  } else {
    static_assert(F == BuiltinFunction::Count);
    Bounds count{0, 0};
    for (std::int32_t t = e.from; t <= e.last; ++t) {
      const Slot& slot = ring[static_cast<std::uint32_t>(t) & mask];
      const Bounds v = pick(slot.stamp == t, slot.value, Bounds{0, 0});
      count = Bounds{count.lo + v.lo, count.hi + v.hi};
    }
    return Bounds{count.lo, count.hi + e.not_yet};
  }
}

// `COND for N sessions`: the Kleene `and` of the condition's truths at the
// stage's last N sessions (min of the bounds), a session with nothing
// recorded unknown, and false while the stage has had fewer than N; no
// branch on what was recorded.
inline Bounds Replayer::streak_truth(const StreakPlan& s) const {
  const std::int32_t first = ordinal_ - static_cast<std::int32_t>(s.length) + 1;
  if (first < stage_ordinal_) return truth_bounds(Truth::False);
  Bounds all{1, 1};
  for (std::int32_t o = first; o <= ordinal_; ++o) {
    const Slot& slot = rings_[s.ring + ring_slot(o, s.capacity)];
    all = logical_and(all, pick(slot.stamp == o, slot.value, Bounds{0, 1}));
  }
  return all;
}

// sum/mean/max/min over the values in the window.
Bounds Replayer::window_read(const WindowPlan& w) const {
  const WindowExtent e = extent(w);
  const Slot* ring = rings_.data() + w.ring;
  const std::uint32_t mask = w.capacity - 1;
  std::int32_t present = 0;
  Bounds acc{0, 0};
  for (std::int32_t t = e.from; t <= e.last; ++t) {
    const Slot& slot = ring[static_cast<std::uint32_t>(t) & mask];
    if (slot.stamp != t) continue;
    const Bounds v = slot.value;
    switch (w.function) {
      case BuiltinFunction::Max: acc = present == 0 ? v : max(acc, v); break;
      case BuiltinFunction::Min: acc = present == 0 ? v : min(acc, v); break;
      default: acc = add(acc, v); break;  // sum, mean
    }
    ++present;
  }
  switch (w.function) {
    case BuiltinFunction::Max:
    case BuiltinFunction::Min:
      return present == 0 ? undefined_bounds() : acc;
    case BuiltinFunction::Sum:
      return acc;
    case BuiltinFunction::Mean:
      return present == 0 ? undefined_bounds() : div(acc, Bounds{static_cast<double>(present), static_cast<double>(present)});
    default:
      return undefined_bounds();
  }
}

Bounds Replayer::metric_read(std::size_t index) const {
  const MetricPlan& m = plan_->metrics[index];
  const metrics::LoadHistory& h = loads_[index];
  // A day whose load was not known within the last 28 days leaves the ratio unknown.
  if (day_.days - load_unknown_day_[index] < static_cast<std::int32_t>(metrics::kChronicDays)) {
    return Bounds{-kInf, kInf};
  }
  std::optional<double> r;
  switch (m.function) {
    case BuiltinFunction::Acwr: r = h.acwr(); break;
    case BuiltinFunction::AcwrUncoupled: r = h.acwr_uncoupled(); break;
    case BuiltinFunction::AcwrEwma: r = h.acwr_ewma(); break;
    case BuiltinFunction::Monotony: r = h.monotony(); break;
    case BuiltinFunction::Strain: r = h.strain(); break;
    default: break;
  }
  return r ? Bounds{*r, *r} : undefined_bounds();
}

// Direct-threaded dispatch (GCC's labels as values, which clang shares): a
// bound step holds the address of its handler, and each handler jumps
// straight to the next step's, so the branch predictor sees one indirect
// jump per handler rather than one for the whole loop, and a stage's fixed
// sequence of instructions is predicted as a sequence. Called with
// `table`, it only hands out the handlers' addresses (bind asks).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wgnu-label-as-value"
#endif
void Replayer::execute(const Step* at, HandlerTable* table) {
  // In OpCode order, then the end of a program, all/any/count windows and
  // comparisons with a constant (replay.hpp, kEnd and after).
  static const void* const handlers[] = {
      &&latest, &&missing, &&neg, &&not_, &&abs_, &&add_, &&sub_, &&mul_, &&div_, &&max_, &&min_,
      &&lt_, &&le_, &&gt_, &&ge_, &&eq_, &&ne_, &&and_, &&or_,
      &&window_push, &&window_read_, &&streak_push, &&streak_read, &&previous_push, &&previous_read,
      &&metric_push, &&metric_read_, &&advances_in, &&load_number, &&load_flag, &&load_missing, &&decide, &&end,
      &&window_all, &&window_any, &&window_count,
      &&lt_constant, &&le_constant, &&gt_constant, &&ge_constant, &&eq_constant, &&ne_constant};
  // The same with a Decide after it, for the steps that can end a condition.
  static const void* const deciding[] = {
      nullptr, &&missing_decide, nullptr, &&not_decide, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
      &&lt_decide, &&le_decide, &&gt_decide, &&ge_decide, &&eq_decide, &&ne_decide, &&and_decide, &&or_decide,
      nullptr, nullptr, nullptr, &&streak_read_decide, nullptr, nullptr,
      nullptr, nullptr, nullptr, nullptr, &&load_flag_decide, &&load_missing_decide, nullptr, nullptr,
      &&window_all_decide, &&window_any_decide, nullptr,
      &&lt_constant_decide, &&le_constant_decide, &&gt_constant_decide, &&ge_constant_decide, &&eq_constant_decide,
      &&ne_constant_decide};
  static_assert(kHandlers == sizeof(handlers) / sizeof(handlers[0]));
  static_assert(kHandlers == sizeof(deciding) / sizeof(deciding[0]));
  if (table) {
    *table = HandlerTable{handlers, deciding};
    return;
  }
#define GRADUS_NEXT     \
  do {                  \
    ++at;               \
    goto* at->handler;  \
  } while (0)
// A step's value into its register, then the next step.
#define GRADUS_VALUE(expr) \
  do {                     \
    *at->out = (expr);     \
    GRADUS_NEXT;           \
  } while (0)
// The same, and when it holds (the step ends a rule's condition), the rule
// decides the session and the program ends: a Decide fused into the step.
#define GRADUS_DECIDE(expr)       \
  do {                            \
    const Bounds holds_ = (expr); \
    *at->out = holds_;            \
    if (holds_.lo == 1) {         \
      decided_ = at->rule;        \
      return;                     \
    }                             \
    GRADUS_NEXT;                  \
  } while (0)
#define GRADUS_BOOLEAN(label, deciding_label, expr) \
  label: GRADUS_VALUE(expr);                       \
  deciding_label: GRADUS_DECIDE(expr)
  goto* at->handler;

latest: GRADUS_VALUE(*at->a);
GRADUS_BOOLEAN(missing, missing_decide, truth_bounds(!is_known(*at->a), !is_known(*at->a)));
neg: GRADUS_VALUE(neg(*at->a));
GRADUS_BOOLEAN(not_, not_decide, logical_not(*at->a));
abs_: GRADUS_VALUE(abs(*at->a));
add_: GRADUS_VALUE(add(*at->a, *at->b));
sub_: GRADUS_VALUE(sub(*at->a, *at->b));
mul_: GRADUS_VALUE(mul(*at->a, *at->b));
div_: GRADUS_VALUE(div(*at->a, *at->b));
max_: GRADUS_VALUE(max(*at->a, *at->b));
min_: GRADUS_VALUE(min(*at->a, *at->b));
GRADUS_BOOLEAN(lt_, lt_decide, lt(*at->a, *at->b));
GRADUS_BOOLEAN(le_, le_decide, le(*at->a, *at->b));
GRADUS_BOOLEAN(gt_, gt_decide, gt(*at->a, *at->b));
GRADUS_BOOLEAN(ge_, ge_decide, ge(*at->a, *at->b));
GRADUS_BOOLEAN(eq_, eq_decide, eq(*at->a, *at->b));
GRADUS_BOOLEAN(ne_, ne_decide, ne(*at->a, *at->b));
GRADUS_BOOLEAN(lt_constant, lt_constant_decide, lt_const(*at->a, *at->constant));
GRADUS_BOOLEAN(le_constant, le_constant_decide, le_const(*at->a, *at->constant));
GRADUS_BOOLEAN(gt_constant, gt_constant_decide, gt_const(*at->a, *at->constant));
GRADUS_BOOLEAN(ge_constant, ge_constant_decide, ge_const(*at->a, *at->constant));
GRADUS_BOOLEAN(eq_constant, eq_constant_decide, eq_const(*at->a, *at->constant));
GRADUS_BOOLEAN(ne_constant, ne_constant_decide, ne_const(*at->a, *at->constant));
GRADUS_BOOLEAN(and_, and_decide, logical_and(*at->a, *at->b));
GRADUS_BOOLEAN(or_, or_decide, logical_or(*at->a, *at->b));
window_push: {
  const WindowPlan& w = *at->window;
  if (w.days) {
    if (context_ != Context::Empty || !w.reads_entry) {
      rings_[w.ring + ring_slot(day_.days, w.capacity)] = Slot{day_.days, *at->b};
    }
  } else if (context_ == Context::Session) {
    rings_[w.ring + ring_slot(ordinal_, w.capacity)] = Slot{ordinal_, *at->b};
  }
  GRADUS_NEXT;
}
window_read_: GRADUS_VALUE(window_read(*at->window));
GRADUS_BOOLEAN(window_all, window_all_decide, fold_truths<BuiltinFunction::All>(*at->window));
GRADUS_BOOLEAN(window_any, window_any_decide, fold_truths<BuiltinFunction::Any>(*at->window));
window_count: GRADUS_VALUE(fold_truths<BuiltinFunction::Count>(*at->window));
streak_push: {
  if (context_ == Context::Session) {
    const StreakPlan& s = *at->streak;
    rings_[s.ring + ring_slot(ordinal_, s.capacity)] = Slot{ordinal_, *at->b};
  }
  GRADUS_NEXT;
}
GRADUS_BOOLEAN(streak_read, streak_read_decide, streak_truth(*at->streak));
previous_push: {
  if (context_ == Context::Session) {
    const PreviousPlan& p = plan_->previous[at->index];
    rings_[p.ring + ring_slot(ordinal_, 2)] = Slot{ordinal_, *at->b};
  }
  GRADUS_NEXT;
}
previous_read: {
  const PreviousPlan& p = plan_->previous[at->index];
  const std::int32_t o = context_ == Context::Session ? ordinal_ - 1 : ordinal_;
  const Slot& slot = rings_[p.ring + ring_slot(o, 2)];
  GRADUS_VALUE(o >= 1 && slot.stamp == o ? slot.value : p.absent);
}
metric_push: {
  const Bounds v = context_ == Context::Session ? *at->b : Bounds{0, 0};
  // A boolean load is no load: the ratio stays unknown (a number 0 on days without a session).
  const bool known =
      is_known(v) && (context_ != Context::Session ||
                      !plan_->boolean_register[static_cast<std::size_t>(at->b - registers_.data())]);
  if (!known) load_unknown_day_[at->index] = day_.days;
  loads_[at->index].push(is_known(v) ? v.lo : 0);
  GRADUS_NEXT;
}
metric_read_: GRADUS_VALUE(metric_read(at->index));
advances_in: {
  const double n = advances_between(day_ - static_cast<std::int32_t>(at->index - 1), day_);
  GRADUS_VALUE((Bounds{n, n}));
}
load_number: GRADUS_VALUE(logged_number(values_[at->index], *at->a));
GRADUS_BOOLEAN(load_flag, load_flag_decide, logged_flag(values_[at->index], *at->a));
GRADUS_BOOLEAN(load_missing, load_missing_decide, logged_missing(values_[at->index], *at->a));
decide:
  if (at->a->lo == 1) {
    decided_ = at->rule;
    return;
  }
  GRADUS_NEXT;
end:
  return;
#undef GRADUS_BOOLEAN
#undef GRADUS_DECIDE
#undef GRADUS_VALUE
#undef GRADUS_NEXT
}
#pragma GCC diagnostic pop

}  // namespace gradus::eval

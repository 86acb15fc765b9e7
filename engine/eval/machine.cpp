// The evaluator's inner loop: one pass over a Segment of SSA instructions,
// each writing its own register. No allocation, no name lookups.
#include <algorithm>

#include "engine/eval/replay.hpp"

namespace gradus::eval {
Bounds Replayer::window_read(const WindowPlan& w) const {
  const std::int32_t now = w.days ? day_.days : ordinal_;
  const std::int32_t last = now - static_cast<std::int32_t>(w.offset);
  const std::int32_t first = last - static_cast<std::int32_t>(w.length) + 1;
  const std::int32_t from = w.days ? first : std::max(first, 1);
  const Slot* ring = rings_.data() + w.ring;
  const std::uint32_t mask = w.capacity - 1;
  // Sessions not yet done (the log is shorter than the window) are unknown
  // for all/any/count; days without an entry simply are not in the window.
  std::int32_t not_yet = 0;
  if (!w.days && first < 1) not_yet = std::min<std::int32_t>(1 - first, static_cast<std::int32_t>(w.length));
  std::int32_t present = 0;
  // One loop per kind of function, so the loop body does not switch on it.
  if (w.function == BuiltinFunction::Count || w.function == BuiltinFunction::All || w.function == BuiltinFunction::Any) {
    std::int32_t counts[3] = {0, 0, 0};  // by Truth: false, true, unknown
    for (std::int32_t t = from; t <= last; ++t) {
      const Slot& slot = ring[static_cast<std::uint32_t>(t) & mask];
      if (slot.stamp != t) continue;
      ++present;
      ++counts[static_cast<std::size_t>(truth_of(slot.value))];
    }
    const std::int32_t n_false = counts[0], n_true = counts[1], n_unknown = counts[2];
    if (w.function == BuiltinFunction::Count) return Bounds{static_cast<double>(n_true), static_cast<double>(n_true + n_unknown + not_yet)};
    if (w.function == BuiltinFunction::All) {
      if (n_false > 0 || present == 0) return truth_bounds(Truth::False);
      return truth_bounds(n_unknown + not_yet > 0 ? Truth::Unknown : Truth::True);
    }
    if (n_true > 0) return truth_bounds(Truth::True);
    return truth_bounds(n_unknown + not_yet > 0 ? Truth::Unknown : Truth::False);
  }
  Bounds acc{0, 0};
  for (std::int32_t t = from; t <= last; ++t) {
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

void Replayer::execute(const Step* begin, const Step* end) {
  for (const Step* at = begin; at != end; ++at) {
    const Step& in = *at;
    Bounds& out = *in.out;
    switch (in.op) {
      case OpCode::Latest: out = *in.a; break;
      case OpCode::Missing: {
        const bool missing = !is_known(*in.a);
        out = truth_bounds(missing, missing);
        break;
      }
      case OpCode::Neg: out = neg(*in.a); break;
      case OpCode::Not: out = logical_not(*in.a); break;
      case OpCode::Abs: out = abs(*in.a); break;
      case OpCode::Add: out = add(*in.a, *in.b); break;
      case OpCode::Sub: out = sub(*in.a, *in.b); break;
      case OpCode::Mul: out = mul(*in.a, *in.b); break;
      case OpCode::Div: out = div(*in.a, *in.b); break;
      case OpCode::Max: out = max(*in.a, *in.b); break;
      case OpCode::Min: out = min(*in.a, *in.b); break;
      case OpCode::Lt: out = lt(*in.a, *in.b); break;
      case OpCode::Le: out = le(*in.a, *in.b); break;
      case OpCode::Gt: out = gt(*in.a, *in.b); break;
      case OpCode::Ge: out = ge(*in.a, *in.b); break;
      case OpCode::Eq: out = eq(*in.a, *in.b); break;
      case OpCode::Ne: out = ne(*in.a, *in.b); break;
      case OpCode::And: out = logical_and(*in.a, *in.b); break;
      case OpCode::Or: out = logical_or(*in.a, *in.b); break;
      case OpCode::WindowPush: {
        const WindowPlan& w = plan_->windows[in.index];
        if (w.days) {
          if (context_ == Context::Empty && w.reads_entry) break;
          rings_[w.ring + ring_slot(day_.days, w.capacity)] = Slot{day_.days, *in.b};
        } else if (context_ == Context::Session) {
          rings_[w.ring + ring_slot(ordinal_, w.capacity)] = Slot{ordinal_, *in.b};
        }
        break;
      }
      case OpCode::WindowRead: out = window_read(plan_->windows[in.index]); break;
      case OpCode::StreakPush: {
        if (context_ != Context::Session) break;
        const StreakPlan& s = plan_->streaks[in.index];
        rings_[s.ring + ring_slot(ordinal_, s.capacity)] = Slot{ordinal_, *in.b};
        break;
      }
      case OpCode::StreakRead: {
        const StreakPlan& s = plan_->streaks[in.index];
        const std::int32_t first = ordinal_ - static_cast<std::int32_t>(s.length) + 1;
        if (first < stage_ordinal_) {  // fewer than N sessions in this stage
          out = truth_bounds(Truth::False);
          break;
        }
        Truth t = Truth::True;
        for (std::int32_t o = first; o <= ordinal_; ++o) {
          const Slot& slot = rings_[s.ring + ring_slot(o, s.capacity)];
          const Truth x = slot.stamp == o ? truth_of(slot.value) : Truth::Unknown;
          if (x == Truth::False) { t = Truth::False; break; }
          if (x == Truth::Unknown) t = Truth::Unknown;
        }
        out = truth_bounds(t);
        break;
      }
      case OpCode::PreviousPush: {
        if (context_ != Context::Session) break;
        const PreviousPlan& p = plan_->previous[in.index];
        rings_[p.ring + ring_slot(ordinal_, 2)] = Slot{ordinal_, *in.b};
        break;
      }
      case OpCode::PreviousRead: {
        const PreviousPlan& p = plan_->previous[in.index];
        const std::int32_t o = context_ == Context::Session ? ordinal_ - 1 : ordinal_;
        const Slot& slot = rings_[p.ring + ring_slot(o, 2)];
        out = o >= 1 && slot.stamp == o ? slot.value : p.absent;
        break;
      }
      case OpCode::MetricPush: {
        const Bounds v = context_ == Context::Session ? *in.b : Bounds{0, 0};
        // A boolean load is no load: the ratio stays unknown (a number 0 on days without a session).
        const bool known = is_known(v) && (context_ != Context::Session || !plan_->boolean_register[static_cast<std::size_t>(in.b - registers_.data())]);
        if (!known) load_unknown_day_[in.index] = day_.days;
        loads_[in.index].push(is_known(v) ? v.lo : 0);
        break;
      }
      case OpCode::MetricRead: out = metric_read(in.index); break;
      case OpCode::AdvancesIn: {
        const double n = advances_between(day_ - static_cast<std::int32_t>(in.index - 1), day_);
        out = Bounds{n, n};
        break;
      }
    }
  }
}

}  // namespace gradus::eval

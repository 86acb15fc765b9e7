// Lints on how load grows from stage to stage: G0405 (a step raises two of
// duration, intensity and frequency, or raises them against the declared
// `order`) and G0406 (weekly running minutes rise more than `max weekly
// increase`). Stage measures: lint_session_measure.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "dsl/check/lint_registry.hpp"
#include "dsl/check/lint_session_measure.hpp"
#include "dsl/check/lint_support.hpp"

namespace gradus::lint {
namespace {

constexpr double kTolerance = 1e-9;

const char* dimension_name(ast::OrderDimension d) {
  switch (d) {
    case ast::OrderDimension::Duration: return "duration";
    case ast::OrderDimension::Intensity: return "intensity";
    case ast::OrderDimension::Frequency: return "frequency";
  }
  return "duration";
}

struct Rise {
  ast::OrderDimension dimension;
  std::string detail;  // "easy -> moderate"
};

std::optional<std::string> intensity_rise(const IntensityLevels& a, const IntensityLevels& b) {
  if (a.word && b.word && *b.word > *a.word) return word_intensity_text(*a.word) + " -> " + word_intensity_text(*b.word);
  if (a.rpe && b.rpe && *b.rpe > *a.rpe) return "rpe " + number_text(*a.rpe) + " -> rpe " + number_text(*b.rpe);
  if (a.zone && b.zone && *b.zone > *a.zone) return "zone " + number_text(*a.zone) + " -> zone " + number_text(*b.zone);
  return std::nullopt;
}

// The dimensions that rise from `a` to `b`, in the order `order` lists them.
std::vector<Rise> rises(const StageLoad& a, const StageLoad& b, const std::vector<ast::OrderDimension>& order) {
  std::vector<Rise> out;
  for (auto d : order) {
    switch (d) {
      case ast::OrderDimension::Duration:
        if (b.run_minutes > a.run_minutes + kTolerance) {
          out.push_back({d, "running " + number_text(a.run_minutes) + " -> " + number_text(b.run_minutes) + " min per session"});
        }
        break;
      case ast::OrderDimension::Intensity:
        if (a.runs && b.runs) {
          if (auto text = intensity_rise(a.intensity, b.intensity)) out.push_back({d, *text});
        }
        break;
      case ast::OrderDimension::Frequency:
        if (a.sessions_per_week && b.sessions_per_week && *b.sessions_per_week > *a.sessions_per_week + kTolerance) {
          out.push_back({d, number_text(*a.sessions_per_week) + " -> " + number_text(*b.sessions_per_week) + " sessions per week"});
        }
        break;
    }
  }
  return out;
}

std::string join_order(const std::vector<ast::OrderDimension>& order) {
  std::string s;
  for (auto d : order) s += (s.empty() ? "" : ", ") + std::string(dimension_name(d));
  return s;
}

}  // namespace

void lint_progression_order(const LintContext& context, Diagnostics& out) {
  const auto& protocol = context.protocol;
  if (!protocol.order || protocol.order->value.empty()) return;
  // Dimensions the header leaves out still count for "two at once", after the listed ones.
  // A dimension named twice counts once, at its first place.
  std::vector<ast::OrderDimension> order;
  for (auto d : protocol.order->value) {
    if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
  }
  const std::size_t declared = order.size();
  for (auto d : {ast::OrderDimension::Duration, ast::OrderDimension::Intensity, ast::OrderDimension::Frequency}) {
    if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
  }
  auto rank = [&](ast::OrderDimension d) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), d) - order.begin());
  };
  const std::string order_text = join_order({order.begin(), order.begin() + static_cast<std::ptrdiff_t>(declared)});

  // Two dimensions at once is judged on every step, also from one phase to
  // the next; the order within a phase starts afresh in each phase.
  struct Raised {
    const ast::Stage* from;
    const ast::Stage* to;
  };
  std::map<ast::OrderDimension, Raised> raised;  // the last step in this phase that raised each dimension
  const ast::Stage* previous = nullptr;
  std::size_t previous_phase = 0;
  StageLoad previous_load;
  for (const auto& ref : stages_in_order(protocol)) {
    const auto& stage = *ref.stage;
    if (is_recovery(stage)) continue;
    if (ref.phase != previous_phase) raised.clear();
    const StageLoad load = measure_stage(stage);
    if (previous) {
      const auto up = rises(previous_load, load, order);
      const std::string step = previous->id + " -> " + stage.id;
      if (up.size() >= 2) {
        std::string names, details;
        for (std::size_t i = 0; i < up.size(); ++i) {
          names += (i == 0 ? "" : (i + 1 == up.size() ? " and " : ", ")) + std::string(dimension_name(up[i].dimension));
          details += (i == 0 ? "" : "; ") + up[i].detail;
        }
        out.push_back(lint_finding(context, stage.span, "G0405", step + " raises " + names + " at once (" + details + ")")
                          .secondary(previous->span, "the step starts here")
                          .help("raise one dimension per stage: add a stage between them that raises only " +
                                std::string(dimension_name(up[0].dimension)))
                          .d);
      } else if (up.size() == 1 && ref.phase == previous_phase) {
        const auto d = up[0].dimension;
        // A later dimension of the declared order already raised in this phase?
        for (std::size_t r = rank(d) + 1; r < declared; ++r) {
          const auto later = order[r];
          auto it = raised.find(later);
          if (it == raised.end()) continue;
          out.push_back(lint_finding(context, stage.span, "G0405",
                                     step + " raises " + dimension_name(d) + " (" + up[0].detail + ") after " + it->second.from->id +
                                         " -> " + it->second.to->id + " already raised " + dimension_name(later) +
                                         "; the declared order is " + order_text)
                            .secondary(it->second.to->span, std::string(dimension_name(later)) + " raised here")
                            .help("raise " + std::string(dimension_name(d)) + " before " + dimension_name(later) +
                                  " in this phase, or change `order`")
                            .d);
          break;
        }
      }
      // A step into a new phase does not count towards that phase's order.
      if (ref.phase == previous_phase) {
        for (const auto& r : up) raised[r.dimension] = {previous, &stage};
      }
    }
    previous = &stage;
    previous_phase = ref.phase;
    previous_load = load;
  }
}

void lint_weekly_increase(const LintContext& context, Diagnostics& out) {
  const auto& protocol = context.protocol;
  if (!protocol.max_weekly_increase) return;
  const double allowed = protocol.max_weekly_increase->value.value;
  const ast::Stage* previous = nullptr;
  std::optional<double> previous_weekly;
  for (const auto& ref : stages_in_order(protocol)) {
    const auto& stage = *ref.stage;
    if (is_recovery(stage)) continue;
    const auto weekly = weekly_run_minutes(measure_stage(stage));
    // A rise from no running at all has no percentage: the first running stage is not judged.
    if (previous && previous_weekly && weekly && *previous_weekly > kTolerance) {
      const double rise = (*weekly - *previous_weekly) / *previous_weekly * 100.0;
      if (rise > allowed + kTolerance) {
        const double ceiling = *previous_weekly * (1 + allowed / 100.0);
        out.push_back(lint_finding(context, stage.span, "G0406",
                                   previous->id + " -> " + stage.id + ": " + number_text(*previous_weekly) + " -> " + number_text(*weekly) +
                                       " running min/week, +" + number_text(std::round(rise * 10) / 10) + "% > " + number_text(allowed) +
                                       "%")
                          .secondary(previous->span, number_text(*previous_weekly) + " running min/week here")
                          .help("keep the rise within " + number_text(allowed) + "% (at most " + number_text(ceiling) +
                                " running min/week here), or add a stage in between")
                          .d);
      }
    }
    previous = &stage;
    previous_weekly = weekly;
  }
}

}  // namespace gradus::lint

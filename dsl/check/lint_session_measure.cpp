#include "dsl/check/lint_session_measure.hpp"

#include <algorithm>

namespace gradus::lint {
namespace {

bool is_running(ast::Activity activity) { return activity == ast::Activity::Run || activity == ast::Activity::Jog; }

void raise(std::optional<double>& slot, double value) {
  if (!slot || value > *slot) slot = value;
}

void add_intensity(IntensityLevels& levels, const ast::Intensity& intensity) {
  switch (intensity.kind) {
    case ast::IntensityKind::Easy: raise(levels.word, 1); break;
    case ast::IntensityKind::Moderate: raise(levels.word, 2); break;
    case ast::IntensityKind::Hard: raise(levels.word, 3); break;
    case ast::IntensityKind::Rpe: raise(levels.rpe, intensity.level.value); break;
    case ast::IntensityKind::Zone: raise(levels.zone, intensity.level.value); break;
  }
}

// Minutes of running in `block`, and the intensities of its running parts.
// `inherited` is the `at` of an enclosing repeat group.
double measure_block(const ast::Block& block, const ast::Intensity* inherited, StageLoad& load) {
  const ast::Intensity* intensity = block.intensity ? &*block.intensity : inherited;
  if (block.repeat) {
    double once = 0;
    for (const auto& child : block.children) once += measure_block(child, intensity, load);
    return std::max(0.0, block.count.value) * once;
  }
  if (!is_running(block.activity)) return 0;
  double minutes = 0;
  switch (dimension_of(block.amount.unit)) {
    case Dimension::Time: minutes = convert(block.amount.value, block.amount.unit, Unit::Min); break;
    case Dimension::Length: minutes = convert(block.amount.value, block.amount.unit, Unit::Km) * kPaceMinPerKm; break;
    default: return 0;  // the checker reports a block without a time or distance
  }
  load.runs = true;
  if (intensity) {
    add_intensity(load.intensity, *intensity);
  } else {
    raise(load.intensity.word, 1);  // no `at`: easy
  }
  return minutes;
}

}  // namespace

StageLoad measure_stage(const ast::Stage& stage) {
  StageLoad load;
  if (stage.session && !stage.session->rest) {
    for (const auto& block : stage.session->blocks) load.run_minutes += measure_block(block, nullptr, load);
  }
  if (stage.frequency) {
    const auto& f = *stage.frequency;
    std::optional<double> per_week;
    auto cap = [&](double n) { per_week = per_week ? std::min(*per_week, n) : n; };
    if (f.per_week) cap(f.per_week->value);
    if (f.every_other_day) cap(kEveryOtherDayPerWeek);
    if (f.daily) cap(7);
    load.sessions_per_week = per_week;
  }
  return load;
}

std::optional<double> weekly_run_minutes(const StageLoad& load) {
  if (!load.sessions_per_week) return std::nullopt;
  return load.run_minutes * *load.sessions_per_week;
}

std::string word_intensity_text(double level) {
  if (level >= 3) return "hard";
  if (level >= 2) return "moderate";
  return "easy";
}

}  // namespace gradus::lint

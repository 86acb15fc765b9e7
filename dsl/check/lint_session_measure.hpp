#pragma once
// The three progression dimensions of a stage, as G0405 and G0406 measure
// them (the choices are documented in docs/lints.md#measuring-a-stage):
//   duration   minutes of run and jog blocks per session; distances are
//              converted at kPaceMinPerKm
//   intensity  the highest intensity of the run and jog blocks, per scale
//              (easy < moderate < hard; rpe N; zone N); a block with no
//              `at` counts as easy; the scales are not compared with each other
//   frequency  sessions per week: `N per week` -> N, `every other day` ->
//              kEveryOtherDayPerWeek, `daily` -> 7; combined -> the smallest
#include <optional>
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus::lint {

inline constexpr double kPaceMinPerKm = 6.0;            // 10 km/h, an easy return-to-run pace
inline constexpr double kEveryOtherDayPerWeek = 3.5;    // 7 sessions in every 14 days

// The highest intensity met on each scale; a scale the stage does not use is empty.
struct IntensityLevels {
  std::optional<double> word;  // easy 1, moderate 2, hard 3
  std::optional<double> rpe;
  std::optional<double> zone;
};

struct StageLoad {
  double run_minutes = 0;              // per session
  bool runs = false;                   // has at least one run or jog block
  IntensityLevels intensity;
  std::optional<double> sessions_per_week;  // none without a frequency clause
};

StageLoad measure_stage(const ast::Stage& stage);

// Weekly running minutes, when the frequency is known.
std::optional<double> weekly_run_minutes(const StageLoad& load);

// "easy", "moderate", "hard", "rpe 4", "zone 3".
std::string word_intensity_text(double level);

}  // namespace gradus::lint

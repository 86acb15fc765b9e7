#pragma once
// Units and dimensions of the language. Every value is held in its
// dimension's base unit (seconds, metres, steps/min, beats/min, kN/m, W,
// percent points) once planned; literals and log values are scaled on the way in.
#include <optional>
#include <string_view>

namespace gradus {

enum class Dimension { None, Time, Cadence, Length, Stiffness, Rate, Power, Percent };

enum class Unit {
  None,     // a bare number
  Percent,  // %
  Spm,      // steps per minute
  Ms, S, Min, Hour, Day,
  Mm, Cm, M, Km, Mi,
  Bpm,
  KnPerM,   // kN/m
  W,
};

struct UnitInfo {
  Unit unit;
  std::string_view text;  // canonical spelling, as the formatter writes it
  Dimension dimension;
  double to_base;         // multiply a value in this unit to get the base unit
};

const UnitInfo& info(Unit unit);
Dimension dimension_of(Unit unit);
std::string_view to_string(Unit unit);
std::string_view to_string(Dimension dimension);
// Accepts the canonical spellings plus "days"/"day", "h"/"hours", "sec", "mins".
std::optional<Unit> parse_unit(std::string_view text);
// value (in `from`) expressed in `to`; both must share a dimension.
double convert(double value, Unit from, Unit to);

}  // namespace gradus

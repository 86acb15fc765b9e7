#include "dsl/syntax/units.hpp"

#include <array>

namespace gradus {
namespace {

constexpr std::array kUnits = {
    UnitInfo{Unit::None, "", Dimension::None, 1.0},
    UnitInfo{Unit::Percent, "%", Dimension::Percent, 1.0},
    UnitInfo{Unit::Spm, "spm", Dimension::Cadence, 1.0},
    UnitInfo{Unit::Ms, "ms", Dimension::Time, 0.001},
    UnitInfo{Unit::S, "s", Dimension::Time, 1.0},
    UnitInfo{Unit::Min, "min", Dimension::Time, 60.0},
    UnitInfo{Unit::Hour, "h", Dimension::Time, 3600.0},
    UnitInfo{Unit::Day, "days", Dimension::Time, 86400.0},
    UnitInfo{Unit::Mm, "mm", Dimension::Length, 0.001},
    UnitInfo{Unit::Cm, "cm", Dimension::Length, 0.01},
    UnitInfo{Unit::M, "m", Dimension::Length, 1.0},
    UnitInfo{Unit::Km, "km", Dimension::Length, 1000.0},
    UnitInfo{Unit::Mi, "mi", Dimension::Length, 1609.344},
    UnitInfo{Unit::Bpm, "bpm", Dimension::Rate, 1.0},
    UnitInfo{Unit::KnPerM, "kN/m", Dimension::Stiffness, 1.0},
    UnitInfo{Unit::W, "W", Dimension::Power, 1.0},
};

}  // namespace

const UnitInfo& info(Unit unit) { return kUnits[static_cast<std::size_t>(unit)]; }
Dimension dimension_of(Unit unit) { return info(unit).dimension; }
std::string_view to_string(Unit unit) { return info(unit).text; }

std::string_view to_string(Dimension dimension) {
  switch (dimension) {
    case Dimension::None: return "number";
    case Dimension::Time: return "time";
    case Dimension::Cadence: return "cadence";
    case Dimension::Length: return "length";
    case Dimension::Stiffness: return "stiffness";
    case Dimension::Rate: return "rate";
    case Dimension::Power: return "power";
    case Dimension::Percent: return "percent";
  }
  return "number";
}

std::optional<Unit> parse_unit(std::string_view text) {
  for (const auto& u : kUnits) {
    if (u.unit != Unit::None && u.text == text) return u.unit;
  }
  if (text == "day") return Unit::Day;
  if (text == "hours" || text == "hour") return Unit::Hour;
  if (text == "sec") return Unit::S;
  if (text == "mins") return Unit::Min;
  return std::nullopt;
}

double convert(double value, Unit from, Unit to) { return value * info(from).to_base / info(to).to_base; }

}  // namespace gradus

#include "dsl/check/builtins.hpp"

#include <array>

namespace gradus {
namespace {

using ast::Type;
using ast::TypeKind;

const std::array kSeries = {
    BuiltinSeriesInfo{BuiltinSeries::RunMinutes, "run_minutes", Type{TypeKind::Quantity, Unit::Min}, true},
    BuiltinSeriesInfo{BuiltinSeries::TotalMinutes, "total_minutes", Type{TypeKind::Quantity, Unit::Min}, true},
    BuiltinSeriesInfo{BuiltinSeries::SessionsInStage, "sessions_in_stage", Type{TypeKind::Count}, false},
    BuiltinSeriesInfo{BuiltinSeries::DaysInStage, "days_in_stage", Type{TypeKind::Count}, false},
    BuiltinSeriesInfo{BuiltinSeries::DaysSinceLastSession, "days_since_last_session", Type{TypeKind::Count}, false},
    BuiltinSeriesInfo{BuiltinSeries::Srpe, "srpe", Type{TypeKind::Number}, true},
};

constexpr std::array kFunctions = {
    BuiltinFunctionInfo{BuiltinFunction::Max, "max", true, false},
    BuiltinFunctionInfo{BuiltinFunction::Min, "min", true, false},
    BuiltinFunctionInfo{BuiltinFunction::Abs, "abs", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Mean, "mean", true, true},
    BuiltinFunctionInfo{BuiltinFunction::Sum, "sum", true, true},
    BuiltinFunctionInfo{BuiltinFunction::Count, "count", true, true},
    BuiltinFunctionInfo{BuiltinFunction::All, "all", true, true},
    BuiltinFunctionInfo{BuiltinFunction::Any, "any", true, true},
    BuiltinFunctionInfo{BuiltinFunction::Missing, "missing", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Baseline, "baseline", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Latest, "latest", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Previous, "previous", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Acwr, "acwr", false, false},
    BuiltinFunctionInfo{BuiltinFunction::AcwrUncoupled, "acwr_uncoupled", false, false},
    BuiltinFunctionInfo{BuiltinFunction::AcwrEwma, "acwr_ewma", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Monotony, "monotony", false, false},
    BuiltinFunctionInfo{BuiltinFunction::Strain, "strain", false, false},
    BuiltinFunctionInfo{BuiltinFunction::AdvancesIn, "advances_in", false, false},
};

}  // namespace

std::span<const BuiltinSeriesInfo> builtin_series() { return kSeries; }

const BuiltinSeriesInfo* find_builtin_series(std::string_view name) {
  for (const auto& s : kSeries) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::span<const BuiltinFunctionInfo> builtin_functions() { return kFunctions; }

const BuiltinFunctionInfo* find_builtin_function(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace gradus

#pragma once
// Built-in series and functions of the language, shared by the checker
// (names, types) and the engine's planner (what to compute). Symbol::index of
// a Builtin name is the BuiltinSeries value.
#include <optional>
#include <span>
#include <string_view>

#include "dsl/syntax/ast.hpp"

namespace gradus {

enum class BuiltinSeries {
  RunMinutes,            // minutes of running prescribed (or logged `minutes` for all-run sessions); 0 on days without a session
  TotalMinutes,          // all minutes of the session; 0 on days without a session
  SessionsInStage,       // includes the session being judged
  DaysInStage,           // calendar days since entering the stage, inclusive of today
  DaysSinceLastSession,  // days between this session and the previous one
  Srpe,                  // rpe x minutes (entry's, else prescribed); 0 on days without a session
};

struct BuiltinSeriesInfo {
  BuiltinSeries series;
  std::string_view name;
  ast::Type type;
  bool day_based;  // a day series (0 on rest days) rather than a per-session value
};

std::span<const BuiltinSeriesInfo> builtin_series();
const BuiltinSeriesInfo* find_builtin_series(std::string_view name);

enum class BuiltinFunction {
  Max, Min, Abs,            // max(a, b, ...), or max(x over W) as a window
  Mean, Sum, Count, All, Any,  // windows only (Count/All/Any take a condition)
  Missing, Baseline, Latest, Previous,
  Acwr, AcwrUncoupled, AcwrEwma, Monotony, Strain,
  AdvancesIn,               // advances_in(N days)
};

struct BuiltinFunctionInfo {
  BuiltinFunction function;
  std::string_view name;
  bool window;      // takes (or may take) `over ...`
  bool needs_window;
};

std::span<const BuiltinFunctionInfo> builtin_functions();
const BuiltinFunctionInfo* find_builtin_function(std::string_view name);

}  // namespace gradus

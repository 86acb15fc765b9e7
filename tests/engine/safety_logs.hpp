#pragma once
// Random, realistic athlete logs for the safety-property test, and their
// "worse twins": the same log with one symptom made worse on one entry
// (direction from dsl/check/symptom_direction.hpp). Built as Log objects
// directly, no YAML, so tens of thousands of cases run in seconds.
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/check/symptom_direction.hpp"
#include "engine/eval/plan.hpp"
#include "engine/log/log.hpp"

namespace gradus::test {

struct SafetyLogShape {
  int min_entries = 12;
  int max_entries = 40;
};

inline double pick_low(std::mt19937_64& rng, double lo, double hi) {
  // Symptom-free most of the time, a tail of worse days: realistic, and it
  // lets athletes get far enough along for advancing rules to matter.
  std::uniform_real_distribution<double> u(0, 1);
  const double r = u(rng);
  const double span = hi - lo;
  if (r < 0.55) return lo;
  if (r < 0.85) return lo + std::min(span, static_cast<double>(1 + rng() % 2));
  return lo + static_cast<double>(rng() % static_cast<std::uint64_t>(span + 1));
}

inline LogValue random_value(std::mt19937_64& rng, const ast::Input& input) {
  LogValue v;
  v.present = rng() % 100 >= 8;  // some values missing
  if (!v.present) return v;
  const SymptomDirection dir = symptom_direction(input);
  switch (input.type.kind) {
    case ast::InputKind::Score: {
      const double lo = input.type.lo.value, hi = input.type.hi.value;
      v.value = dir == SymptomDirection::None ? lo + static_cast<double>(rng() % static_cast<std::uint64_t>(hi - lo + 1))
                                              : pick_low(rng, lo, hi);
      break;
    }
    case ast::InputKind::Flag:
      v.value = dir == SymptomDirection::None ? (rng() % 100 < 85 ? 1 : 0) : (rng() % 100 < 7 ? 1 : 0);
      break;
    case ast::InputKind::Count: v.value = static_cast<double>(rng() % 15); break;
    case ast::InputKind::Percent: v.value = 60 + static_cast<double>(rng() % 60); break;
    case ast::InputKind::Quantity: v.value = 140 + static_cast<double>(rng() % 60); break;
    case ast::InputKind::Levels:
    case ast::InputKind::OneOf: {
      const auto n = static_cast<double>(input.type.names.size());
      v.value = dir == SymptomDirection::None ? static_cast<double>(rng() % input.type.names.size())
                                              : pick_low(rng, 0, n - 1);
      break;
    }
  }
  return v;
}

inline Log random_safety_log(std::mt19937_64& rng, const ast::Protocol& protocol, Date start,
                             const SafetyLogShape& shape = {}) {
  Log log;
  log.baseline.assign(protocol.inputs.size(), LogValue{});
  const int n = shape.min_entries + static_cast<int>(rng() % static_cast<std::uint64_t>(shape.max_entries - shape.min_entries + 1));
  const bool every_other_day = rng() % 2 == 0;
  Date d = start;
  for (int i = 0; i < n; ++i) {
    LogEntry e;
    e.date = d;
    e.rest = rng() % 100 < 5;     // a measurement-only day
    e.cleared = rng() % 100 < 4;  // a clinician lifts a referral
    e.values.reserve(protocol.inputs.size());
    for (const auto& input : protocol.inputs) e.values.push_back(random_value(rng, input));
    log.entries.push_back(std::move(e));
    d = d + (every_other_day ? 2 : 1) + (rng() % 10 == 0 ? 1 : 0);
  }
  return log;
}

struct Worsening {
  std::size_t entry = 0;
  std::size_t input = 0;
  double from = 0, to = 0;
};

// Makes one present symptom value worse; false when the log has none to worsen.
inline bool worsen(std::mt19937_64& rng, const ast::Protocol& protocol, Log& log, Worsening& out) {
  std::vector<std::size_t> symptoms;
  for (std::size_t i = 0; i < protocol.inputs.size(); ++i)
    if (symptom_direction(protocol.inputs[i]) != SymptomDirection::None) symptoms.push_back(i);
  if (symptoms.empty() || log.entries.empty()) return false;
  for (int attempt = 0; attempt < 16; ++attempt) {
    const std::size_t e = rng() % log.entries.size();
    const std::size_t i = symptoms[rng() % symptoms.size()];
    LogValue& v = log.entries[e].values[i];
    if (!v.present) continue;
    const auto& input = protocol.inputs[i];
    double worst = 0;
    switch (symptom_direction(input)) {
      case SymptomDirection::TrueWorse: worst = 1; break;
      case SymptomDirection::HigherWorse:
        worst = input.type.kind == ast::InputKind::Levels ? static_cast<double>(input.type.names.size() - 1)
                : input.type.kind == ast::InputKind::Score ? input.type.hi.value
                                                           : v.value + 10;
        break;
      case SymptomDirection::NotFirstWorse:
        if (v.value != 0) continue;
        worst = static_cast<double>(input.type.names.size() - 1);
        break;
      case SymptomDirection::None: continue;
    }
    if (v.value >= worst) continue;
    out = {e, i, v.value, 0};
    out.to = v.value + 1 + static_cast<double>(rng() % static_cast<std::uint64_t>(worst - v.value));
    v.value = out.to;
    return true;
  }
  return false;
}

// The log as YAML (docs/logs.md), for reporting a minimized violation.
inline std::string log_yaml(const ast::Protocol& protocol, const Log& log) {
  std::ostringstream out;
  out << "protocol: " << protocol.id << "\nentries:\n";
  for (const auto& e : log.entries) {
    out << "  - date: " << to_string(e.date) << "\n";
    if (e.rest) out << "    rest: true\n";
    if (e.cleared) out << "    cleared: true\n";
    for (std::size_t i = 0; i < protocol.inputs.size(); ++i) {
      const auto& v = e.values[i];
      if (!v.present) continue;
      const auto& t = protocol.inputs[i].type;
      out << "    " << protocol.inputs[i].name << ": ";
      if (t.kind == ast::InputKind::Flag) out << (v.value != 0 ? "true" : "false");
      else if (t.kind == ast::InputKind::Levels || t.kind == ast::InputKind::OneOf) out << t.names[static_cast<std::size_t>(v.value)];
      else out << v.value;
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace gradus::test

#pragma once
// protocols/bsi-tibia.gradus written by hand in C++, and a generator of
// random logs for it. The replay benchmark times the engine against this
// function, and the property test checks that both take the same decision
// at every session (so the hand version follows the engine's documented
// semantics: Kleene logic on missing values, streaks per stage, referral
// and clearance, discharge).
#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/eval/decision.hpp"
#include "engine/eval/plan.hpp"
#include "engine/log/log.hpp"

namespace gradus::bench {

// Input indices, resolved once from the plan.
struct BsiInputs {
  std::size_t pain_during, pain_after, pain_morning, bone_tenderness, swelling, rpe, cadence, gct_balance, hop_lsi;
  explicit BsiInputs(const eval::Plan& plan) {
    auto at = [&](const char* name) {
      for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
        if (plan.inputs[i].name == name) return i;
      }
      return std::size_t{0};
    };
    pain_during = at("pain_during");
    pain_after = at("pain_after");
    pain_morning = at("pain_morning");
    bone_tenderness = at("bone_tenderness");
    swelling = at("swelling");
    rpe = at("rpe");
    cadence = at("cadence");
    gct_balance = at("gct_balance");
    hop_lsi = at("hop_lsi");
  }
};

struct ReferenceStep {
  eval::Decision decision;
  int stage_after;
};

// One judged session's decision and stage, in log order; unjudged sessions
// (referral standing, after discharge) and rest entries produce nothing.
inline void bsi_reference(const Log& log, const BsiInputs& in, std::vector<ReferenceStep>& out) {
  out.clear();
  constexpr int kStages = 6;
  constexpr std::array<int, kStages> kStreak = {3, 2, 2, 3, 3, 4};
  int stage = 0, clean = 0;  // clean: trailing sessions in this stage with worst_pain known 0
  bool referred = false, discharged = false, hop_known = false;
  double hop = 0;
  // pain_morning >= 3 known, at the last two sessions (judged or not).
  bool morning_prev = false, morning_last = false;
  int sessions = 0;
  const bool base_known = in.pain_morning < log.baseline.size() && log.baseline[in.pain_morning].present;
  const double base = base_known ? log.baseline[in.pain_morning].value : 0;
  for (const auto& e : log.entries) {
    const auto& v = e.values;
    if (v[in.hop_lsi].present) {
      hop_known = true;
      hop = v[in.hop_lsi].value;
    }
    if (discharged) continue;
    if (e.cleared && referred) {
      referred = false;
      clean = 0;
    }
    if (e.rest) continue;
    ++sessions;
    morning_prev = morning_last;
    morning_last = v[in.pain_morning].present && v[in.pain_morning].value >= 3;
    if (referred) continue;
    const bool pd = v[in.pain_during].present, pa = v[in.pain_after].present, pm = v[in.pain_morning].present;
    const bool worst_hurts = (pd && v[in.pain_during].value >= 1) || (pa && v[in.pain_after].value >= 1);
    const bool worst_clean = pd && pa && v[in.pain_during].value == 0 && v[in.pain_after].value == 0;
    clean = worst_clean ? std::min(clean + 1, 64) : 0;

    const bool refer = (v[in.bone_tenderness].present && v[in.bone_tenderness].value != 0) ||
                       (sessions >= 2 && morning_prev && morning_last);
    const bool regress = worst_hurts || (pm && base_known && v[in.pain_morning].value - base >= 1);
    const bool hold = (v[in.swelling].present && v[in.swelling].value != 0) || !pd || !pa || !pm;
    bool progress = clean >= kStreak[static_cast<std::size_t>(stage)];
    if (stage == 0) progress = progress && hop_known && hop >= 80;
    if (stage == 3) {
      const bool cad = v[in.cadence].present && v[in.cadence].value >= 165;
      const bool bal = v[in.gct_balance].present && std::abs(v[in.gct_balance].value - 50) <= 2 + 1e-9;
      progress = progress && cad && bal;
    }
    eval::Decision d = eval::Decision::Hold;
    if (refer) {
      d = eval::Decision::Refer;
      referred = true;
    } else if (regress) {
      d = eval::Decision::Regress;
      stage = std::max(0, stage - 1);
      clean = 0;
    } else if (hold) {
      d = eval::Decision::Hold;
    } else if (progress) {
      if (stage == kStages - 1) {
        d = eval::Decision::Discharge;
        discharged = true;
      } else {
        d = eval::Decision::Advance;
        ++stage;
        clean = 0;
      }
    }
    out.push_back(ReferenceStep{d, stage});
  }
}

// A random log for bsi-tibia: sessions every 1-3 days, mostly clean, with
// missing values, rest-day hop tests, red flags and clearances now and then.
inline Log random_bsi_log(std::mt19937_64& rng, const eval::Plan& plan, int entries, Date start) {
  const BsiInputs in(plan);
  std::uniform_real_distribution<double> u(0, 1);
  auto pain = [&] { return u(rng) < 0.8 ? 0.0 : std::floor(u(rng) * 5); };
  Log log;
  log.baseline.resize(plan.inputs.size());
  if (u(rng) < 0.8) log.baseline[in.pain_morning] = LogValue{true, u(rng) < 0.7 ? 0.0 : 1.0, {}};
  if (u(rng) < 0.8) log.baseline[in.cadence] = LogValue{true, 160, {}};
  Date date = start;
  for (int i = 0; i < entries; ++i) {
    LogEntry e;
    e.date = date;
    date = date + 1 + static_cast<std::int32_t>(u(rng) < 0.5 ? 0 : (u(rng) < 0.7 ? 1 : 2));
    e.values.resize(plan.inputs.size());
    auto set = [&](std::size_t index, double p, double value) {
      if (u(rng) < p) e.values[index] = LogValue{true, value, {}};
    };
    e.cleared = u(rng) < 0.04;
    if (u(rng) < 0.1) {
      e.rest = true;
      set(in.hop_lsi, 0.9, 70 + std::floor(u(rng) * 30));
    } else {
      set(in.pain_during, 0.93, pain());
      set(in.pain_after, 0.93, pain());
      set(in.pain_morning, 0.9, u(rng) < 0.9 ? 0.0 : std::floor(u(rng) * 5));
      set(in.bone_tenderness, 0.7, u(rng) < 0.01 ? 1.0 : 0.0);
      set(in.swelling, 0.7, u(rng) < 0.04 ? 1.0 : 0.0);
      set(in.rpe, 0.8, std::floor(u(rng) * 8));
      set(in.cadence, 0.6, 155 + std::floor(u(rng) * 20));
      set(in.gct_balance, 0.5, 47 + std::floor(u(rng) * 60) / 10);
      set(in.hop_lsi, 0.05, 75 + std::floor(u(rng) * 20));
      if (u(rng) < 0.2) e.minutes = 20 + std::floor(u(rng) * 20);
    }
    log.entries.push_back(std::move(e));
  }
  return log;
}

}  // namespace gradus::bench

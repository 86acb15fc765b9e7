#pragma once
// What a holding athlete still needs to advance: each advance or discharge
// rule of the stage that did not act, split at its top-level `and`s, and for
// each part not yet true what the log shows ("1 of 2", "hop_lsi not
// measured yet", "cadence = 160 spm").
#include <cstdint>
#include <span>
#include <vector>

#include "engine/eval/advice.hpp"

namespace gradus::eval {

struct NeedsInput {
  int stage = 0;
  // From the last judged session in this stage; empty when the stage has had none yet.
  std::span<const Value> registers;
  std::span<const std::uint32_t> streak_progress;  // by streak index
  const std::vector<bool>* measured = nullptr;     // by input: ever measured
  const std::vector<Value>* latest = nullptr;      // by input: latest(x) now
  int days_in_stage = 0;
  int blocked_rule = -1;
  Blocked blocked = Blocked::None;
  int advances_in_cap_window = 0;
};

std::vector<Need> stage_needs(const Plan& plan, const NeedsInput& input);

}  // namespace gradus::eval

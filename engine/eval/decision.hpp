#pragma once
// The decision of a day, and why a progression that fired did not act.
#include <cstdint>

namespace gradus::eval {

enum class Decision : std::uint8_t { Start, Advance, Hold, Regress, Refer, Discharge, Rest };

const char* to_string(Decision decision);

// A progression rule fired but was held back (it is reported, not applied).
enum class Blocked : std::uint8_t {
  None,
  MinDays,    // `min days N`: not yet N days in the stage
  Cap,        // `max N advances per D days` reached
  LastStage,  // `advance` from the last stage: there is no next stage
};

const char* to_string(Blocked blocked);

// What the replay did with one log entry.
enum class EntryOutcome : std::uint8_t {
  Judged,               // a session: rules evaluated, decision applied
  Measurement,          // a `rest: true` entry: values recorded, not a session
  NotJudgedReferred,    // a session while a referral stands
  NotJudgedDischarged,  // a session after discharge
};

}  // namespace gradus::eval

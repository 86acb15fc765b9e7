#pragma once
// An athlete's daily log, loaded and validated against one protocol's inputs
// (engine/log/load.hpp). Values are stored by input index, already in the
// engine's representation, so evaluation never looks a name up:
//   score, count, percent   the number as written (percent in percent points)
//   quantity                converted to the dimension's base unit (see dsl/syntax/units.hpp)
//   flag                    0 or 1
//   levels / one of         the index of the name in the input's declaration
#include <optional>
#include <string>
#include <vector>

#include "dsl/source/source.hpp"
#include "engine/log/date.hpp"

namespace gradus {

struct LogValue {
  bool present = false;
  double value = 0;
  Span span;  // where the value was written (for explanations and errors)
};

struct LogEntry {
  Date date;
  Span span;                          // the entry's `date:` line
  std::optional<std::string> stage;   // the stage the athlete thinks they did
  std::optional<double> minutes;      // overrides the prescribed duration; in minutes, as written (not seconds)
  bool cleared = false;               // a clinician lifted a referral
  bool rest = false;                  // measurements only: not a session
  std::optional<std::string> note;
  std::vector<LogValue> values;       // by protocol input index; size == inputs.size()
};

struct Log {
  SourcePtr source;
  std::optional<std::string> athlete;
  std::optional<std::string> protocol;  // the protocol id the log says it is for
  std::vector<LogValue> baseline;       // by protocol input index
  std::vector<LogEntry> entries;        // strictly increasing dates
};

}  // namespace gradus

#pragma once
// Compares a decoded FitFile with FitCSVTool's Data rows, message by message.
// What is compared (also in docs/fit.md):
//  * the number of messages, and per index the message name for every
//    message type in our profile slice (others must not carry one of those
//    names);
//  * for messages in the profile slice: every field the profile knows, both
//    ways (ours valid <=> the CSV has it), element by element, floats with a
//    relative tolerance of 1e-6, invalid array elements as raw numbers (as
//    FitCSVTool prints them). Subfields: the CSV names them after the
//    subfield (garmin_product, avg_running_cadence, total_strides,
//    timer_trigger, ...); those with the main field's scale are compared by
//    value, the others (event.data's speed/duration alerts) only for presence.
//    Component expansions the decoder does not perform (enhanced_speed from
//    speed, enhanced_altitude from altitude, enhanced_avg/max_speed from
//    avg/max_speed, event.data from data16) are compared against their
//    source field; the ones it performs (record speed/distance from
//    compressed_speed_distance) are compared directly.
//  * the timestamp of compressed-timestamp messages (the CSV prints it as a
//    field);
//  * every developer field, by field_name, in every message type, with its
//    description's scale and offset, both ways.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/fit/fit_file.hpp"
#include "tests/fit/fitcsv.hpp"

namespace gradus::fit::testing {

struct Comparison {
  std::size_t messages_compared = 0;
  std::size_t values_compared = 0;
  std::size_t developer_values_compared = 0;
  std::map<std::string, std::size_t> csv_counts;   // Data rows per message name (CSV)
  std::map<std::string, std::size_t> our_counts;   // same, ours (names from the CSV where ours is unnamed)
  std::vector<std::string> mismatches;             // at most `max_mismatches`
  std::size_t mismatch_total = 0;
  std::size_t ignored = 0;                         // CSV-only values skipped on purpose
};

// `ignored_csv_only` ("event.timer_trigger"): CSV fields that may be absent
// from ours because FitCSVTool's value is known to be wrong (see the tests).
Comparison compare_with_fitcsv(const FitFile& file, const std::vector<CsvRow>& rows,
                               const std::set<std::string>& ignored_csv_only = {}, std::size_t max_mismatches = 25);

}  // namespace gradus::fit::testing

#pragma once
// Session-level gait metrics from a decoded FIT activity: what `gradus
// import` adds to a log. Each metric comes from the session message when the
// watch wrote it there, else from the session's records as a time-weighted
// mean (weights: time to the next record while the timer runs; invalid and
// zero values ignored). A metric the file does not carry stays empty: never
// 0, never a scaled sentinel. Units are in the member names; docs/fit.md has
// the keys.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/fit/fit_file.hpp"

namespace gradus::fit {

enum class MetricSource { Session, Records };

struct Metric {
  std::optional<double> value;
  MetricSource source = MetricSource::Session;
  explicit operator bool() const { return value.has_value(); }
};

struct SessionMetrics {
  std::size_t index = 0;                   // session number in file order (0-based)
  bool from_session_message = true;        // false: no session message, built from all records
  std::optional<std::uint32_t> start_time; // FIT seconds (UTC; relative when < 0x10000000)
  std::optional<std::uint8_t> sport;       // FIT sport enum (1 running, 11 walking, ...)
  std::optional<std::uint8_t> sub_sport;
  bool foot_sport = false;                 // running, walking, hiking: cadence in steps
  // The activity's local date (YYYY-MM-DD) of the session start; UTC when the
  // file has no usable local_timestamp; empty when the file only has relative
  // times (old devices without a clock) and no local_timestamp.
  std::string local_date;
  std::optional<std::int32_t> utc_offset_s;  // local - UTC, from activity.local_timestamp

  Metric duration_s;                       // timer time (pauses excluded)
  Metric elapsed_s;                        // wall time from start to end
  Metric distance_m;
  Metric heart_rate_bpm;
  Metric cadence_spm;                      // steps per minute (foot sports only)
  Metric ground_contact_ms;
  Metric ground_contact_balance_left_pct;
  Metric vertical_oscillation_mm;
  Metric vertical_ratio_pct;
  Metric step_length_mm;
  Metric leg_spring_stiffness_kn_m;        // developer field "Leg Spring Stiffness" (Stryd)
  Metric form_power_w;                     // developer field "Form Power" (Stryd)
};

std::vector<SessionMetrics> session_metrics(const FitFile& file);

// FIT seconds (since 1989-12-31T00:00:00Z) to a civil date "YYYY-MM-DD".
std::string fit_date(std::int64_t fit_seconds);

}  // namespace gradus::fit

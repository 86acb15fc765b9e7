#include "engine/fit/session_metrics.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <limits>

#include "engine/fit/profile.hpp"

namespace gradus::fit {
namespace {

constexpr std::uint32_t kRelativeTimeLimit = 0x10000000;  // FIT: smaller times are relative, not dates
constexpr std::int32_t kMaxUtcOffset = 14 * 3600;

// FIT sport enum values whose cadence counts strides of one leg.
bool is_foot_sport(std::uint8_t sport) { return sport == 1 || sport == 11 || sport == 17; }

namespace record {
constexpr std::uint8_t kHeartRate = 3, kCadence = 4, kDistance = 5, kVerticalOscillation = 39, kStanceTime = 41,
                       kFractionalCadence = 53, kVerticalRatio = 83, kStanceTimeBalance = 84, kStepLength = 85;
}
namespace session {
constexpr std::uint8_t kStartTime = 2, kSport = 5, kSubSport = 6, kElapsed = 7, kTimer = 8, kDistance = 9,
                       kAvgHeartRate = 16, kAvgCadence = 18, kAvgVerticalOscillation = 89, kAvgStanceTime = 91,
                       kAvgFractionalCadence = 92, kAvgVerticalRatio = 132, kAvgStanceTimeBalance = 133,
                       kAvgStepLength = 134;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A developer field by name, if its units are the ones we report in.
std::optional<double> developer_value(const FitFile& file, const MessageView& v, const char* name,
                                      std::initializer_list<const char*> units) {
  const Field* f = v.developer_field(name);
  if (!f) return std::nullopt;
  const std::string u = lower(file.description(*f)->units);
  if (std::none_of(units.begin(), units.end(), [&](const char* ok) { return u == ok; })) return std::nullopt;
  return v.developer_number(name);
}

struct Interval {
  std::uint32_t begin, end;  // [begin, end)
};

// The stretches during which the timer ran, from timer events (event 0:
// type 0 start, 1 stop, 4 stop_all). No timer events: always running.
std::vector<Interval> timer_intervals(const FitFile& file) {
  std::vector<Interval> out;
  // A plain flag and value rather than std::optional: GCC -O2 warns
  // (maybe-uninitialized) on the optional here.
  bool running = false;
  std::uint32_t started = 0;
  bool any = false;
  for (std::size_t i = 0; i < file.messages.size(); ++i) {
    const Message& m = file.messages[i];
    if (m.global != mesg::kEvent || !m.has_timestamp) continue;
    const auto v = file.view(i);
    if (v.raw(0) != 0u) continue;
    const auto type = v.raw(1);
    if (!type) continue;
    if (*type == 0) {
      any = true;
      if (!running) started = m.timestamp;
      running = true;
    } else if (*type == 1 || *type == 4) {
      any = true;
      if (running && m.timestamp >= started) out.push_back({started, m.timestamp});
      running = false;
    }
  }
  if (!any) return {{0, std::numeric_limits<std::uint32_t>::max()}};
  if (running) out.push_back({started, std::numeric_limits<std::uint32_t>::max()});
  return out;
}

std::uint32_t running_seconds(const std::vector<Interval>& intervals, std::uint32_t a, std::uint32_t b) {
  std::uint32_t total = 0;
  for (const Interval& iv : intervals) {
    const std::uint32_t lo = std::max(a, iv.begin), hi = std::min(b, iv.end);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

struct RecordSample {
  std::uint32_t t;
  std::size_t message;
};

// Time-weighted mean of a per-record value over the samples; values that
// are absent, invalid or zero (the sensor's "no reading") are skipped.
template <typename Get>
std::optional<double> weighted_mean(const std::vector<RecordSample>& samples, const std::vector<Interval>& timer,
                                    Get get) {
  double sum = 0, weight = 0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const std::optional<double> v = get(samples[i].message);
    if (!v || *v == 0) continue;
    const std::uint32_t next = i + 1 < samples.size() ? samples[i + 1].t : samples[i].t + 1;
    const double w = running_seconds(timer, samples[i].t, std::max(next, samples[i].t + 1));
    sum += *v * w;
    weight += w;
  }
  if (weight <= 0) return std::nullopt;
  return sum / weight;
}

Metric from_session(std::optional<double> v) { return Metric{v, MetricSource::Session}; }
Metric from_records(std::optional<double> v) { return Metric{v, MetricSource::Records}; }
// Session averages of 0 (heart rate without a strap, gait without a pod)
// are the devices' "no reading", like the invalid value.
Metric prefer(std::optional<double> session_value, const std::function<std::optional<double>()>& records) {
  if (session_value && *session_value != 0) return from_session(session_value);
  return from_records(records());
}

}  // namespace

std::string fit_date(std::int64_t fit_seconds) {
  // Days since 1970-01-01, then Howard Hinnant's civil_from_days.
  const std::int64_t unix_seconds = fit_seconds + 631065600;
  std::int64_t z = (unix_seconds >= 0 ? unix_seconds : unix_seconds - 86399) / 86400 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

std::vector<SessionMetrics> session_metrics(const FitFile& file) {
  // The activity message's local_timestamp gives the UTC offset.
  std::optional<std::uint32_t> activity_ts, activity_local;
  for (std::size_t i = 0; i < file.messages.size(); ++i) {
    if (file.messages[i].global != mesg::kActivity) continue;
    const auto v = file.view(i);
    if (const auto ts = v.raw(253)) activity_ts = static_cast<std::uint32_t>(*ts);
    if (const auto local = v.raw(5)) activity_local = static_cast<std::uint32_t>(*local);
  }

  std::vector<RecordSample> records;
  for (std::size_t i = 0; i < file.messages.size(); ++i)
    if (file.messages[i].global == mesg::kRecord && file.messages[i].has_timestamp)
      records.push_back({file.messages[i].timestamp, i});
  std::stable_sort(records.begin(), records.end(),
                   [](const RecordSample& a, const RecordSample& b) { return a.t < b.t; });
  const auto timer = timer_intervals(file);

  std::vector<std::size_t> sessions;
  for (std::size_t i = 0; i < file.messages.size(); ++i)
    if (file.messages[i].global == mesg::kSession) sessions.push_back(i);

  // Session start times, to bound a session without elapsed time by the next one.
  std::vector<std::uint32_t> starts;
  for (std::size_t s : sessions)
    if (const auto st = file.view(s).raw(session::kStartTime)) starts.push_back(static_cast<std::uint32_t>(*st));
  std::sort(starts.begin(), starts.end());

  std::vector<SessionMetrics> out;
  const std::size_t count = sessions.empty() ? (records.empty() ? 0 : 1) : sessions.size();
  for (std::size_t k = 0; k < count; ++k) {
    SessionMetrics sm;
    sm.index = k;
    std::optional<MessageView> sv;
    if (!sessions.empty()) sv.emplace(file.view(sessions[k]));
    sm.from_session_message = sv.has_value();

    std::uint32_t begin = 0, end = std::numeric_limits<std::uint32_t>::max();
    if (sv) {
      if (const auto st = sv->raw(session::kStartTime)) begin = static_cast<std::uint32_t>(*st);
      else if (sv->message().has_timestamp) begin = sv->message().timestamp;
      sm.start_time = begin;
      if (const auto sport = sv->raw(session::kSport)) sm.sport = static_cast<std::uint8_t>(*sport);
      if (const auto sub = sv->raw(session::kSubSport)) sm.sub_sport = static_cast<std::uint8_t>(*sub);
      // A damaged or unusual file may declare the elapsed time signed, as a
      // float or wider: only a time that keeps the end within the 32-bit
      // clock bounds the session (found by the long fuzz run: a negative
      // elapsed time made the conversion undefined).
      const auto elapsed = sv->number(session::kElapsed);
      const double room = static_cast<double>(std::numeric_limits<std::uint32_t>::max() - begin);
      if (elapsed && *elapsed >= 0 && *elapsed + 0.999 < room) {
        end = begin + static_cast<std::uint32_t>(*elapsed + 0.999);
      } else if (sv->message().has_timestamp && sv->message().timestamp > begin) {
        end = sv->message().timestamp;
      } else {
        const auto next = std::upper_bound(starts.begin(), starts.end(), begin);
        if (next != starts.end()) end = *next;
      }
    } else {
      begin = records.front().t;
      end = records.back().t;
      sm.start_time = begin;
    }
    // Without a sport we cannot tell strides from crank revolutions, so no cadence.
    sm.foot_sport = sm.sport && is_foot_sport(*sm.sport);

    std::vector<RecordSample> in;
    for (const RecordSample& r : records)
      if (r.t >= begin && r.t <= end) in.push_back(r);
    auto rec = [&](std::uint8_t field) {
      return [&file, field](std::size_t m) { return file.view(m).number(field); };
    };
    auto mean = [&](std::uint8_t field) { return weighted_mean(in, timer, rec(field)); };
    auto session_number = [&](std::uint8_t field) -> std::optional<double> {
      return sv ? sv->number(field) : std::nullopt;
    };

    // Totals may honestly be 0, so they do not go through prefer's zero rule.
    auto total = [](std::optional<double> session_value, const std::function<std::optional<double>()>& compute) {
      return session_value ? from_session(session_value) : from_records(compute());
    };
    sm.duration_s = total(session_number(session::kTimer), [&]() -> std::optional<double> {
      if (in.empty()) return std::nullopt;
      return running_seconds(timer, in.front().t, in.back().t);
    });
    sm.elapsed_s = total(session_number(session::kElapsed), [&]() -> std::optional<double> {
      if (in.empty()) return std::nullopt;
      return in.back().t - in.front().t;
    });
    sm.distance_m = total(session_number(session::kDistance), [&]() -> std::optional<double> {
      std::optional<double> first, last;
      for (const auto& r : in)
        if (const auto d = file.view(r.message).number(record::kDistance)) {
          if (!first) first = d;
          last = d;
        }
      if (!first) return std::nullopt;
      return *last - *first;
    });
    sm.heart_rate_bpm = prefer(session_number(session::kAvgHeartRate), [&] { return mean(record::kHeartRate); });
    if (sm.foot_sport) {
      std::optional<double> session_cadence;
      if (const auto c = session_number(session::kAvgCadence))
        session_cadence = 2 * (*c + session_number(session::kAvgFractionalCadence).value_or(0));
      sm.cadence_spm = prefer(session_cadence, [&] {
        return weighted_mean(in, timer, [&file](std::size_t m) -> std::optional<double> {
          const auto v = file.view(m);
          const auto c = v.number(record::kCadence);
          if (!c) return std::nullopt;
          return 2 * (*c + v.number(record::kFractionalCadence).value_or(0));
        });
      });
    }
    sm.ground_contact_ms = prefer(session_number(session::kAvgStanceTime), [&] { return mean(record::kStanceTime); });
    sm.ground_contact_balance_left_pct =
        prefer(session_number(session::kAvgStanceTimeBalance), [&] { return mean(record::kStanceTimeBalance); });
    sm.vertical_oscillation_mm =
        prefer(session_number(session::kAvgVerticalOscillation), [&] { return mean(record::kVerticalOscillation); });
    sm.vertical_ratio_pct =
        prefer(session_number(session::kAvgVerticalRatio), [&] { return mean(record::kVerticalRatio); });
    sm.step_length_mm = prefer(session_number(session::kAvgStepLength), [&] { return mean(record::kStepLength); });
    auto developer = [&](const char* name, std::initializer_list<const char*> units) {
      std::optional<double> at_session;
      if (sv) at_session = developer_value(file, *sv, name, units);
      return prefer(at_session, [&] {
        return weighted_mean(in, timer, [&](std::size_t m) { return developer_value(file, file.view(m), name, units); });
      });
    };
    sm.leg_spring_stiffness_kn_m = developer("Leg Spring Stiffness", {"kn/m"});
    sm.form_power_w = developer("Form Power", {"watts", "w"});

    // Local date: activity.local_timestamp - activity.timestamp is the UTC
    // offset. Files with relative times can still be dated when
    // local_timestamp is absolute: count back from it.
    if (activity_ts && activity_local) {
      const auto offset = static_cast<std::int64_t>(*activity_local) - static_cast<std::int64_t>(*activity_ts);
      if (*activity_ts >= kRelativeTimeLimit && offset >= -kMaxUtcOffset && offset <= kMaxUtcOffset)
        sm.utc_offset_s = static_cast<std::int32_t>(offset);
    }
    if (begin >= kRelativeTimeLimit) {
      sm.local_date = fit_date(static_cast<std::int64_t>(begin) + sm.utc_offset_s.value_or(0));
    } else if (activity_ts && activity_local && *activity_ts < kRelativeTimeLimit &&
               *activity_local >= kRelativeTimeLimit) {
      sm.local_date = fit_date(static_cast<std::int64_t>(*activity_local) -
                               (static_cast<std::int64_t>(*activity_ts) - static_cast<std::int64_t>(begin)));
    }
    out.push_back(std::move(sm));
  }
  return out;
}

}  // namespace gradus::fit

// Session metrics: checked against FitCSVTool's session rows for every
// corpus file, against a time-weighted mean computed from FitCSVTool's
// record rows, and on built files for the record fallback, pauses, zeros
// and the local date.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "engine/fit/decoder.hpp"
#include "engine/fit/profile.hpp"
#include "engine/fit/session_metrics.hpp"
#include "tests/fit/corpus.hpp"
#include "tests/fit/fit_builder.hpp"
#include "tests/fit/fitcsv.hpp"

using namespace gradus::fit;
using namespace gradus::fit::testing;

namespace {

std::optional<double> csv_number(const CsvRow& row, const std::string& name) {
  for (const auto& f : row.fields)
    if (f.name == name) return std::strtod(f.value.c_str(), nullptr);  // first element of an array
  return std::nullopt;
}

void check_metric(const Metric& ours, std::optional<double> csv, const char* what) {
  INFO(what);
  if (csv && *csv != 0) {
    REQUIRE(ours.value);
    CHECK(ours.source == MetricSource::Session);
    CHECK(*ours.value == Approx(*csv).epsilon(1e-9));
  } else if (ours.value) {
    // Not in the session message: it may only come from the records, and never as 0.
    CHECK(ours.source == MetricSource::Records);
    CHECK(*ours.value != 0);
  }
}

const char* kFiles[] = {"Fr955v19.28andStryd",      "6860622783",       "garmin-fenix-5-run",
                        "garmin-fenix-5-walk",      "triathlon_summary_last", "triathlon_summary_first",
                        "FR920xt-with-runscribe-plus", "Garmin920_withFirstbeat", "developer-types-sample",
                        "HRV-Data",                 "6916663933",       "3386684871",
                        "sample_mulitple_header",   "6914538454",       "compressed-speed-distance",
                        "antfs-dump.63",            "Activity",         "activity-settings",
                        "null_compressed_speed_dist", "coros-pace-2-cycling-misaligned-fields"};

}  // namespace

TEST_CASE("session metrics equal FitCSVTool's session values, cadence in steps", "[fit][metrics]") {
  for (const char* name : kFiles) {
    DYNAMIC_SECTION(name) {
      const auto r = decode(read_bytes(corpus_dir() + "/" + name + ".fit"));
      REQUIRE(r.ok());
      std::vector<CsvRow> sessions;
      for (auto& row : read_fitcsv_data_rows(corpus_dir() + "/ref/fitcsvtool/" + name + ".csv"))
        if (row.message == "session") sessions.push_back(std::move(row));
      const auto metrics = session_metrics(r.file);
      REQUIRE(metrics.size() == sessions.size());
      for (std::size_t i = 0; i < sessions.size(); ++i) {
        const CsvRow& s = sessions[i];
        const SessionMetrics& m = metrics[i];
        INFO("session " << i);
        check_metric(m.duration_s, csv_number(s, "total_timer_time"), "duration");
        check_metric(m.elapsed_s, csv_number(s, "total_elapsed_time"), "elapsed");
        check_metric(m.distance_m, csv_number(s, "total_distance"), "distance");
        check_metric(m.heart_rate_bpm, csv_number(s, "avg_heart_rate"), "heart rate");
        check_metric(m.ground_contact_ms, csv_number(s, "avg_stance_time"), "ground contact");
        check_metric(m.ground_contact_balance_left_pct, csv_number(s, "avg_stance_time_balance"), "balance");
        check_metric(m.vertical_oscillation_mm, csv_number(s, "avg_vertical_oscillation"), "vertical oscillation");
        check_metric(m.vertical_ratio_pct, csv_number(s, "avg_vertical_ratio"), "vertical ratio");
        check_metric(m.step_length_mm, csv_number(s, "avg_step_length"), "step length");
        const auto sport = csv_number(s, "sport");
        const bool on_foot = sport && (*sport == 1 || *sport == 11 || *sport == 17);
        CHECK(m.foot_sport == on_foot);
        if (on_foot) {
          // FIT cadence is strides per minute (one foot): steps = 2 x strides.
          auto strides = csv_number(s, "avg_running_cadence");
          if (!strides) strides = csv_number(s, "avg_cadence");
          std::optional<double> steps;
          if (strides) steps = 2 * (*strides + csv_number(s, "avg_fractional_cadence").value_or(0));
          check_metric(m.cadence_spm, steps, "cadence");
        } else {
          CHECK_FALSE(m.cadence_spm.value);
        }
      }
    }
  }
}

TEST_CASE("named sessions: walking cadence, GCT balance, Stryd developer fields, local date", "[fit][metrics]") {
  const auto walk = session_metrics(decode(read_bytes(corpus_dir() + "/garmin-fenix-5-walk.fit")).file);
  REQUIRE(walk.size() == 1);
  CHECK(*walk[0].sport == 11);
  CHECK(*walk[0].ground_contact_ms.value == Approx(474.1));
  CHECK(*walk[0].ground_contact_balance_left_pct.value == Approx(50.04));
  CHECK(walk[0].utc_offset_s == -25200);
  CHECK(walk[0].local_date == "2017-06-11");

  // No session heart rate (0 in the session, no HR in the records): null, not 0.
  const auto zwift = session_metrics(decode(read_bytes(corpus_dir() + "/null_compressed_speed_dist.fit")).file);
  REQUIRE(zwift.size() == 1);
  CHECK_FALSE(zwift[0].heart_rate_bpm.value);
  CHECK_FALSE(zwift[0].utc_offset_s);  // local_timestamp 0 is not an offset

  // Old watch with relative times: dated from activity.local_timestamp.
  const auto old = session_metrics(decode(read_bytes(corpus_dir() + "/compressed-speed-distance.fit")).file);
  REQUIRE(old.size() == 1);
  CHECK(old[0].local_date == "2012-02-13");
  CHECK_FALSE(old[0].utc_offset_s);
}

TEST_CASE("Stryd leg spring stiffness and form power are time-weighted record means", "[fit][metrics]") {
  // Fr955 + Stryd: the timer never pauses (elapsed == timer) and stops at
  // the last record, so the weights are the gaps between records (the last
  // record has none); recomputed here from FitCSVTool's rows.
  const std::string name = "Fr955v19.28andStryd";
  const auto metrics = session_metrics(decode(read_bytes(corpus_dir() + "/" + name + ".fit")).file);
  REQUIRE(metrics.size() == 1);
  struct Sample {
    double t;
    std::optional<double> lss, fp;
  };
  std::vector<Sample> samples;
  for (const auto& row : read_fitcsv_data_rows(corpus_dir() + "/ref/fitcsvtool/" + name + ".csv")) {
    if (row.message != "record") continue;
    samples.push_back({*csv_number(row, "timestamp"), csv_number(row, "Leg Spring Stiffness"),
                       csv_number(row, "Form Power")});
  }
  REQUIRE(samples.size() == 3118);
  auto mean = [&](auto get) {
    double sum = 0, weight = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const std::optional<double> v = get(samples[i]);
      if (!v || *v == 0) continue;
      const double w = i + 1 < samples.size() ? std::max(1.0, samples[i + 1].t - samples[i].t) : 0.0;
      sum += *v * w;
      weight += w;
    }
    return sum / weight;
  };
  REQUIRE(metrics[0].leg_spring_stiffness_kn_m.value);
  CHECK(metrics[0].leg_spring_stiffness_kn_m.source == MetricSource::Records);
  CHECK(*metrics[0].leg_spring_stiffness_kn_m.value == Approx(mean([](const Sample& s) { return s.lss; })));
  CHECK(*metrics[0].form_power_w.value == Approx(mean([](const Sample& s) { return s.fp; })));
  CHECK(*metrics[0].leg_spring_stiffness_kn_m.value > 5);
  CHECK(*metrics[0].leg_spring_stiffness_kn_m.value < 20);
}

TEST_CASE("without a session message, metrics come from the records, skipping pauses and zeros", "[fit][metrics]") {
  // Records every second from T; the timer stops at T+10 and restarts at
  // T+20. Running: cadence 80 strides + 0.5 fractional = 161 steps/min, GCT
  // 250 ms; paused records say 10 strides and 900 ms and must not count.
  const std::uint32_t T = 1000000000;  // 2021-09-08T01:46:40Z
  FitBuilder b;
  b.definition(0, mesg::kEvent, {{253, 4, 0x86}, {0, 1, 0x00}, {1, 1, 0x00}});
  b.definition(1, mesg::kRecord, {{253, 4, 0x86}, {4, 1, 0x02}, {53, 1, 0x02}, {41, 2, 0x84}, {3, 1, 0x02}});
  auto event = [&](std::uint32_t t, std::uint8_t type) {
    Bytes d;
    put_u32(d, t);
    d.push_back(0);
    d.push_back(type);
    b.data(0, d);
  };
  auto rec = [&](std::uint32_t t, std::uint8_t cadence, std::uint16_t gct, std::uint8_t hr) {
    Bytes d;
    put_u32(d, t);
    d.push_back(cadence);
    d.push_back(64);  // 0.5
    put_u16(d, gct);
    d.push_back(hr);
    b.data(1, d);
  };
  event(T, 0);
  for (std::uint32_t s = 0; s < 10; ++s) rec(T + s, 80, s == 3 ? 0 : 2500, 150);  // one zero GCT: no reading
  event(T + 10, 4);
  for (std::uint32_t s = 10; s < 20; ++s) rec(T + s, 10, 9000, 0xFF);  // paused (HR invalid)
  event(T + 20, 0);
  for (std::uint32_t s = 20; s < 30; ++s) rec(T + s, 80, 2500, 160);
  b.definition(2, mesg::kActivity, {{253, 4, 0x86}, {5, 4, 0x86}});
  Bytes a;
  put_u32(a, T + 30);
  put_u32(a, T + 30 + 23 * 3600);  // UTC+23 h is no time zone: ignored
  b.data(2, a);
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  const auto m = session_metrics(r.file);
  REQUIRE(m.size() == 1);
  CHECK_FALSE(m[0].from_session_message);
  CHECK_FALSE(m[0].sport);
  CHECK_FALSE(m[0].cadence_spm.value);  // sport unknown: strides or crank revolutions?
  REQUIRE(m[0].ground_contact_ms.value);
  CHECK(m[0].ground_contact_ms.source == MetricSource::Records);
  CHECK(*m[0].ground_contact_ms.value == Approx(250));
  CHECK(*m[0].heart_rate_bpm.value == Approx((150.0 * 10 + 160.0 * 10) / 20));
  CHECK(*m[0].duration_s.value == Approx(19));  // T..T+10 and T+20..T+29
  CHECK(*m[0].elapsed_s.value == Approx(29));
  CHECK_FALSE(m[0].distance_m.value);
  CHECK_FALSE(m[0].vertical_oscillation_mm.value);
  CHECK_FALSE(m[0].leg_spring_stiffness_kn_m.value);
  CHECK_FALSE(m[0].utc_offset_s);
  CHECK(m[0].local_date == "2021-09-08");  // UTC
}

TEST_CASE("a running session without averages uses its records; the local date crosses midnight", "[fit][metrics]") {
  const std::uint32_t T = 1000078200;  // 2021-09-08T23:30:00Z, 00:30 the next day at UTC+1
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{253, 4, 0x86}, {4, 1, 0x02}, {53, 1, 0x02}});
  for (std::uint32_t s = 0; s < 5; ++s) {
    Bytes d;
    put_u32(d, T + s);
    d.push_back(s < 2 ? 85 : 90);
    d.push_back(0);
    b.data(0, d);
  }
  b.definition(1, mesg::kSession, {{253, 4, 0x86}, {2, 4, 0x86}, {5, 1, 0x00}, {7, 4, 0x86}, {8, 4, 0x86}});
  Bytes s;
  put_u32(s, T + 5);
  put_u32(s, T);
  s.push_back(1);   // running
  put_u32(s, 5000);  // 5 s elapsed
  put_u32(s, 5000);
  b.data(1, s);
  b.definition(2, mesg::kActivity, {{253, 4, 0x86}, {5, 4, 0x86}});
  Bytes a;
  put_u32(a, T + 5);
  put_u32(a, T + 5 + 3600);
  b.data(2, a);
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  const auto m = session_metrics(r.file);
  REQUIRE(m.size() == 1);
  CHECK(m[0].foot_sport);
  REQUIRE(m[0].cadence_spm.value);
  CHECK(m[0].cadence_spm.source == MetricSource::Records);
  CHECK(*m[0].cadence_spm.value == Approx(2 * (85.0 * 2 + 90.0 * 3) / 5));
  CHECK(m[0].utc_offset_s == 3600);
  CHECK(fit_date(T) == "2021-09-08");
  CHECK(m[0].local_date == "2021-09-09");
}

TEST_CASE("FIT seconds to civil dates", "[fit][metrics]") {
  CHECK(fit_date(0) == "1989-12-31");
  CHECK(fit_date(86399) == "1989-12-31");
  CHECK(fit_date(86400) == "1990-01-01");
  CHECK(fit_date(-1) == "1989-12-30");
  CHECK(fit_date(1000000000) == "2021-09-08");
  CHECK(fit_date(1330473600 - 631065600) == "2012-02-29");  // a leap day
}

// Found by the long fuzz run (docs/testing.md): an elapsed time declared
// signed and negative, or as a float beyond the 32-bit clock, was converted
// to an unsigned time (undefined behaviour). Such a time does not bound the
// session; the session's own timestamp does.
TEST_CASE("a negative or enormous session elapsed time is not used to bound the session", "[fit][metrics]") {
  const std::uint32_t T = 1000000000;
  struct Case {
    const char* what;
    std::uint8_t base_type;
    Bytes elapsed;
  };
  Bytes negative;
  put_u32(negative, static_cast<std::uint32_t>(-5000));  // sint32: -5 s
  Bytes enormous;
  put_u64(enormous, 0x4415AF1D78B58C40);  // float64: 1e20 ms
  const Case cases[] = {{"sint32 -5 s", 0x85, negative}, {"float64 1e20", 0x89, enormous}};
  for (const auto& c : cases) {
    INFO(c.what);
    FitBuilder b;
    b.definition(0, mesg::kRecord, {{253, 4, 0x86}, {4, 1, 0x02}});
    for (std::uint32_t s = 0; s < 5; ++s) {
      Bytes d;
      put_u32(d, T + s);
      d.push_back(80);
      b.data(0, d);
    }
    b.definition(1, mesg::kSession,
                 {{253, 4, 0x86}, {2, 4, 0x86}, {5, 1, 0x00}, {7, static_cast<std::uint8_t>(c.elapsed.size()), c.base_type}});
    Bytes s;
    put_u32(s, T + 4);
    put_u32(s, T);
    s.push_back(1);  // running
    s.insert(s.end(), c.elapsed.begin(), c.elapsed.end());
    b.data(1, s);
    const auto r = decode(b.build());
    REQUIRE(r.ok());
    const auto m = session_metrics(r.file);
    REQUIRE(m.size() == 1);
    // Bounded by the session's timestamp: all five records count.
    REQUIRE(m[0].cadence_spm.value);
    CHECK(*m[0].cadence_spm.value == Approx(160));
  }
}

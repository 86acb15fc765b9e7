// `gradus import FILE.fit|FILE.csv... --log LOG [--protocol P] [--date D]
// [--map INPUT=FIELD]...`: write watch sessions or spreadsheet rows into an
// athlete's log (tools/gradus/cli_import_log.cpp, docs/data.md).
// `gradus import FILE.fit... --dry-run [--format json|text]` without --log:
// decode watch activities and print each session's gait metrics
// (engine/fit); docs/fit.md lists the keys and units.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/diag/render_text.hpp"
#include "engine/fit/decoder.hpp"
#include "engine/fit/session_metrics.hpp"
#include "tools/gradus/cli_import_log.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_read_fit.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus import FILE.fit|FILE.csv... --log LOG [--protocol FILE] [--date D] [--map INPUT=FIELD]...
       gradus import FILE.fit... --dry-run [--format json|text]

Write watch activities (FIT files) or a spreadsheet export (CSV) into an
athlete's log. Each running or walking session's metrics go to the entry of
the activity's local date (amending it if the day has one, keeping the
values already there), under the protocol's input names: cadence_spm ->
cadence, ground_contact_ms -> gct, ground_contact_balance_left_pct ->
gct_balance, vertical_oscillation_mm -> vertical_oscillation,
vertical_ratio_pct -> vertical_ratio, step_length_mm -> step_length,
heart_rate_bpm -> heart_rate, leg_spring_stiffness_kn_m -> leg_stiffness,
form_power_w -> form_power. Only inputs the protocol declares are written,
converted to their declared unit. A CSV has a header row: `date`, then input
names (or names mapped with --map). Every value is validated before anything
is written, and the log is replaced atomically. Details: docs/data.md.

Without --log, --dry-run shows each FIT session's metrics (keys and units:
docs/fit.md): cadence (steps/min), ground contact time and balance, vertical
oscillation, vertical ratio, step length, heart rate, distance, duration, and
the Stryd developer fields leg spring stiffness and form power. A metric the
file does not carry is null.

Options:
  --log LOG          the athlete's log to write into
  --protocol FILE    the log's protocol (default: the *.gradus beside the log
                     whose id is the log's `protocol:`)
  --date D           the day to write FIT sessions to (default: each
                     activity's local date)
  --map INPUT=FIELD  INPUT takes the metric FIELD (or, for a CSV, the column
                     FIELD); INPUT=none writes nothing to INPUT; repeatable
  --dry-run          with --log: print the new log, change nothing;
                     without: only print the metrics
  --format FORMAT    without --log: text (default) or json (one object per session)
  -h, --help         show this help

Exit status: 0 written (or printed), 1 the log could not be written (it is
unchanged), 2 bad arguments, a file that cannot be read, a FIT file over
64 MiB (G0003) or damaged (G0601, with the byte offset of the damage), an
invalid value, or a protocol or log with errors (nothing written).

Examples:
  gradus import morning-run.fit --log athlete.log.yaml --protocol protocols/bsi-tibia.gradus
  gradus import clinic.csv --log athlete.log.yaml --map rpe=RPE --map pain_during=Pain
  gradus import --dry-run --format json morning-run.fit
)";

struct MetricKey {
  const char* key;
  fit::Metric fit::SessionMetrics::*member;
  const char* unit;  // for the text format
};

constexpr MetricKey kMetrics[] = {
    {"duration_s", &fit::SessionMetrics::duration_s, "s"},
    {"elapsed_s", &fit::SessionMetrics::elapsed_s, "s"},
    {"distance_m", &fit::SessionMetrics::distance_m, "m"},
    {"heart_rate_bpm", &fit::SessionMetrics::heart_rate_bpm, "bpm"},
    {"cadence_spm", &fit::SessionMetrics::cadence_spm, "steps/min"},
    {"ground_contact_ms", &fit::SessionMetrics::ground_contact_ms, "ms"},
    {"ground_contact_balance_left_pct", &fit::SessionMetrics::ground_contact_balance_left_pct, "% left"},
    {"vertical_oscillation_mm", &fit::SessionMetrics::vertical_oscillation_mm, "mm"},
    {"vertical_ratio_pct", &fit::SessionMetrics::vertical_ratio_pct, "%"},
    {"step_length_mm", &fit::SessionMetrics::step_length_mm, "mm"},
    {"leg_spring_stiffness_kn_m", &fit::SessionMetrics::leg_spring_stiffness_kn_m, "kN/m"},
    {"form_power_w", &fit::SessionMetrics::form_power_w, "W"},
};

// Three decimals is finer than any of these sensors; keeps JSON readable.
double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::ordered_json to_json(const std::string& path, const fit::SessionMetrics& s) {
  nlohmann::ordered_json j;
  j["file"] = path;
  j["session"] = s.index;
  j["date"] = s.local_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.local_date);
  j["utc_offset_s"] = s.utc_offset_s ? nlohmann::ordered_json(*s.utc_offset_s) : nlohmann::ordered_json();
  j["start_time_fit"] = s.start_time ? nlohmann::ordered_json(*s.start_time) : nlohmann::ordered_json();
  j["sport"] = s.sport ? nlohmann::ordered_json(*s.sport) : nlohmann::ordered_json();
  j["sub_sport"] = s.sub_sport ? nlohmann::ordered_json(*s.sub_sport) : nlohmann::ordered_json();
  nlohmann::ordered_json sources = nlohmann::ordered_json::object();
  for (const MetricKey& k : kMetrics) {
    const fit::Metric& m = s.*(k.member);
    j[k.key] = m.value ? nlohmann::ordered_json(rounded(*m.value)) : nlohmann::ordered_json();
    if (m.value) sources[k.key] = m.source == fit::MetricSource::Session ? "session" : "records";
  }
  j["sources"] = sources;
  return j;
}

void print_text(std::ostream& out, const std::string& path, const fit::SessionMetrics& s) {
  out << path << " session " << s.index << ": " << (s.local_date.empty() ? "undated" : s.local_date);
  if (s.sport) out << ", sport " << static_cast<int>(*s.sport);
  out << '\n';
  for (const MetricKey& k : kMetrics) {
    const fit::Metric& m = s.*(k.member);
    out << "  " << std::left << std::setw(34) << k.key;
    if (m.value) {
      std::ostringstream v;
      v << std::fixed << std::setprecision(1) << *m.value;
      out << v.str() << ' ' << k.unit << (m.source == fit::MetricSource::Records ? " (from records)" : "");
    } else {
      out << "-";
    }
    out << '\n';
  }
}

Diagnostic fit_diagnostic(const SourcePtr& source, Severity severity, const char* code, const fit::Error& e) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.source = source;
  d.message = e.message + " at byte " + std::to_string(e.offset);
  return d;
}


int run_import(int argc, char** argv) {
  po::options_description named("Options");
  named.add_options()("dry-run", "only print")("format", po::value<std::string>()->default_value("text"), "format")(
      "log", po::value<std::string>(), "log file")("date", po::value<std::string>(), "date")("help,h", "help")(
      "protocol", po::value<std::string>(), "protocol file")("map", po::value<std::vector<std::string>>(), "INPUT=FIELD")(
      "file", po::value<std::vector<std::string>>()->multitoken(), "FIT files");
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  if (auto done = parse_options("import", kUsage, argc, argv, named, positional, vm)) return *done;
  const std::string format = vm["format"].as<std::string>();
  if (!check_format("import", format, {"text", "json"}, std::cerr)) return kExitUsage;
  if (!vm.count("file")) return usage_error("import", "no FIT or CSV file given");
  if (vm.count("log")) {
    if (!vm["format"].defaulted()) return usage_error("import", "--format is for --dry-run without --log");
    ImportArgs args;
    args.files = vm["file"].as<std::vector<std::string>>();
    args.log = vm["log"].as<std::string>();
    if (vm.count("protocol")) args.protocol = vm["protocol"].as<std::string>();
    if (vm.count("date")) args.date = vm["date"].as<std::string>();
    if (vm.count("map")) args.map = vm["map"].as<std::vector<std::string>>();
    args.dry_run = vm.count("dry-run") > 0;
    return import_into_log(args);
  }
  if (!vm.count("dry-run")) return usage_error("import", "give the log to write into with --log LOG (or --dry-run to only show the metrics)");
  if (vm.count("protocol") || vm.count("map") || vm.count("date"))
    return usage_error("import", "--protocol, --map and --date need --log");

  int status = kExitOk;
  Diagnostics diagnostics;
  nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
  for (const std::string& path : vm["file"].as<std::vector<std::string>>()) {
    const auto bytes = read_fit_for_import(path, diagnostics);
    if (!bytes) {
      status = kExitUsage;
      continue;
    }
    const auto result = fit::decode(*bytes);
    // The Source carries the path only: a FIT file has no lines to quote.
    const auto source = std::make_shared<const Source>(path, std::string());
    for (const auto& w : result.warnings) diagnostics.push_back(fit_diagnostic(source, Severity::Warning, "G0602", w));
    if (result.error) {
      diagnostics.push_back(fit_diagnostic(source, Severity::Error, "G0601", *result.error));
      status = kExitUsage;
      continue;  // nothing is imported from a damaged file
    }
    for (const auto& s : fit::session_metrics(result.file)) {
      if (format == "json") sessions.push_back(to_json(path, s));
      else print_text(std::cout, path, s);
    }
  }
  if (format == "json") std::cout << sessions.dump(2) << '\n';
  render_text(std::cerr, diagnostics);
  return status;
}

const CommandRegistration reg{"import", "write FIT activities' gait metrics or a CSV export into a log (or --dry-run: show them)",
                              &run_import};

}  // namespace
}  // namespace gradus::cli

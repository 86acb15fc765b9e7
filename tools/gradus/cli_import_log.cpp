#include "tools/gradus/cli_import_log.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>

#include "dsl/source/read_source.hpp"
#include "engine/fit/decoder.hpp"
#include "engine/fit/session_metrics.hpp"
#include "engine/log/csv.hpp"
#include "engine/log/csv_import.hpp"
#include "engine/log/import_map.hpp"
#include "engine/log/load.hpp"
#include "tools/gradus/cli_log_write.hpp"
#include "tools/gradus/cli_read_fit.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

struct MetricMember {
  std::string_view field;  // an import_map fit_metric_fields() key
  fit::Metric fit::SessionMetrics::*member;
};

constexpr MetricMember kMembers[] = {
    {"duration_s", &fit::SessionMetrics::duration_s},
    {"elapsed_s", &fit::SessionMetrics::elapsed_s},
    {"distance_m", &fit::SessionMetrics::distance_m},
    {"heart_rate_bpm", &fit::SessionMetrics::heart_rate_bpm},
    {"cadence_spm", &fit::SessionMetrics::cadence_spm},
    {"ground_contact_ms", &fit::SessionMetrics::ground_contact_ms},
    {"ground_contact_balance_left_pct", &fit::SessionMetrics::ground_contact_balance_left_pct},
    {"vertical_oscillation_mm", &fit::SessionMetrics::vertical_oscillation_mm},
    {"vertical_ratio_pct", &fit::SessionMetrics::vertical_ratio_pct},
    {"step_length_mm", &fit::SessionMetrics::step_length_mm},
    {"leg_spring_stiffness_kn_m", &fit::SessionMetrics::leg_spring_stiffness_kn_m},
    {"form_power_w", &fit::SessionMetrics::form_power_w},
};

bool is_csv(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

Diagnostic host_diagnostic(const std::string& path, Severity severity, const char* code, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.source = std::make_shared<const Source>(path, std::string());
  d.message = std::move(message);
  return d;
}

// The sessions of one FIT file as edits; false when the file cannot be used.
bool fit_edits(const std::string& path, const ImportArgs& args, const ast::Protocol& protocol, const ImportMap& map,
               std::vector<LogEdit>& edits, Diagnostics& diagnostics) {
  const auto bytes = read_fit_for_import(path, diagnostics);
  if (!bytes) return false;
  const auto decoded = fit::decode(*bytes);
  for (const auto& w : decoded.warnings) {
    diagnostics.push_back(host_diagnostic(path, Severity::Warning, "G0602", w.message + " at byte " + std::to_string(w.offset)));
  }
  if (decoded.error) {
    // A damaged file is not imported at all: its last session may be cut short.
    diagnostics.push_back(host_diagnostic(path, Severity::Error, "G0601",
                                          decoded.error->message + " at byte " + std::to_string(decoded.error->offset)));
    return false;
  }
  const auto sessions = fit::session_metrics(decoded.file);
  if (sessions.empty()) {
    diagnostics.push_back(host_diagnostic(path, Severity::Error, "G0601", "the file holds no activity session"));
    return false;
  }
  for (const auto& s : sessions) {
    const std::string origin = path + " session " + std::to_string(s.index);
    if (!s.foot_sport) {
      diagnostics.push_back(host_diagnostic(path, Severity::Warning, "G0604",
                                            "session " + std::to_string(s.index) + " is not a run or a walk (sport " +
                                                (s.sport ? std::to_string(*s.sport) : std::string("unknown")) + "); skipped"));
      continue;
    }
    std::optional<Date> date;
    if (args.date) date = parse_date(*args.date);
    else if (!s.local_date.empty()) date = parse_date(s.local_date);
    if (!date) {
      diagnostics.push_back(host_diagnostic(path, Severity::Error, "G0604",
                                            "session " + std::to_string(s.index) +
                                                " has no date (the watch recorded no clock time); give it with --date"));
      return false;
    }
    std::vector<MetricValue> values;
    for (const auto& m : kMembers) {
      const fit::Metric& metric = s.*(m.member);
      if (metric.value) values.push_back({std::string(m.field), *metric.value});
    }
    EntryFields fields = fit_entry_fields(origin, values, protocol, map, diagnostics);
    if (fields.fields.empty()) {
      diagnostics.push_back(host_diagnostic(path, Severity::Warning, "G0604",
                                            "session " + std::to_string(s.index) + ": no metric of this session maps to an input of " +
                                                protocol.id + "; nothing to write (see docs/data.md, or use --map)"));
      continue;
    }
    edits.push_back(LogEdit{*date, std::move(fields)});
  }
  return true;
}

bool csv_edits(const std::string& path, const ast::Protocol& protocol, const ImportMap& map, std::vector<LogEdit>& edits,
               Diagnostics& diagnostics) {
  const LogLimits limits;
  ReadResult read = read_source(path, limits.max_bytes);
  if (!read.ok()) {
    if (read.error.empty()) {
      for (auto& d : read.diagnostics) diagnostics.push_back(std::move(d));
    } else {
      std::cerr << "gradus import: " << read.error << "\n";
    }
    return false;
  }
  CsvReadResult table = read_csv(read.source);
  for (auto& d : table.diagnostics) diagnostics.push_back(std::move(d));
  if (!table.table) return false;
  CsvImportResult rows = csv_log_edits(read.source, *table.table, protocol, map);
  for (auto& d : rows.diagnostics) diagnostics.push_back(std::move(d));
  if (has_errors(rows.diagnostics)) return false;
  for (auto& e : rows.edits) edits.push_back(std::move(e));
  return true;
}

}  // namespace

int import_into_log(const ImportArgs& args) {
  if (args.date && !parse_date(*args.date)) {
    std::cerr << "gradus import: --date '" << *args.date << "' is not a date (expected YYYY-MM-DD, a real calendar day)\n";
    return kExitUsage;
  }
  ImportMapResult map = parse_import_map(args.map);
  if (has_errors(map.diagnostics)) {
    print_diagnostics(map.diagnostics);
    return kExitUsage;
  }
  auto target = open_log_for_edit("import", args.log, args.protocol);
  if (!target) return kExitUsage;

  const bool any_fit = std::any_of(args.files.begin(), args.files.end(), [](const auto& f) { return !is_csv(f); });
  if (any_fit) {
    const Diagnostics bad_map = check_fit_map(map.map, target->protocol);
    if (!bad_map.empty()) {
      print_diagnostics(bad_map);
      return kExitUsage;
    }
  }

  std::vector<LogEdit> edits;
  Diagnostics diagnostics;
  bool ok = true;
  for (const auto& path : args.files) {
    ok = (is_csv(path) ? csv_edits(path, target->protocol, map.map, edits, diagnostics)
                       : fit_edits(path, args, target->protocol, map.map, edits, diagnostics)) &&
         ok;
  }
  // Two sessions of one day (a run and a walk) must not silently overwrite each other's values.
  std::map<std::pair<Date, std::string>, std::pair<std::string, std::string>> written;  // (day, name) -> (from, value)
  for (const auto& edit : edits) {
    for (const auto& f : edit.fields.fields) {
      const std::string from = edit.fields.source->path();
      const auto [it, fresh] = written.emplace(std::pair{edit.date, f.name}, std::pair{from, f.value});
      if (!fresh && it->second.second != f.value) {
        diagnostics.push_back(host_diagnostic(from, Severity::Error, "G0604",
                                              to_string(edit.date) + ": `" + f.name + "` would be " + it->second.second +
                                                  " from " + it->second.first + " and " + f.value + " from " + from));
        diagnostics.back().help = "import one of them (or give --date for one), or drop the value with --map " + f.name + "=none";
      }
    }
  }
  print_diagnostics(diagnostics);
  if (!ok || has_errors(diagnostics)) {
    std::cerr << "gradus import: nothing was written to " << args.log << "\n";
    return kExitUsage;
  }
  if (edits.empty()) {
    std::cerr << "gradus import: nothing to import into " << args.log << "\n";
    return kExitUsage;
  }
  return write_log_edits("import", *target, edits, WriteOptions{args.dry_run});
}

}  // namespace gradus::cli

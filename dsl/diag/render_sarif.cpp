#include "dsl/diag/render_sarif.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "dsl/diag/codes.hpp"
#include "dsl/diag/render_json.hpp"

namespace gradus {
namespace {

using json = nlohmann::ordered_json;

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

json rule_for(const std::string& code, Severity emitted, const SarifRun& run) {
  const CodeInfo* info = find_code(code);
  json rule = json::object();
  rule["id"] = code;
  rule["shortDescription"] = json::object();
  rule["shortDescription"]["text"] = info ? std::string(info->title) : code;
  if (!run.docs_uri.empty()) rule["helpUri"] = run.docs_uri + "#" + lower(code);
  rule["defaultConfiguration"] = json::object();
  rule["defaultConfiguration"]["level"] = sarif_level(info ? info->severity : emitted);
  return rule;
}

json physical_location(const Diagnostic& d, const Span& span) {
  json loc = json::object();
  loc["artifactLocation"] = json::object();
  loc["artifactLocation"]["uri"] = path_to_uri(d.source->path());
  if (span.valid()) {
    json region = json::object();
    region["startLine"] = span.line;
    region["startColumn"] = std::max<std::uint32_t>(span.column, 1);
    // SARIF's endColumn, like Span's, is the column just after the region.
    const bool same_line = span.end_line <= span.line;
    region["endLine"] = same_line ? span.line : span.end_line;
    region["endColumn"] = same_line ? std::max<std::uint32_t>(span.end_column, std::max<std::uint32_t>(span.column, 1))
                                    : std::max<std::uint32_t>(span.end_column, 1);
    loc["region"] = std::move(region);
  }
  return loc;
}

// The message a reviewer sees in a code-scanning alert: the finding, then
// the notes and the fix, which SARIF has no separate field for.
std::string message_text(const Diagnostic& d) {
  std::string text = d.message;
  if (!d.label.empty()) text += " (" + d.label + ")";
  for (const auto& n : d.notes) text += "\nnote: " + n;
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  return text;
}

}  // namespace

std::string path_to_uri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

json diagnostics_to_sarif(const Diagnostics& diagnostics, const SarifRun& run) {
  // One reportingDescriptor per code used, sorted by id; results point at
  // them by index.
  std::map<std::string, Severity> used;
  for (const auto& d : diagnostics) used.emplace(d.code, d.severity);
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  for (const auto& [code, severity] : used) {
    index[code] = rules.size();
    rules.push_back(rule_for(code, severity, run));
  }

  json driver = json::object();
  driver["name"] = "gradus";
  if (!run.tool_version.empty()) driver["version"] = run.tool_version;
  if (!run.information_uri.empty()) driver["informationUri"] = run.information_uri;
  driver["rules"] = std::move(rules);

  json results = json::array();
  for (const auto& d : diagnostics) {
    json r = json::object();
    r["ruleId"] = d.code;
    r["ruleIndex"] = index[d.code];
    r["level"] = sarif_level(d.severity);
    r["message"] = json::object();
    r["message"]["text"] = message_text(d);
    if (d.source) {
      json location = json::object();
      location["physicalLocation"] = physical_location(d, d.span);
      r["locations"] = json::array();
      r["locations"].push_back(std::move(location));
      json related = json::array();
      int id = 0;
      for (const auto& l : d.labels) {
        json rl = json::object();
        rl["id"] = id++;
        rl["physicalLocation"] = physical_location(d, l.span);
        rl["message"] = json::object();
        rl["message"]["text"] = l.message;
        related.push_back(std::move(rl));
      }
      if (!related.empty()) r["relatedLocations"] = std::move(related);
    }
    results.push_back(std::move(r));
  }

  json invocation = json::object();
  invocation["executionSuccessful"] = run.tool_errors.empty();
  if (!run.tool_errors.empty()) {
    json notifications = json::array();
    for (const auto& e : run.tool_errors) {
      json n = json::object();
      n["level"] = "error";
      n["message"] = json::object();
      n["message"]["text"] = e;
      notifications.push_back(std::move(n));
    }
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }

  json sarif_run = json::object();
  sarif_run["tool"] = json::object();
  sarif_run["tool"]["driver"] = std::move(driver);
  sarif_run["invocations"] = json::array();
  sarif_run["invocations"].push_back(std::move(invocation));
  sarif_run["columnKind"] = "unicodeCodePoints";
  sarif_run["results"] = std::move(results);

  json log = json::object();
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = json::array();
  log["runs"].push_back(std::move(sarif_run));
  return log;
}

void render_sarif(std::ostream& out, const Diagnostics& diagnostics, const SarifRun& run) {
  out << dump_json(diagnostics_to_sarif(diagnostics, run)) << '\n';
}

}  // namespace gradus

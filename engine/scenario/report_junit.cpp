#include "engine/scenario/report.hpp"

namespace gradus {
namespace {

std::string xml(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    text += (d.source ? d.source->path() : std::string("?")) + ":" + std::to_string(d.span.line) + ":" +
            std::to_string(d.span.column) + ": " + to_string(d.severity) + "[" + d.code + "]: " + d.message + "\n";
  }
  return text;
}

}  // namespace

void render_scenarios_junit(std::ostream& out, const std::vector<ScenarioFileResult>& files) {
  const ScenarioTotals all = totals(files);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"gradus test\" tests=\"" << all.passed + all.failed + all.errors << "\" failures=\""
      << all.failed << "\" errors=\"" << all.errors << "\">\n";
  for (const auto& f : files) {
    std::size_t failures = 0, errors = has_errors(f.diagnostics) ? 1 : 0;
    for (const auto& c : f.cases) {
      if (c.error()) ++errors;
      else if (!c.passed()) ++failures;
    }
    const std::size_t tests = f.cases.size() + (has_errors(f.diagnostics) ? 1 : 0);
    out << "  <testsuite name=\"" << xml(f.path) << "\" tests=\"" << tests << "\" failures=\"" << failures
        << "\" errors=\"" << errors << "\">\n";
    if (has_errors(f.diagnostics)) {
      out << "    <testcase classname=\"" << xml(f.path) << "\" name=\"(scenario file)\">\n"
          << "      <error message=\"the scenario file or its protocol cannot be used\">" << xml(diagnostics_text(f.diagnostics))
          << "</error>\n    </testcase>\n";
    }
    for (const auto& c : f.cases) {
      out << "    <testcase classname=\"" << xml(f.protocol_path) << "\" name=\"" << xml(c.name) << "\" file=\""
          << xml(f.path) << "\" line=\"" << c.span.line << "\"";
      if (c.passed()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      if (c.error()) {
        out << "      <error message=\"the case cannot be run\">" << xml(diagnostics_text(c.diagnostics)) << "</error>\n";
      } else {
        std::string details, summary;
        for (const auto& e : c.expectations) {
          if (e.passed) continue;
          details += "on " + to_string(e.date) + ":\n";
          for (const auto& d : e.differences) {
            details += "  " + d + "\n";
            if (summary.empty()) summary = d;
          }
          if (!e.trace.empty()) details += "the session that decided it:\n" + e.trace;
        }
        out << "      <failure message=\"" << xml(summary) << "\">" << xml(details) << "</failure>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace gradus

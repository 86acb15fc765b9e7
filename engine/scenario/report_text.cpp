#include "engine/scenario/report.hpp"

#include <cstdio>

namespace gradus {

ScenarioTotals totals(const std::vector<ScenarioFileResult>& files) {
  ScenarioTotals t;
  for (const auto& f : files) {
    if (has_errors(f.diagnostics)) ++t.errors;
    for (const auto& c : f.cases) {
      if (c.error()) ++t.errors;
      else if (c.passed()) ++t.passed;
      else ++t.failed;
    }
  }
  return t;
}

namespace {

void indent(std::ostream& out, const std::string& text, const char* prefix) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out << prefix << text.substr(start, end - start) << "\n";
    start = end + 1;
  }
}

}  // namespace

void render_scenarios_text(std::ostream& out, const std::vector<ScenarioFileResult>& files) {
  for (const auto& f : files) {
    out << f.path << " (" << f.protocol_path << ")\n";
    for (const auto& c : f.cases) {
      const std::string where = f.path + ":" + std::to_string(c.span.line);
      if (c.error()) {
        out << "  ERROR " << c.name << "  [" << where << "]\n";
        continue;  // the diagnostics are rendered by the caller, with carets
      }
      if (c.passed()) {
        out << "  ok    " << c.name << "\n";
        continue;
      }
      out << "  FAIL  " << c.name << "  [" << where << "]\n";
      for (const auto& e : c.expectations) {
        if (e.passed) continue;
        out << "        on " << to_string(e.date) << ":\n";
        for (const auto& d : e.differences) out << "          " << d << "\n";
        if (!e.trace.empty()) {
          out << "        the session that decided it:\n";
          indent(out, e.trace, "          | ");
        }
      }
    }
    if (f.coverage) {
      const Coverage& cov = *f.coverage;
      char pct[32];
      std::snprintf(pct, sizeof pct, "%.1f%%", cov.percent());
      out << "  coverage " << pct << ": " << cov.rules_fired << " of " << cov.rules << " rules fired, "
          << cov.stages_reached << " of " << cov.stages << " stages reached\n";
      for (const auto& r : cov.rules_never_fired) out << "    never fired: " << r << "\n";
      for (const auto& s : cov.stages_never_reached) out << "    never reached: stage " << s << "\n";
    }
  }
}

}  // namespace gradus

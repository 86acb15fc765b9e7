#include "tools/gradus/cli_report.hpp"

namespace gradus::cli {

const char* const kProjectHome = "https://github.com/gradus-dsl/gradus";
const char* const kDiagnosticsDocs = "https://github.com/gradus-dsl/gradus/blob/main/docs/diagnostics.md";

namespace {

std::string plural(std::size_t n, const char* noun) { return std::to_string(n) + " more " + noun + (n == 1 ? "" : "s"); }

}  // namespace

ReportOutcome report_diagnostics(const Diagnostics& diagnostics, const ReportOptions& options, std::ostream& out,
                                 std::ostream& err) {
  ReportOutcome outcome;
  outcome.counts.files = options.files;
  outcome.counts.add(diagnostics);

  // --max-errors N: everything up to and including the Nth error is shown,
  // nothing after it (later warnings are usually noise by then).
  std::size_t shown = diagnostics.size();
  if (options.max_errors > 0) {
    std::size_t errors = 0;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
      if (diagnostics[i].severity == Severity::Error && ++errors == options.max_errors) {
        shown = i + 1;
        break;
      }
    }
  }
  const Diagnostics visible(diagnostics.begin(), diagnostics.begin() + static_cast<std::ptrdiff_t>(shown));
  outcome.hidden = diagnostics.size() - shown;

  RenderOptions render;
  render.text.colour = options.colour;
  render.sarif.tool_version = GRADUS_VERSION;
  render.sarif.information_uri = kProjectHome;
  render.sarif.docs_uri = kDiagnosticsDocs;
  render.sarif.tool_errors = options.tool_errors;
  render_diagnostics(options.format == DiagnosticFormat::Text ? err : out, visible, options.format, render);

  if (outcome.hidden > 0) {
    DiagnosticCounts cut;
    cut.add(Diagnostics(diagnostics.begin() + static_cast<std::ptrdiff_t>(shown), diagnostics.end()));
    std::string what;
    if (cut.errors) what = plural(cut.errors, "error");
    if (cut.warnings) what += (what.empty() ? "" : ", ") + plural(cut.warnings, "warning");
    if (cut.notes) what += (what.empty() ? "" : ", ") + plural(cut.notes, "note");
    err << "gradus " << options.command << ": " << what << " not shown (--max-errors " << options.max_errors
        << ")\n";
  }
  if (options.summary && options.files > 0) err << summary_line(outcome.counts) << "\n";
  return outcome;
}

}  // namespace gradus::cli

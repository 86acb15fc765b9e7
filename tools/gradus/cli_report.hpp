#pragma once
// Writing a subcommand's findings: the chosen format (text to stderr,
// machine formats to stdout), the --max-errors cut, and the closing summary
// on stderr ("2 errors, 1 warning in 3 files").
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "dsl/diag/render.hpp"

namespace gradus::cli {

// Where SARIF rules' helpUri and the driver's informationUri point. One
// place to change when the project moves (docs/diagnostics.md).
extern const char* const kProjectHome;
extern const char* const kDiagnosticsDocs;

struct ReportOptions {
  std::string command = "check";  // for messages: "gradus check: ..."
  DiagnosticFormat format = DiagnosticFormat::Text;
  bool colour = false;            // text only
  std::size_t max_errors = 0;     // stop after this many errors; 0 means all
  std::size_t files = 0;          // files that were read, for the summary
  std::vector<std::string> tool_errors;  // files that could not be read (SARIF invocation)
  bool summary = true;
};

struct ReportOutcome {
  DiagnosticCounts counts;  // every finding, shown or not
  std::size_t hidden = 0;   // findings cut by --max-errors
};

ReportOutcome report_diagnostics(const Diagnostics& diagnostics, const ReportOptions& options, std::ostream& out,
                                 std::ostream& err);

}  // namespace gradus::cli

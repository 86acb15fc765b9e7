#pragma once
// Diagnostics as a compiler prints them (docs/diagnostics.md, "Reading a
// diagnostic"):
//
//   protocols/bsi-tibia.gradus:31:23: error[G0203]: unit mismatch: ...
//      31 |     advance if cadence >= 30 min
//         |                ^^^^^^^^^^^^^^^^^ label
//         = note: ...
//   help: did you mean 165 spm?
#include <cstddef>
#include <ostream>
#include <string>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

struct TextStyle {
  bool colour = false;     // ANSI colours; the CLI decides (terminal, NO_COLOR)
  unsigned tab_width = 4;  // tabs in quoted lines expand to this grid
};

// One diagnostic, followed by an empty line.
void render_text(std::ostream& out, const Diagnostic& diagnostic, const TextStyle& style = {});
void render_text(std::ostream& out, const Diagnostics& diagnostics, const TextStyle& style = {});

// The first line alone, without colour: "file:line:column: error[G0203]:
// message" (for one-line reports such as JUnit failure text).
std::string headline(const Diagnostic& diagnostic);

// How many findings of each kind a run produced, for the closing summary.
struct DiagnosticCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t files = 0;

  void add(const Diagnostics& diagnostics);
};

// "2 errors, 1 warning in 3 files" / "no errors or warnings in 1 file".
std::string summary_line(const DiagnosticCounts& counts);

}  // namespace gradus

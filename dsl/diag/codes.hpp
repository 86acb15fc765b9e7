#pragma once
// The registry of stable diagnostic codes (like Regal's lint registry): each
// code has a default severity, a short title and a documentation anchor in
// docs/diagnostics.md. Every code emitted anywhere must be listed here; a unit
// test checks the list against docs/diagnostics.md.
//
// Ranges:
//   G00xx  files and limits (encoding, size, depth)
//   G01xx  syntax
//   G02xx  names, types and units
//   G03xx  stages and structure
//   G04xx  lints (warnings; errors under --strict)
//   G05xx  athlete logs (YAML)
//   G06xx  FIT and CSV imports
//   G07xx  scenario test files
#include <span>
#include <string_view>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

struct CodeInfo {
  std::string_view code;
  Severity severity;
  std::string_view title;
};

std::span<const CodeInfo> all_codes();
const CodeInfo* find_code(std::string_view code);

}  // namespace gradus

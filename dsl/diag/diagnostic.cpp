#include "dsl/diag/diagnostic.hpp"

#include <algorithm>

namespace gradus {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

DiagnosticBuilder make_diagnostic(Severity severity, SourcePtr source, Span span, std::string code, std::string message) {
  DiagnosticBuilder b;
  b.d.severity = severity;
  b.d.source = std::move(source);
  b.d.span = span;
  b.d.code = std::move(code);
  b.d.message = std::move(message);
  return b;
}

}  // namespace gradus

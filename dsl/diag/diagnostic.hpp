#pragma once
// Errors are values: every finding about an input file (protocol, log, test
// file, FIT file) is a Diagnostic carrying a span into its Source. One set of
// renderers (dsl/diag/render.hpp) turns them into text, JSON, SARIF or GitHub
// annotations; no library code prints.
#include <string>
#include <vector>

#include "dsl/source/source.hpp"

namespace gradus {

enum class Severity { Error, Warning, Note };

const char* to_string(Severity s);

// A secondary location ("first defined here").
struct Label {
  Span span;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, e.g. "G0203"; listed in dsl/diag/codes.cpp and docs/diagnostics.md
  std::string message;  // one line, lower case start, no trailing period
  SourcePtr source;     // the file the span points into (may be null for host errors)
  Span span;            // primary location; carets go under it
  std::string label;    // optional text printed after the carets
  std::vector<Label> labels;      // secondary locations in the same source
  std::vector<std::string> notes; // "note: ..." lines
  std::string help;               // "help: ..." line: how to fix it
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// Builders keep call sites short: error(src, span, "G0201", "unknown name 'x'").help(...)
struct DiagnosticBuilder {
  Diagnostic d;
  DiagnosticBuilder& help(std::string text) { d.help = std::move(text); return *this; }
  DiagnosticBuilder& note(std::string text) { d.notes.push_back(std::move(text)); return *this; }
  DiagnosticBuilder& label(std::string text) { d.label = std::move(text); return *this; }
  DiagnosticBuilder& secondary(Span span, std::string text) { d.labels.push_back({span, std::move(text)}); return *this; }
  // Chained calls (`error(...).help(...)`) return an lvalue, so converting
  // from one must work too; it copies.
  operator Diagnostic() const& { return d; }
  operator Diagnostic() && { return std::move(d); }
  Diagnostic build() && { return std::move(d); }
};

DiagnosticBuilder make_diagnostic(Severity severity, SourcePtr source, Span span, std::string code, std::string message);
inline DiagnosticBuilder error(SourcePtr source, Span span, std::string code, std::string message) {
  return make_diagnostic(Severity::Error, std::move(source), span, std::move(code), std::move(message));
}
inline DiagnosticBuilder warning(SourcePtr source, Span span, std::string code, std::string message) {
  return make_diagnostic(Severity::Warning, std::move(source), span, std::move(code), std::move(message));
}

}  // namespace gradus

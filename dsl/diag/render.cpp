#include "dsl/diag/render.hpp"

namespace gradus {

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name) {
  if (name == "text") return DiagnosticFormat::Text;
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "sarif") return DiagnosticFormat::Sarif;
  if (name == "github") return DiagnosticFormat::Github;
  return std::nullopt;
}

const char* to_string(DiagnosticFormat format) {
  switch (format) {
    case DiagnosticFormat::Text: return "text";
    case DiagnosticFormat::Json: return "json";
    case DiagnosticFormat::Sarif: return "sarif";
    case DiagnosticFormat::Github: return "github";
  }
  return "text";
}

void render_diagnostics(std::ostream& out, const Diagnostics& diagnostics, DiagnosticFormat format,
                        const RenderOptions& options) {
  switch (format) {
    case DiagnosticFormat::Text: render_text(out, diagnostics, options.text); return;
    case DiagnosticFormat::Json: render_json(out, diagnostics); return;
    case DiagnosticFormat::Sarif: render_sarif(out, diagnostics, options.sarif); return;
    case DiagnosticFormat::Github: render_github(out, diagnostics); return;
  }
}

}  // namespace gradus

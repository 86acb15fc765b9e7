#pragma once
// The one place diagnostics become output. Every subcommand that reports
// findings goes through render_diagnostics; the per-format renderers are in
// render_text/json/sarif/github.hpp.
#include <optional>
#include <ostream>
#include <string_view>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/diag/render_github.hpp"
#include "dsl/diag/render_json.hpp"
#include "dsl/diag/render_sarif.hpp"
#include "dsl/diag/render_text.hpp"

namespace gradus {

enum class DiagnosticFormat { Text, Json, Sarif, Github };

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name);
const char* to_string(DiagnosticFormat format);

struct RenderOptions {
  TextStyle text;  // text only
  SarifRun sarif;  // sarif only
};

void render_diagnostics(std::ostream& out, const Diagnostics& diagnostics, DiagnosticFormat format,
                        const RenderOptions& options = {});

}  // namespace gradus

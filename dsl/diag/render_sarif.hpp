#pragma once
// Diagnostics as a SARIF 2.1.0 log (OASIS), the format code-scanning services
// read: one run, the rules used (from the code registry) and one result per
// finding. Columns are Unicode code points (run.columnKind), as in Span.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

struct SarifRun {
  std::string tool_version;     // gradus --version
  std::string information_uri;  // the project's home page (absolute URI)
  std::string docs_uri;         // absolute URI of docs/diagnostics.md; helpUri is docs_uri#g0203
  // Problems that stopped files from being checked at all (unreadable
  // files): reported as tool execution notifications, and they make the
  // invocation unsuccessful.
  std::vector<std::string> tool_errors;
};

nlohmann::ordered_json diagnostics_to_sarif(const Diagnostics& diagnostics, const SarifRun& run);
void render_sarif(std::ostream& out, const Diagnostics& diagnostics, const SarifRun& run);

// A file path as a URI reference: relative paths stay relative (resolved
// against the directory gradus ran in), absolute ones become file:// URIs;
// bytes outside the unreserved set are percent-encoded.
std::string path_to_uri(const std::string& path);

}  // namespace gradus

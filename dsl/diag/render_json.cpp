#include "dsl/diag/render_json.hpp"

namespace gradus {
namespace {

// Positions are null for a finding about a whole file, so consumers never
// mistake "no position" for line 0.
void put_span(nlohmann::ordered_json& o, const Span& s) {
  if (s.valid()) {
    o["line"] = s.line;
    o["column"] = s.column;
    o["end_line"] = s.end_line;
    o["end_column"] = s.end_column;
  } else {
    o["line"] = nullptr;
    o["column"] = nullptr;
    o["end_line"] = nullptr;
    o["end_column"] = nullptr;
  }
}

nlohmann::ordered_json text_or_null(const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); }

}  // namespace

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["file"] = d.source ? nlohmann::ordered_json(d.source->path()) : nlohmann::ordered_json(nullptr);
  put_span(o, d.span);
  o["severity"] = to_string(d.severity);
  o["code"] = d.code;
  o["message"] = d.message;
  o["label"] = text_or_null(d.label);
  o["help"] = text_or_null(d.help);
  o["notes"] = d.notes;
  nlohmann::ordered_json labels = nlohmann::ordered_json::array();
  for (const auto& l : d.labels) {
    nlohmann::ordered_json lo = nlohmann::ordered_json::object();
    put_span(lo, l.span);
    lo["message"] = l.message;
    labels.push_back(std::move(lo));
  }
  o["labels"] = std::move(labels);
  return o;
}

nlohmann::ordered_json diagnostics_to_json(const Diagnostics& diagnostics) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) a.push_back(diagnostic_to_json(d));
  return a;
}

std::string dump_json(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void render_json(std::ostream& out, const Diagnostics& diagnostics) {
  out << dump_json(diagnostics_to_json(diagnostics)) << '\n';
}

}  // namespace gradus

#include "dsl/diag/render_github.hpp"

#include <algorithm>

#include "dsl/diag/render_utf8.hpp"

namespace gradus {
namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

const char* command_for(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

// printable() keeps line breaks out of the text itself; the breaks between
// message, notes and help are added afterwards and escaped as %0A.
std::string message_text(const Diagnostic& d) {
  std::string text = printable(d.message);
  if (!d.label.empty()) text += " (" + printable(d.label) + ")";
  for (const auto& n : d.notes) text += "\nnote: " + printable(n);
  if (!d.help.empty()) text += "\nhelp: " + printable(d.help);
  return text;
}

}  // namespace

std::string github_escape_data(std::string_view text) { return escape(text, false); }
std::string github_escape_property(std::string_view text) { return escape(text, true); }

std::string github_annotation(const Diagnostic& d) {
  std::string line = "::";
  line += command_for(d.severity);
  std::string properties;
  auto add = [&](const char* name, const std::string& value) {
    properties += properties.empty() ? " " : ",";
    properties += name;
    properties += '=';
    properties += github_escape_property(value);
  };
  if (d.source) {
    add("file", printable(d.source->path()));
    const Span& s = d.span;
    if (s.valid()) {
      // GitHub takes columns only for a single-line region, and its end
      // column is the last character covered (Span's is the one after).
      const bool one_line = s.end_line <= s.line;
      const std::uint32_t col = std::max<std::uint32_t>(s.column, 1);
      add("line", std::to_string(s.line));
      if (one_line) add("col", std::to_string(col));
      add("endLine", std::to_string(one_line ? s.line : s.end_line));
      if (one_line) add("endColumn", std::to_string(std::max(col, s.end_column > 0 ? s.end_column - 1 : col)));
    }
  }
  if (!d.code.empty()) add("title", d.code);
  line += properties;
  line += "::";
  line += github_escape_data(message_text(d));
  return line;
}

void render_github(std::ostream& out, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) out << github_annotation(d) << '\n';
}

}  // namespace gradus

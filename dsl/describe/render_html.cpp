#include "dsl/describe/description.hpp"

namespace gradus {
namespace {

std::string esc(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr const char* kStyle = R"(
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #2a6f97; padding-bottom: .2rem; color: #2a6f97; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; margin: 0 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #c8d3dc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8f0f6; }
tr:nth-child(even) td { background: #f7fafc; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
.note { background: #fff8e5; border-left: 4px solid #e0a800; padding: .5rem .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, li { break-inside: avoid; }
  tr:nth-child(even) td { background: none; }
}
)";

}  // namespace

std::string render_html(const Description& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(d.title) +
                    "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + esc(d.title) + "</h1>\n<p class=\"meta\">Protocol <code>" + esc(d.id) + "</code>";
  if (!d.version.empty()) out += ", version " + esc(d.version);
  out += "</p>\n";
  if (!d.citation.empty()) out += "<p class=\"meta\">Source: " + esc(d.citation) + "</p>\n";
  for (const auto& note : d.header_notes) out += "<p>" + esc(note) + "</p>\n";

  out += "<h2>What to log after each session</h2>\n<table>\n<tr><th>Item</th><th>Kind</th><th>Meaning</th></tr>\n";
  for (const auto& input : d.inputs) {
    out += "<tr><td><code>" + esc(input.name) + "</code></td><td>" + esc(input.type) + "</td><td>" +
           esc(input.description) + "</td></tr>\n";
  }
  out += "</table>\n";
  if (!d.terms.empty()) {
    out += "<h2>Terms</h2>\n<ul>\n";
    for (const auto& term : d.terms) out += "<li>" + esc(term) + "</li>\n";
    out += "</ul>\n";
  }
  if (!d.safety.empty()) {
    out += "<h2>Safety rules</h2>\n<p>Checked after every session, at every stage.</p>\n<ul>\n";
    for (const auto& rule : d.safety) out += "<li>" + esc(rule) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<h2>Stages</h2>\n<table>\n<tr><th>Phase</th><th>Stage</th><th>Session</th><th>How often</th><th>Move on "
         "when</th></tr>\n";
  for (const auto& s : d.stages) {
    out += "<tr><td>" + esc(s.phase) + "</td><td><b>" + esc(s.id) + "</b> " + esc(s.title) + "</td><td>" +
           esc(s.session) + "</td><td>" + esc(s.frequency) + "</td><td>" + esc(s.move_on) + "</td></tr>\n";
  }
  out += "</table>\n<h2>Rules stage by stage</h2>\n";
  for (const auto& s : d.stages) {
    out += "<h3>" + esc(s.id) + ": " + esc(s.title) + "</h3>\n";
    if (s.rules.empty()) {
      out += "<p>No rules of its own: the safety rules apply.</p>\n";
      continue;
    }
    out += "<ul>\n";
    for (const auto& rule : s.rules) out += "<li>" + esc(rule) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<h2>How the day's decision is made</h2>\n<p class=\"note\">After each session every rule is checked. A rule "
         "counts only when its condition is known to be true: missing scores never move anyone on. When several rules "
         "apply, the most careful wins: refer, then go back, then stay, then move on. When no rule applies, the athlete "
         "stays at the stage.</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace gradus

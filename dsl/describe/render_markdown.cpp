#include "dsl/describe/description.hpp"

namespace gradus {
namespace {

// Table cells may not hold a raw pipe or line break.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string render_markdown(const Description& d) {
  std::string out = "# " + d.title + "\n\n";
  out += "Protocol `" + d.id + "`";
  if (!d.version.empty()) out += ", version " + d.version;
  out += ".\n";
  if (!d.citation.empty()) out += "\nSource: " + d.citation + "\n";
  for (const auto& note : d.header_notes) out += "\n" + note + "\n";

  out += "\n## What to log after each session\n\n| Item | Kind | Meaning |\n|---|---|---|\n";
  for (const auto& input : d.inputs) {
    out += "| " + cell(input.name) + " | " + cell(input.type) + " | " + cell(input.description) + " |\n";
  }
  if (!d.terms.empty()) {
    out += "\n## Terms\n\n";
    for (const auto& term : d.terms) out += "- " + term + "\n";
  }
  if (!d.safety.empty()) {
    out += "\n## Safety rules (checked after every session, at every stage)\n\n";
    for (const auto& rule : d.safety) out += "- " + rule + "\n";
  }
  out += "\n## Stages\n\n| Phase | Stage | Session | How often | Move on when |\n|---|---|---|---|---|\n";
  for (const auto& s : d.stages) {
    out += "| " + cell(s.phase) + " | " + cell(s.id + ": " + s.title) + " | " + cell(s.session) + " | " +
           cell(s.frequency) + " | " + cell(s.move_on) + " |\n";
  }
  out += "\n## Rules stage by stage\n";
  for (const auto& s : d.stages) {
    out += "\n### " + s.id + ": " + s.title + "\n\n";
    if (s.rules.empty()) out += "No rules of its own: the safety rules apply.\n";
    for (const auto& rule : s.rules) out += "- " + rule + "\n";
  }
  out += "\n## How the day's decision is made\n\n"
         "After each session every rule is checked. A rule counts only when its condition is known to be true: "
         "missing scores never move anyone on. When several rules apply, the most careful wins: "
         "refer, then go back, then stay, then move on. When no rule applies, the athlete stays at the stage.\n";
  return out;
}

}  // namespace gradus

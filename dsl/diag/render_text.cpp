#include "dsl/diag/render_text.hpp"

#include <algorithm>
#include <sstream>

#include "dsl/diag/render_utf8.hpp"

namespace gradus {
namespace {

// Lines wider than this are quoted as a window starting a little before the span.
constexpr std::uint32_t kMaxQuoteWidth = 200;
constexpr std::uint32_t kQuoteLead = 40;

// ANSI escapes, or empty strings when colour is off, so the layout code is
// the same either way.
struct Palette {
  const char* reset;
  const char* bold;
  const char* error;
  const char* warning;
  const char* note;
  const char* gutter;
  const char* help;
};

constexpr Palette kColour{"\x1b[0m", "\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;34m", "\x1b[1;36m"};
constexpr Palette kPlain{"", "", "", "", "", "", ""};

const char* severity_colour(Severity s, const Palette& p) {
  switch (s) {
    case Severity::Error: return p.error;
    case Severity::Warning: return p.warning;
    case Severity::Note: return p.note;
  }
  return p.error;
}

std::size_t digits(std::uint32_t n) {
  std::size_t d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

bool quotable(const Diagnostic& d, const Span& span) {
  return d.source && span.valid() && span.line <= d.source->line_count();
}

struct Gutter {
  std::size_t width;
  const Palette& p;

  void number(std::ostream& out, std::uint32_t line) const {
    const std::string n = std::to_string(line);
    out << p.gutter << std::string(width - n.size(), ' ') << n << " |" << p.reset;
  }
  void blank(std::ostream& out) const { out << p.gutter << std::string(width, ' ') << " |" << p.reset; }
};

// The quoted line and a row of `mark` under the span (to the end of the first
// line for a span over several lines; one mark for an empty span).
void quote(std::ostream& out, const Source& source, const Span& span, char mark, const std::string& label,
           const char* mark_colour, const Gutter& gutter, unsigned tab_width) {
  std::string_view text = source.line_text(span.line);
  // A byte order mark is not a character: Source gives it no column.
  if (span.line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const DisplayLine line(text, tab_width);
  std::uint32_t start = line.screen_column(span.column);
  std::uint32_t stop = span.end_line == span.line ? line.screen_column(span.end_column) : line.width();
  if (stop <= start) stop = start + 1;

  // A very long line (minified text, a binary file) is shown as a window
  // around the span, with "..." where it was cut.
  std::string shown = line.text();
  if (line.width() > kMaxQuoteWidth) {
    const std::uint32_t from = start > kQuoteLead ? start - kQuoteLead : 0;
    const std::uint32_t to = std::min(line.width(), from + kMaxQuoteWidth);
    shown = (from > 0 ? "..." : "") + line.slice(from, to) + (to < line.width() ? "..." : "");
    const std::uint32_t shift = from > 0 ? 3 : 0;
    stop = std::min(stop, to) - from + shift;
    start = start - from + shift;
    if (stop <= start) stop = start + 1;
  }

  gutter.number(out, span.line);
  if (!shown.empty()) out << ' ' << shown;
  out << '\n';
  gutter.blank(out);
  out << ' ' << std::string(start, ' ') << mark_colour << std::string(stop - start, mark);
  if (!label.empty()) out << ' ' << printable(label);
  out << gutter.p.reset << '\n';
}

void write_headline(std::ostream& out, const Diagnostic& d, const Palette& p) {
  out << p.bold;
  if (d.source) {
    out << printable(d.source->path());
    if (d.span.valid()) out << ':' << d.span.line << ':' << std::max<std::uint32_t>(d.span.column, 1);
    out << ": ";
  }
  out << p.reset << severity_colour(d.severity, p) << to_string(d.severity);
  if (!d.code.empty()) out << '[' << d.code << ']';
  out << p.reset << p.bold << ": " << printable(d.message) << p.reset;
}

}  // namespace

std::string headline(const Diagnostic& d) {
  std::ostringstream out;
  write_headline(out, d, kPlain);
  return out.str();
}

void render_text(std::ostream& out, const Diagnostic& d, const TextStyle& style) {
  const Palette& p = style.colour ? kColour : kPlain;
  const char* colour = severity_colour(d.severity, p);
  write_headline(out, d, p);
  out << '\n';

  std::uint32_t widest = d.span.line;
  for (const auto& l : d.labels) widest = std::max(widest, l.span.line);
  const Gutter gutter{std::max<std::size_t>(5, digits(widest)), p};

  if (quotable(d, d.span)) quote(out, *d.source, d.span, '^', d.label, colour, gutter, style.tab_width);
  std::vector<std::string> notes;
  for (const auto& l : d.labels) {
    if (quotable(d, l.span)) {
      quote(out, *d.source, l.span, '-', l.message, p.gutter, gutter, style.tab_width);
    } else if (!l.message.empty()) {
      notes.push_back(l.message);  // a label we cannot point at still says something
    }
  }
  if (!quotable(d, d.span) && !d.label.empty()) notes.push_back(d.label);
  notes.insert(notes.end(), d.notes.begin(), d.notes.end());
  for (const auto& note : notes) {
    out << std::string(gutter.width, ' ') << ' ' << p.bold << "= note" << p.reset << ": " << printable(note) << '\n';
  }
  if (!d.help.empty()) out << p.help << "help" << p.reset << ": " << printable(d.help) << '\n';
  out << '\n';
}

void render_text(std::ostream& out, const Diagnostics& diagnostics, const TextStyle& style) {
  for (const auto& d : diagnostics) render_text(out, d, style);
}

void DiagnosticCounts::add(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++errors; break;
      case Severity::Warning: ++warnings; break;
      case Severity::Note: ++notes; break;
    }
  }
}

namespace {
std::string count(std::size_t n, const char* noun) {
  return std::to_string(n) + ' ' + noun + (n == 1 ? "" : "s");
}
}  // namespace

std::string summary_line(const DiagnosticCounts& c) {
  std::string findings;
  if (c.errors == 0 && c.warnings == 0) {
    findings = "no errors or warnings";
  } else if (c.warnings == 0) {
    findings = count(c.errors, "error");
  } else if (c.errors == 0) {
    findings = count(c.warnings, "warning");
  } else {
    findings = count(c.errors, "error") + ", " + count(c.warnings, "warning");
  }
  return findings + " in " + count(c.files, "file");
}

}  // namespace gradus

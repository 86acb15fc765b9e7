#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>

#include "dsl/diag/render_text.hpp"

using namespace gradus;

namespace {

// The builder's chained calls return an lvalue; its conversion wants an rvalue.
[[maybe_unused]] Diagnostic take(DiagnosticBuilder& b) { return std::move(b).build(); }

// A source whose line `n` is `line`, preceded by comment lines.
SourcePtr source_with_line(std::uint32_t n, const std::string& line, const std::string& after = "") {
  std::string text;
  for (std::uint32_t i = 1; i < n; ++i) text += "# filler\n";
  text += line + "\n" + after;
  return std::make_shared<Source>("protocols/bsi-tibia.gradus", text);
}

// The span of the first occurrence of `needle` on line n.
Span span_of(const SourcePtr& src, std::uint32_t n, const std::string& needle) {
  const std::size_t start = src->line_start(n);
  const std::size_t at = src->text().find(needle, start);
  REQUIRE(at != std::string::npos);
  return src->span(at, at + needle.size());
}

std::string render(const Diagnostic& d, bool colour = false) {
  std::ostringstream out;
  render_text(out, d, TextStyle{colour, 4});
  return out.str();
}

}  // namespace

TEST_CASE("text: the layout of cli.md, carets under the exact span") {
  auto src = source_with_line(31, "    advance if cadence >= 30 min");
  Diagnostic d = take(error(src, span_of(src, 31, "cadence >= 30 min"), "G0203",
                            "unit mismatch: cadence is spm, 30 min is time")
                          .help("did you mean 165 spm?"));
  CHECK(render(d) ==
        "protocols/bsi-tibia.gradus:31:16: error[G0203]: unit mismatch: cadence is spm, 30 min is time\n"
        "   31 |     advance if cadence >= 30 min\n"
        "      |                ^^^^^^^^^^^^^^^^^\n"
        "help: did you mean 165 spm?\n"
        "\n");
}

TEST_CASE("text: label after the carets, notes under the gutter, warnings say so") {
  auto src = source_with_line(3, "stage r1 \"Run\"");
  Diagnostic d = take(warning(src, span_of(src, 3, "r1"), "G0402", "stage 'r1' can never be reached")
                          .label("no rule advances here")
                          .note("stages are entered by advance, regress or from the start"));
  CHECK(render(d) ==
        "protocols/bsi-tibia.gradus:3:7: warning[G0402]: stage 'r1' can never be reached\n"
        "    3 | stage r1 \"Run\"\n"
        "      |       ^^ no rule advances here\n"
        "      = note: stages are entered by advance, regress or from the start\n"
        "\n");
}

TEST_CASE("text: secondary labels quote their own line with dashes") {
  auto src = std::make_shared<Source>("p.gradus", "input pain score 0..10\ninput rpe flag\ninput pain flag\n");
  Diagnostic d = take(error(src, span_of(src, 3, "pain"), "G0202", "input 'pain' is declared twice")
                          .secondary(span_of(src, 1, "pain"), "first declared here"));
  CHECK(render(d) ==
        "p.gradus:3:7: error[G0202]: input 'pain' is declared twice\n"
        "    3 | input pain flag\n"
        "      |       ^^^^\n"
        "    1 | input pain score 0..10\n"
        "      |       ---- first declared here\n"
        "\n");
}

TEST_CASE("text: tabs expand on a grid and carets follow them") {
  auto src = source_with_line(1, "\tadvance\tif x");
  const std::string out = render(error(src, span_of(src, 1, "x"), "G0201", "unknown name 'x'"));
  // Tab to column 4, "advance" to 11, tab to 12, "if " to 15: x is at screen column 15.
  CHECK(out.find("    1 |     advance if x\n") != std::string::npos);
  CHECK(out.find("      | " + std::string(15, ' ') + "^\n") != std::string::npos);
  CHECK(out.find("1:13:") != std::string::npos);  // the reported column counts the tab as one character
}

TEST_CASE("text: columns are code points, so carets line up under non-ASCII text") {
  auto src = source_with_line(1, "stage caf\xC3\xA9 \"Caf\xC3\xA9\" zz");
  const std::string out = render(error(src, span_of(src, 1, "zz"), "G0101", "unexpected 'zz'"));
  CHECK(out.find("1:19:") != std::string::npos);
  CHECK(out.find("      | " + std::string(18, ' ') + "^^\n") != std::string::npos);
}

TEST_CASE("text: an empty span gets one caret, at the end of the line too") {
  auto src = source_with_line(1, "advance if");
  const std::size_t end = src->line_start(1) + 10;
  const std::string out = render(error(src, src->span(end, end), "G0101", "expected a condition"));
  CHECK(out.find("1:11:") != std::string::npos);
  CHECK(out.find("      | " + std::string(10, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("text: a span over several lines is marked to the end of its first line") {
  auto src = std::make_shared<Source>("p.gradus", "let x = max(a,\n   b)\n");
  const std::string out = render(error(src, src->span(8, 19), "G0207", "max takes numbers"));
  CHECK(out.find("    1 | let x = max(a,\n      |         ^^^^^^\n") != std::string::npos);
  CHECK(out.find("    2 |") == std::string::npos);
}

TEST_CASE("text: findings with no position or no file") {
  auto src = std::make_shared<Source>("big.gradus", "x");
  Diagnostic whole = error(src, Span{}, "G0003", "file is larger than 1 MiB");
  CHECK(render(whole) == "big.gradus: error[G0003]: file is larger than 1 MiB\n\n");
  Diagnostic host = take(error(nullptr, Span{}, "G0601", "FIT file is damaged").help("re-export it"));
  CHECK(render(host) == "error[G0601]: FIT file is damaged\nhelp: re-export it\n\n");
}

TEST_CASE("text: a byte order mark is no column and is not quoted") {
  auto src = std::make_shared<Source>("p.gradus", "\xEF\xBB\xBFprotocol x zz\n");
  const std::size_t at = src->text().find("zz");
  const std::string out = render(error(src, src->span(at, at + 2), "G0101", "unexpected 'zz'"));
  CHECK(out.find("p.gradus:1:12:") != std::string::npos);
  CHECK(out.find("    1 | protocol x zz\n      | " + std::string(11, ' ') + "^^\n") != std::string::npos);
}

TEST_CASE("text: a span past the last line prints the header only, never crashes") {
  auto src = std::make_shared<Source>("p.gradus", "one line\n");
  Span bogus;
  bogus.line = 40;
  bogus.column = 3;
  bogus.end_line = 40;
  bogus.end_column = 9;
  CHECK(render(error(src, bogus, "G0101", "bad")) == "p.gradus:40:3: error[G0101]: bad\n\n");
}

TEST_CASE("text: wide line numbers widen the gutter for every line of the finding") {
  std::string text;
  for (int i = 1; i < 123456; ++i) text += "\n";
  text += "xyz\n";
  auto src = std::make_shared<Source>("p.gradus", text);
  Diagnostic d = take(error(src, src->span(text.size() - 4, text.size() - 1), "G0101", "bad")
                          .secondary(src->span(0, 0), "start"));
  const std::string out = render(d);
  CHECK(out.find("123456 | xyz\n       | ^^^\n") != std::string::npos);
  CHECK(out.find("     1 |\n       | - start\n") != std::string::npos);
}

TEST_CASE("text: control characters and invalid UTF-8 are shown as U+FFFD, carets stay aligned") {
  auto src = source_with_line(1, std::string("a\x1b[31m\xFF") + "b zz");
  const std::string out = render(error(src, span_of(src, 1, "zz"), "G0001", "invalid UTF-8"));
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("\xFF") == std::string::npos);
  // 'a', U+FFFD, "[31m", U+FFFD, 'b', ' ': zz starts at screen column 9.
  CHECK(out.find("a\xEF\xBF\xBD[31m\xEF\xBF\xBD" "b zz\n") != std::string::npos);
  CHECK(out.find("      | " + std::string(9, ' ') + "^^\n") != std::string::npos);
}

TEST_CASE("text: colour only when asked, red for errors and yellow for warnings") {
  auto src = source_with_line(1, "x");
  Diagnostic e = error(src, span_of(src, 1, "x"), "G0201", "unknown name 'x'");
  Diagnostic w = warning(src, span_of(src, 1, "x"), "G0409", "no frequency");
  CHECK(render(e, false).find('\x1b') == std::string::npos);
  CHECK(render(e, true).find("\x1b[1;31merror[G0201]") != std::string::npos);
  CHECK(render(w, true).find("\x1b[1;33mwarning[G0409]") != std::string::npos);
}

TEST_CASE("text: the summary line counts errors, warnings and files") {
  auto src = source_with_line(1, "x");
  DiagnosticCounts c;
  c.files = 3;
  CHECK(summary_line(c) == "no errors or warnings in 3 files");
  c.add({error(src, Span{}, "G0101", "a"), error(src, Span{}, "G0101", "b"), warning(src, Span{}, "G0401", "c")});
  CHECK(c.errors == 2);
  CHECK(c.warnings == 1);
  CHECK(summary_line(c) == "2 errors, 1 warning in 3 files");
  DiagnosticCounts one;
  one.files = 1;
  one.warnings = 2;
  CHECK(summary_line(one) == "2 warnings in 1 file");
  one.warnings = 0;
  one.errors = 1;
  CHECK(summary_line(one) == "1 error in 1 file");
}

TEST_CASE("text: CRLF line endings are not quoted") {
  auto src = std::make_shared<Source>("p.gradus", "protocol x \"T\"\r\nhold if zz\r\n");
  const std::size_t at = src->text().find("zz");
  const std::string out = render(error(src, src->span(at, at + 2), "G0201", "unknown name 'zz'"));
  CHECK(out.find('\r') == std::string::npos);
  CHECK(out.find("    2 | hold if zz\n      |         ^^\n") != std::string::npos);
}

TEST_CASE("text: the headline alone, for one-line reports") {
  auto src = source_with_line(2, "hold if zz");
  CHECK(headline(error(src, span_of(src, 2, "zz"), "G0201", "unknown name 'zz'")) ==
        "protocols/bsi-tibia.gradus:2:9: error[G0201]: unknown name 'zz'");
  CHECK(headline(warning(nullptr, Span{}, "G0602", "cut short")) == "warning[G0602]: cut short");
}

TEST_CASE("text: a very long line is quoted as a window around the span, carets still under it") {
  for (const std::size_t at : {std::size_t{5}, std::size_t{150}, std::size_t{5000}, std::size_t{9990}}) {
    std::string line(10000, 'a');
    line.replace(at, 2, "zz");
    auto src = source_with_line(1, line);
    const std::string out = render(error(src, src->span(at, at + 2), "G0101", "unexpected"));
    INFO("span at " << at);
    std::istringstream lines(out);
    std::string header, quoted, carets;
    std::getline(lines, header);
    std::getline(lines, quoted);
    std::getline(lines, carets);
    CHECK(quoted.size() < 260);
    CHECK(quoted.find("zz") != std::string::npos);
    CHECK(carets.find("^^") == quoted.find("zz"));
    CHECK((at > 100) == (quoted.find("    1 | ...") == 0));
  }
}

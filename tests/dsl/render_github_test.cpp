#include <catch2/catch.hpp>

#include <memory>
#include <sstream>

#include "dsl/diag/render_github.hpp"

using namespace gradus;

namespace {
// The builder's chained calls return an lvalue; its conversion wants an rvalue.
[[maybe_unused]] Diagnostic take(DiagnosticBuilder& b) { return std::move(b).build(); }
}  // namespace

TEST_CASE("github: one workflow command per finding, end column inclusive") {
  auto src = std::make_shared<Source>("protocols/bsi-tibia.gradus", "advance if cadence >= 30 min\n");
  Diagnostic d = error(src, src->span(11, 28), "G0203", "unit mismatch: cadence is spm, 30 min is time");
  CHECK(github_annotation(d) ==
        "::error file=protocols/bsi-tibia.gradus,line=1,col=12,endLine=1,endColumn=28,title=G0203::"
        "unit mismatch: cadence is spm, 30 min is time");
}

TEST_CASE("github: warnings, notes, help and position-less findings") {
  auto src = std::make_shared<Source>("a.gradus", "x\n");
  Diagnostic w = take(warning(src, Span{}, "G0401", "no source").note("needed for --strict").help("add: source \"...\""));
  CHECK(github_annotation(w) == "::warning file=a.gradus,title=G0401::no source%0Anote: needed for --strict%0Ahelp: add: source \"...\"");
  Diagnostic n = make_diagnostic(Severity::Note, nullptr, Span{}, "G0602", "decoded up to damage");
  CHECK(github_annotation(n) == "::notice title=G0602::decoded up to damage");
}

TEST_CASE("github: a span over several lines carries no columns") {
  auto src = std::make_shared<Source>("a.gradus", "let x = max(a,\n  b)\n");
  const std::string line = github_annotation(error(src, src->span(8, 19), "G0207", "bad"));
  CHECK(line == "::error file=a.gradus,line=1,endLine=2,title=G0207::bad");
}

TEST_CASE("github: escaping follows the runner's rules") {
  CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
  CHECK(github_escape_property("dir,with:odd%name\n") == "dir%2Cwith%3Aodd%25name%0A");
  auto src = std::make_shared<Source>("we,ird:name.gradus", "x\n");
  Diagnostic d = error(src, src->span(0, 1), "G0101", "line one\nline two 100%");
  CHECK(github_annotation(d) ==
        "::error file=we%2Cird%3Aname.gradus,line=1,col=1,endLine=1,endColumn=1,title=G0101::line one\xEF\xBF\xBDline two 100%25");
}

TEST_CASE("github: render writes one line per finding") {
  auto src = std::make_shared<Source>("a.gradus", "x\n");
  std::ostringstream out;
  render_github(out, {error(src, Span{}, "G0101", "a"), warning(src, Span{}, "G0409", "b")});
  CHECK(out.str() == "::error file=a.gradus,title=G0101::a\n::warning file=a.gradus,title=G0409::b\n");
}

// The whole-file formatter, through the real parser: formatting is
// idempotent, keeps the meaning (the re-parse is equal modulo spans), keeps
// every comment, and writes clean text (LF, no BOM, no trailing blanks).
#include <catch2/catch.hpp>

#include <algorithm>

#include "dsl/format/format_expr.hpp"
#include "dsl/format/format_file.hpp"
#include "dsl/format/format_protocol.hpp"
#include "dsl/syntax/ast_equal.hpp"
#include "format_test_support.hpp"

using namespace gradus;
using namespace gradus::format_test;

namespace {

void require_clean(const std::string& text) {
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  CHECK(text.find('\t') == std::string::npos);
  CHECK(text.find(" \n") == std::string::npos);
  REQUIRE_FALSE(text.empty());
  CHECK(text.back() == '\n');
  CHECK(text.find("\n\n\n") == std::string::npos);
  CHECK(text.front() != '\n');
  CHECK(text.substr(text.size() - std::min<std::size_t>(2, text.size())) != "\n\n");
}

// The two properties every input must have; returns the canonical text.
std::string require_round_trip(const std::string& text) {
  const ast::Protocol original = parse_ok(text);
  const std::string once = format_protocol(original);
  INFO("formatted:\n" << once);
  require_clean(once);
  const ast::Protocol reparsed = parse_ok(once, "formatted.gradus");
  const auto difference = ast::first_difference(original, reparsed);
  CHECK(difference == std::nullopt);
  CHECK(ast::equal_modulo_spans(original, reparsed));
  const std::string twice = format_protocol(reparsed);
  CHECK(twice == once);
  CHECK(count_comments(once) == count_comments(text));
  return once;
}

const char* const kMessy = "   protocol   demo   \"Demo\"   \n"
                           "order duration,intensity ,  frequency\n"
                           "version 2.1.0\n"
                           "\n\n\n"
                           "input a   score 0 .. 10\n"
                           "    input bb flag   \"desc\"\n"
                           "input ccc_long one of x,y ,z\n"
                           "let   x=max( a ,a )\n"
                           "let yy =  -x+2*(a-1)\n"
                           "safety\n"
                           "regress if x>=1 then rest 2 day \"m\"\n"
                           "       hold if not bb\n"
                           "\t\tcue if x<1 \"tip\"\n"
                           "phase \"P\"\n"
                           "stage s1 \"S1\"\n"
                           "session 2 x ( run 1 min , walk 2 mins ) at easy\n"
                           "frequency every other day , 3 per week\n"
                           "advance if x == 0 for 2 session\n"
                           "      stage s2\n"
                           "  session rest 1 days\n";

const char* const kMessyCanonical = "protocol demo \"Demo\"\n"
                                    "version 2.1.0\n"
                                    "order duration, intensity, frequency\n"
                                    "\n"
                                    "input a        score 0..10\n"
                                    "input bb       flag  \"desc\"\n"
                                    "input ccc_long one of x, y, z\n"
                                    "\n"
                                    "let x  = max(a, a)\n"
                                    "let yy = -x + 2 * (a - 1)\n"
                                    "\n"
                                    "safety\n"
                                    "  regress if x >= 1 then rest 2 days \"m\"\n"
                                    "  hold    if not bb\n"
                                    "  cue     if x < 1 \"tip\"\n"
                                    "\n"
                                    "phase \"P\"\n"
                                    "  stage s1 \"S1\"\n"
                                    "    session 2 x (run 1 min, walk 2 min) at easy\n"
                                    "    frequency 3 per week, every other day\n"
                                    "    advance if x == 0 for 2 sessions\n"
                                    "  stage s2\n"
                                    "    session rest 1 day\n";

const char* const kCommented = "# top comment\n"
                               "#second line of the top\n"
                               "protocol c \"Comments\" # after the protocol line\n"
                               "# about the version\n"
                               "version 1.0.0 # v\n"
                               "\n"
                               "# inputs follow\n"
                               "input p score 0..10 \"pain\" # trailing on input\n"
                               "\n"
                               "\n"
                               "# a separate group\n"
                               "input q flag\n"
                               "# before the let\n"
                               "let w = p   # trailing let comment   \n"
                               "safety # the safety line\n"
                               "  # inside safety, before the first rule\n"
                               "  refer if q \"Refer\" # after a message with # inside: \"quoted\"\n"
                               "\n"
                               "  # between safety rules\n"
                               "  hold if missing(p)\n"
                               "# before the phase\n"
                               "phase \"One\" # on the phase\n"
                               "  # before stage a\n"
                               "  stage a \"A # not a comment\"\n"
                               "    # before the session\n"
                               "    session walk 10 min # on the session\n"
                               "    frequency daily # on the frequency\n"
                               "    min days 2 # on min days\n"
                               "    advance if w == 0 # on the rule\n"
                               "\n"
                               "  # between stages\n"
                               "  stage b\n"
                               "    session run 5 min\n"
                               "    discharge if w == 0\n"
                               "# end of file 1\n"
                               "\n"
                               "# end of file 2\n";

}  // namespace

TEST_CASE("the spec's example protocol formats idempotently and keeps its meaning") {
  const std::string text = read_repo_file("protocols/bsi-tibia.gradus");
  const std::string canonical = require_round_trip(text);
  // The example is committed in canonical form (`gradus fmt --check protocols/`).
  CHECK(canonical == text);
}

TEST_CASE("every protocol in the library formats idempotently and keeps its meaning") {
  for (const char* file : {"protocols/bsi-tibia.gradus", "protocols/bsi-day-table.gradus",
                           "protocols/soreness-rules.gradus", "protocols/achilles-silbernagel.gradus",
                           "protocols/delaware-running.gradus", "protocols/military-knee.gradus",
                           "protocols/mtss-moen.gradus"}) {
    INFO(file);
    std::ifstream probe(std::string(GRADUS_SOURCE_DIR) + "/" + file);
    if (!probe) continue;  // the library may change; the example above is required
    require_round_trip(read_repo_file(file));
  }
}

TEST_CASE("messy spacing and indentation become the canonical layout") {
  CHECK(require_round_trip(kMessy) == kMessyCanonical);
  CHECK(require_round_trip(kMessyCanonical) == kMessyCanonical);
}

TEST_CASE("CRLF line endings and a BOM are accepted and dropped") {
  const std::string text = read_repo_file("protocols/bsi-tibia.gradus");
  std::string crlf = "\xEF\xBB\xBF";
  for (const char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::string canonical = require_round_trip(crlf);
  CHECK(canonical == require_round_trip(text));
}

TEST_CASE("comments are kept everywhere, at their statement's indentation") {
  const std::string out = require_round_trip(kCommented);
  CHECK(count_comments(out) == 25);
  const char* const expected = "# top comment\n"
                               "#second line of the top\n"
                               "protocol c \"Comments\" # after the protocol line\n"
                               "# about the version\n"
                               "version 1.0.0 # v\n"
                               "\n"
                               "# inputs follow\n"
                               "input p score 0..10  \"pain\" # trailing on input\n"
                               "\n"
                               "# a separate group\n"
                               "input q flag\n"
                               "\n"
                               "# before the let\n"
                               "let w = p # trailing let comment\n"
                               "\n"
                               "safety # the safety line\n"
                               "  # inside safety, before the first rule\n"
                               "  refer if q \"Refer\" # after a message with # inside: \"quoted\"\n"
                               "\n"
                               "  # between safety rules\n"
                               "  hold if missing(p)\n"
                               "\n"
                               "# before the phase\n"
                               "phase \"One\" # on the phase\n"
                               "  # before stage a\n"
                               "  stage a \"A # not a comment\"\n"
                               "    # before the session\n"
                               "    session walk 10 min # on the session\n"
                               "    frequency daily # on the frequency\n"
                               "    min days 2 # on min days\n"
                               "    advance if w == 0 # on the rule\n"
                               "\n"
                               "  # between stages\n"
                               "  stage b\n"
                               "    session run 5 min\n"
                               "    discharge if w == 0\n"
                               "\n"
                               "# end of file 1\n"
                               "# end of file 2\n";
  CHECK(out == expected);
}

TEST_CASE("a file of only a protocol line, and one with stages before any phase") {
  CHECK(require_round_trip("protocol p") == "protocol p\n");
  const std::string implicit = require_round_trip(
      "protocol p\n  stage a\n  session run 5 min\n  advance if 1 == 1\nphase \"Later\"\nstage b\nsession walk 5 min\n");
  CHECK(implicit ==
        "protocol p\n\nstage a\n  session run 5 min\n  advance if 1 == 1\n\nphase \"Later\"\n  stage b\n    session walk "
        "5 min\n");
}

TEST_CASE("header lines come out in the canonical order whatever the source order") {
  const std::string out = require_round_trip(
      "max 2 advances per 7 days\nmax weekly increase 10 %\norder frequency, duration, intensity\nsource \"S\"\nversion 1.2.3\n"
      "protocol p \"P\"\n");
  CHECK(out ==
        "protocol p \"P\"\nversion 1.2.3\nsource \"S\"\norder frequency, duration, intensity\nmax weekly increase 10%\n"
        "max 2 advances per 7 days\n");
  CHECK(require_round_trip("protocol p\nmax 1 advances per 1 day\n") == "protocol p\nmax 1 advances per 1 day\n");
}

TEST_CASE("expressions keep their parentheses and normalise spacing and unit spellings") {
  const std::string out = require_round_trip(
      "protocol p\ninput c spm\ninput s score 0..10\ninput e levels none, trace, 1+, 2+\n"
      "let a = ((s))+ ( s*2 )\nlet b = not(s>1 and s<3) or -(-s)>=2\n"
      "let m = mean( s over 7 day , 1 day ago ) + max(c over 3 session)\n"
      "let t = 90 sec + 2 mins + 1 hours\n"
      "let g = e >= 2+ and e != trace\n"
      "let k = s == 0 for 1 sessions and not s == 1 for 3 session\n");
  // The tree records that parentheses were written, not how many pairs.
  CHECK(out.find("let a = (s) + (s * 2)\n") != std::string::npos);
  CHECK(out.find("let b = not (s > 1 and s < 3) or -(-s) >= 2\n") != std::string::npos);
  CHECK(out.find("let m = mean(s over 7 days, 1 day ago) + max(c over 3 sessions)\n") != std::string::npos);
  CHECK(out.find("let t = 90 s + 2 min + 1 h\n") != std::string::npos);
  CHECK(out.find("let g = e >= 2+ and e != trace\n") != std::string::npos);
  CHECK(out.find("let k = s == 0 for 1 session and not s == 1 for 3 sessions\n") != std::string::npos);
}

TEST_CASE("format_session and format_rule give the clause text of parsed stages") {
  const ast::Protocol p = parse_ok(
      "protocol p\ninput x score 0..10\nstage a\n"
      "session jog 0.2 mi,2 x(4 x(strides 20 s at rpe 8,walk 40 s) ,cross-train 5 min)at zone 2, run 2 km at hard\n"
      "regress 2 stage if x>=1 then rest 1 days \"back\"\n"
      "advance to b if x==0\n"
      "stage b\nsession rest\nstage c\nsession rest 3 day\n");
  const auto& stages = p.phases.at(0).stages;
  REQUIRE(stages.size() == 3);
  CHECK(format_session(*stages[0].session) ==
        "jog 0.2 mi, 2 x (4 x (strides 20 s at rpe 8, walk 40 s), cross-train 5 min) at zone 2, run 2 km at hard");
  CHECK(format_rule(stages[0].rules.at(0)) == "regress 2 stages if x >= 1 then rest 1 day \"back\"");
  CHECK(format_rule_head(stages[0].rules.at(0)) == "regress 2 stages if x >= 1 then rest 1 day");
  CHECK(format_rule(stages[0].rules.at(1)) == "advance to b if x == 0");
  CHECK(format_session(*stages[1].session) == "rest");
  CHECK(format_session(*stages[2].session) == "rest 3 days");
}

TEST_CASE("format_source reports unchanged, changed and unparseable files") {
  auto source = [](std::string text) { return std::make_shared<const Source>("t.gradus", std::move(text)); };
  const auto unchanged = format_source(source(kMessyCanonical));
  CHECK(unchanged.status == FormatStatus::Unchanged);
  CHECK(unchanged.formatted == kMessyCanonical);

  const auto changed = format_source(source(kMessy));
  CHECK(changed.status == FormatStatus::Changed);
  CHECK(changed.formatted == kMessyCanonical);

  const auto broken = format_source(source("protocol p\nstage a\n  advance if x >=\n"));
  CHECK(broken.status == FormatStatus::ParseError);
  CHECK(has_errors(broken.diagnostics));
  CHECK(broken.formatted.empty());

  const auto binary = format_source(source(std::string("protocol p\n\0\n", 13)));
  CHECK(binary.status == FormatStatus::ParseError);
}

TEST_CASE("input columns: names, then types, then descriptions; list types do not set the column") {
  const std::string out = require_round_trip(
      "protocol p\ninput pain score 0..10 \"pain\"\ninput effusion levels zero, trace, 1+, 2+ \"sweep test\"\n"
      "input soreness one of none, next_day\ninput done flag \"done\"\ninput cadence spm\n\ninput other_group flag \"x\"\n");
  CHECK(out ==
        "protocol p\n\n"
        "input pain     score 0..10  \"pain\"\n"
        "input effusion levels zero, trace, 1+, 2+  \"sweep test\"\n"
        "input soreness one of none, next_day\n"
        "input done     flag         \"done\"\n"
        "input cadence  spm\n"
        "\n"
        "input other_group flag  \"x\"\n");
}

TEST_CASE("rule keywords are padded per block of rules") {
  const std::string out = require_round_trip(
      "protocol p\ninput x score 0..10\nsafety\nhold if x > 1\nregress if x > 2\n\ncue if x > 3 \"c\"\n"
      "stage a\nadvance to b if x == 0\ndischarge if x == 1\nstage b\nhold if x == 2\n");
  CHECK(out.find("safety\n  hold    if x > 1\n  regress if x > 2\n\n  cue if x > 3 \"c\"\n") != std::string::npos);
  CHECK(out.find("stage a\n  advance   to b if x == 0\n  discharge if x == 1\nstage b\n  hold if x == 2\n") !=
        std::string::npos);
}

namespace {

// Faulty layouts standing in for formatter bugs.
std::string drops_end_comments(const ast::Protocol& protocol) {
  std::string text = format_protocol(protocol);
  return text.substr(0, text.find("\n# the end")) + "\n";
}
std::string changes_a_number(const ast::Protocol& protocol) {
  std::string text = format_protocol(protocol);
  text.replace(text.find("for 2 sessions"), 14, "for 3 sessions");
  return text;
}
std::string breaks_syntax(const ast::Protocol& protocol) { return format_protocol(protocol) + "advance if\n"; }

}  // namespace

TEST_CASE("a formatter bug is caught by the re-parse and nothing is returned to write") {
  auto source = std::make_shared<const Source>("t.gradus", std::string(kMessy) + "# the end\n");
  REQUIRE(format_source(source).status == FormatStatus::Changed);

  auto dropped = format_source(source, {}, &drops_end_comments);
  CHECK(dropped.status == FormatStatus::Unsafe);
  CHECK(dropped.formatted.empty());
  CHECK(dropped.problem == "the formatted text means a different protocol: end-of-file comment: 1 vs 0 comments");

  auto changed = format_source(source, {}, &changes_a_number);
  CHECK(changed.status == FormatStatus::Unsafe);
  CHECK(changed.problem ==
        "the formatted text means a different protocol: stage s1: rule 1: condition differs "
        "(`x == 0 for 2 sessions` vs `x == 0 for 3 sessions`)");

  auto broken = format_source(source, {}, &breaks_syntax);
  CHECK(broken.status == FormatStatus::Unsafe);
  CHECK(broken.problem.rfind("the formatted text does not parse: line ", 0) == 0);
}

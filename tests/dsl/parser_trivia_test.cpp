// Comments are kept for the formatter: whole-line comments lead the next
// statement, an end-of-line comment trails its statement, and comments after
// the last statement belong to the protocol.
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using namespace gradus;
using test::parse_text;

namespace {

ast::Protocol parse_ok(const std::string& text) {
  auto result = parse_text(text);
  INFO(test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

std::string text_of(const ast::Protocol& p, Span s) { return p.source->text().substr(s.begin, s.size()); }

}  // namespace

TEST_CASE("comments attach to statements") {
  auto p = parse_ok(
      "# file comment\n"                          // 1
      "protocol t \"T\"   # the id\n"             // 2
      "\n"                                        // 3
      "# when it was written\n"                   // 4
      "version 1.0.0\n"                           // 5
      "source \"S\" # cite\n"                     // 6
      "\n"                                        // 7
      "input pain score 0..10  # 0 is none\n"     // 8
      "# derived\n"                               // 9
      "let x = pain * 2\n"                        // 10
      "\n"                                        // 11
      "# red flags\n"                             // 12
      "safety   # every stage\n"                  // 13
      "  # first\n"                               // 14
      "  refer if pain > 8\n"                     // 15
      "\n"                                        // 16
      "phase \"P\" # phase\n"                     // 17
      "  stage a \"A\" # stage\n"                 // 18
      "    # the session\n"                       // 19
      "    session run 5 min # easy\n"            // 20
      "    frequency daily\n"                     // 21
      "    min days 2 # rest\n"                   // 22
      "    advance if pain == 0 # ready\n"        // 23
      "\n"                                        // 24
      "# trailing one\n"                          // 25
      "# trailing two\n");                        // 26
  REQUIRE(p.trivia.leading.size() == 1);
  CHECK(p.trivia.leading[0].text == "# file comment");
  CHECK(p.trivia.leading[0].span.line == 1);
  CHECK(p.trivia.leading[0].span.column == 1);
  CHECK_FALSE(p.trivia.blank_before);
  REQUIRE(p.trivia.trailing);
  CHECK(p.trivia.trailing->text == "# the id");
  CHECK(p.trivia.trailing->span.column == 18);
  CHECK(text_of(p, p.span) == "protocol t \"T\"");

  CHECK(p.version->trivia.blank_before);
  REQUIRE(p.version->trivia.leading.size() == 1);
  CHECK(p.version->trivia.leading[0].text == "# when it was written");
  CHECK_FALSE(p.version->trivia.trailing);
  CHECK(p.citation->trivia.trailing->text == "# cite");
  CHECK_FALSE(p.citation->trivia.blank_before);

  CHECK(p.inputs[0].trivia.blank_before);
  CHECK(p.inputs[0].trivia.trailing->text == "# 0 is none");
  CHECK(text_of(p, p.inputs[0].span) == "input pain score 0..10");
  CHECK(p.lets[0].trivia.leading.at(0).text == "# derived");
  CHECK_FALSE(p.lets[0].trivia.blank_before);

  CHECK(p.safety_trivia.blank_before);
  CHECK(p.safety_trivia.leading.at(0).text == "# red flags");
  CHECK(p.safety_trivia.trailing->text == "# every stage");
  CHECK(p.safety.at(0).trivia.leading.at(0).text == "# first");
  CHECK(p.safety.at(0).trivia.leading.at(0).span.column == 3);

  const auto& phase = p.phases.at(0);
  CHECK(phase.trivia.blank_before);
  CHECK(phase.trivia.trailing->text == "# phase");
  const auto& stage = phase.stages.at(0);
  CHECK(stage.trivia.trailing->text == "# stage");
  CHECK(stage.session->trivia.leading.at(0).text == "# the session");
  CHECK(stage.session->trivia.trailing->text == "# easy");
  CHECK_FALSE(stage.frequency->trivia.trailing);
  CHECK(stage.min_days->trivia.trailing->text == "# rest");
  CHECK(stage.rules.at(0).trivia.trailing->text == "# ready");
  CHECK(text_of(p, stage.rules[0].span) == "advance if pain == 0");

  REQUIRE(p.trailing_comments.size() == 2);
  CHECK(p.trailing_comments[0].text == "# trailing one");
  CHECK(p.trailing_comments[1].span.line == 26);
}

TEST_CASE("a '#' inside a message is text, not a comment") {
  auto p = parse_ok("protocol t \"T\"\nstage a\n  cue if x \"aim for #1 cadence\" # real\n");
  const auto& rule = p.phases[0].stages[0].rules.at(0);
  CHECK(rule.message == "aim for #1 cadence");
  CHECK(rule.trivia.trailing->text == "# real");
}

TEST_CASE("comments keep trailing blanks out and CRLF line ends out") {
  auto p = parse_ok("protocol t \"T\" # x   \r\n# lead\t\r\nversion 1.0.0\r\n");
  CHECK(p.trivia.trailing->text == "# x");
  CHECK(p.version->trivia.leading.at(0).text == "# lead");
  CHECK(p.version->span.end_column == 14);
}

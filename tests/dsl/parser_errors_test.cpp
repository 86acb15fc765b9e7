// Every syntax-level diagnostic the parser emits: its code, exact position,
// message and help. A bad line is skipped and the rest still parses.
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using namespace gradus;
using test::parse_text;

namespace {

struct Expected {
  std::string code;
  std::uint32_t line, column;
};

// Parses `text` and requires exactly one diagnostic.
Diagnostic only(const std::string& text) {
  auto result = parse_text(text);
  INFO(text << "\n" << test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics[0];
}

void check_at(const Diagnostic& d, const std::string& code, std::uint32_t line, std::uint32_t column) {
  INFO(d.code << "@" << d.span.line << ":" << d.span.column << " " << d.message);
  CHECK(d.code == code);
  CHECK(d.span.line == line);
  CHECK(d.span.column == column);
  CHECK(d.severity == Severity::Error);
}

std::string header(const std::string& body) { return std::string(test::kHeader) + body; }

}  // namespace

TEST_CASE("G0101 points at the offending token and says what was expected") {
  struct Case {
    std::string line;
    std::uint32_t column;
    std::string message;
    std::string label;
  };
  const Case cases[] = {
      {"input pain score 0 10", 20, "expected '..' between the score's bounds", "found '10'"},
      {"input pain score ..10", 18, "expected a number after 'score'", "found '..10'"},
      {"input pain score 0..", 21, "expected the score's upper bound after '..'", "found the end of the line"},
      {"input pain banana", 12, "expected a type: score LO..HI, flag, count, percent, a unit (spm, min, km, ...), levels ... or one of ...", "found 'banana'"},
      {"input pain", 11, "expected a type: score LO..HI, flag, count, percent, a unit (spm, min, km, ...), levels ... or one of ...", "found the end of the line"},
      {"input e levels none,", 21, "expected a grade name (a word, or a number with an optional '+')", "found the end of the line"},
      {"input o one warm_up", 13, "expected 'of' after 'one'", "found 'warm_up'"},
      {"let x = (a + b", 15, "expected ')' to close '('", "found the end of the line"},
      {"let x = max(a, b", 17, "expected ')' to close the call, or ',' before another argument", "found the end of the line"},
      {"let x = a +", 12, "expected a value after the operator", "found the end of the line"},
      {"let x = a * * b", 13, "expected a value after the operator", "found '*'"},
      {"let x =", 8, "expected an expression after '='", "found the end of the line"},
      {"let x a", 7, "expected '=' after the name", "found 'a'"},
      {"let x = a b", 11, "expected the end of the line", "found 'b'"},
      {"let x = not", 12, "expected a condition after 'not'", "found the end of the line"},
      {"let x = a and", 14, "expected a condition after 'and'", "found the end of the line"},
      {"let x = a or )", 14, "expected a condition after 'or'", "found ')'"},
      {"let x = -", 10, "expected a value after '-'", "found the end of the line"},
      {"let x = a == 0 for 3", 21, "expected 'sessions'", "found the end of the line"},
      {"let x = a == 0 for many sessions", 20, "expected a number of sessions after 'for'", "found 'many'"},
      {"let x = max(a over 7 weeks)", 22, "expected 'days' or 'sessions'", "found 'weeks'"},
      {"let x = max(a over days)", 20, "expected the window's length, a number, after 'over'", "found 'days'"},
      {"let x = mean(a over 7 days, 7 days)", 35, "expected 'ago'", "found ')'"},
      {"version 1.0", 9, "expected a version like 1.0.0 after 'version'", "found '1.0'"},
      {"source Warden", 8, "expected the citation in double quotes after 'source'", "found 'Warden'"},
      {"order duration, speed", 17, "expected 'duration', 'intensity' or 'frequency'", "found 'speed'"},
      {"max weekly increase 10", 21, "expected a percentage like 10% after 'max weekly increase'", "found '10'"},
      {"max weekly rise 10%", 12, "expected 'increase' after 'max weekly'", "found 'rise'"},
      {"max 2 advances in 7 days", 16, "expected 'per'", "found 'in'"},
      {"max speed", 5, "expected 'weekly increase P%' or 'N advances per D days' after 'max'", "found 'speed'"},
      {"phase Return", 7, "expected the phase's name in double quotes after 'phase'", "found 'Return'"},
      {"stage \"Run\"", 7, "expected the stage's id (a name like r1) after 'stage'", "found '\"Run\"'"},
      {"safety now", 8, "expected the end of the line", "found 'now'"},
  };
  for (const auto& c : cases) {
    auto d = only(header(c.line + "\n"));
    INFO(c.line);
    check_at(d, "G0101", 2, c.column);
    CHECK(d.message == c.message);
    CHECK(d.label == c.label);
  }
}

TEST_CASE("G0101 inside stages: sessions, frequency, rules") {
  struct Case {
    std::string line;
    std::uint32_t column;
    std::string message;
  };
  const Case cases[] = {
      {"  session run 5", 16, "expected a unit of time or distance (s, min, m, km, mi)"},
      {"  session run five min", 15, "expected an amount like '5 min' or '2 km'"},
      {"  session run 5 spm", 17, "expected a unit of time or distance (s, min, m, km, mi)"},
      {"  session 6 (run 1 min)", 13, "expected 'x' after the repeat count, as in '6 x (run 1 min, walk 4 min)'"},
      {"  session 6 x run 1 min", 15, "expected '(' after 'x'"},
      {"  session 6 x (run 1 min", 25, "expected ')' to close the repeat group, or ',' before another block"},
      {"  session 6 x ()", 16, "expected blocks like 'run 1 min' inside the parentheses"},
      {"  session run 5 min,", 21, "expected a block like 'run 5 min' or 'N x (...)' after ','"},
      {"  session run 5 min at fast", 24, "expected an intensity: easy, moderate, hard, rpe N or zone N"},
      {"  session run 5 min at rpe", 27, "expected a number"},
      {"  session", 10, "expected blocks like 'run 5 min', 'N x (...)', or 'rest' after 'session'"},
      {"  session rest 2", 17, "expected 'days'"},
      {"  frequency 3 per day", 19, "expected 'week' after 'per'"},
      {"  frequency weekly", 13, "expected 'N per week', 'every other day' or 'daily'"},
      {"  frequency every day", 19, "expected 'other' after 'every'"},
      {"  min days", 11, "expected a number of days after 'min days'"},
      {"  min 3", 7, "expected 'days'"},
      {"  advance iff x", 11, "expected 'if' after 'advance' (or 'advance to STAGE')"},
      {"  advance to if x", 14, "expected a stage id after 'to'"},
      {"  regress 2 if x", 13, "expected 'stages' after the number, as in 'regress 2 stages'"},
      {"  hold x", 8, "expected 'if' after 'hold'"},
      {"  refer when x", 9, "expected 'if' after 'refer'"},
      {"  discharge x", 13, "expected 'if' after 'discharge'"},
      {"  cue x \"m\"", 7, "expected 'if' after 'cue'"},
      {"  hold if", 10, "expected a condition after 'if'"},
      {"  hold if x >", 14, "expected a value after the comparison"},
      {"  hold if x \"m\" extra", 17, "expected the end of the line after the message"},
      {"  hold if x then 2 days", 18, "expected 'rest' after 'then'"},
      {"  hold if x then rest days", 23, "expected a number of days after 'then rest'"},
      {"  hold if x then rest 2 days extra", 30, "expected a message in double quotes or the end of the line"},
      {"  hold if x y", 13, "expected an operator, 'then rest N days', a message in double quotes, or the end of the line"},
      {"  cue if x", 11, "expected the cue's message in double quotes"},
      {"  cue if x then rest 1 day \"m\"", 12, "expected the cue's message in double quotes"},
  };
  for (const auto& c : cases) {
    auto d = only(header("stage s\n" + c.line + "\n"));
    INFO(c.line);
    check_at(d, "G0101", 3, c.column);
    CHECK(d.message == c.message);
  }
}

TEST_CASE("G0101: chained comparisons, '=' for '==', duplicates inside a statement") {
  auto chained = only(header("let x = a < b < c\n"));
  check_at(chained, "G0101", 2, 15);
  CHECK(chained.message == "comparisons cannot be chained");
  CHECK(chained.help == "join two comparisons with 'and', as in 'a < b and b < c'");

  auto assign = only(header("stage s\n  hold if pain = 3\n"));
  check_at(assign, "G0101", 3, 16);
  CHECK(assign.help == "compare with '==', not '='");

  auto order = only(header("order duration, intensity, duration\n"));
  check_at(order, "G0101", 2, 28);
  REQUIRE(order.labels.size() == 1);
  CHECK(order.labels[0].span.column == 7);

  auto partial = only(header("order duration, frequency\n"));
  check_at(partial, "G0101", 2, 26);
  CHECK(partial.message == "expected every dimension in 'order': 'intensity' is missing");

  auto levels = only(header("input e levels none, 1+, none\n"));
  check_at(levels, "G0101", 2, 26);
  CHECK(levels.labels.at(0).span.column == 16);

  auto freq = only(header("stage s\n  frequency daily, every other day\n"));
  check_at(freq, "G0101", 3, 13);
  CHECK(freq.message == "'daily' contradicts 'every other day'");

  auto twice = only(header("stage s\n  frequency 3 per week, 2 per week\n"));
  check_at(twice, "G0101", 3, 25);
}

TEST_CASE("the label quotes the found token safely") {
  auto control = only(header("stage\x01 s\n"));
  check_at(control, "G0101", 2, 6);
  CHECK(control.label == "found '\\x01'");
  auto cr = only(header("stage\rs\n"));
  CHECK(cr.label == "found '\\x0D'");
  auto long_word = only(header("version " + std::string(5000, 'v') + "\n"));
  CHECK(long_word.label == "found '" + std::string(40, 'v') + "...'");
}

TEST_CASE("G0101 carries help where the fix is obvious") {
  CHECK(only(header("stage s\n  session run 5\n")).help == "write the amount with its unit, as in 'run 5 min' or 'run 2 km'");
  CHECK(only(header("version 1\n")).help == "write three numbers, as in 'version 1.0.0'");
  CHECK(only(header("let x = (a\n")).help == "add ')' where the parenthesized part ends");
  CHECK(only(header("stage s\n  cue if x\n")).help.rfind("a cue gives advice", 0) == 0);
  CHECK(only(header("stage s\n  hold if x message\n")).help == "a message goes in double quotes at the end of the rule");
  // No help where there is nothing obvious to say.
  CHECK(only(header("input p banana\n")).help.empty());
}

TEST_CASE("G0101 for a line that does not start with a word") {
  auto d = only(header("(a + b)\n"));
  check_at(d, "G0101", 2, 1);
  CHECK(d.message == "expected a statement keyword");
}

TEST_CASE("G0102 unterminated string, from the opening quote") {
  auto d = only(header("stage s \"Run 1\n"));
  check_at(d, "G0102", 2, 9);
  CHECK(d.span.end_column == 15);
  CHECK_FALSE(d.help.empty());
  // A '#' inside a string is not a comment, so this string is unterminated too.
  auto hash = only(header("source \"Smith # 2020\n"));
  check_at(hash, "G0102", 2, 8);
  // ...and a '#' after a closed string is a comment.
  auto fine = parse_text(header("source \"Smith # 2020\" # \"comment\n"));
  CHECK(fine.diagnostics.empty());
  CHECK(fine.protocol->citation->value == "Smith # 2020");
}

TEST_CASE("G0103 unknown keyword with a did-you-mean") {
  auto stge = only(header("stge r1 \"Run\"\n"));
  check_at(stge, "G0103", 2, 1);
  CHECK(stge.message == "unknown keyword 'stge'");
  CHECK(stge.help == "did you mean 'stage'?");
  CHECK(stge.span.end_column == 5);

  auto advnce = only(header("stage r1\n    advnce if x\n"));
  check_at(advnce, "G0103", 3, 5);
  CHECK(advnce.help == "did you mean 'advance'?");

  auto far = only(header("banana split\n"));
  check_at(far, "G0103", 2, 1);
  CHECK(far.help.find("protocol, version") != std::string::npos);
}

TEST_CASE("G0104 header field given twice, with a label on the first") {
  auto version = only(header("version 1.0.0\nversion 1.0.1\n"));
  check_at(version, "G0104", 3, 1);
  REQUIRE(version.labels.size() == 1);
  CHECK(version.labels[0].span.line == 2);
  CHECK(version.labels[0].message == "first given here");

  auto protocol = only("protocol a \"A\"\nprotocol b \"B\"\n");
  check_at(protocol, "G0104", 2, 1);
  CHECK(protocol.labels.at(0).span.line == 1);

  for (const std::string field : {"source \"a\"", "order duration, intensity, frequency", "max weekly increase 5%",
                                  "max 1 advances per 7 days", "safety"}) {
    auto d = only(header(field + "\n" + field + "\n"));
    INFO(field);
    check_at(d, "G0104", 3, 1);
    CHECK(d.labels.at(0).span.line == 2);
  }
}

TEST_CASE("G0105 no protocol line") {
  auto d = only("# a comment\n\ninput pain score 0..10\n");
  check_at(d, "G0105", 3, 1);
  CHECK_FALSE(d.help.empty());
  auto empty = only("");
  check_at(empty, "G0105", 1, 1);
  // A protocol line with a syntax error is reported once, not also as missing.
  auto broken = parse_text("protocol \"Title\"\n");
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK(broken.diagnostics[0].code == "G0101");
}

TEST_CASE("G0106 stage clauses and rules outside a stage") {
  check_at(only(header("session run 5 min\n")), "G0106", 2, 1);
  check_at(only(header("frequency daily\n")), "G0106", 2, 1);
  check_at(only(header("min days 2\n")), "G0106", 2, 1);
  auto rule = only(header("  advance if x\n"));
  check_at(rule, "G0106", 2, 3);
  CHECK(rule.message == "'advance' rule is outside a stage");
  // After a phase line and before its first stage.
  check_at(only(header("safety\n  hold if x\nphase \"P\"\n  hold if y\n")), "G0106", 5, 3);
  // A session right after `safety` is still outside a stage.
  check_at(only(header("safety\n  session run 5 min\n")), "G0106", 3, 3);
}

TEST_CASE("G0107 a clause given twice in one stage") {
  auto session = only(header("stage s\n  session run 5 min\n  session run 6 min\n"));
  check_at(session, "G0107", 4, 3);
  CHECK(session.message == "stage 's' has two 'session' lines");
  CHECK(session.labels.at(0).span.line == 3);
  check_at(only(header("stage s\n  frequency daily\n  frequency 3 per week\n")), "G0107", 4, 3);
  auto min = only(header("stage s\n  min days 1\n  min days 2\n"));
  check_at(min, "G0107", 4, 3);
  CHECK(min.message == "stage 's' has two 'min days' lines");
  // Rules may repeat freely.
  CHECK(parse_text(header("stage s\n  hold if a\n  hold if a\n")).diagnostics.empty());
}

TEST_CASE("errors are reported line by line and the rest still parses") {
  auto result = parse_text(header(
      "stge a\n"              // 2: G0103
      "stage b \"B\"\n"       // 3: fine
      "  session run 5\n"     // 4: G0101
      "  advance if x >\n"    // 5: G0101
      "  hold if y\n"         // 6: fine
      "stage c\n"             // 7: fine
      "  advance to b if z\n"));
  INFO(test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 3);
  check_at(result.diagnostics[0], "G0103", 2, 1);
  check_at(result.diagnostics[1], "G0101", 4, 16);
  check_at(result.diagnostics[2], "G0101", 5, 17);
  REQUIRE(result.protocol);
  const auto& stages = result.protocol->phases.at(0).stages;
  REQUIRE(stages.size() == 2);
  CHECK(stages[0].rules.size() == 1);
  CHECK(stages[1].rules.at(0).target == "b");
}

TEST_CASE("clauses under a broken stage line are not blamed on the previous stage") {
  auto result = parse_text(header("stage a\n  session run 5 min\nstage \"b\"\n  session run 6 min\n  hold if x\n"));
  INFO(test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 1);
  check_at(result.diagnostics[0], "G0101", 4, 7);
  CHECK(result.protocol->phases[0].stages[0].rules.empty());
}

TEST_CASE("syntax errors are capped") {
  std::string text(test::kHeader);
  for (int i = 0; i < 200; ++i) text += "stge x\n";
  auto result = parse_text(text);
  CHECK(result.diagnostics.size() == 25);
  CHECK_FALSE(result.diagnostics.back().notes.empty());
}

TEST_CASE("a valid file produces none of the syntax diagnostics") {
  auto result = parse_text(
      "# header comment\n"
      "protocol ok \"OK\"\nversion 1.0.0\nsource \"S\"\norder intensity, duration, frequency\n"
      "max weekly increase 10%\nmax 2 advances per 7 days\n"
      "input p score 0..10 \"pain\"\ninput e levels none, 1+\ninput c one of a, b\n"
      "let w = max(p over 7 days, 7 days ago) - 1\n"
      "safety\n  refer if e >= 1+ \"stop\"\n  cue if c == a \"hint\"\n"
      "phase \"P\"\n  stage s1 \"S1\"\n    session 2 x (run 1 min, walk 1 min) at easy\n"
      "    frequency 3 per week, every other day\n    min days 2\n"
      "    advance to s2 if p == 0 for 2 sessions and not (w > 1)  # ok\n"
      "    regress 1 stage if p > 3 then rest 2 days \"back\"\n"
      "  stage s2\n    session rest 2 days\n");
  INFO(test::codes_of(result.diagnostics));
  CHECK(result.diagnostics.empty());
  REQUIRE(result.protocol);
}

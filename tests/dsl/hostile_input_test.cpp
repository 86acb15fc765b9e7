// Hostile and damaged input: every case ends in a precise diagnostic (code,
// line, column), never a crash, a hang or silent acceptance.
#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "dsl/source/encoding.hpp"
#include "dsl/source/read_source.hpp"
#include "parser_test_support.hpp"

using namespace gradus;
using test::parse_text;

namespace {

const Diagnostic& first_with(const ParseResult& result, const std::string& code) {
  INFO(test::codes_of(result.diagnostics));
  for (const auto& d : result.diagnostics) {
    if (d.code == code) return d;
  }
  FAIL("no diagnostic " << code);
  throw std::logic_error("unreachable");
}

void check_at(const Diagnostic& d, std::uint32_t line, std::uint32_t column) {
  INFO(d.code << "@" << d.span.line << ":" << d.span.column << " " << d.message);
  CHECK(d.span.line == line);
  CHECK(d.span.column == column);
}

// CPU time of this process, so a busy shared machine does not make the
// linear-time checks flaky.
double seconds_since(std::clock_t start) { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }

std::string temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("gradus-hostile-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

}  // namespace

TEST_CASE("a file over the size limit is refused with G0003 and not parsed") {
  std::string big(std::size_t{5} << 20, ' ');  // 5 MB of blanks
  auto result = parse_text(big);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == "G0003");
  check_at(result.diagnostics[0], 0, 0);  // the whole file, no line
  CHECK(result.diagnostics[0].message.find("1 MiB") != std::string::npos);
  CHECK_FALSE(result.protocol);

  // Just over the limit of 1 MiB.
  auto over = parse_text(std::string((std::size_t{1} << 20) + 1, '\n'));
  CHECK(over.diagnostics.at(0).code == "G0003");
  // Exactly at the limit is accepted (and then needs a protocol line).
  auto at = parse_text(std::string(std::size_t{1} << 20, '\n'));
  CHECK(at.diagnostics.at(0).code == "G0105");
}

TEST_CASE("read_source: a 5 MB file is G0003 naming the file; missing files and directories are host errors") {
  const auto path = temp_file("big.gradus", std::string(std::size_t{5} << 20, '#'));
  auto big = read_source(path, std::size_t{1} << 20);
  CHECK_FALSE(big.ok());
  REQUIRE(big.diagnostics.size() == 1);
  CHECK(big.diagnostics[0].code == "G0003");
  CHECK(big.diagnostics[0].span.line == 0);
  REQUIRE(big.diagnostics[0].source);
  CHECK(big.diagnostics[0].source->path() == path);
  CHECK(big.diagnostics[0].message.find("5242880 bytes") != std::string::npos);
  std::filesystem::remove(path);

  auto missing = read_source("/nonexistent/x.gradus", 1u << 20);
  CHECK_FALSE(missing.ok());
  CHECK(missing.error == "cannot read /nonexistent/x.gradus: No such file or directory");

  auto dir = read_source(std::filesystem::temp_directory_path().string(), 1u << 20);
  CHECK_FALSE(dir.ok());
  CHECK(dir.error.find("Is a directory") != std::string::npos);

  const auto small = temp_file("ok.gradus", "protocol x\n");
  auto ok = read_source(small, 1u << 20);
  REQUIRE(ok.ok());
  CHECK(ok.source->text() == "protocol x\n");
  CHECK(ok.source->path() == small);
  std::filesystem::remove(small);
}

TEST_CASE("a line over the line limit is G0005, quickly") {
  const std::clock_t start = std::clock();
  auto result = parse_text(std::string(test::kHeader) + "let x = " + std::string(1000000, 'a') + "\n");
  CHECK(seconds_since(start) < 2.0);
  const auto& d = first_with(result, "G0005");
  check_at(d, 2, 1);
  CHECK(result.diagnostics.size() == 1);
}

TEST_CASE("invalid UTF-8 is G0001 at its line and column") {
  struct Case {
    std::string bytes;
    const char* what;
  };
  const Case cases[] = {
      {"\x80", "a lone continuation byte"},
      {"\xC0\xAF", "an overlong two-byte form"},
      {"\xE0\x80\xAF", "an overlong three-byte form"},
      {"\xF0\x80\x80\xAF", "an overlong four-byte form"},
      {"\xED\xA0\x80", "a UTF-16 surrogate"},
      {"\xF4\x90\x80\x80", "a code point above U+10FFFF"},
      {"\xC3", "a truncated sequence"},
      {"\xE2\x82", "a truncated three-byte sequence"},
      {"\xFF", "a byte that never occurs in UTF-8"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    // Valid multi-byte text before the bad byte: columns count characters.
    auto result = parse_text("protocol t \"T\"\ninput pain flag \"d\xC3\xA9j\xC3\xA0 " + c.bytes + "\"\n");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "G0001");
    check_at(result.diagnostics[0], 2, 23);
    CHECK_FALSE(result.protocol);
  }
  // The truncated sequence at the very end of the file.
  auto end = parse_text("protocol t \"T\"\n# \xE2\x82");
  check_at(first_with(end, "G0001"), 2, 3);
  // Valid text of every length is accepted.
  auto valid = parse_text("protocol t \"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\x83 \xF4\x8F\xBF\xBF\"\n");
  CHECK(valid.diagnostics.empty());
  CHECK(valid.protocol->title == "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\x83 \xF4\x8F\xBF\xBF");
}

TEST_CASE("a NUL byte is G0002 at its line and column") {
  auto result = parse_text(std::string("protocol t \"T\"\nversion 1.0", 26) + std::string(1, '\0') + ".0\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == "G0002");
  check_at(result.diagnostics[0], 2, 12);
  CHECK_FALSE(result.protocol);
}

TEST_CASE("encoding problems are found one per line, capped") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xFF\xFF x\n";
  const auto problems = find_encoding_problems(text, 20);
  CHECK(problems.size() == 20);
  CHECK(problems[1].offset == 5);
  CHECK(bom_size("\xEF\xBB\xBFx") == 3);
  CHECK(bom_size("\xEF\xBB") == 0);
}

TEST_CASE("100,000 nested parentheses are G0004 without exhausting the stack") {
  const std::string nested = std::string(100000, '(') + "a" + std::string(100000, ')');
  const std::clock_t start = std::clock();
  auto result = parse_text(std::string(test::kHeader) + "let x = " + nested + "\n");
  CHECK(seconds_since(start) < 2.0);
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics[0];
  CHECK(d.code == "G0004");
  CHECK(d.message == "expression nested too deeply (limit 64)");
  check_at(d, 2, 9 + 64);  // the 65th '('

  // The same inside a rule, with the line limit raised so the depth guard is what stops it.
  ParseLimits roomy;
  roomy.max_line_bytes = 1u << 20;
  auto in_rule = parse_text(std::string(test::kHeader) + "stage s\n  hold if " + nested + "\n", roomy);
  check_at(first_with(in_rule, "G0004"), 3, 11 + 64);
  // Calls nest too: max(max(max(...))).
  std::string calls;
  for (int i = 0; i < 10000; ++i) calls += "max(";
  auto nested_calls = parse_text(std::string(test::kHeader) + "let x = " + calls + "a" + std::string(10000, ')') + "\n");
  check_at(first_with(nested_calls, "G0004"), 2, 9 + 4 * 64 + 3);
  // And repeat groups in a session.
  std::string groups;
  for (int i = 0; i < 10000; ++i) groups += "1 x (";
  auto nested_groups = parse_text(std::string(test::kHeader) + "stage s\n  session " + groups + "run 1 min" +
                                   std::string(10000, ')') + "\n");
  const auto& g = first_with(nested_groups, "G0004");
  CHECK(g.message == "session nested too deeply (limit 64)");
  check_at(g, 3, 11 + 5 * 64 + 4);
}

TEST_CASE("long unary chains are G0004 too, not a stack overflow") {
  std::string minus, nots;
  for (int i = 0; i < 20000; ++i) minus += "- ";
  for (int i = 0; i < 10000; ++i) nots += "not ";
  auto neg = parse_text(std::string(test::kHeader) + "let x = " + minus + "a\n");
  const auto& n = first_with(neg, "G0004");
  CHECK(n.message == "expression nested too deeply (limit 64)");
  check_at(n, 2, 9 + 2 * 64);
  auto not_chain = parse_text(std::string(test::kHeader) + "stage s\n  hold if " + nots + "a\n");
  check_at(first_with(not_chain, "G0004"), 3, 11 + 4 * 64);
}

TEST_CASE("nesting up to the limit parses, and one more does not") {
  auto legal = parse_text(std::string(test::kHeader) + "let x = " + std::string(60, '(') + "a + -b" +
                          std::string(60, ')') + "\n");
  INFO(test::codes_of(legal.diagnostics));
  CHECK(legal.diagnostics.empty());
  const ast::Expr* e = legal.protocol->lets.at(0).value.get();
  CHECK(e->op == ast::Op::Add);
  CHECK(e->parenthesized);

  // The deepest legal mix: 64 parentheses, each holding a `not` and a minus.
  std::string deepest;
  for (int i = 0; i < 64; ++i) deepest += "(not - ";
  auto mixed = parse_text(std::string(test::kHeader) + "stage s\n  hold if " + deepest + "a" + std::string(64, ')') + "\n");
  CHECK(mixed.diagnostics.empty());

  auto at_limit = parse_text(std::string(test::kHeader) + "let x = " + std::string(64, '(') + "a" +
                             std::string(64, ')') + "\n");
  CHECK(at_limit.diagnostics.empty());
  auto over = parse_text(std::string(test::kHeader) + "let x = " + std::string(65, '(') + "a" +
                         std::string(65, ')') + "\n");
  CHECK(first_with(over, "G0004").span.column == 9 + 64);
}

TEST_CASE("unterminated strings and unknown keywords in hostile places") {
  auto unterminated = parse_text(std::string(test::kHeader) + "stage s \"never closed # not a comment\n  hold if x\n");
  const auto& u = first_with(unterminated, "G0102");
  check_at(u, 2, 9);
  auto unknown = parse_text(std::string(test::kHeader) + "\xC3\xA9tape s\n");
  const auto& k = first_with(unknown, "G0103");
  check_at(k, 2, 1);
  CHECK(k.message == "unknown keyword '\xC3\xA9tape'");
  // A huge unknown word is cut in the message.
  auto huge = parse_text(std::string(test::kHeader) + std::string(50000, 'q') + "\n");
  const auto& h = first_with(huge, "G0103");
  CHECK(h.message == "unknown keyword '" + std::string(40, 'q') + "...'");
  CHECK(h.span.end_column == 50001);
  // A word made only of punctuation is not a keyword at all.
  auto punct = parse_text(std::string(test::kHeader) + "  @@@\n");
  check_at(first_with(punct, "G0101"), 2, 3);
}

TEST_CASE("a UTF-8 BOM and CRLF line endings are accepted with correct columns") {
  auto result = parse_text("\xEF\xBB\xBFprotocol t \"T\"\r\ninput pain score 0..10\r\nstge x\r\n  hold if pain >\r\n");
  INFO(test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 2);
  check_at(result.diagnostics[0], 3, 1);
  CHECK(result.diagnostics[0].code == "G0103");
  CHECK(result.diagnostics[0].span.end_column == 5);
  CHECK(result.diagnostics[1].code == "G0101");
  check_at(result.diagnostics[1], 4, 17);
  REQUIRE(result.protocol);
  CHECK(result.protocol->span.column == 1);
  CHECK(result.protocol->span.begin == 3);
  CHECK(result.protocol->id == "t");
  CHECK(result.protocol->id_span.column == 10);
  CHECK(result.protocol->inputs.at(0).type.hi.value == 10);
  CHECK(result.protocol->inputs.at(0).span.end_column == 23);

  auto bom_error = parse_text("\xEF\xBB\xBFstge x\n");
  check_at(first_with(bom_error, "G0103"), 1, 1);
}

TEST_CASE("a generated 1,000-stage protocol parses quickly") {
  std::string text = "protocol big \"Big\"\ninput pain score 0..10\ninput cadence spm\n";
  text += "let worst = max(pain over 7 days, 7 days ago)\nsafety\n  refer if pain >= 8 \"stop\"\n";
  for (int i = 0; i < 1000; ++i) {
    if (i % 100 == 0) text += "phase \"Phase " + std::to_string(i / 100) + "\"\n";
    const std::string n = std::to_string(i);
    text += "  stage s" + n + " \"Stage " + n + "\"  # stage " + n + "\n";
    text += "    session 4 x (run " + std::to_string(1 + i % 9) + " min, walk 1 min) at easy, strides 20 s\n";
    text += "    frequency 3 per week, every other day\n";
    text += "    advance if pain == 0 for 2 sessions and cadence >= 165 spm and not (worst > 2)\n";
    text += "    regress 1 stage if pain >= 3 then rest 2 days \"back one\"\n";
  }
  const std::clock_t start = std::clock();
  auto result = parse_text(text);
  const double elapsed = seconds_since(start);
  INFO(test::codes_of(result.diagnostics));
  CHECK(result.diagnostics.empty());
  REQUIRE(result.protocol);
  CHECK(ast::stage_count(*result.protocol) == 1000);
  CHECK(result.protocol->phases.size() == 10);
  CHECK(elapsed < 5.0);  // a debug build does it in well under a second
}

TEST_CASE("a long operator chain is refused in linear time; a reasonable one parses") {
  // 8,000 operands joined by alternating operators on one line: a tree 8,000
  // deep would endanger every later recursive pass.
  std::string expr = "a";
  for (int i = 0; i < 8000; ++i) expr += (i % 3 == 0 ? " + a" : i % 3 == 1 ? " * 2" : " - a");
  const std::clock_t start = std::clock();
  auto result = parse_text(std::string(test::kHeader) + "let x = " + expr + " > 0 and (b or c)\n");
  CHECK(seconds_since(start) < 2.0);
  const auto& d = first_with(result, "G0004");
  check_at(d, 2, 9);
  CHECK(d.message == "expression too long: more than 256 levels of operators");

  // The longest chain a line allows, of one operator.
  std::string ands = "a";
  while (ands.size() < 60000) ands += " and a";
  const std::clock_t and_start = std::clock();
  auto long_and = parse_text(std::string(test::kHeader) + "stage s\n  hold if " + ands + "\n");
  CHECK(seconds_since(and_start) < 2.0);
  check_at(first_with(long_and, "G0004"), 3, 11);

  std::string fine = "a";
  for (int i = 0; i < 200; ++i) fine += " + a";
  auto ok = parse_text(std::string(test::kHeader) + "stage s\n  hold if " + fine + " > 0 and not (b or c)\n");
  CHECK(ok.diagnostics.empty());
}

// Every protocol-side limit (docs/limits.md) gives its clear error: the code
// and a message that names the limit. Small limits keep the tests fast; the
// defaults are checked against the shipped protocols.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/diag/codes.hpp"
#include "dsl/syntax/parser.hpp"

using namespace gradus;

namespace {

ParseResult parse(const std::string& text, const ParseLimits& limits = {}) {
  return parse_protocol(std::make_shared<Source>("limits.gradus", text), limits);
}

const Diagnostic* find(const Diagnostics& all, const std::string& code) {
  for (const auto& d : all)
    if (d.code == code) return &d;
  return nullptr;
}

std::string header() { return "protocol t \"T\"\nversion 1.0.0\nsource \"A\"\ninput pain score 0..10\n"; }

std::string stages(int n, int rules_each) {
  std::string text = header() + "safety\n  hold if pain >= 5\nphase \"P\"\n";
  for (int i = 0; i < n; ++i) {
    text += "  stage s" + std::to_string(i) + " \"S\"\n    session run 10 min at easy\n    frequency daily\n";
    for (int r = 0; r < rules_each; ++r) text += "    hold if pain >= " + std::to_string(1 + r % 9) + "\n";
    text += "    advance if pain == 0\n";
  }
  return text;
}

}  // namespace

TEST_CASE("limit: file size (ParseLimits::max_file_bytes, G0003)") {
  ParseLimits limits;
  limits.max_file_bytes = 1000;
  const auto r = parse(header() + std::string(2000, '#') + "\n", limits);
  const Diagnostic* d = find(r.diagnostics, "G0003");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->message.find("too large") != std::string::npos);
  CHECK(d->message.find("limit") != std::string::npos);
  CHECK_FALSE(r.protocol);
  CHECK(find(parse(header(), limits).diagnostics, "G0003") == nullptr);
}

TEST_CASE("limit: line length (ParseLimits::max_line_bytes, G0005)") {
  ParseLimits limits;
  limits.max_line_bytes = 200;
  const auto r = parse(header() + "let x = " + std::string(300, '1') + "\n", limits);
  const Diagnostic* d = find(r.diagnostics, "G0005");
  REQUIRE(d);
  CHECK(d->message.find("limit") != std::string::npos);
}

TEST_CASE("limit: expression depth (ParseLimits::max_expression_depth, G0004)") {
  ParseLimits limits;
  limits.max_expression_depth = 8;
  const auto r = parse(header() + "let x = " + std::string(9, '(') + "pain" + std::string(9, ')') + "\n", limits);
  const Diagnostic* d = find(r.diagnostics, "G0004");
  REQUIRE(d);
  CHECK(d->message.find("nested too deeply (limit 8)") != std::string::npos);
  const auto ok = parse(header() + "let x = " + std::string(7, '(') + "pain" + std::string(7, ')') + "\n", limits);
  CHECK(find(ok.diagnostics, "G0004") == nullptr);
}

TEST_CASE("limit: number of stages (ParseLimits::max_stages, G0006)") {
  ParseLimits limits;
  limits.max_stages = 5;
  const auto over = parse(stages(6, 0), limits);
  const Diagnostic* d = find(over.diagnostics, "G0006");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->message == "too many stages: 6; the limit is 5");
  CHECK(d->span.line > 0);  // at the first stage over the limit
  CHECK_FALSE(over.protocol);
  const auto at = parse(stages(5, 0), limits);
  CHECK(find(at.diagnostics, "G0006") == nullptr);
  CHECK(at.protocol);
}

TEST_CASE("limit: number of rules (ParseLimits::max_rules, G0006)") {
  ParseLimits limits;
  limits.max_rules = 10;  // 1 safety rule + per stage (rules_each + 1)
  const auto over = parse(stages(2, 4), limits);  // 1 + 2 * 5 = 11
  const Diagnostic* d = find(over.diagnostics, "G0006");
  REQUIRE(d);
  CHECK(d->message == "too many rules: 11; the limit is 10");
  CHECK_FALSE(over.protocol);
  CHECK(find(parse(stages(3, 2), limits).diagnostics, "G0006") == nullptr);  // 1 + 3 * 3 = 10
}

TEST_CASE("the default limits leave room above every shipped protocol") {
  const ParseLimits limits;
  CHECK(find_code("G0006") != nullptr);
  for (const auto& e : std::filesystem::directory_iterator(GRADUS_SOURCE_DIR "/protocols")) {
    if (e.path().extension() != ".gradus") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    INFO(e.path().string());
    CHECK(text.str().size() * 10 < limits.max_file_bytes);
    const auto r = parse(text.str());
    REQUIRE(r.protocol);
    std::size_t n = 0, rules = r.protocol->safety.size();
    for (const auto& phase : r.protocol->phases)
      for (const auto& stage : phase.stages) ++n, rules += stage.rules.size();
    CHECK(n * 10 < limits.max_stages);
    CHECK(rules * 10 < limits.max_rules);
  }
}

TEST_CASE("a protocol at the default stage limit parses; one stage more is refused") {
  const ParseLimits limits;
  const int n = static_cast<int>(limits.max_stages);
  const auto r = parse(stages(n, 2));  // 1 + n * 3 rules, under max_rules
  CHECK(find(r.diagnostics, "G0006") == nullptr);
  CHECK(r.protocol);
  const auto over = parse(stages(n + 1, 2));
  REQUIRE(find(over.diagnostics, "G0006") != nullptr);
  CHECK(find(over.diagnostics, "G0006")->message ==
        "too many stages: " + std::to_string(n + 1) + "; the limit is " + std::to_string(n));
}

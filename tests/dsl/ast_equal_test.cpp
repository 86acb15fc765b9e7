// Equality modulo spans: layout may differ, meaning and comments may not.
#include <catch2/catch.hpp>

#include "dsl/syntax/ast_equal.hpp"
#include "format_test_support.hpp"

using namespace gradus;
using namespace gradus::format_test;

namespace {

const char* const kBase = "# top\n"
                          "protocol p \"P\"\n"
                          "input pain score 0..10\n"
                          "safety\n"
                          "  refer if pain >= 8 \"Refer\"\n"
                          "  hold if missing(pain)\n"
                          "phase \"One\"\n"
                          "  stage r1\n"
                          "    session 6 x (run 1 min, walk 4 min) at easy\n"
                          "    advance if pain == 0 for 2 sessions\n"
                          "    regress if pain >= 3 # too sore\n";

std::optional<std::string> diff(const std::string& a, const std::string& b) {
  return ast::first_difference(parse_ok(a), parse_ok(b));
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("layout and spans do not matter") {
  const std::string moved = "\n\n# top\n  protocol   p   \"P\"\n\ninput pain   score 0..10\n safety\n refer if pain>=8 \"Refer\"\n"
                            "hold if missing( pain )\nphase \"One\"\nstage r1\nsession 6 x(run 1 min,walk 4 mins) at easy\n"
                            "advance if pain==0 for 2 session\nregress if pain >= 3    # too sore   \n";
  CHECK(diff(kBase, moved) == std::nullopt);
  CHECK(ast::equal_modulo_spans(parse_ok(kBase), parse_ok(moved)));
}

TEST_CASE("checker annotations do not matter") {
  ast::Protocol a = parse_ok(kBase);
  const ast::Protocol b = parse_ok(kBase);
  a.safety[0].condition->type.kind = ast::TypeKind::Boolean;
  a.safety[0].condition->args[1]->inferred_unit = Unit::Spm;
  a.safety[0].condition->args[0]->symbol.kind = ast::SymbolKind::Input;
  CHECK(ast::equal_modulo_spans(a, b));
}

TEST_CASE("a changed number is a difference, with its path") {
  const auto d = diff(kBase, replace(kBase, "pain == 0 for 2", "pain == 0 for 3"));
  REQUIRE(d.has_value());
  CHECK(*d == "stage r1: rule 1: condition differs (`pain == 0 for 2 sessions` vs `pain == 0 for 3 sessions`)");
  // Numbers compare as written: 8 and 8.0 are different text.
  CHECK(diff(kBase, replace(kBase, ">= 8", ">= 8.0")).has_value());
  CHECK(diff(kBase, replace(kBase, "run 1 min", "run 60 s")) ==
        std::optional<std::string>("stage r1: session: block 1: block 1: amount differs (`1 min` vs `60 s`)"));
}

TEST_CASE("a changed comment is a difference") {
  auto d = diff(kBase, replace(kBase, "# too sore", "# too painful"));
  REQUIRE(d.has_value());
  CHECK(d->find("stage r1: rule 2: trailing comment differs") == 0);
  d = diff(kBase, replace(kBase, "# top\n", ""));
  REQUIRE(d.has_value());
  CHECK(d->find("protocol: leading comment") == 0);
  CHECK(diff(kBase, std::string(kBase) + "# end\n").has_value());
}

TEST_CASE("a moved rule is a difference") {
  const std::string swapped = replace(kBase, "  refer if pain >= 8 \"Refer\"\n  hold if missing(pain)\n",
                                      "  hold if missing(pain)\n  refer if pain >= 8 \"Refer\"\n");
  const auto d = diff(kBase, swapped);
  REQUIRE(d.has_value());
  CHECK(d->find("safety: rule 1: kind differs") == 0);
  // A rule moved from safety into the stage.
  const std::string into_stage = replace(replace(kBase, "  hold if missing(pain)\n", ""), "# too sore\n",
                                         "# too sore\n    hold if missing(pain)\n");
  CHECK(diff(kBase, into_stage).has_value());
}

TEST_CASE("parentheses, messages, targets and intensities are compared") {
  CHECK(diff(kBase, replace(kBase, "pain >= 8", "(pain >= 8)")).has_value());
  CHECK(diff(kBase, replace(kBase, "\"Refer\"", "\"Refer now\"")).has_value());
  CHECK(diff(kBase, replace(kBase, "at easy", "at moderate")).has_value());
  CHECK(diff(kBase, replace(kBase, "regress if", "regress 2 stages if")).has_value());
  CHECK(diff(kBase, replace(kBase, "stage r1", "stage r2")).has_value());
  CHECK(diff(kBase, replace(kBase, "score 0..10", "score 0..9")).has_value());
}

TEST_CASE("expressions compare alone, modulo spans") {
  const ast::Protocol a = parse_ok("protocol p\ninput x score 0..10\nlet v = max(x over 7 days) >= 2 and not x < 1\n");
  const ast::Protocol b = parse_ok("protocol p\ninput x score 0..10\n\n\nlet   v=max( x over 7 day )>=2 and not x<1\n");
  const ast::Protocol c = parse_ok("protocol p\ninput x score 0..10\nlet v = max(x over 7 sessions) >= 2 and not x < 1\n");
  CHECK(ast::equal_modulo_spans(*a.lets[0].value, *b.lets[0].value));
  CHECK_FALSE(ast::equal_modulo_spans(*a.lets[0].value, *c.lets[0].value));
  CHECK_FALSE(ast::equal_modulo_spans(*a.lets[0].value->args[0], *a.lets[0].value->args[1]));
}

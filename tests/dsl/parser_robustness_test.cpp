// Thousands of damaged versions of the bundled example: the parser must
// always return, with known codes, spans inside the text, and an AST whose
// spans are inside the text whenever it reports no error.
#include <catch2/catch.hpp>

#include <random>

#include "dsl/diag/codes.hpp"
#include "dsl/source/read_source.hpp"
#include "parser_test_support.hpp"

using namespace gradus;

namespace {

struct SpanChecker {
  std::size_t size;
  int bad = 0;

  void operator()(const Span& s) {
    if (!s.valid()) return;
    if (s.begin > s.end || s.end > size || s.column == 0 || s.end_line < s.line) ++bad;
  }
  void expr(const ast::Expr& e) {
    (*this)(e.span);
    if (e.kind == ast::ExprKind::Number) (*this)(e.number.span);
    for (const auto& a : e.args) expr(*a);
  }
  void blocks(const std::vector<ast::Block>& bs) {
    for (const auto& b : bs) {
      (*this)(b.span);
      blocks(b.children);
    }
  }
  void rules(const std::vector<ast::Rule>& rs) {
    for (const auto& r : rs) {
      (*this)(r.span);
      if (r.condition) expr(*r.condition);
    }
  }
  void protocol(const ast::Protocol& p) {
    (*this)(p.span);
    for (const auto& i : p.inputs) (*this)(i.span);
    for (const auto& l : p.lets) {
      (*this)(l.span);
      if (l.value) expr(*l.value);
    }
    rules(p.safety);
    for (const auto& phase : p.phases) {
      for (const auto& stage : phase.stages) {
        (*this)(stage.span);
        if (stage.session) blocks(stage.session->blocks);
        rules(stage.rules);
      }
    }
  }
};

}  // namespace

TEST_CASE("damaged protocols never crash the parser and keep spans in bounds") {
  auto read = read_source(std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus", 1u << 20);
  REQUIRE(read.ok());
  const std::string original = read.source->text();
  // Characters that matter to the grammar, plus bytes that do not belong.
  const std::string alphabet = "()\",#+-*/<>=!.%0123456789 \t\nxaifor\xC3\xA9\r";
  std::mt19937 rng(20261121);
  int clean = 0, total = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text = original;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1 + rng() % 6); break;
      }
    }
    ++total;
    auto result = test::parse_text(text);
    SpanChecker check{text.size()};
    for (const auto& d : result.diagnostics) {
      INFO(d.code << " " << d.message);
      CHECK(find_code(d.code) != nullptr);
      CHECK(!d.message.empty());
      CHECK(d.span.line >= 1);
      check(d.span);
    }
    if (!has_errors(result.diagnostics)) {
      ++clean;
      REQUIRE(result.protocol);
      check.protocol(*result.protocol);
    }
    CHECK(check.bad == 0);
  }
  // Some edits land in comments or keep the text valid; most do not.
  CHECK(clean > 0);
  CHECK(clean < total);
}

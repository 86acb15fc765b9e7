// Every bundled protocol checks without errors, and the checker leaves the
// annotations the engine relies on: a type on every expression, a symbol on
// every name, inferred units on bare numbers beside quantities.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check_test_support.hpp"
#include "dsl/check/builtins.hpp"

using namespace gradus;
using ast::TypeKind;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void require_all_typed(ast::Protocol& p) {
  std::size_t exprs = 0;
  std::function<void(const ast::Expr&)> walk = [&](const ast::Expr& e) {
    ++exprs;
    INFO("expression at " << e.span.line << ":" << e.span.column);
    CHECK(e.type.kind != TypeKind::Unknown);
    if (e.kind == ast::ExprKind::Name || e.kind == ast::ExprKind::Grade) CHECK(e.symbol.kind != ast::SymbolKind::Unresolved);
    for (const auto& a : e.args) walk(*a);
  };
  for (const auto& let : p.lets) walk(*let.value);
  for (const auto& r : p.safety) {
    walk(*r.condition);
    CHECK(r.condition->type.kind == TypeKind::Boolean);
  }
  for (const auto& ph : p.phases) {
    for (const auto& st : ph.stages) {
      for (const auto& r : st.rules) {
        walk(*r.condition);
        CHECK(r.condition->type.kind == TypeKind::Boolean);
      }
    }
  }
  CHECK(exprs > 0);
}

}  // namespace

TEST_CASE("every bundled protocol checks with no errors and is fully typed") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(GRADUS_SOURCE_DIR) + "/protocols")) {
    if (entry.path().extension() != ".gradus") continue;
    ++files;
    DYNAMIC_SECTION(entry.path().filename().string()) {
      auto c = test::check_text(read_file(entry.path()));
      INFO(c.codes());
      CHECK_FALSE(has_errors(c.check.diagnostics));
      require_all_typed(*c.protocol);
    }
  }
  CHECK(files >= 1);
}

TEST_CASE("bsi-tibia: the annotations the engine relies on") {
  auto c = test::check_text(read_file(std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  for (const auto& d : c.check.diagnostics) CHECK(d.code.rfind("G04", 0) == 0);  // only lints may warn here

  ast::Expr* cad = c.expr("cadence >= 165 spm");
  REQUIRE(cad);
  CHECK(cad->type.kind == TypeKind::Boolean);
  CHECK(cad->args[0]->type.kind == TypeKind::Quantity);
  CHECK(cad->args[0]->type.unit == Unit::Spm);
  CHECK(cad->args[0]->symbol.kind == ast::SymbolKind::Input);
  CHECK(cad->args[1]->type.kind == TypeKind::Quantity);
  CHECK(cad->args[1]->type.unit == Unit::Spm);
  CHECK(cad->args[1]->inferred_unit == Unit::None);  // it has its unit

  ast::Expr* imb = c.expr("imbalance <= 2%");
  REQUIRE(imb);
  CHECK(imb->args[0]->type.kind == TypeKind::Percent);
  CHECK(imb->args[0]->symbol.kind == ast::SymbolKind::Let);
  CHECK(imb->args[1]->type.kind == TypeKind::Percent);

  ast::Expr* worst = c.expr("max(pain_during, pain_after)");
  REQUIRE(worst);
  CHECK(worst->type.kind == TypeKind::Score);
  CHECK(worst->type.lo == 0);
  CHECK(worst->type.hi == 10);

  ast::Expr* rise = c.expr("pain_morning - baseline(pain_morning)");
  REQUIRE(rise);
  CHECK(rise->type.kind == TypeKind::Number);

  ast::Expr* cue = c.expr("1.05 * baseline(cadence)");
  REQUIRE(cue);
  CHECK(cue->type.kind == TypeKind::Quantity);
  CHECK(cue->type.unit == Unit::Spm);
  CHECK(cue->args[0]->type.kind == TypeKind::Number);  // a factor, not a cadence

  ast::Expr* all = c.expr("all(pain_morning >= 3 over 2 sessions)");
  REQUIRE(all);
  CHECK(all->type.kind == TypeKind::Boolean);
  ast::Expr* three = all->args[0]->args[1].get();
  CHECK(three->type.kind == TypeKind::Score);  // a bare number beside a score takes its type

  ast::Expr* streak = c.expr("worst_pain == 0 for 3 sessions");
  REQUIRE(streak);
  CHECK(streak->kind == ast::ExprKind::Streak);
  CHECK(streak->type.kind == TypeKind::Boolean);

  CHECK(c.expr("missing(pain_during)")->type.kind == TypeKind::Boolean);
  CHECK(c.expr("latest(hop_lsi)")->type.kind == TypeKind::Percent);
}

TEST_CASE("a bare number beside a quantity gets the quantity's unit") {
  auto c = test::check_text(test::base_protocol("advance if cadence >= 165 and 30 < run_minutes"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  ast::Expr* cmp = c.expr("cadence >= 165");
  REQUIRE(cmp);
  CHECK(cmp->args[1]->inferred_unit == Unit::Spm);
  CHECK(cmp->args[1]->type.kind == TypeKind::Quantity);
  CHECK(cmp->args[1]->type.unit == Unit::Spm);
  ast::Expr* left = c.expr("30 < run_minutes");
  REQUIRE(left);
  CHECK(left->args[0]->inferred_unit == Unit::Min);
  CHECK(left->args[1]->symbol.kind == ast::SymbolKind::Builtin);
  CHECK(left->args[1]->symbol.index == static_cast<int>(BuiltinSeries::RunMinutes));
  CHECK(c.count("G0209") == 0);  // only --strict asks for the unit
}

TEST_CASE("checking twice gives the same result") {
  auto c = test::check_text(test::base_protocol("advance if cadence >= 165"));
  auto again = check_protocol(*c.protocol);
  CHECK(again.diagnostics.size() == c.check.diagnostics.size());
  CHECK(c.expr("cadence >= 165")->args[1]->inferred_unit == Unit::Spm);
}

TEST_CASE("the tests' base protocol has no finding at all, even under --strict") {
  CheckOptions strict;
  strict.strict = true;
  auto c = test::check_text(test::base_protocol(), strict);
  INFO(c.codes());
  CHECK(c.check.diagnostics.empty());
}

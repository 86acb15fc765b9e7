// The checker works on trees built by hand, with no source text behind them
// (the engine's tests and tools build protocols this way): messages fall
// back to generic words instead of reading text that is not there.
#include <catch2/catch.hpp>

#include "dsl/check/checker.hpp"

using namespace gradus;

namespace {

ast::ExprPtr number(double v) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Number;
  e->number.value = v;
  e->number.text = std::to_string(static_cast<int>(v));
  return e;
}

ast::ExprPtr name(std::string n) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Name;
  e->name = std::move(n);
  return e;
}

ast::ExprPtr binary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Binary;
  e->op = op;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ast::Protocol protocol_with(ast::ExprPtr condition) {
  ast::Protocol p;
  p.id = "hand";
  p.citation = ast::HeaderField<std::string>{"A. J 2020", {}, {}};
  ast::Input pain;
  pain.name = "pain";
  pain.type.kind = ast::InputKind::Score;
  pain.type.lo.value = 0;
  pain.type.hi.value = 10;
  p.inputs.push_back(std::move(pain));
  ast::Stage stage;
  stage.id = "a";
  stage.session = ast::Session{};
  ast::Block block;
  block.amount.value = 10;
  block.amount.unit = Unit::Min;
  stage.session->blocks.push_back(block);
  ast::Rule rule;
  rule.kind = ast::RuleKind::Advance;
  rule.condition = std::move(condition);
  stage.rules.push_back(std::move(rule));
  ast::Phase phase;
  phase.stages.push_back(std::move(stage));
  p.phases.push_back(std::move(phase));
  return p;
}

}  // namespace

TEST_CASE("a hand-built protocol is checked and annotated") {
  auto p = protocol_with(binary(ast::Op::Le, name("pain"), number(2)));
  auto result = check_protocol(p);
  CHECK(result.ok());
  const auto& cond = *p.phases[0].stages[0].rules[0].condition;
  CHECK(cond.type.kind == ast::TypeKind::Boolean);
  CHECK(cond.args[0]->symbol.kind == ast::SymbolKind::Input);
  CHECK(cond.args[1]->type.kind == ast::TypeKind::Score);
}

TEST_CASE("a hand-built protocol with mistakes gets findings, not a crash") {
  auto p = protocol_with(binary(ast::Op::And, binary(ast::Op::Gt, name("pain"), number(11)), name("nope")));
  auto result = check_protocol(p);
  CHECK_FALSE(result.ok());
  bool range = false, unknown = false;
  for (const auto& d : result.diagnostics) {
    range = range || d.code == "G0204";
    unknown = unknown || d.code == "G0201";
    CHECK(d.source == nullptr);
  }
  CHECK(range);
  CHECK(unknown);

  ast::Protocol empty;  // nothing at all: no stages, no source
  auto none = check_protocol(empty);
  CHECK_FALSE(none.ok());
}

TEST_CASE("defensive checks the grammar already prevents still hold on hand-built trees") {
  auto p = protocol_with(binary(ast::Op::Le, name("pain"), number(2)));
  ast::Input grade;
  grade.name = "effusion";
  grade.type.kind = ast::InputKind::Levels;
  grade.type.names = {"none", "trace", "none"};
  p.inputs.push_back(std::move(grade));
  ast::Rule cue;
  cue.kind = ast::RuleKind::Cue;
  cue.condition = binary(ast::Op::Gt, name("pain"), number(3));
  cue.rest_days = ast::Quantity{2, "2", Unit::Day, {}};
  cue.message = "easy";
  p.safety.push_back(std::move(cue));
  auto result = check_protocol(p);
  std::string codes;
  for (const auto& d : result.diagnostics) codes += d.code + " " + d.message + "\n";
  INFO(codes);
  CHECK(codes.find("G0202 duplicate grade 'none' in input 'effusion'") != std::string::npos);
  CHECK(codes.find("G0305 a cue cannot prescribe rest") != std::string::npos);
}

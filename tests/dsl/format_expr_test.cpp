// Canonical text of expressions and clauses, on trees built by hand so the
// tests pin the printer independently of the parser (the round-trip tests
// in format_protocol_test.cpp cover parser + printer together).
#include <catch2/catch.hpp>

#include "dsl/format/format_expr.hpp"

using namespace gradus;

namespace {

ast::Quantity qty(std::string text, Unit unit = Unit::None) {
  ast::Quantity q;
  q.value = std::stod(text);
  q.text = std::move(text);
  q.unit = unit;
  return q;
}

ast::ExprPtr num(std::string text, Unit unit = Unit::None) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Number;
  e->number = qty(std::move(text), unit);
  return e;
}

ast::ExprPtr name(std::string n) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Name;
  e->name = std::move(n);
  return e;
}

ast::ExprPtr bin(ast::Op op, ast::ExprPtr a, ast::ExprPtr b) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Binary;
  e->op = op;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ast::ExprPtr un(ast::Op op, ast::ExprPtr a) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Unary;
  e->op = op;
  e->args.push_back(std::move(a));
  return e;
}

ast::ExprPtr call(std::string n, std::vector<ast::ExprPtr> args) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Call;
  e->name = std::move(n);
  e->args = std::move(args);
  return e;
}

template <typename... T>
std::vector<ast::ExprPtr> list(T&&... items) {
  std::vector<ast::ExprPtr> v;
  (v.push_back(std::forward<T>(items)), ...);
  return v;
}

ast::ExprPtr streak(ast::ExprPtr cond, std::string n) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::Streak;
  e->args.push_back(std::move(cond));
  e->streak = qty(std::move(n));
  return e;
}

ast::ExprPtr paren(ast::ExprPtr e) {
  e->parenthesized = true;
  return e;
}

ast::Block block(ast::Activity activity, std::string amount, Unit unit) {
  ast::Block b;
  b.activity = activity;
  b.amount = qty(std::move(amount), unit);
  return b;
}

ast::Block repeat(std::string count, std::vector<ast::Block> children) {
  ast::Block b;
  b.repeat = true;
  b.count = qty(std::move(count));
  b.children = std::move(children);
  return b;
}

ast::Intensity intensity(ast::IntensityKind kind, std::string level = "0") {
  ast::Intensity i;
  i.kind = kind;
  i.level = qty(std::move(level));
  return i;
}

}  // namespace

TEST_CASE("numbers print as written with the unit's canonical spelling") {
  CHECK(format_expr(*num("165", Unit::Spm)) == "165 spm");
  CHECK(format_expr(*num("30", Unit::Min)) == "30 min");
  CHECK(format_expr(*num("4", Unit::Percent)) == "4%");
  CHECK(format_expr(*num("9.50", Unit::KnPerM)) == "9.50 kN/m");
  CHECK(format_expr(*num("1", Unit::Day)) == "1 day");
  CHECK(format_expr(*num("14", Unit::Day)) == "14 days");
  CHECK(format_expr(*num("1.05")) == "1.05");
}

TEST_CASE("a unit only inferred by the checker is not printed") {
  auto e = num("165");
  e->inferred_unit = Unit::Spm;
  CHECK(format_expr(*e) == "165");
}

TEST_CASE("a quantity built in code with no text prints its shortest decimal") {
  ast::Quantity q;
  q.value = 0.1;
  q.unit = Unit::Km;
  CHECK(format_quantity(q) == "0.1 km");
}

TEST_CASE("binary operators get single spaces; unary operators bind to their operand") {
  CHECK(format_expr(*bin(ast::Op::Ge, name("worst_pain"), num("1"))) == "worst_pain >= 1");
  CHECK(format_expr(*un(ast::Op::Not, name("swelling"))) == "not swelling");
  CHECK(format_expr(*un(ast::Op::Neg, name("x"))) == "-x");
  CHECK(format_expr(*bin(ast::Op::Lt, name("cadence"),
                         bin(ast::Op::Mul, num("1.05"), call("baseline", list(name("cadence")))))) ==
        "cadence < 1.05 * baseline(cadence)");
}

TEST_CASE("calls separate arguments with a comma and a space") {
  CHECK(format_expr(*call("max", list(name("pain_during"), name("pain_after")))) ==
        "max(pain_during, pain_after)");
  CHECK(format_expr(*call("abs", list(bin(ast::Op::Sub, name("gct_balance"), num("50", Unit::Percent))))) ==
        "abs(gct_balance - 50%)");
}

TEST_CASE("windows print their length, unit and offset") {
  auto over7 = call("max", list(name("x")));
  over7->window = ast::Window{qty("7"), ast::WindowUnit::Days, std::nullopt, ast::WindowUnit::Days, {}};
  CHECK(format_expr(*over7) == "max(x over 7 days)");

  auto ago = call("mean", list(name("x")));
  ago->window = ast::Window{qty("7"), ast::WindowUnit::Days, qty("7"), ast::WindowUnit::Days, {}};
  CHECK(format_expr(*ago) == "mean(x over 7 days, 7 days ago)");

  auto all = call("all", list(bin(ast::Op::Ge, name("pain_morning"), num("3"))));
  all->window = ast::Window{qty("2"), ast::WindowUnit::Sessions, std::nullopt, ast::WindowUnit::Days, {}};
  CHECK(format_expr(*all) == "all(pain_morning >= 3 over 2 sessions)");

  auto count = call("count", list(name("c")));
  count->window = ast::Window{qty("14"), ast::WindowUnit::Days, std::nullopt, ast::WindowUnit::Days, {}};
  CHECK(format_expr(*count) == "count(c over 14 days)");
}

TEST_CASE("streaks sit under and, over comparisons") {
  auto e = bin(ast::Op::And, streak(bin(ast::Op::Eq, name("worst_pain"), num("0")), "3"),
               bin(ast::Op::Ge, call("latest", list(name("hop_lsi"))), num("80", Unit::Percent)));
  CHECK(format_expr(*e) == "worst_pain == 0 for 3 sessions and latest(hop_lsi) >= 80%");
  CHECK(format_expr(*streak(name("c"), "1")) == "c for 1 session");
}

TEST_CASE("parentheses are kept where written") {
  auto e = bin(ast::Op::Mul, paren(bin(ast::Op::Add, name("a"), name("b"))), name("c"));
  CHECK(format_expr(*e) == "(a + b) * c");
  CHECK(format_expr(*paren(name("a"))) == "(a)");
  // Redundant parentheses are the author's: kept, not doubled.
  auto r = bin(ast::Op::Add, paren(bin(ast::Op::Mul, name("a"), name("b"))), name("c"));
  CHECK(format_expr(*r) == "(a * b) + c");
}

TEST_CASE("parentheses are added where precedence needs them and the tree has none") {
  CHECK(format_expr(*bin(ast::Op::Mul, bin(ast::Op::Add, name("a"), name("b")), name("c"))) == "(a + b) * c");
  CHECK(format_expr(*bin(ast::Op::Sub, name("a"), bin(ast::Op::Sub, name("b"), name("c")))) == "a - (b - c)");
  CHECK(format_expr(*bin(ast::Op::Sub, bin(ast::Op::Sub, name("a"), name("b")), name("c"))) == "a - b - c");
  CHECK(format_expr(*bin(ast::Op::And, name("a"), bin(ast::Op::Or, name("b"), name("c")))) == "a and (b or c)");
  CHECK(format_expr(*bin(ast::Op::Or, bin(ast::Op::And, name("a"), name("b")), name("c"))) == "a and b or c");
  CHECK(format_expr(*un(ast::Op::Not, bin(ast::Op::And, name("a"), name("b")))) == "not (a and b)");
  CHECK(format_expr(*un(ast::Op::Neg, bin(ast::Op::Add, name("a"), name("b")))) == "-(a + b)");
  CHECK(format_expr(*bin(ast::Op::Eq, bin(ast::Op::Lt, name("a"), name("b")), name("c"))) == "(a < b) == c");
  CHECK(format_expr(*streak(bin(ast::Op::And, name("a"), name("b")), "2")) == "(a and b) for 2 sessions");
}

TEST_CASE("format_session writes blocks, repeats and intensities canonically") {
  ast::Session walk;
  walk.blocks.push_back(block(ast::Activity::Walk, "30", Unit::Min));
  CHECK(format_session(walk) == "walk 30 min");

  ast::Session r1;
  auto group = repeat("6", {block(ast::Activity::Run, "1", Unit::Min), block(ast::Activity::Walk, "4", Unit::Min)});
  group.intensity = intensity(ast::IntensityKind::Easy);
  r1.blocks.push_back(group);
  CHECK(format_session(r1) == "6 x (run 1 min, walk 4 min) at easy");

  ast::Session tempo;
  tempo.blocks.push_back(block(ast::Activity::Run, "20", Unit::Min));
  tempo.blocks.back().intensity = intensity(ast::IntensityKind::Easy);
  tempo.blocks.push_back(block(ast::Activity::Run, "10", Unit::Min));
  tempo.blocks.back().intensity = intensity(ast::IntensityKind::Moderate);
  CHECK(format_session(tempo) == "run 20 min at easy, run 10 min at moderate");

  ast::Session nested;
  auto inner = repeat("4", {block(ast::Activity::Strides, "20", Unit::S), block(ast::Activity::Walk, "40", Unit::S)});
  inner.children[0].intensity = intensity(ast::IntensityKind::Rpe, "8");
  nested.blocks.push_back(block(ast::Activity::Jog, "0.2", Unit::Mi));
  nested.blocks.push_back(repeat("2", {inner, block(ast::Activity::CrossTrain, "5", Unit::Min)}));
  nested.blocks.back().intensity = intensity(ast::IntensityKind::Zone, "2");
  nested.blocks.push_back(block(ast::Activity::Run, "2", Unit::Km));
  nested.blocks.back().intensity = intensity(ast::IntensityKind::Hard);
  CHECK(format_session(nested) ==
        "jog 0.2 mi, 2 x (4 x (strides 20 s at rpe 8, walk 40 s), cross-train 5 min) at zone 2, run 2 km at hard");
}

TEST_CASE("format_session writes rest stages") {
  ast::Session rest;
  rest.rest = true;
  CHECK(format_session(rest) == "rest");
  rest.rest_days = qty("2", Unit::Day);
  CHECK(format_session(rest) == "rest 2 days");
  rest.rest_days = qty("1");
  CHECK(format_session(rest) == "rest 1 day");
}

TEST_CASE("format_frequency joins the count and the spacing") {
  ast::Frequency f;
  f.per_week = qty("4");
  CHECK(format_frequency(f) == "4 per week");
  f.every_other_day = true;
  CHECK(format_frequency(f) == "4 per week, every other day");
  ast::Frequency d;
  d.daily = true;
  CHECK(format_frequency(d) == "daily");
}

TEST_CASE("format_rule writes the head, the rest and the message") {
  ast::Rule rule;
  rule.kind = ast::RuleKind::Regress;
  rule.condition = bin(ast::Op::Ge, name("worst_pain"), num("1"));
  rule.rest_days = qty("1");
  rule.message = "Bone pain on loading";
  CHECK(format_rule_head(rule) == "regress if worst_pain >= 1 then rest 1 day");
  CHECK(format_rule(rule) == "regress if worst_pain >= 1 then rest 1 day \"Bone pain on loading\"");

  rule.rest_days = qty("2");
  rule.stages = qty("2");
  rule.message = "back \\ down";
  CHECK(format_rule(rule) == "regress 2 stages if worst_pain >= 1 then rest 2 days \"back \\ down\"");
  rule.stages = qty("1");
  CHECK(format_rule_head(rule) == "regress 1 stage if worst_pain >= 1 then rest 2 days");

  ast::Rule advance;
  advance.kind = ast::RuleKind::Advance;
  advance.target = "c30";
  advance.condition = name("ok");
  CHECK(format_rule(advance) == "advance to c30 if ok");
}

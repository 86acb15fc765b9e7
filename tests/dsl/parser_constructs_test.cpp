// Every construct of the language parses into the AST the comments in
// dsl/syntax/ast.hpp describe, with spans on the nodes.
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using namespace gradus;
using test::parse_text;

namespace {

// Parses a header plus `body` and requires no diagnostics.
ast::Protocol parse_ok(const std::string& body) {
  auto result = parse_text(std::string(test::kHeader) + body);
  INFO(body << "\n" << test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

// The expression of `let x = TEXT`.
ast::ExprPtr expr(const std::string& text) {
  auto p = parse_ok("let x = " + text + "\n");
  REQUIRE(p.lets.size() == 1);
  return std::move(p.lets[0].value);
}

// A compact rendering of an expression's structure, fully parenthesized.
std::string shape(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: return e.number.text + std::string(to_string(e.number.unit));
    case ast::ExprKind::Grade: return "grade:" + e.name;
    case ast::ExprKind::Name: return e.name;
    case ast::ExprKind::Unary: return std::string("(") + ast::to_string(e.op) + " " + shape(*e.args[0]) + ")";
    case ast::ExprKind::Binary:
      return "(" + shape(*e.args[0]) + " " + ast::to_string(e.op) + " " + shape(*e.args[1]) + ")";
    case ast::ExprKind::Streak: return "(" + shape(*e.args[0]) + " for " + e.streak.text + ")";
    case ast::ExprKind::Call: {
      std::string out = e.name + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + shape(*e.args[i]);
      if (e.window) {
        out += " over " + e.window->length.text + (e.window->unit == ast::WindowUnit::Days ? " days" : " sessions");
        if (e.window->offset) out += ", " + e.window->offset->text + " ago";
      }
      return out + ")";
    }
  }
  return "?";
}

std::string shape_of(const std::string& text) { return shape(*expr(text)); }

std::string text_of(const ast::Protocol& p, Span s) { return p.source->text().substr(s.begin, s.size()); }

}  // namespace

TEST_CASE("header statements") {
  auto p = parse_ok(
      "version 2.10.3\n"
      "source \"Someone 2020\"\n"
      "order frequency, duration, intensity\n"
      "max weekly increase 10%\n"
      "max 2 advances per 7 days\n");
  CHECK(p.id == "t");
  CHECK(p.title == "T");
  CHECK(text_of(p, p.id_span) == "t");
  CHECK(p.version->value == "2.10.3");
  CHECK(p.citation->value == "Someone 2020");
  CHECK(p.order->value ==
        std::vector{ast::OrderDimension::Frequency, ast::OrderDimension::Duration, ast::OrderDimension::Intensity});
  REQUIRE(p.max_weekly_increase);
  CHECK(p.max_weekly_increase->value.value == 10);
  CHECK(p.max_weekly_increase->value.unit == Unit::Percent);
  CHECK(text_of(p, p.max_weekly_increase->value.span) == "10%");
  REQUIRE(p.max_advances);
  CHECK(p.max_advances->value.count.value == 2);
  CHECK(p.max_advances->value.days.value == 7);
  CHECK(text_of(p, p.max_advances->span) == "max 2 advances per 7 days");
}

TEST_CASE("a protocol line without a title, and a pre-release version") {
  auto result = parse_text("protocol plain\nversion 1.0.0-rc.1\n");
  REQUIRE(result.diagnostics.empty());
  CHECK(result.protocol->id == "plain");
  CHECK_FALSE(result.protocol->title);
  CHECK(result.protocol->version->value == "1.0.0-rc.1");
}

TEST_CASE("inputs of every type") {
  auto p = parse_ok(
      "input pain score 0..10 \"worst pain\"\n"
      "input neg score -5..5\n"
      "input swelling flag\n"
      "input steps count\n"
      "input share percent\n"
      "input cadence spm\n"
      "input gct ms\n"
      "input dur s\n"
      "input tm min\n"
      "input d1 cm\n"
      "input d2 mm\n"
      "input d3 m\n"
      "input d4 km\n"
      "input d5 mi\n"
      "input hr bpm\n"
      "input stiffness kN/m\n"
      "input power W\n"
      "input effusion levels none, trace, 1+, 2+, 3+\n"
      "input onset one of warm_up, during, next_day \"when soreness appeared\"\n");
  REQUIRE(p.inputs.size() == 19);
  const auto& pain = p.inputs[0];
  CHECK(pain.type.kind == ast::InputKind::Score);
  CHECK(pain.type.lo.text == "0");
  CHECK(pain.type.hi.text == "10");
  CHECK(pain.description == "worst pain");
  CHECK(text_of(p, pain.type.span) == "score 0..10");
  CHECK(text_of(p, pain.span) == "input pain score 0..10 \"worst pain\"");
  CHECK(text_of(p, pain.name_span) == "pain");
  CHECK(p.inputs[1].type.lo.value == -5);
  CHECK(p.inputs[2].type.kind == ast::InputKind::Flag);
  CHECK(p.inputs[3].type.kind == ast::InputKind::Count);
  CHECK(p.inputs[4].type.kind == ast::InputKind::Percent);
  const Unit units[] = {Unit::Spm, Unit::Ms, Unit::S, Unit::Min, Unit::Cm, Unit::Mm, Unit::M,
                        Unit::Km,  Unit::Mi, Unit::Bpm, Unit::KnPerM, Unit::W};
  for (std::size_t i = 0; i < 12; ++i) {
    INFO(p.inputs[5 + i].name);
    CHECK(p.inputs[5 + i].type.kind == ast::InputKind::Quantity);
    CHECK(p.inputs[5 + i].type.unit == units[i]);
  }
  const auto& effusion = p.inputs[17];
  CHECK(effusion.type.kind == ast::InputKind::Levels);
  CHECK(effusion.type.names == std::vector<std::string>{"none", "trace", "1+", "2+", "3+"});
  REQUIRE(effusion.type.name_spans.size() == 5);
  CHECK(text_of(p, effusion.type.name_spans[2]) == "1+");
  const auto& onset = p.inputs[18];
  CHECK(onset.type.kind == ast::InputKind::OneOf);
  CHECK(onset.type.names == std::vector<std::string>{"warm_up", "during", "next_day"});
  CHECK(onset.description == "when soreness appeared");
}

TEST_CASE("numbers keep their text and units") {
  auto e = expr("9.5 kN/m");
  CHECK(e->kind == ast::ExprKind::Number);
  CHECK(e->number.text == "9.5");
  CHECK(e->number.value == 9.5);
  CHECK(e->number.unit == Unit::KnPerM);
  CHECK(shape_of("165 spm") == "165spm");
  CHECK(shape_of("30 min") == "30min");
  CHECK(shape_of("20 s") == "20s");
  CHECK(shape_of("4%") == "4%");
  CHECK(shape_of("7 days") == "7days");
  CHECK(shape_of("1 day") == "1days");
  CHECK(shape_of("0.2 mi") == "0.2mi");
  CHECK(shape_of("52.0%") == "52.0%");
  CHECK(expr("52.0%")->number.text == "52.0");
  CHECK(shape_of("3") == "3");
}

TEST_CASE("precedence: unary minus, then * /, + -, comparison, streak, not, and, or") {
  CHECK(shape_of("a + b * c") == "(a + (b * c))");
  CHECK(shape_of("a * b + c") == "((a * b) + c)");
  CHECK(shape_of("a - b - c") == "((a - b) - c)");
  CHECK(shape_of("a / b / c") == "((a / b) / c)");
  CHECK(shape_of("-a * b") == "((- a) * b)");
  CHECK(shape_of("a - -b") == "(a - (- b))");
  CHECK(shape_of("a + 1 < b * 2") == "((a + 1) < (b * 2))");
  CHECK(shape_of("a < b and c >= d or e") == "(((a < b) and (c >= d)) or e)");
  CHECK(shape_of("a or b and c") == "(a or (b and c))");
  CHECK(shape_of("not a and b") == "((not a) and b)");
  CHECK(shape_of("not a == 1") == "(not (a == 1))");
  CHECK(shape_of("not not a") == "(not (not a))");
  CHECK(shape_of("a == 0 for 3 sessions and b") == "(((a == 0) for 3) and b)");
  CHECK(shape_of("not a == 0 for 2 sessions") == "(not ((a == 0) for 2))");
  CHECK(shape_of("a == 0 for 1 session") == "((a == 0) for 1)");
  CHECK(shape_of("(a or b) and c") == "((a or b) and c)");
  CHECK(shape_of("a != b") == "(a != b)");
  CHECK(shape_of("a <= b") == "(a <= b)");
  CHECK(shape_of("a > b") == "(a > b)");
  CHECK(shape_of("(a)") == "a");
  CHECK(expr("(a)")->parenthesized);
  CHECK_FALSE(expr("a")->parenthesized);
}

TEST_CASE("calls, windows, grades and choices") {
  CHECK(shape_of("max(a, b)") == "max(a, b)");
  CHECK(shape_of("abs(g - 50%)") == "abs((g - 50%))");
  CHECK(shape_of("max(x over 7 days)") == "max(x over 7 days)");
  CHECK(shape_of("mean(x over 3 sessions)") == "mean(x over 3 sessions)");
  CHECK(shape_of("mean(x over 7 days, 7 days ago)") == "mean(x over 7 days, 7 ago)");
  CHECK(shape_of("count(p > 2 over 14 days)") == "count((p > 2) over 14 days)");
  CHECK(shape_of("all(p >= 3 over 2 sessions)") == "all((p >= 3) over 2 sessions)");
  CHECK(shape_of("any(a or b over 7 days)") == "any((a or b) over 7 days)");
  CHECK(shape_of("advances_in(7 days)") == "advances_in(7days)");
  CHECK(shape_of("f()") == "f()");
  CHECK(shape_of("e >= 2+") == "(e >= grade:2+)");
  CHECK(shape_of("e >= 2+ and x") == "((e >= grade:2+) and x)");
  CHECK(shape_of("e == trace") == "(e == trace)");
  CHECK(shape_of("s == next_day") == "(s == next_day)");
  CHECK(shape_of("2+3") == "(2 + 3)");
  CHECK(shape_of("1.05 * baseline(c)") == "(1.05 * baseline(c))");

  auto w = expr("mean(x over 7 days, 14 days ago)");
  REQUIRE(w->window);
  CHECK(w->window->length.value == 7);
  CHECK(w->window->unit == ast::WindowUnit::Days);
  REQUIRE(w->window->offset);
  CHECK(w->window->offset->value == 14);
  CHECK(w->window->offset_unit == ast::WindowUnit::Days);
  CHECK(w->name == "mean");
}

TEST_CASE("expression spans cover the expression") {
  auto p = parse_ok("let x = max(a, b) + 2 * (c - 1)   # note\n");
  const ast::Expr& e = *p.lets[0].value;
  CHECK(text_of(p, e.span) == "max(a, b) + 2 * (c - 1)");
  CHECK(text_of(p, e.args[0]->span) == "max(a, b)");
  CHECK(text_of(p, e.args[0]->name_span) == "max");
  CHECK(text_of(p, e.args[1]->span) == "2 * (c - 1)");
  CHECK(text_of(p, e.args[1]->args[1]->span) == "(c - 1)");
  CHECK(text_of(p, p.lets[0].span) == "let x = max(a, b) + 2 * (c - 1)");
  CHECK(e.span.line == 2);
  CHECK(e.span.column == 9);

  auto q = parse_ok("let y = a == 0 for 3 sessions\nlet z = x < 165 spm\n");
  CHECK(text_of(q, q.lets[0].value->span) == "a == 0 for 3 sessions");
  CHECK(text_of(q, q.lets[1].value->args[1]->span) == "165 spm");
  CHECK(text_of(q, q.lets[1].value->args[1]->number.span) == "165 spm");
}

TEST_CASE("sessions: blocks, repeats, intensities, rest") {
  auto p = parse_ok(
      "stage a \"A\"\n"
      "  session run 5 min, walk 1 min at easy, jog 0.2 mi at rpe 4, run 2 km at zone 2, cross-train 30 min at hard, "
      "strides 20 s\n"
      "stage b\n"
      "  session 2 x (3 x (run 1 min at moderate, walk 30 s), walk 2 min) at easy\n"
      "stage c\n"
      "  session rest\n"
      "stage d\n"
      "  session rest 2 days\n"
      "stage e\n"
      "  session rest 1 day\n");
  REQUIRE(p.phases.size() == 1);
  CHECK(p.phases[0].name.empty());
  CHECK_FALSE(p.phases[0].span.valid());
  const auto& stages = p.phases[0].stages;
  REQUIRE(stages.size() == 5);
  CHECK_FALSE(stages[1].title);
  const auto& a = stages[0].session->blocks;
  REQUIRE(a.size() == 6);
  CHECK(a[0].activity == ast::Activity::Run);
  CHECK(a[0].amount.unit == Unit::Min);
  CHECK_FALSE(a[0].intensity);
  CHECK(a[1].activity == ast::Activity::Walk);
  CHECK(a[1].intensity->kind == ast::IntensityKind::Easy);
  CHECK(a[2].activity == ast::Activity::Jog);
  CHECK(a[2].amount.text == "0.2");
  CHECK(a[2].amount.unit == Unit::Mi);
  CHECK(a[2].intensity->kind == ast::IntensityKind::Rpe);
  CHECK(a[2].intensity->level.value == 4);
  CHECK(a[3].amount.unit == Unit::Km);
  CHECK(a[3].intensity->kind == ast::IntensityKind::Zone);
  CHECK(a[4].activity == ast::Activity::CrossTrain);
  CHECK(a[4].intensity->kind == ast::IntensityKind::Hard);
  CHECK(a[5].activity == ast::Activity::Strides);
  CHECK(a[5].amount.unit == Unit::S);
  CHECK(text_of(p, a[1].span) == "walk 1 min at easy");
  CHECK(text_of(p, a[1].amount.span) == "1 min");
  CHECK(text_of(p, a[2].intensity->span) == "rpe 4");

  const auto& b = stages[1].session->blocks;
  REQUIRE(b.size() == 1);
  CHECK(b[0].repeat);
  CHECK(b[0].count.value == 2);
  CHECK(b[0].intensity->kind == ast::IntensityKind::Easy);
  REQUIRE(b[0].children.size() == 2);
  CHECK(b[0].children[0].repeat);
  CHECK(b[0].children[0].count.value == 3);
  REQUIRE(b[0].children[0].children.size() == 2);
  CHECK(b[0].children[0].children[0].intensity->kind == ast::IntensityKind::Moderate);
  CHECK(b[0].children[0].children[1].amount.unit == Unit::S);
  CHECK_FALSE(b[0].children[0].intensity);
  CHECK(b[0].children[1].activity == ast::Activity::Walk);
  CHECK(text_of(p, b[0].span) == "2 x (3 x (run 1 min at moderate, walk 30 s), walk 2 min) at easy");

  CHECK(stages[2].session->rest);
  CHECK_FALSE(stages[2].session->rest_days);
  CHECK(stages[2].session->blocks.empty());
  REQUIRE(stages[3].session->rest_days);
  CHECK(stages[3].session->rest_days->value == 2);
  CHECK(stages[4].session->rest_days->value == 1);
}

TEST_CASE("frequency forms and min days") {
  auto p = parse_ok(
      "stage a\n  frequency 3 per week\n  min days 2\n"
      "stage b\n  frequency every other day\n"
      "stage c\n  frequency daily\n"
      "stage d\n  frequency 4 per week, every other day\n");
  const auto& s = p.phases[0].stages;
  CHECK(s[0].frequency->per_week->value == 3);
  CHECK_FALSE(s[0].frequency->every_other_day);
  CHECK(s[0].min_days->days.value == 2);
  CHECK(text_of(p, s[0].min_days->span) == "min days 2");
  CHECK(s[1].frequency->every_other_day);
  CHECK_FALSE(s[1].frequency->per_week);
  CHECK(s[2].frequency->daily);
  CHECK(s[3].frequency->per_week->value == 4);
  CHECK(s[3].frequency->every_other_day);
  CHECK(text_of(p, s[3].frequency->span) == "frequency 4 per week, every other day");
}

TEST_CASE("rules of every kind, targets, rests and messages") {
  auto p = parse_ok(
      "stage a\n"
      "  advance if x\n"
      "  advance to c if x \"skip b\"\n"
      "  hold if x\n"
      "  regress if x\n"
      "  regress 2 stages if x then rest 2 days \"two back\"\n"
      "  regress 1 stage if x\n"
      "  regress to a if x then rest 1 day\n"
      "  refer if x \"see a clinician\"\n"
      "  discharge if x\n"
      "  cue if x \"shorter steps\"\n");
  const auto& r = p.phases[0].stages[0].rules;
  REQUIRE(r.size() == 10);
  CHECK(r[0].kind == ast::RuleKind::Advance);
  CHECK_FALSE(r[0].target);
  CHECK(r[1].target == "c");
  CHECK(text_of(p, r[1].target_span) == "c");
  CHECK(r[1].message == "skip b");
  CHECK(text_of(p, r[1].message_span) == "\"skip b\"");
  CHECK(r[2].kind == ast::RuleKind::Hold);
  CHECK(r[3].kind == ast::RuleKind::Regress);
  CHECK_FALSE(r[3].stages);
  REQUIRE(r[4].stages);
  CHECK(r[4].stages->value == 2);
  REQUIRE(r[4].rest_days);
  CHECK(r[4].rest_days->value == 2);
  CHECK(r[4].message == "two back");
  CHECK(r[5].stages->value == 1);
  CHECK(r[6].target == "a");
  CHECK(r[6].rest_days->value == 1);
  CHECK_FALSE(r[6].message);
  CHECK(r[7].kind == ast::RuleKind::Refer);
  CHECK(r[8].kind == ast::RuleKind::Discharge);
  CHECK(r[9].kind == ast::RuleKind::Cue);
  CHECK(r[9].message == "shorter steps");
  CHECK(text_of(p, r[4].span) == "regress 2 stages if x then rest 2 days \"two back\"");
  CHECK(text_of(p, r[4].keyword_span) == "regress");
  CHECK(r[4].condition->name == "x");
}

TEST_CASE("structure: safety until the first phase or stage, stages into the last phase") {
  auto p = parse_ok(
      "safety\n"
      "  refer if a\n"
      "  hold if b\n"
      "input late flag\n"
      "  cue if c \"still safety\"\n"
      "stage s0\n"
      "  hold if d\n"
      "phase \"One\"\n"
      "stage s1\n"
      "stage s2\n"
      "  advance if e\n"
      "phase \"Two\"\n"
      "  stage s3\n"
      "    session rest\n");
  CHECK(p.has_safety);
  CHECK(p.safety_span.line == 2);
  REQUIRE(p.safety.size() == 3);
  CHECK(p.safety[2].kind == ast::RuleKind::Cue);
  REQUIRE(p.phases.size() == 3);
  CHECK(p.phases[0].name.empty());
  REQUIRE(p.phases[0].stages.size() == 1);
  CHECK(p.phases[0].stages[0].rules.size() == 1);
  CHECK(p.phases[1].name == "One");
  CHECK(p.phases[1].span.line == 9);
  REQUIRE(p.phases[1].stages.size() == 2);
  CHECK(p.phases[1].stages[1].rules.size() == 1);
  CHECK(p.phases[2].stages[0].id == "s3");
  CHECK(p.phases[2].stages[0].session->rest);
  CHECK(ast::stage_count(p) == 4);
}

TEST_CASE("tabs, odd spacing and no final newline") {
  auto p = parse_ok("input\tpain\tscore 0 .. 10\nlet  x=max( pain ,pain )*2\nstage a\n\tadvance if x>=1");
  CHECK(p.inputs[0].type.hi.value == 10);
  CHECK(shape(*p.lets[0].value) == "(max(pain, pain) * 2)");
  CHECK(shape(*p.phases[0].stages[0].rules[0].condition) == "(x >= 1)");
}

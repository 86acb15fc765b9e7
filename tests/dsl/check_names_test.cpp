// Names: unknown names with did-you-mean (G0201), duplicates and reserved
// words (G0202), grade and choice words (G0211), and the symbols the checker
// leaves on every name.
#include <catch2/catch.hpp>

#include "check_test_support.hpp"
#include "dsl/check/builtins.hpp"

using namespace gradus;
using test::base_protocol;
using test::check_text;
using test::require_at;
using test::require_clean;

TEST_CASE("G0201: an unknown name, with a did-you-mean over inputs and lets") {
  auto c = check_text(base_protocol("advance if pain_durng == 0"));
  const auto& d = require_at(c, "G0201", 15, 16);
  CHECK(d.span.end_column == 26);
  CHECK(d.message == "unknown name 'pain_durng'");
  CHECK(d.help == "did you mean 'pain_during'?");
  CHECK(c.count("G0201") == 1);

  auto ok = check_text(base_protocol("advance if pain_during == 0"));
  require_clean(ok, "G0201");
}

TEST_CASE("G0201: a did-you-mean over built-in series") {
  auto c = check_text(base_protocol("advance if sessions_in_stag >= 2"));
  CHECK(require_at(c, "G0201", 15, 16).help == "did you mean 'sessions_in_stage'?");
  require_clean(check_text(base_protocol("advance if sessions_in_stage >= 2")), "G0201");
}

TEST_CASE("G0201: an unknown name inside a let and as an operand of arithmetic") {
  auto c = check_text(base_protocol("advance if worst_pain + swellin > 1"));
  CHECK(require_at(c, "G0201", 15, 29).help == "did you mean 'swelling'?");
}

TEST_CASE("G0201: an unknown function, with a did-you-mean over the functions") {
  auto c = check_text(base_protocol("advance if maxx(pain_during, pain_after) == 0"));
  const auto& d = require_at(c, "G0201", 15, 16);
  CHECK(d.span.end_column == 20);  // the function's name only
  CHECK(d.message == "unknown function 'maxx'");
  CHECK(d.help == "did you mean 'max'?");
  require_clean(check_text(base_protocol("advance if max(pain_during, pain_after) == 0")), "G0201");
}

TEST_CASE("G0201: a value called like a function, and a function used as a value") {
  auto c = check_text(base_protocol("advance if worst_pain(3) == 0"));
  CHECK(require_at(c, "G0201", 15, 16).message == "'worst_pain' is not a function");
  auto f = check_text(base_protocol("advance if acwr > 1"));
  CHECK(require_at(f, "G0201", 15, 16).help == "'acwr' is a function: write acwr(...)");
}

TEST_CASE("G0202: a duplicate input is reported at the second, labelled at the first") {
  std::string text = base_protocol();
  text.replace(text.find("input swelling    flag"), 22, "input cadence     flag");
  auto c = check_text(text);
  const auto& d = require_at(c, "G0202", 7, 7);
  CHECK(d.message.find("duplicate name 'cadence'") == 0);
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 5);
  CHECK(d.labels[0].span.column == 7);
  CHECK(d.labels[0].message == "first defined here");
  require_clean(check_text(base_protocol()), "G0202");
}

TEST_CASE("G0202: a let with the name of an input") {
  std::string text = base_protocol();
  text.replace(text.find("let worst_pain"), 14, "let pain_after");
  text += "";
  auto c = check_text(text);
  const auto& d = require_at(c, "G0202", 8, 5);
  CHECK(d.message == "duplicate name 'pain_after': already defined as an input");
  CHECK(d.labels.at(0).span.line == 4);
}

TEST_CASE("G0202: names that are built-ins or keywords") {
  std::string text = base_protocol();
  text.replace(text.find("input swelling    flag"), 22, "input srpe        flag");
  auto c = check_text(text);
  CHECK(require_at(c, "G0202", 7, 7).message == "input name 'srpe' is a built-in series");

  std::string fn = base_protocol();
  fn.replace(fn.find("input swelling    flag"), 22, "input mean        flag");
  CHECK(require_at(check_text(fn), "G0202", 7, 7).message == "input name 'mean' is a built-in function");

  std::string kw = base_protocol();
  kw.replace(kw.find("input swelling    flag"), 22, "input ago         flag");
  CHECK(require_at(check_text(kw), "G0202", 7, 7).message == "input name 'ago' is a keyword");

  std::string unit = base_protocol();
  unit.replace(unit.find("input swelling    flag"), 22, "input km          flag");
  CHECK(require_at(check_text(unit), "G0202", 7, 7).message == "input name 'km' is a unit");

  std::string near = base_protocol();
  near.replace(near.find("input swelling    flag"), 22, "input srpe_today  flag");
  require_clean(check_text(near), "G0202");
}

TEST_CASE("names resolve to inputs, lets and built-ins") {
  auto c = check_text(base_protocol("advance if worst_pain == 0 and cadence >= 160 spm and sessions_in_stage >= 2"));
  REQUIRE(c.check.ok());
  auto* let_use = c.expr("worst_pain == 0 and cadence >= 160 spm")->args[0]->args[0].get();
  CHECK(let_use->symbol.kind == ast::SymbolKind::Let);
  CHECK(let_use->symbol.index == 0);
  auto* input = c.expr("max(pain_during, pain_after)")->args[1].get();
  CHECK(input->symbol.kind == ast::SymbolKind::Input);
  CHECK(input->symbol.index == 1);
  auto* series = c.expr("sessions_in_stage");
  REQUIRE(series);
  CHECK(series->symbol.kind == ast::SymbolKind::Builtin);
  CHECK(series->symbol.index == static_cast<int>(BuiltinSeries::SessionsInStage));
  CHECK(series->type.kind == ast::TypeKind::Count);
}

namespace {

std::string graded_protocol(const std::string& rule) {
  return "protocol t \"T\"\n"
         "source \"s\"\n"
         "input effusion levels none, trace, 1+, 2+, 3+\n"
         "input soreness one of warm_up, during, next_day\n"
         "input hop      levels 0, 1, 2, 3\n"
         "stage a \"A\"\n"
         "  session run 10 min\n"
         "  frequency daily\n"
         "  " + rule + "\n"
         "stage b \"B\"\n"
         "  session run 20 min\n";
}

}  // namespace

TEST_CASE("grade and choice words resolve to their position in the input's names") {
  auto c = check_text(graded_protocol(
      "advance if effusion >= 2+ and trace > effusion and soreness != next_day and hop >= 2 and latest(effusion) < 3+"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  auto* two = c.expr("effusion >= 2+")->args[1].get();
  CHECK(two->symbol.kind == ast::SymbolKind::GradeValue);
  CHECK(two->symbol.index == 3);
  CHECK(two->type.kind == ast::TypeKind::Grade);
  CHECK(two->type.input == 0);
  auto* trace = c.expr("trace > effusion")->args[0].get();
  CHECK(trace->symbol.kind == ast::SymbolKind::GradeValue);
  CHECK(trace->symbol.index == 1);
  auto* next = c.expr("soreness != next_day")->args[1].get();
  CHECK(next->symbol.kind == ast::SymbolKind::ChoiceValue);
  CHECK(next->symbol.index == 2);
  CHECK(next->type.kind == ast::TypeKind::Choice);
  CHECK(next->type.input == 1);
  auto* numeric_grade = c.expr("hop >= 2")->args[1].get();  // levels may be numbers
  CHECK(numeric_grade->symbol.kind == ast::SymbolKind::GradeValue);
  CHECK(numeric_grade->symbol.index == 2);
  CHECK(numeric_grade->kind == ast::ExprKind::Grade);  // never read as the number 2
  CHECK(numeric_grade->name == "2");
  CHECK(c.expr("latest(effusion) < 3+")->args[1]->symbol.index == 4);
}

TEST_CASE("a numeric level is its position, not its value") {
  const std::string text =
      "protocol t \"T\"\nsource \"s\"\ninput lachman levels 1, 2, 3\n"
      "stage a \"A\"\n  session run 10 min\n  frequency daily\n  advance if lachman <= 1\n"
      "stage b \"B\"\n  session run 20 min\n  frequency daily\n";
  auto c = check_text(text);
  INFO(c.codes());
  REQUIRE(c.check.ok());
  auto* one = c.expr("lachman <= 1")->args[1].get();
  CHECK(one->symbol.index == 0);
  CHECK(one->kind == ast::ExprKind::Grade);
  auto again = check_protocol(*c.protocol);  // checking the rewritten tree again is stable
  CHECK(again.ok());
  CHECK(one->symbol.index == 0);
}

TEST_CASE("G0211: an unknown grade or choice name, with a did-you-mean over that input's names") {
  auto g = check_text(graded_protocol("advance if effusion >= 4+"));
  const auto& d = require_at(g, "G0211", 9, 26);
  CHECK(d.message == "unknown grade '4+' for effusion");
  CHECK(d.help == "effusion is one of: none, trace, 1+, 2+, 3+");
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 3);

  auto ch = check_text(graded_protocol("advance if soreness == durng"));
  CHECK(require_at(ch, "G0211", 9, 26).help == "did you mean 'during'?");

  auto w = check_text(graded_protocol("advance if trce <= effusion"));
  CHECK(require_at(w, "G0211", 9, 14).help == "did you mean 'trace'?");

  require_clean(check_text(graded_protocol("advance if effusion >= 3+ and soreness == during")), "G0211");
}

// Types and units: unit mismatches (G0203), function arguments (G0207),
// grades and choices compared wrongly (G0208), numbers without units under
// --strict (G0209), type mismatches (G0210), and the types the checker gives.
#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace gradus;
using ast::TypeKind;
using test::base_protocol;
using test::check_text;
using test::require_at;
using test::require_clean;

// Stage rule at line 15, column 5: "advance if " puts the condition at column 16.

TEST_CASE("G0203: mixing dimensions in a comparison, with the whole comparison underlined") {
  auto c = check_text(base_protocol("advance if cadence >= 30 min"));
  const auto& d = require_at(c, "G0203", 15, 16);
  CHECK(d.span.end_column == 33);
  CHECK(d.message == "unit mismatch: cadence is spm, 30 min is time");
  CHECK(d.help == "did you mean 30 spm?");
  require_clean(check_text(base_protocol("advance if cadence >= 165 spm")), "G0203");
}

TEST_CASE("G0203: mixing dimensions in arithmetic and division") {
  auto add = check_text(base_protocol("advance if cadence + 5 min > 170 spm"));
  const auto& d = require_at(add, "G0203", 15, 16);
  CHECK(d.span.end_column == 31);  // `cadence + 5 min`, end exclusive
  CHECK(d.message == "unit mismatch: cadence is spm, 5 min is time");
  CHECK(add.count("G0203") == 1);  // the outer comparison is not reported again

  auto div = check_text(base_protocol("advance if run_minutes / 2 km > 1"));
  CHECK(require_at(div, "G0203", 15, 16).message == "unit mismatch: run_minutes is min, 2 km is length");
  require_clean(check_text(base_protocol("advance if run_minutes / 30 min > 1")), "G0203");
}

TEST_CASE("units within a dimension convert") {
  auto c = check_text(base_protocol("advance if 90 s == 1.5 min and run_minutes >= 1 h and run_minutes - 10 min > 600 s"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  auto* sub = c.expr("run_minutes - 10 min");
  CHECK(sub->type.kind == TypeKind::Quantity);
  CHECK(sub->type.unit == Unit::Min);  // the left operand's unit
  auto* ratio = c.expr("run_minutes >= 1 h");
  CHECK(ratio->args[1]->type.unit == Unit::Hour);
}

TEST_CASE("arithmetic types: quantities scale by numbers, ratios of like quantities are numbers") {
  auto c = check_text(base_protocol(
      "advance if cadence < 1.05 * baseline(cadence) and run_minutes / 30 min > 1 and cadence / 2 > 80 spm "
      "and hop_lsi - 5 >= 90% and pain_during - pain_after <= 1 and sessions_in_stage + 1 > 2"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  CHECK(c.expr("1.05 * baseline(cadence)")->type.unit == Unit::Spm);
  CHECK(c.expr("run_minutes / 30 min")->type.kind == TypeKind::Number);
  CHECK(c.expr("cadence / 2")->type.kind == TypeKind::Quantity);
  auto* pct = c.expr("hop_lsi - 5");
  CHECK(pct->type.kind == TypeKind::Percent);
  CHECK(pct->args[1]->type.kind == TypeKind::Percent);  // percent points
  CHECK(c.expr("pain_during - pain_after")->type.kind == TypeKind::Number);
  CHECK(c.expr("sessions_in_stage + 1")->type.kind == TypeKind::Count);
}

TEST_CASE("G0209: under --strict a number beside a quantity must carry its unit") {
  CheckOptions strict;
  strict.strict = true;
  auto c = check_text(base_protocol("advance if cadence >= 165"), strict);
  const auto& d = require_at(c, "G0209", 15, 27);
  CHECK(d.help == "write 165 spm");
  CHECK(d.severity == Severity::Error);  // a warning, made an error by --strict

  auto lax = check_text(base_protocol("advance if cadence >= 165"));
  INFO(lax.codes());
  CHECK(lax.find("G0209") == nullptr);
  CHECK(lax.check.ok());
  require_clean(check_text(base_protocol("advance if cadence >= 165 spm"), strict), "G0209");
}

TEST_CASE("G0210: a percent beside a quantity, a unit beside a count") {
  auto c = check_text(base_protocol("advance if hop_lsi >= cadence"));
  const auto& d = require_at(c, "G0210", 15, 16);
  CHECK(d.message == "type mismatch: hop_lsi is a percent, cadence is spm (cadence)");

  auto days = check_text(base_protocol("advance if days_in_stage >= 7 days"));
  CHECK(require_at(days, "G0210", 15, 16).help == "drop the unit: write 7");
  require_clean(check_text(base_protocol("advance if days_in_stage >= 7")), "G0210");

  auto pct = check_text(base_protocol("advance if hop_lsi >= 90 spm"));
  CHECK(require_at(pct, "G0210", 15, 16).help == "did you mean 90%?");
  require_clean(check_text(base_protocol("advance if hop_lsi >= 90%")), "G0210");
}

TEST_CASE("G0210: conditions must be booleans, and booleans are not numbers") {
  auto c = check_text(base_protocol("advance if worst_pain"));
  const auto& d = require_at(c, "G0210", 15, 16);
  CHECK(d.message == "a rule's condition must be true or false; worst_pain is a score 0..10");
  CHECK(d.help == "compare it, for example: worst_pain >= 1");

  auto andc = check_text(base_protocol("advance if swelling and pain_during"));
  CHECK(require_at(andc, "G0210", 15, 29).message.find("`and` needs a condition on both sides") == 0);

  auto arith = check_text(base_protocol("advance if swelling + 1 > 0"));
  CHECK(require_at(arith, "G0210", 15, 16).message == "`+` needs numbers; swelling is a condition (true or false)");

  auto order = check_text(base_protocol("advance if swelling > (pain_during > 1)"));
  CHECK(require_at(order, "G0210", 15, 16).message.find("conditions have no order") == 0);

  auto notc = check_text(base_protocol("advance if not pain_during"));
  require_at(notc, "G0210", 15, 20);

  require_clean(check_text(base_protocol("advance if not swelling and swelling == (pain_during > 1)")), "G0210");
}

TEST_CASE("G0210: products without a unit of the language") {
  auto c = check_text(base_protocol("advance if cadence * cadence > 1"));
  require_at(c, "G0210", 15, 16);
  auto pq = check_text(base_protocol("advance if cadence < 105% * baseline(cadence)"));
  const auto& d = require_at(pq, "G0210", 15, 26);
  CHECK(d.help == "write the factor as a plain number: 105% of x is 1.05 * x");
  auto inv = check_text(base_protocol("advance if 2 / cadence > 1"));
  require_at(inv, "G0210", 15, 16);
}

TEST_CASE("G0210: a streak needs a whole number of sessions from 1") {
  auto c = check_text(base_protocol("advance if worst_pain == 0 for 0 sessions"));
  require_at(c, "G0210", 15, 36);
  auto frac = check_text(base_protocol("advance if worst_pain == 0 for 1.5 sessions"));
  require_at(frac, "G0210", 15, 36);
  auto notbool = check_text(base_protocol("advance if worst_pain for 2 sessions"));
  require_at(notbool, "G0210", 15, 16);
}

TEST_CASE("G0208: grades and choices compare only with their own names") {
  const std::string head =
      "protocol t \"T\"\n"
      "source \"s\"\n"
      "input effusion levels none, trace, 1+, 2+, 3+\n"
      "input soreness one of warm_up, during, next_day\n"
      "input pain score 0..10\n"
      "stage a \"A\"\n"
      "  session run 10 min\n"
      "  advance if ";
  const std::string tail = "\nstage b \"B\"\n  session run 20 min\n";
  // Line 8, condition at column 14.
  auto num = check_text(head + "effusion >= 2" + tail);
  const auto& d = require_at(num, "G0208", 8, 26);
  CHECK(d.message == "a grade of effusion compared with the number 2");
  CHECK(d.help == "compare with one of: none, trace, 1+, 2+, 3+");

  auto order = check_text(head + "soreness > during" + tail);
  const auto& o = require_at(order, "G0208", 8, 14);
  CHECK(o.message == "choices have no order: `>` cannot compare soreness");

  auto mixed = check_text(head + "effusion >= pain" + tail);
  require_at(mixed, "G0208", 8, 14);

  auto other = check_text(head + "effusion == soreness" + tail);
  require_at(other, "G0208", 8, 14);

  auto lonely = check_text(head + "pain >= 2+" + tail);
  CHECK(require_at(lonely, "G0208", 8, 22).message == "grade '2+' compared with a score 0..10");

  require_clean(check_text(head + "effusion >= 2+ and soreness == during and effusion != none" + tail), "G0208");
}

TEST_CASE("G0207: function forms") {
  struct Case {
    const char* rule;
    std::uint32_t column;
    const char* message;
  };
  const Case cases[] = {
      {"advance if mean(pain_during) > 1", 16, "mean needs a window (`over N days` or `over N sessions`)"},
      {"advance if abs(pain_during over 3 days) > 1", 32, "abs takes no window"},
      {"advance if max(pain_during) > 1", 16, "max takes two or more values, or one value with a window; found 1"},
      {"advance if count(pain_during over 7 days) > 1", 22, "count needs a condition; pain_during is a score 0..10"},
      {"advance if all(pain_during > 1 over 0 days)", 41, "a window must be a whole number of days from 1 to 3650, found 0"},
      {"advance if sum(pain_during over 1.5 sessions) > 1", 37, "a window must be a whole number of sessions from 1 to 3650, found 1.5"},
      {"advance if missing(worst_pain)", 24, "missing takes the name of an input; worst_pain is a let"},
      {"advance if baseline(run_minutes) > 1 min", 25, "baseline takes the name of an input; run_minutes is a built-in series"},
      {"advance if previous(pain_during + 1) > 1", 25, "previous takes the name of an input; pain_during + 1 is an expression"},
      {"advance if acwr(swelling) > 1", 21, "acwr needs a numeric series; swelling is a condition (true or false)"},
      {"advance if advances_in(7) < 2", 28, "advances_in takes a number of days, found 7"},
      {"advance if advances_in(0 days) < 2", 28, "advances_in needs a whole number of days from 1 to 3650, found 0"},
      {"advance if latest(pain_during, pain_after) > 1", 16, "latest takes 1 argument, found 2"},
  };
  for (const auto& k : cases) {
    INFO(k.rule);
    auto c = check_text(base_protocol(k.rule));
    const auto& d = require_at(c, "G0207", 15, k.column);
    CHECK(d.message == k.message);
    CHECK(d.help.rfind("write ", 0) == 0);
  }
  auto ok = check_text(base_protocol(
      "advance if mean(pain_during over 3 days) < 1 and max(pain_during over 2 sessions) == 0 "
      "and count(pain_during > 2 over 14 days) == 0 and all(worst_pain == 0 over 2 sessions) "
      "and sum(run_minutes over 7 days) >= 60 min and acwr(srpe) < 1.3 and acwr_uncoupled(run_minutes) < 1.5 "
      "and acwr_ewma(srpe) < 1.5 and monotony(srpe) < 2 and strain(srpe) < 6000 and advances_in(7 days) < 2 "
      "and not missing(pain_during) and baseline(hop_lsi) <= latest(hop_lsi) and previous(cadence) <= cadence "
      "and mean(pain_during over 7 days, 7 days ago) >= mean(pain_during over 7 days) and abs(hop_lsi - 50%) <= 2%"));
  require_clean(ok, "G0207");
}

TEST_CASE("function result types") {
  auto c = check_text(base_protocol(
      "advance if mean(pain_during over 3 days) < 1 and sum(pain_during over 3 days) < 3 "
      "and count(swelling over 7 days) == 0 and sum(run_minutes over 7 days) >= 60 min and acwr(srpe) < 1.3 "
      "and advances_in(7 days) < 2 and min(cadence, 170 spm, 165) > 100 spm"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  auto* mean = c.expr("mean(pain_during over 3 days)");
  CHECK(mean->type.kind == TypeKind::Score);
  CHECK(c.expr("sum(pain_during over 3 days)")->type.kind == TypeKind::Number);
  CHECK(c.expr("count(swelling over 7 days)")->type.kind == TypeKind::Count);
  CHECK(c.expr("sum(run_minutes over 7 days)")->type.unit == Unit::Min);
  CHECK(c.expr("acwr(srpe)")->type.kind == TypeKind::Number);
  auto* adv = c.expr("advances_in(7 days)");
  CHECK(adv->type.kind == TypeKind::Count);
  CHECK(adv->args[0]->type.kind == TypeKind::Quantity);
  auto* mn = c.expr("min(cadence, 170 spm, 165)");
  CHECK(mn->type.unit == Unit::Spm);
  CHECK(mn->args[2]->inferred_unit == Unit::Spm);
}

TEST_CASE("one mistake is reported once: unknown operands do not cascade") {
  auto c = check_text(base_protocol("advance if (pain_durng + 1) * 2 > 3 min and not nope"));
  INFO(c.codes());
  CHECK(c.count("G0201") == 2);
  CHECK(c.check.diagnostics.size() == 2);
}

// Structure: stages exist (G0303) and have sessions (G0304), rules are where
// they can act (G0305), counts are whole and in range (G0210), a missing
// source is G0401 (an error under --strict); findings come sorted.
#include <catch2/catch.hpp>

#include <tuple>

#include "check_test_support.hpp"

using namespace gradus;
using test::base_protocol;
using test::check_text;
using test::require_at;
using test::require_clean;

TEST_CASE("G0303: a protocol with no stages") {
  auto c = check_text("protocol t \"T\"\nsource \"s\"\ninput pain score 0..10\n");
  const auto& d = require_at(c, "G0303", 1, 10);
  CHECK(d.message == "protocol 't' has no stages");
  require_clean(check_text(base_protocol()), "G0303");
}

TEST_CASE("G0304: a stage with no session") {
  std::string text = base_protocol();
  text.replace(text.find("    session run 20 min at easy\n"), 31, "");
  auto c = check_text(text);
  const auto& d = require_at(c, "G0304", 16, 9);
  CHECK(d.message == "stage 'b' has no `session` clause");
  CHECK(!d.help.empty());
  require_clean(check_text(base_protocol()), "G0304");
}

TEST_CASE("G0305: advance and discharge are not safety rules") {
  auto c = check_text(base_protocol("advance if worst_pain == 0", "advance if worst_pain == 0"));
  const auto& d = require_at(c, "G0305", 10, 3);
  CHECK(d.span.end_column == 10);
  CHECK(d.message == "`advance` is not allowed in `safety`");
  auto dis = check_text(base_protocol("advance if worst_pain == 0", "discharge if worst_pain == 0"));
  require_at(dis, "G0305", 10, 3);
  require_clean(check_text(base_protocol("advance if worst_pain == 0", "refer if worst_pain >= 8")), "G0305");
}

namespace {

std::string with_recovery(const std::string& clauses) {
  return "protocol t \"T\"\n"
         "source \"s\"\n"
         "input pain score 0..10\n"
         "safety\n"
         "  hold if missing(pain)\n"
         "stage a \"A\"\n"
         "  session run 10 min\n"
         "  frequency 3 per week\n"
         "  advance if pain == 0\n"
         "stage off \"Two days off\"\n"
         "  session rest 2 days\n" +
         clauses +
         "stage b \"B\"\n"
         "  session run 20 min\n"
         "  frequency 3 per week\n";
}

}  // namespace

TEST_CASE("G0305: a recovery stage holds only its session") {
  auto rule = check_text(with_recovery("  hold if pain > 2\n"));
  CHECK(require_at(rule, "G0305", 12, 3).message == "`hold` rule in recovery stage 'off'");
  auto cue = check_text(with_recovery("  cue if pain > 2 \"easy\"\n"));
  require_at(cue, "G0305", 12, 3);
  auto freq = check_text(with_recovery("  frequency 3 per week\n"));
  CHECK(require_at(freq, "G0305", 12, 3).message == "`frequency` in recovery stage 'off'");
  auto min = check_text(with_recovery("  min days 2\n"));
  require_at(min, "G0305", 12, 3);
  require_clean(check_text(with_recovery("")), "G0305");
}

TEST_CASE("G0210: counts are whole numbers in range") {
  struct Case {
    std::string from, to;
    std::uint32_t line, column;
  };
  const Case cases[] = {
      {"advance if worst_pain == 0 for 2 sessions", "regress 0 stages if worst_pain > 2", 15, 13},
      {"advance if worst_pain == 0 for 2 sessions", "hold if worst_pain > 2 then rest 1.5 days", 15, 38},
      {"frequency 3 per week\n", "frequency 8 per week\n", 14, 15},
      {"session run 10 min at easy", "session 0 x (run 1 min) at easy", 13, 13},
      {"session run 10 min at easy", "session run 0 min at easy", 13, 17},
      {"session run 10 min at easy", "session run 10 min at rpe 12", 13, 31},
      {"session run 10 min at easy", "session run 10 min at zone 0", 13, 32},
  };
  for (const auto& k : cases) {
    std::string text = base_protocol();
    text.replace(text.find(k.from), k.from.size(), k.to);
    INFO(text);
    auto c = check_text(text);
    const auto& d = require_at(c, "G0210", k.line, k.column);
    CHECK((d.message.rfind("expected ", 0) == 0 || d.message.rfind("a block", 0) == 0));
  }
  std::string ok = base_protocol("regress 2 stages if worst_pain > 2 then rest 2 days");
  ok.replace(ok.find("session run 10 min at easy"), 26, "session 6 x (run 1 min, walk 4 min) at rpe 4");
  require_clean(check_text(ok), "G0210");
}

TEST_CASE("G0210: header limits") {
  std::string adv = base_protocol();
  adv.insert(adv.find("input pain_during"), "max 0 advances per 7 days\n");
  require_at(check_text(adv), "G0210", 3, 5);
  std::string pct = base_protocol();
  pct.insert(pct.find("input pain_during"), "max weekly increase 0%\n");
  require_at(check_text(pct), "G0210", 3, 21);
  std::string ok = base_protocol();
  ok.insert(ok.find("input pain_during"), "max 2 advances per 7 days\nmax weekly increase 10%\n");
  require_clean(check_text(ok), "G0210");
}

TEST_CASE("G0401: a missing source is a warning, and an error under --strict") {
  std::string text = base_protocol();
  text.replace(text.find("source \"A. J 2020\"\n"), 19, "");
  auto lax = check_text(text);
  INFO(lax.codes());
  const Diagnostic* d = lax.find("G0401");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->span.line == 1);
  CHECK(d->span.column == 10);
  CHECK(lax.check.ok());

  CheckOptions strict;
  strict.strict = true;
  auto s = check_text(text, strict);
  CHECK(require_at(s, "G0401", 1, 10).code == "G0401");  // the code is kept
  CHECK_FALSE(s.check.ok());

  CHECK(check_text(base_protocol(), strict).find("G0401") == nullptr);
}

TEST_CASE("findings are sorted by position, and independent mistakes are all reported") {
  std::string text = base_protocol("advance to nowhere if cadence >= 30 min", "hold if pain_durng > 1");
  text.replace(text.find("stage b \"B\""), 11, "stage a \"B\"");
  auto c = check_text(text);
  INFO(c.codes());
  const auto& diags = c.check.diagnostics;
  REQUIRE(diags.size() == 4);
  CHECK(diags[0].code == "G0201");  // line 10
  CHECK(diags[1].code == "G0301");  // line 15, column 16
  CHECK(diags[2].code == "G0203");  // line 15, further right
  CHECK(diags[3].code == "G0302");  // line 16
  for (std::size_t i = 1; i < diags.size(); ++i) {
    const bool ordered =
        std::tie(diags[i - 1].span.line, diags[i - 1].span.column) <= std::tie(diags[i].span.line, diags[i].span.column);
    CHECK(ordered);
  }
}

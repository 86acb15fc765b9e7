// Pass "structure": the protocol's shape before any name is looked at.
// A protocol needs stages; a stage needs a session; some rules make no sense
// where they are written; every count (stages back, rest days, sessions per
// week, repeats) is a whole number in range. Also the missing `source`
// warning (G0401), reported always so that --strict turns it into an error.
#include <string>

#include "dsl/check/pass_context.hpp"
#include "dsl/check/type_rules.hpp"

namespace gradus::check {
namespace {

// A count written in the protocol: whole, at least `lo`, at most kMaxCount.
void check_count(PassContext& cx, const ast::Quantity& q, double lo, double hi, std::string_view what,
                 std::string_view example) {
  if (is_whole(q.value) && q.value >= lo && q.value <= hi) return;
  std::string range = std::to_string(static_cast<long long>(lo)) + " to " + std::to_string(static_cast<long long>(hi));
  cx.report(error(cx.source(), q.span, "G0210",
                  "expected " + std::string(what) + " from " + range + ", found " + number_text(q))
                .label("not a whole number from " + range)
                .help("for example: " + std::string(example)));
}

// Counts of days are written `N days` (or bare); `2 min` of rest is not a day count.
void check_days(PassContext& cx, const ast::Quantity& q, std::string_view what, std::string_view example) {
  if (q.unit == Unit::None || q.unit == Unit::Day) return;
  cx.report(error(cx.source(), q.span, "G0210",
                  "expected " + std::string(what) + ", found " + with_unit(number_text(q), q.unit))
                .help("for example: " + std::string(example)));
}

void check_rule(PassContext& cx, ast::Rule& rule, const ast::Stage* stage) {
  const bool recovery = stage && stage->session && stage->session->rest;
  if (recovery) {
    cx.report(error(cx.source(), rule.keyword_span, "G0305",
                    std::string("`") + to_string(rule.kind) + "` rule in recovery stage '" + stage->id + "'")
                  .label("never evaluated")
                  .note("a recovery stage (`session rest`) has no session to judge: it lasts its days and then advances by itself")
                  .help("move the rule to the stage before or after, or to `safety`"));
  } else if (!stage && (rule.kind == ast::RuleKind::Advance || rule.kind == ast::RuleKind::Discharge)) {
    cx.report(error(cx.source(), rule.keyword_span, "G0305",
                    std::string("`") + to_string(rule.kind) + "` is not allowed in `safety`")
                  .label("safety rules may only refer, regress, hold or cue")
                  .help(std::string("move this rule into the stage it should ") + to_string(rule.kind)));
  }
  if (rule.kind == ast::RuleKind::Cue && rule.rest_days) {
    cx.report(error(cx.source(), rule.rest_days->span, "G0305", "a cue cannot prescribe rest")
                  .note("a cue is advice that changes nothing; `then rest` belongs to hold, regress or refer")
                  .help("write `hold if ... then rest N days` instead"));
  }
  if (rule.stages) check_count(cx, *rule.stages, 1, kMaxCount, "a whole number of stages", "regress 2 stages");
  if (rule.rest_days) {
    check_count(cx, *rule.rest_days, 1, kMaxCount, "a whole number of rest days", "then rest 2 days");
    check_days(cx, *rule.rest_days, "a number of days", "then rest 2 days");
  }
}

void check_blocks(PassContext& cx, const std::vector<ast::Block>& blocks) {
  for (const auto& block : blocks) {
    if (block.repeat) {
      check_count(cx, block.count, 1, 1000, "a whole number of repeats", "6 x (run 1 min, walk 4 min)");
      check_blocks(cx, block.children);
    } else {
      const Dimension d = dimension_of(block.amount.unit);
      if (d != Dimension::Time && d != Dimension::Length) {
        cx.report(error(cx.source(), block.amount.span, "G0210",
                        "expected a time or a distance, found " + with_unit(number_text(block.amount), block.amount.unit))
                      .help(std::string("for example: ") + to_string(block.activity) + " 5 min, or " +
                            to_string(block.activity) + " 2 km"));
      } else if (!(block.amount.value > 0)) {
        cx.report(error(cx.source(), block.amount.span, "G0210",
                        "a block must last a positive time or distance, found " +
                            with_unit(number_text(block.amount), block.amount.unit))
                      .help(std::string("for example: ") + to_string(block.activity) + " 5 min"));
      }
    }
    if (block.intensity) {
      const auto& in = *block.intensity;
      if (in.kind == ast::IntensityKind::Rpe && !(in.level.value >= 0 && in.level.value <= 10)) {
        cx.report(error(cx.source(), in.level.span, "G0210",
                        "expected an rpe from 0 to 10, found " + number_text(in.level))
                      .help("for example: at rpe 4"));
      } else if (in.kind == ast::IntensityKind::Zone) {
        check_count(cx, in.level, 1, 7, "a whole-number zone", "at zone 2");
      }
    }
  }
}

void check_stage(PassContext& cx, ast::Stage& stage) {
  if (!stage.session) {
    cx.report(error(cx.source(), stage.id_span.valid() ? stage.id_span : stage.span, "G0304",
                    "stage '" + stage.id + "' has no `session` clause")
                  .label("what should the athlete do in this stage?")
                  .help("add a session line, for example: session run 30 min at easy"));
  } else {
    const auto& session = *stage.session;
    if (session.rest_days) {
      check_count(cx, *session.rest_days, 1, kMaxCount, "a whole number of rest days", "session rest 2 days");
      check_days(cx, *session.rest_days, "a number of days", "session rest 2 days");
    }
    if (!session.rest) check_blocks(cx, session.blocks);
    if (session.rest && stage.frequency) {
      cx.report(error(cx.source(), stage.frequency->span, "G0305",
                      "`frequency` in recovery stage '" + stage.id + "'")
                    .note("a recovery stage has no sessions; it lasts its days and then advances by itself")
                    .help("remove this line"));
    }
    if (session.rest && stage.min_days) {
      cx.report(error(cx.source(), stage.min_days->span, "G0305", "`min days` in recovery stage '" + stage.id + "'")
                    .note("a recovery stage lasts exactly its rest days")
                    .help("write its length as `session rest N days`"));
    }
  }
  if (stage.frequency) {
    const auto& f = *stage.frequency;
    if (f.per_week) check_count(cx, *f.per_week, 1, 7, "a whole number of sessions per week", "frequency 3 per week");
    if (f.daily && (f.every_other_day || f.per_week)) {
      cx.report(error(cx.source(), f.span, "G0210", "`daily` contradicts the rest of this frequency")
                    .help("write either `frequency daily` or, for example, `frequency 4 per week, every other day`"));
    }
  }
  if (stage.min_days) check_count(cx, stage.min_days->days, 1, kMaxCount, "a whole number of days", "min days 2");
  for (auto& rule : stage.rules) check_rule(cx, rule, &stage);
}

void check_header(PassContext& cx) {
  auto& p = cx.protocol;
  if (!p.citation) {
    cx.report(warning(cx.source(), p.id_span.valid() ? p.id_span : p.span, "G0401",
                      "protocol '" + p.id + "' has no `source` citation")
                  .note("`gradus check --strict` requires one")
                  .help("add a line after the header: source \"Author A, Author B. Journal Year;Volume:pages\""));
  }
  if (p.max_weekly_increase) {
    const auto& q = p.max_weekly_increase->value;
    if (q.unit != Unit::Percent || !(q.value > 0)) {
      cx.report(error(cx.source(), q.span, "G0210",
                      "expected a positive percent, found " + with_unit(number_text(q), q.unit))
                    .help("for example: max weekly increase 10%"));
    }
  }
  if (p.max_advances) {
    check_count(cx, p.max_advances->value.count, 1, kMaxCount, "a whole number of advances", "max 2 advances per 7 days");
    check_count(cx, p.max_advances->value.days, 1, kMaxCount, "a whole number of days", "max 2 advances per 7 days");
    check_days(cx, p.max_advances->value.days, "a number of days", "max 2 advances per 7 days");
  }
}

}  // namespace

void pass_structure(PassContext& cx) {
  auto& p = cx.protocol;
  check_header(cx);
  if (ast::stage_count(p) == 0) {
    cx.report(error(cx.source(), p.id_span.valid() ? p.id_span : p.span, "G0303",
                    "protocol '" + p.id + "' has no stages")
                  .help("add a stage with a session, for example: stage walk \"Brisk walk\" and below it: session walk 30 min"));
  }
  for (auto& rule : p.safety) check_rule(cx, rule, nullptr);
  for (auto& phase : p.phases) {
    for (auto& stage : phase.stages) check_stage(cx, stage);
  }
}

}  // namespace gradus::check

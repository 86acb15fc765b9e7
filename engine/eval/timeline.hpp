#pragma once
// The explanation of a replay (spec/cli.md `gradus explain`): for each entry,
// every rule evaluated, the value of each sub-expression it used (with its
// canonical text), its result, the decision taken and the state after.
// Renderers: timeline_render.hpp.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/syntax/ast.hpp"
#include "engine/eval/audit.hpp"
#include "engine/eval/decision.hpp"
#include "engine/eval/plan.hpp"
#include "engine/log/log.hpp"

namespace gradus::eval {

struct NodeValue {
  std::string text;  // format_expr of the sub-expression
  Value value;
  ast::Type type;
  std::uint16_t depth = 0;
  bool read = false;  // an input, let, series or lookup
};

struct RuleEvaluation {
  std::string rule;  // "safety:3", "r1:advance"
  ast::RuleKind kind = ast::RuleKind::Hold;
  std::uint32_t line = 0;
  std::string head;  // the rule as fmt writes it, without its message
  std::string message;
  Truth result = Truth::Unknown;
  bool decided = false;
  Blocked blocked = Blocked::None;
  std::vector<NodeValue> nodes;  // pre-order
};

enum class TimelineKind { Session, Measurement, NotJudgedReferred, NotJudgedDischarged, AutoAdvance };

const char* to_string(TimelineKind kind);

struct TimelineDay {
  Date date;
  TimelineKind kind = TimelineKind::Session;
  std::string stage_before, stage_after;
  int session_in_stage = 0;  // sessions_in_stage as judged
  int day_in_stage = 0;
  std::optional<std::string> logged_stage;  // the entry's `stage:` when it differs from the engine's
  bool cleared = false;                     // this entry lifted a referral
  std::vector<RuleEvaluation> rules;        // sessions only, in source order
  Decision decision = Decision::Hold;
  std::string deciding_rule;                // empty when no rule fired
  Blocked blocked = Blocked::None;
  std::optional<Date> rest_until;           // a `then rest` running after this day
  bool referred = false;                    // state after
  bool discharged = false;
};

struct Timeline {
  std::string protocol_id, protocol_version;
  std::vector<TimelineDay> days;
  ReplayAudit audit;  // the files and the entries replayed (up to `to`)
};

// Replays the whole log (up to `to`) and keeps the entries dated from..to.
Timeline explain(const std::shared_ptr<const Plan>& plan, const Log& log, std::optional<Date> from,
                 std::optional<Date> to);

}  // namespace gradus::eval

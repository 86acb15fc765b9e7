#pragma once
// Today's advice for an athlete (spec/cli.md `gradus advise`): where they
// stand, the decision that produced it, whether today is a session day and
// which session, the reasons (each rule that fired, with the values it
// saw) and, while holding, what is still needed to advance.
// Renderers: advice_render.hpp. Fields and decisions: docs/advice.md.
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

// One value a rule read: its canonical text, the value and its type (for units).
struct SeenValue {
  std::string name;
  Value value;
  ast::Type type;
};

struct FiredRule {
  std::string rule;  // "safety:3", "r1:advance"
  ast::RuleKind kind = ast::RuleKind::Hold;
  std::string message;
  std::string condition;
  std::string head;                   // the rule as fmt writes it, without its message
  std::uint32_t line = 0;
  bool decided = false;               // the deciding rule
  Blocked blocked = Blocked::None;    // a progression that fired but was held back
  std::vector<SeenValue> values;
};

// Something still needed to advance: `unmet` in the protocol's words, `have`
// what the log shows so far.
struct Need {
  std::string rule;
  std::string unmet;
  std::string have;
};

// What the advice was computed from (engine/eval/audit.hpp).
using AdviceAudit = ReplayAudit;

struct Advice {
  Date date;
  std::string protocol_id, protocol_version, protocol_title;
  std::string phase;
  std::string stage, stage_title;
  Decision decision = Decision::Start;
  bool session_day = false;
  std::optional<std::string> session;  // canonical text; none when not a session day
  int rest_days_left = 0;              // days of a `then rest` or a recovery stage left, today included
  std::optional<Date> last_session;    // the session the decision comes from
  std::optional<Date> cleared;         // a referral was lifted on this date, after the last session
  std::string why_not_session;         // when not a session day: the reason, in words
  std::vector<FiredRule> fired;        // every rule that fired at the last session (cues included)
  std::vector<Need> needs;
  std::vector<std::string> cues;
  AdviceAudit audit;
};

// Advice for `date`, from the entries dated before it.
Advice advise(const std::shared_ptr<const Plan>& plan, const Log& log, Date date);

}  // namespace gradus::eval

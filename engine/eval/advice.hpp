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

// What an advice was computed from, so it can be reproduced and checked
// later: re-run `gradus advise` with the same files and --date and compare
// the hashes. Paths are as the caller gave them; a hash is the SHA-256 of the
// file's bytes (equal to `sha256sum FILE`). Empty path and hash: the protocol
// or log was built in code, not read from a file.
struct AdviceAudit {
  std::string protocol_id, protocol_version;
  std::string protocol_path, protocol_sha256;
  std::string log_path, log_sha256;
  std::optional<std::string> athlete;  // the log's `athlete:`
  int entries_used = 0;                // entries dated before the advice date (sessions and rest entries)
  std::optional<Date> first_used, last_used;
  int entries_ignored = 0;             // entries dated on or after the advice date
  std::string gradus_version;          // set by the caller that knows it (the CLI); advise() leaves it empty
};

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

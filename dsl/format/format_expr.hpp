#pragma once
// Canonical text of expressions and stage clauses, exactly as `gradus fmt`
// writes them. The engine uses these for advice and explanations (a
// stage's `session` text, a rule's condition), so they must stay in step
// with the whole-file formatter (format_protocol.hpp), which calls them.
// docs/formatting.md describes the layout.
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus {

// `165 spm`, `30 min`, `4%`, `1.05`: the digits as written, then the unit's
// canonical spelling (percent with no space). A number whose unit was only
// inferred by the checker prints bare, as it was written.
std::string format_quantity(const ast::Quantity& quantity);

// `"text"`: a string literal. The language has no escapes, so a text that
// holds a '"' cannot be written (the parser never produces one).
std::string quote_string(const std::string& text);

// `max(pain_during, pain_after) >= 1 and not swelling`: single spaces around
// binary operators, parentheses where written and where precedence needs them.
std::string format_expr(const ast::Expr& expr);

// The session clause without the `session` keyword:
// `6 x (run 1 min, walk 4 min) at easy`, `rest`, `rest 2 days`.
std::string format_session(const ast::Session& session);

// The frequency clause without the `frequency` keyword:
// `4 per week, every other day`.
std::string format_frequency(const ast::Frequency& frequency);

// A rule without its message: `regress if worst_pain >= 1 then rest 1 day`.
std::string format_rule_head(const ast::Rule& rule);
// The whole rule: the head, then ` "message"` if it has one.
std::string format_rule(const ast::Rule& rule);

}  // namespace gradus

#pragma once
// Error control for the grammar: one "expected ..." message per `req<>`
// point (a missing message is a compile error).

#include "dsl/syntax/grammar.hpp"

namespace gradus::grammar {

// A `req<>` failed: `message` says what was expected at `at`; `help`, when
// not null, says how to write it.
struct SyntaxError {
  const char* message;
  const char* at;
  const char* help;
};

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define GRADUS_ERROR(rule, text) \
  template <>                    \
  inline constexpr const char* error_message<rule> = text

// Expressions.
GRADUS_ERROR(tok<window_length>, "expected the window's length, a number, after 'over'");
GRADUS_ERROR(tok<window_unit>, "expected 'days' or 'sessions'");
GRADUS_ERROR(tok<window_offset_length>, "expected how long ago the window ends, like '7 days ago'");
GRADUS_ERROR(tok<kw_ago>, "expected 'ago'");
GRADUS_ERROR(call_argument, "expected an argument after ','");
GRADUS_ERROR(call_close, "expected ')' to close the call, or ',' before another argument");
GRADUS_ERROR(paren_inner, "expected an expression after '('");
GRADUS_ERROR(paren_close, "expected ')' to close '('");
GRADUS_ERROR(neg_operand, "expected a value after '-'");
GRADUS_ERROR(mul_operand, "expected a value after the operator");
GRADUS_ERROR(add_operand, "expected a value after the operator");
GRADUS_ERROR(cmp_operand, "expected a value after the comparison");
GRADUS_ERROR(no_chained_comparison, "comparisons cannot be chained");
GRADUS_ERROR(tok<streak_count>, "expected a number of sessions after 'for'");
GRADUS_ERROR(tok<kw_sessions>, "expected 'sessions'");
GRADUS_ERROR(not_operand, "expected a condition after 'not'");
GRADUS_ERROR(and_operand, "expected a condition after 'and'");
GRADUS_ERROR(or_operand, "expected a condition after 'or'");
GRADUS_ERROR(end_of_statement, "expected the end of the line");

// Header.
GRADUS_ERROR(tok<protocol_id>, "expected the protocol's id (a name like bsi_tibia) after 'protocol'");
GRADUS_ERROR(tok<version_text>, "expected a version like 1.0.0 after 'version'");
GRADUS_ERROR(tok<citation>, "expected the citation in double quotes after 'source'");
GRADUS_ERROR(tok<order_dimension>, "expected 'duration', 'intensity' or 'frequency'");
GRADUS_ERROR(max_tail, "expected 'weekly increase P%' or 'N advances per D days' after 'max'");
GRADUS_ERROR(tok<kw_increase>, "expected 'increase' after 'max weekly'");
GRADUS_ERROR(tok<increase_percent>, "expected a percentage like 10% after 'max weekly increase'");
GRADUS_ERROR(tok<kw_advances>, "expected 'advances' after the number");
GRADUS_ERROR(tok<kw_per>, "expected 'per'");
GRADUS_ERROR(tok<advances_days>, "expected a number of days after 'per'");
GRADUS_ERROR(tok<kw_days>, "expected 'days'");

// Inputs.
GRADUS_ERROR(tok<input_name>, "expected the input's name after 'input'");
GRADUS_ERROR(input_type, "expected a type: score LO..HI, flag, count, percent, a unit (spm, min, km, ...), levels ... or one of ...");
GRADUS_ERROR(tok<score_lo>, "expected a number after 'score'");
GRADUS_ERROR(tok<score_dots>, "expected '..' between the score's bounds");
GRADUS_ERROR(tok<score_hi>, "expected the score's upper bound after '..'");
GRADUS_ERROR(tok<level_name>, "expected a grade name (a word, or a number with an optional '+')");
GRADUS_ERROR(tok<kw_of>, "expected 'of' after 'one'");
GRADUS_ERROR(tok<choice_name>, "expected a choice name (letters, digits and underscores)");

// Lets.
GRADUS_ERROR(tok<let_name>, "expected a name after 'let'");
GRADUS_ERROR(tok<let_equals>, "expected '=' after the name");
GRADUS_ERROR(let_value, "expected an expression after '='");

// Structure.
GRADUS_ERROR(tok<phase_name>, "expected the phase's name in double quotes after 'phase'");
GRADUS_ERROR(tok<stage_id>, "expected the stage's id (a name like r1) after 'stage'");

// Sessions.
GRADUS_ERROR(session_body, "expected blocks like 'run 5 min', 'N x (...)', or 'rest' after 'session'");
GRADUS_ERROR(block_amount, "expected an amount like '5 min' or '2 km'");
GRADUS_ERROR(tok<block_amount_unit>, "expected a unit of time or distance (s, min, m, km, mi)");
GRADUS_ERROR(tok<kw_x>, "expected 'x' after the repeat count, as in '6 x (run 1 min, walk 4 min)'");
GRADUS_ERROR(tok<repeat_open>, "expected '(' after 'x'");
GRADUS_ERROR(repeat_inner, "expected blocks like 'run 1 min' inside the parentheses");
GRADUS_ERROR(tok<repeat_close>, "expected ')' to close the repeat group, or ',' before another block");
GRADUS_ERROR(next_block, "expected a block like 'run 5 min' or 'N x (...)' after ','");
GRADUS_ERROR(intensity, "expected an intensity: easy, moderate, hard, rpe N or zone N");
GRADUS_ERROR(tok<intensity_level>, "expected a number");
GRADUS_ERROR(frequency_item, "expected 'N per week', 'every other day' or 'daily'");
GRADUS_ERROR(tok<kw_week>, "expected 'week' after 'per'");
GRADUS_ERROR(tok<kw_other>, "expected 'other' after 'every'");
GRADUS_ERROR(tok<kw_day>, "expected 'day' after 'every other'");
GRADUS_ERROR(tok<min_days_count>, "expected a number of days after 'min days'");

// Rules.
GRADUS_ERROR(tok<stage_ref>, "expected a stage id after 'to'");
GRADUS_ERROR(tok<kw_stages>, "expected 'stages' after the number, as in 'regress 2 stages'");
GRADUS_ERROR(tok<if_after<kw_advance>>, "expected 'if' after 'advance' (or 'advance to STAGE')");
GRADUS_ERROR(tok<if_after<kw_hold>>, "expected 'if' after 'hold'");
GRADUS_ERROR(tok<if_after<kw_regress>>, "expected 'if' after 'regress' (or 'regress N stages', 'regress to STAGE')");
GRADUS_ERROR(tok<if_after<kw_refer>>, "expected 'if' after 'refer'");
GRADUS_ERROR(tok<if_after<kw_discharge>>, "expected 'if' after 'discharge'");
GRADUS_ERROR(tok<if_after<kw_cue>>, "expected 'if' after 'cue'");
GRADUS_ERROR(condition, "expected a condition after 'if'");
GRADUS_ERROR(after_condition, "expected an operator, 'then rest N days', a message in double quotes, or the end of the line");
GRADUS_ERROR(tok<kw_rest>, "expected 'rest' after 'then'");
GRADUS_ERROR(tok<then_rest_days>, "expected a number of days after 'then rest'");
GRADUS_ERROR(after_rest, "expected a message in double quotes or the end of the line");
GRADUS_ERROR(after_message, "expected the end of the line after the message");
GRADUS_ERROR(tok<cue_message>, "expected the cue's message in double quotes");

#undef GRADUS_ERROR

// Help lines where the fix is obvious.
template <typename Rule>
inline constexpr const char* error_help = nullptr;

#define GRADUS_HELP(rule, text) \
  template <>                   \
  inline constexpr const char* error_help<rule> = text

GRADUS_HELP(paren_close, "add ')' where the parenthesized part ends");
GRADUS_HELP(call_close, "add ')' after the last argument");
GRADUS_HELP(no_chained_comparison, "join two comparisons with 'and', as in 'a < b and b < c'");
GRADUS_HELP(tok<kw_sessions>, "a streak counts sessions, as in 'pain == 0 for 3 sessions'");
GRADUS_HELP(tok<version_text>, "write three numbers, as in 'version 1.0.0'");
GRADUS_HELP(tok<citation>, "put the citation in double quotes, as in 'source \"Author 2021\"'");
GRADUS_HELP(tok<increase_percent>, "write it as a percentage, as in 'max weekly increase 10%'");
GRADUS_HELP(tok<score_dots>, "write the range as 'score 0..10'");
GRADUS_HELP(tok<phase_name>, "put the name in double quotes, as in 'phase \"Return to run\"'");
GRADUS_HELP(tok<block_amount_unit>, "write the amount with its unit, as in 'run 5 min' or 'run 2 km'");
GRADUS_HELP(tok<kw_x>, "a repeat reads '6 x (run 1 min, walk 4 min)'; a single block starts with run, walk, jog, cross-train or strides");
GRADUS_HELP(tok<cue_message>, "a cue gives advice: cue if CONDITION \"message\"");
GRADUS_HELP(after_condition, "a message goes in double quotes at the end of the rule");

#undef GRADUS_HELP

// pegtl::must_if without the per-rule failure hook: a `req<R>` that fails
// raises R's message at the point where R was expected.
template <typename Rule>
struct control : pg::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&...) {
    static_assert(error_message<Rule> != nullptr, "every req<> point needs an error_message");
    throw SyntaxError{error_message<Rule>, in.current(), error_help<Rule>};
  }
};

}  // namespace gradus::grammar

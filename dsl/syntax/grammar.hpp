#pragma once
// The PEGTL grammar of one gradus statement line (docs/language.md has the
// summary). The driver (parser.cpp) splits the file into lines, strips the
// comment and picks the statement rule by the first word, so every rule here
// sees exactly one statement's code, trimmed.
//
// Design rules that keep parsing linear and errors precise:
// - Every token consumes the blanks AFTER it, and `req<>` (a `must<>` that
//   rewinds first) raises where its rule was expected: at the first byte of
//   the offending token.
// - Alternatives are decided by their first token (a keyword, a digit, '(' or
//   a name), so nothing large is ever re-parsed after backtracking.
// - Expressions are operand-then-operator-tails, one rule per precedence
//   level. Only parentheses recurse (groups, calls, repeat groups); the
//   driver refuses a line whose parentheses nest too deeply before parsing.
#include <string_view>

#include <tao/pegtl.hpp>

#include "dsl/syntax/units.hpp"

namespace gradus::grammar {

namespace pg = tao::pegtl;

// ---------------------------------------------------------------- lexical
struct blanks : pg::star<pg::one<' ', '\t'>> {};
struct idchar : pg::ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct ident : pg::seq<pg::ranges<'a', 'z', 'A', 'Z', '_'>, pg::star<idchar>> {};
struct digits : pg::plus<pg::ranges<'0', '9'>> {};
// `0..10` must read as 0, '..', 10: the fraction is only taken with a digit after the dot.
struct number : pg::seq<digits, pg::opt<pg::one<'.'>, digits>> {};
struct string_lit : pg::seq<pg::one<'"'>, pg::star<pg::not_one<'"'>>, pg::one<'"'>> {};
struct end_of_statement : pg::eof {};

template <typename R>
struct tok : pg::seq<R, blanks> {};

// `must<R>` that rewinds before raising, so the error points where R was
// expected (`advance iff x` points at `iff`), not where a partial match stopped.
template <typename Rule>
struct req {
  using rule_t = req;
  using subs_t = pg::type_list<Rule>;
  template <pg::apply_mode A, pg::rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    if (!Control<Rule>::template match<A, pg::rewind_mode::required, Action, Control>(in, st...)) {
      Control<Rule>::raise(static_cast<const ParseInput&>(in), st...);
    }
    return true;
  }
};

#define GRADUS_KEYWORD(name, text) \
  struct name : pg::seq<TAO_PEGTL_STRING(text), pg::not_at<idchar>> {}

GRADUS_KEYWORD(kw_protocol, "protocol");
GRADUS_KEYWORD(kw_version, "version");
GRADUS_KEYWORD(kw_source, "source");
GRADUS_KEYWORD(kw_order, "order");
GRADUS_KEYWORD(kw_max, "max");
GRADUS_KEYWORD(kw_weekly, "weekly");
GRADUS_KEYWORD(kw_increase, "increase");
GRADUS_KEYWORD(kw_advances, "advances");
GRADUS_KEYWORD(kw_per, "per");
GRADUS_KEYWORD(kw_week, "week");
GRADUS_KEYWORD(kw_input, "input");
GRADUS_KEYWORD(kw_let, "let");
GRADUS_KEYWORD(kw_safety, "safety");
GRADUS_KEYWORD(kw_phase, "phase");
GRADUS_KEYWORD(kw_stage, "stage");
GRADUS_KEYWORD(kw_session, "session");
GRADUS_KEYWORD(kw_frequency, "frequency");
GRADUS_KEYWORD(kw_min, "min");
GRADUS_KEYWORD(kw_advance, "advance");
GRADUS_KEYWORD(kw_hold, "hold");
GRADUS_KEYWORD(kw_regress, "regress");
GRADUS_KEYWORD(kw_refer, "refer");
GRADUS_KEYWORD(kw_discharge, "discharge");
GRADUS_KEYWORD(kw_cue, "cue");
GRADUS_KEYWORD(kw_if, "if");
GRADUS_KEYWORD(kw_to, "to");
GRADUS_KEYWORD(kw_then, "then");
GRADUS_KEYWORD(kw_rest, "rest");
GRADUS_KEYWORD(kw_and, "and");
GRADUS_KEYWORD(kw_or, "or");
GRADUS_KEYWORD(kw_not, "not");
GRADUS_KEYWORD(kw_for, "for");
GRADUS_KEYWORD(kw_over, "over");
GRADUS_KEYWORD(kw_ago, "ago");
GRADUS_KEYWORD(kw_x, "x");
GRADUS_KEYWORD(kw_at, "at");
GRADUS_KEYWORD(kw_every, "every");
GRADUS_KEYWORD(kw_other, "other");
GRADUS_KEYWORD(kw_daily, "daily");
GRADUS_KEYWORD(kw_score, "score");
GRADUS_KEYWORD(kw_flag, "flag");
GRADUS_KEYWORD(kw_count, "count");
GRADUS_KEYWORD(kw_percent, "percent");
GRADUS_KEYWORD(kw_levels, "levels");
GRADUS_KEYWORD(kw_one, "one");
GRADUS_KEYWORD(kw_of, "of");
GRADUS_KEYWORD(kw_duration, "duration");
GRADUS_KEYWORD(kw_intensity, "intensity");
GRADUS_KEYWORD(kw_easy, "easy");
GRADUS_KEYWORD(kw_moderate, "moderate");
GRADUS_KEYWORD(kw_hard, "hard");
GRADUS_KEYWORD(kw_rpe, "rpe");
GRADUS_KEYWORD(kw_zone, "zone");
GRADUS_KEYWORD(kw_run, "run");
GRADUS_KEYWORD(kw_walk, "walk");
GRADUS_KEYWORD(kw_jog, "jog");
GRADUS_KEYWORD(kw_cross_train, "cross-train");
GRADUS_KEYWORD(kw_strides, "strides");
struct kw_days : pg::seq<pg::sor<TAO_PEGTL_STRING("days"), TAO_PEGTL_STRING("day")>, pg::not_at<idchar>> {};
struct kw_day : pg::seq<TAO_PEGTL_STRING("day"), pg::not_at<idchar>> {};
struct kw_sessions : pg::seq<pg::sor<TAO_PEGTL_STRING("sessions"), TAO_PEGTL_STRING("session")>, pg::not_at<idchar>> {};
struct kw_stages : pg::seq<pg::sor<TAO_PEGTL_STRING("stages"), TAO_PEGTL_STRING("stage")>, pg::not_at<idchar>> {};

#undef GRADUS_KEYWORD

// Words that can never be a name inside an expression.
struct reserved : pg::sor<kw_and, kw_or, kw_not, kw_for, kw_over, kw_then, kw_if> {};

// A unit after a number: one of the spellings parse_unit accepts, as a whole word.
struct unit_word {
  using rule_t = unit_word;
  using subs_t = pg::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in);
};
struct percent_sign : pg::one<'%'> {};
struct unit_part : pg::sor<percent_sign, unit_word> {};

// ---------------------------------------------------------------- expressions
struct or_expr;
struct and_expr;
struct not_expr;
struct unary;

// `2+` is a grade literal only when nothing that could be a right operand follows.
struct grade_end : pg::at<blanks, pg::sor<pg::eof, pg::one<')', ',', '"', '<', '>', '=', '!'>, kw_and, kw_or, kw_for, kw_then, kw_over>> {};
struct grade_lit : pg::seq<digits, pg::one<'+'>, grade_end> {};
struct number_lit : pg::seq<number, blanks, pg::opt<unit_part>> {};
struct name_ref : pg::seq<pg::not_at<reserved>, ident> {};
struct call_name : ident {};

// Windows: `over N days|sessions` and `, M days ago`.
struct window_days : kw_days {};
struct window_sessions : kw_sessions {};
struct window_unit : pg::sor<window_days, window_sessions> {};
struct window_length : number {};
struct window_offset_length : number {};
struct window_offset : pg::seq<tok<pg::one<','>>, req<tok<window_offset_length>>, req<tok<window_unit>>, req<tok<kw_ago>>> {};
struct window : pg::seq<tok<kw_over>, req<tok<window_length>>, req<tok<window_unit>>, pg::opt<window_offset>> {};

struct call_argument : pg::seq<or_expr> {};
struct call_close : pg::one<')'> {};
struct call_arguments : pg::seq<call_argument, pg::sor<window, pg::star<tok<pg::one<','>>, req<call_argument>>>> {};
struct call : pg::seq<pg::not_at<reserved>, tok<call_name>, tok<pg::one<'('>>, pg::opt<call_arguments>, req<call_close>> {};
struct paren_inner : pg::seq<or_expr> {};
struct paren_close : pg::one<')'> {};
struct paren : pg::seq<tok<pg::one<'('>>, req<paren_inner>, req<paren_close>> {};
struct primary : pg::sor<tok<paren>, tok<grade_lit>, tok<number_lit>, tok<call>, tok<name_ref>> {};

// Prefix chains (`- - x`, `not not x`) are read as a run of operators, not
// by recursion, so only parentheses make the parser recurse.
struct op_neg : pg::one<'-'> {};
struct neg_operand : pg::seq<primary> {};
struct neg_app : pg::seq<pg::plus<tok<op_neg>>, req<neg_operand>> {};
struct unary : pg::sor<neg_app, primary> {};

struct op_mul : pg::one<'*'> {};
struct op_div : pg::one<'/'> {};
struct mul_operand : pg::seq<unary> {};
struct mul_expr : pg::seq<unary, pg::star<tok<pg::sor<op_mul, op_div>>, req<mul_operand>>> {};

struct op_add : pg::one<'+'> {};
struct op_sub : pg::one<'-'> {};
struct add_operand : pg::seq<mul_expr> {};
struct add_expr : pg::seq<mul_expr, pg::star<tok<pg::sor<op_add, op_sub>>, req<add_operand>>> {};

struct op_le : TAO_PEGTL_STRING("<=") {};
struct op_ge : TAO_PEGTL_STRING(">=") {};
struct op_eq : TAO_PEGTL_STRING("==") {};
struct op_ne : TAO_PEGTL_STRING("!=") {};
struct op_lt : pg::one<'<'> {};
struct op_gt : pg::one<'>'> {};
struct cmp_op : pg::sor<op_le, op_ge, op_eq, op_ne, op_lt, op_gt> {};
struct cmp_operand : pg::seq<add_expr> {};
// Comparisons do not chain: `a < b < c` stops at the second operator.
struct no_chained_comparison : pg::not_at<cmp_op> {};
struct cmp_expr : pg::seq<add_expr, pg::opt<tok<cmp_op>, req<cmp_operand>, req<no_chained_comparison>>> {};

struct streak_count : number {};
struct streak_tail : pg::seq<tok<kw_for>, req<tok<streak_count>>, req<tok<kw_sessions>>> {};
struct streak_expr : pg::seq<cmp_expr, pg::opt<streak_tail>> {};

struct op_not : kw_not {};
struct not_operand : pg::seq<streak_expr> {};
struct not_app : pg::seq<pg::plus<tok<op_not>>, req<not_operand>> {};
struct not_expr : pg::sor<not_app, streak_expr> {};

struct and_operand : pg::seq<not_expr> {};
struct and_expr : pg::seq<not_expr, pg::star<tok<kw_and>, req<and_operand>>> {};
struct or_operand : pg::seq<and_expr> {};
struct or_expr : pg::seq<and_expr, pg::star<tok<kw_or>, req<or_operand>>> {};

// ---------------------------------------------------------------- header
struct protocol_id : pg::seq<pg::not_at<reserved>, ident> {};
struct title : string_lit {};
struct stmt_protocol : pg::seq<blanks, tok<kw_protocol>, req<tok<protocol_id>>, pg::opt<tok<title>>, req<end_of_statement>> {};

struct version_text : pg::seq<digits, pg::one<'.'>, digits, pg::one<'.'>, digits,
                              pg::opt<pg::one<'-'>, pg::plus<pg::sor<idchar, pg::one<'.'>>>>, pg::not_at<idchar>> {};
struct stmt_version : pg::seq<blanks, tok<kw_version>, req<tok<version_text>>, req<end_of_statement>> {};

struct citation : string_lit {};
struct stmt_source : pg::seq<blanks, tok<kw_source>, req<tok<citation>>, req<end_of_statement>> {};

struct order_dimension : pg::sor<kw_duration, kw_intensity, kw_frequency> {};
struct stmt_order : pg::seq<blanks, tok<kw_order>, req<tok<order_dimension>>,
                            pg::star<tok<pg::one<','>>, req<tok<order_dimension>>>, req<end_of_statement>> {};

struct increase_percent : pg::seq<number, blanks, percent_sign> {};
struct weekly_tail : pg::seq<tok<kw_weekly>, req<tok<kw_increase>>, req<tok<increase_percent>>> {};
struct advances_count : number {};
struct advances_days : number {};
struct advances_tail : pg::seq<tok<advances_count>, req<tok<kw_advances>>, req<tok<kw_per>>,
                               req<tok<advances_days>>, req<tok<kw_days>>> {};
struct max_tail : pg::sor<weekly_tail, advances_tail> {};
struct stmt_max : pg::seq<blanks, tok<kw_max>, req<max_tail>, req<end_of_statement>> {};

// ---------------------------------------------------------------- inputs
struct input_name : pg::seq<pg::not_at<reserved>, ident> {};
struct signed_number : pg::seq<pg::opt<pg::one<'-'>>, number> {};
struct score_lo : signed_number {};
struct score_hi : signed_number {};
struct score_dots : TAO_PEGTL_STRING("..") {};
struct score_type : pg::seq<tok<kw_score>, req<tok<score_lo>>, req<tok<score_dots>>, req<tok<score_hi>>> {};
struct flag_type : kw_flag {};
struct count_type : kw_count {};
struct percent_type : kw_percent {};
struct unit_type : unit_word {};
struct level_name : pg::sor<pg::seq<digits, pg::opt<pg::one<'+'>>, pg::not_at<idchar>>, ident> {};
struct levels_type : pg::seq<tok<kw_levels>, req<tok<level_name>>, pg::star<tok<pg::one<','>>, req<tok<level_name>>>> {};
struct choice_name : pg::plus<idchar> {};
struct one_of_type : pg::seq<tok<kw_one>, req<tok<kw_of>>, req<tok<choice_name>>,
                             pg::star<tok<pg::one<','>>, req<tok<choice_name>>>> {};
struct input_type : pg::sor<score_type, tok<flag_type>, tok<count_type>, tok<percent_type>, levels_type, one_of_type, tok<unit_type>> {};
struct description : string_lit {};
struct stmt_input : pg::seq<blanks, tok<kw_input>, req<tok<input_name>>, req<input_type>, pg::opt<tok<description>>,
                            req<end_of_statement>> {};

// ---------------------------------------------------------------- lets
struct let_name : pg::seq<pg::not_at<reserved>, ident> {};
struct let_equals : pg::seq<pg::one<'='>, pg::not_at<pg::one<'='>>> {};
struct let_value : pg::seq<or_expr> {};
struct stmt_let : pg::seq<blanks, tok<kw_let>, req<tok<let_name>>, req<tok<let_equals>>, req<let_value>,
                          req<end_of_statement>> {};

// ---------------------------------------------------------------- structure
struct stmt_safety : pg::seq<blanks, tok<kw_safety>, req<end_of_statement>> {};
struct phase_name : string_lit {};
struct stmt_phase : pg::seq<blanks, tok<kw_phase>, req<tok<phase_name>>, req<end_of_statement>> {};
struct stage_id : pg::seq<pg::not_at<reserved>, ident> {};
struct stmt_stage : pg::seq<blanks, tok<kw_stage>, req<tok<stage_id>>, pg::opt<tok<title>>, req<end_of_statement>> {};

// ---------------------------------------------------------------- sessions
struct intensity_level : number {};
struct intensity_easy : kw_easy {};
struct intensity_moderate : kw_moderate {};
struct intensity_hard : kw_hard {};
struct intensity_rpe : pg::seq<tok<kw_rpe>, req<tok<intensity_level>>> {};
struct intensity_zone : pg::seq<tok<kw_zone>, req<tok<intensity_level>>> {};
struct intensity : pg::sor<tok<intensity_easy>, tok<intensity_moderate>, tok<intensity_hard>, intensity_rpe, intensity_zone> {};
struct at_intensity : pg::seq<tok<kw_at>, req<intensity>> {};

struct activity_run : kw_run {};
struct activity_walk : kw_walk {};
struct activity_jog : kw_jog {};
struct activity_cross_train : kw_cross_train {};
struct activity_strides : kw_strides {};
struct activity : pg::sor<activity_run, activity_walk, activity_jog, activity_cross_train, activity_strides> {};
struct block_amount_number : number {};
struct block_amount_unit : unit_word {};
struct block_amount : pg::seq<tok<block_amount_number>, req<tok<block_amount_unit>>> {};
struct simple_block : pg::seq<tok<activity>, req<block_amount>> {};

struct block_list;
struct repeat_count : number {};
struct repeat_open : pg::one<'('> {};
struct repeat_close : pg::one<')'> {};
struct repeat_inner : pg::seq<block_list> {};
struct repeat_block : pg::seq<tok<repeat_count>, req<tok<kw_x>>, req<tok<repeat_open>>, req<repeat_inner>,
                              req<tok<repeat_close>>> {};
struct block_start : pg::sor<repeat_block, simple_block> {};
struct block : pg::seq<block_start, pg::opt<at_intensity>> {};
struct next_block : pg::seq<block> {};
struct block_list : pg::seq<block, pg::star<tok<pg::one<','>>, req<next_block>>> {};
struct rest_days : number {};
struct session_rest : pg::seq<tok<kw_rest>, pg::opt<tok<rest_days>, req<tok<kw_days>>>> {};
struct session_body : pg::sor<session_rest, block_list> {};
struct stmt_session : pg::seq<blanks, tok<kw_session>, req<session_body>, req<end_of_statement>> {};

struct per_week_count : number {};
struct per_week : pg::seq<tok<per_week_count>, req<tok<kw_per>>, req<tok<kw_week>>> {};
struct every_other_day : pg::seq<tok<kw_every>, req<tok<kw_other>>, req<tok<kw_day>>> {};
struct daily : kw_daily {};
struct frequency_item : pg::sor<per_week, every_other_day, tok<daily>> {};
struct stmt_frequency : pg::seq<blanks, tok<kw_frequency>, req<frequency_item>,
                                pg::star<tok<pg::one<','>>, req<frequency_item>>, req<end_of_statement>> {};

struct min_days_count : number {};
struct stmt_min_days : pg::seq<blanks, tok<kw_min>, req<tok<kw_days>>, req<tok<min_days_count>>, req<end_of_statement>> {};

// ---------------------------------------------------------------- rules
struct rule_advance : kw_advance {};
struct rule_hold : kw_hold {};
struct rule_regress : kw_regress {};
struct rule_refer : kw_refer {};
struct rule_discharge : kw_discharge {};
struct rule_cue : kw_cue {};
struct stage_ref : pg::seq<pg::not_at<reserved>, ident> {};
struct to_target : pg::seq<tok<kw_to>, req<tok<stage_ref>>> {};
struct regress_count : number {};
struct regress_by : pg::seq<tok<regress_count>, req<tok<kw_stages>>> {};
struct condition : pg::seq<or_expr> {};
struct then_rest_days : number {};
struct then_rest : pg::seq<tok<kw_then>, req<tok<kw_rest>>, req<tok<then_rest_days>>, req<tok<kw_days>>> {};
struct message : string_lit {};
// What may follow a condition; each step has its own "expected ..." message.
struct after_message : pg::eof {};
struct message_then_end : pg::seq<tok<message>, req<after_message>> {};
struct after_rest : pg::sor<pg::eof, message_then_end> {};
struct after_condition : pg::sor<pg::eof, pg::seq<then_rest, req<after_rest>>, message_then_end> {};
struct rule_tail : pg::seq<req<condition>, req<after_condition>> {};
template <typename Kw>
struct if_after : kw_if {};
struct stmt_advance : pg::seq<blanks, tok<rule_advance>, pg::opt<to_target>, req<tok<if_after<kw_advance>>>, rule_tail> {};
struct stmt_hold : pg::seq<blanks, tok<rule_hold>, req<tok<if_after<kw_hold>>>, rule_tail> {};
struct stmt_regress : pg::seq<blanks, tok<rule_regress>, pg::opt<pg::sor<to_target, regress_by>>, req<tok<if_after<kw_regress>>>, rule_tail> {};
struct stmt_refer : pg::seq<blanks, tok<rule_refer>, req<tok<if_after<kw_refer>>>, rule_tail> {};
struct stmt_discharge : pg::seq<blanks, tok<rule_discharge>, req<tok<if_after<kw_discharge>>>, rule_tail> {};
struct cue_message : string_lit {};
struct stmt_cue : pg::seq<blanks, tok<rule_cue>, req<tok<if_after<kw_cue>>>, req<condition>, req<tok<cue_message>>,
                          req<after_message>> {};

// ---------------------------------------------------------------- unit_word
template <typename ParseInput>
bool unit_word::match(ParseInput& in) {
  const char* p = in.current();
  const std::size_t avail = in.size(16);
  auto is_id = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  static constexpr std::string_view kKnPerM = "kN/m";
  if (avail >= kKnPerM.size() && std::string_view(p, kKnPerM.size()) == kKnPerM &&
      (avail == kKnPerM.size() || !is_id(p[kKnPerM.size()]))) {
    in.bump_in_this_line(kKnPerM.size());
    return true;
  }
  std::size_t n = 0;
  while (n < avail && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))) ++n;
  if (n == 0 || (n < avail && is_id(p[n]))) return false;
  const auto unit = parse_unit(std::string_view(p, n));
  if (!unit || *unit == Unit::Percent) return false;
  in.bump_in_this_line(n);
  return true;
}

}  // namespace gradus::grammar

namespace tao::pegtl::internal {
// Like must<>: the control class never sees req<> itself, only its rule.
template <typename Rule>
inline constexpr bool enable_control<gradus::grammar::req<Rule>> = false;
}  // namespace tao::pegtl::internal

// One statement line -> one Statement value. Runs the PEGTL rule for the
// statement's keyword into a parse tree, turns PEGTL errors into G0101/G0004
// diagnostics at the offending token, and builds the AST piece.
#include <algorithm>
#include <cstdio>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "dsl/syntax/grammar.hpp"
#include "dsl/syntax/grammar_control.hpp"
#include "dsl/syntax/parser_internal.hpp"

namespace gradus::parser_detail {
namespace g = grammar;
namespace pg = tao::pegtl;
namespace {

// A precedence level with a single operand is just that operand: skip the
// node (five fewer allocations per leaf), keeping the content otherwise.
struct fold_single : pg::parse_tree::apply<fold_single> {
  template <typename N, typename... States>
  static void transform(std::unique_ptr<N>& n, States&&...) {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

// The rules whose matches become parse-tree nodes.
template <typename Rule>
using selector = pg::parse_tree::selector<
    Rule,
    fold_single::on<g::or_expr, g::and_expr, g::streak_expr, g::cmp_expr, g::add_expr, g::mul_expr>,
    pg::parse_tree::store_content::on<
        // expressions
        g::not_app, g::streak_count, g::op_le, g::op_ge, g::op_eq,
        g::op_ne, g::op_lt, g::op_gt, g::op_add, g::op_sub, g::op_mul, g::op_div, g::neg_app, g::op_neg, g::op_not,
        g::paren, g::grade_lit, g::number_lit, g::number, g::unit_word, g::percent_sign, g::call, g::call_name, g::window,
        g::window_length, g::window_days, g::window_sessions, g::window_offset, g::window_offset_length, g::name_ref,
        // header
        g::protocol_id, g::title, g::version_text, g::citation, g::order_dimension, g::advances_count, g::advances_days,
        // inputs and lets
        g::input_name, g::score_type, g::score_lo, g::score_hi, g::flag_type, g::count_type, g::percent_type,
        g::unit_type, g::levels_type, g::level_name, g::one_of_type, g::choice_name, g::description, g::let_name,
        // structure and sessions
        g::phase_name, g::stage_id, g::intensity_easy, g::intensity_moderate, g::intensity_hard, g::intensity_rpe,
        g::intensity_zone, g::intensity_level, g::activity_run, g::activity_walk, g::activity_jog,
        g::activity_cross_train, g::activity_strides, g::block_amount_number, g::block_amount_unit, g::repeat_block,
        g::repeat_count, g::block, g::session_rest, g::rest_days, g::per_week, g::per_week_count, g::every_other_day,
        g::daily, g::min_days_count,
        // rules
        g::rule_advance, g::rule_hold, g::rule_regress, g::rule_refer, g::rule_discharge, g::rule_cue, g::stage_ref,
        g::regress_count, g::then_rest_days, g::message, g::cue_message>>;

bool is_id_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The token starting at `at`, for the caret: a word, a number, a string or one character.
std::size_t token_end(std::string_view text, std::size_t at, std::size_t limit) {
  if (at >= limit) return at;
  std::size_t i = at;
  if (is_id_byte(text[i]) || text[i] == '.') {
    while (i < limit && (is_id_byte(text[i]) || text[i] == '.')) ++i;
    return i;
  }
  if (text[i] == '"') {
    const auto close = text.find('"', i + 1);
    return close == std::string_view::npos || close >= limit ? limit : close + 1;
  }
  ++i;  // one code point
  while (i < limit && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

}  // namespace

// A token as a message shows it: control characters escaped, long tokens cut.
std::string printable(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (out.size() >= 40) return out + "...";
    const auto c = static_cast<unsigned char>(token[i]);
    if (c < 0x20 || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

void report_syntax(std::size_t at, std::string message, const char* help, const StatementLine& line, Context& cx) {
  const std::string_view text = cx.source->text();
  while (at < line.end && (text[at] == ' ' || text[at] == '\t')) ++at;
  const std::size_t end = token_end(text, at, line.end);
  std::string label = at >= line.end ? "found the end of the line" : "found '" + printable(text.substr(at, end - at)) + "'";
  auto d = error(cx.source, cx.span(at, end), "G0101", std::move(message)).label(std::move(label));
  if (at < line.end && text[at] == '=' && (at + 1 >= line.end || text[at + 1] != '=')) {
    d.help("compare with '==', not '='");
  } else if (help) {
    d.help(help);
  }
  cx.report(d);
}

template <typename Rule>
std::unique_ptr<Node> run(const StatementLine& line, Context& cx) {
  pg::memory_input<> in(cx.base() + line.begin, cx.base() + line.end, "", line.begin, line.line, 1);
  try {
    auto root = pg::parse_tree::parse<Rule, Node, selector, pg::nothing, g::control>(in);
    if (!root) report_syntax(line.begin, "expected a statement", nullptr, line, cx);
    return root;
  } catch (const g::SyntaxError& e) {
    report_syntax(cx.offset(e.at), e.message, e.help, line, cx);
  } catch (const pg::parse_error& e) {  // not raised by the grammar; kept so the parser stays total
    const auto& positions = e.positions();
    report_syntax(positions.empty() ? line.begin : positions.front().byte, std::string(e.message()), nullptr, line, cx);
  }
  return nullptr;
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

const Node* child(const Node& n, auto pred) {
  for (const auto& c : n.children) {
    if (pred(*c)) return c.get();
  }
  return nullptr;
}

template <typename T>
const Node* child_of(const Node& n) {
  return child(n, [](const Node& c) { return c.is_type<T>(); });
}

Span statement_span(const StatementLine& line, Context& cx) { return cx.span(line.begin, line.end); }

// Depth of an expression tree, counting no further than `limit + 1`.
std::size_t tree_depth(const ast::Expr& e, std::size_t limit) {
  if (limit == 0) return 1;
  std::size_t deepest = 0;
  for (const auto& a : e.args) deepest = std::max(deepest, tree_depth(*a, limit - 1));
  return 1 + deepest;
}

// Later passes (checker, formatter, engine) walk expressions recursively; a
// chain of thousands of operators on one line would be a tree thousands deep.
bool deep_enough_to_refuse(const ast::Expr& e, Context& cx) {
  if (cx.prefix_too_deep_at) {
    const std::size_t at = *cx.prefix_too_deep_at;
    cx.report(error(cx.source, cx.span(at, token_end(cx.source->text(), at, cx.line_start + cx.columns.size() - 1)),
                    "G0004", "expression nested too deeply (limit " + std::to_string(cx.limits.max_expression_depth) + ")")
                  .label("one prefix operator too many")
                  .help("split it into `let` definitions"));
    return true;
  }
  const std::size_t limit = cx.max_tree_depth();
  if (!cx.expression_too_long && tree_depth(e, limit) <= limit) return false;
  cx.report(error(cx.source, e.span, "G0004", "expression too long: more than " + std::to_string(limit) + " levels of operators")
                .help("split it into `let` definitions"));
  return true;
}

// ---------------------------------------------------------------- header
std::optional<Statement> protocol_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_protocol>(line, cx);
  if (!root) return std::nullopt;
  ProtocolLine p;
  p.span = statement_span(line, cx);
  const Node* id = child_of<g::protocol_id>(*root);
  p.id = std::string(id->string_view());
  p.id_span = cx.span_of(*id);
  if (const Node* t = child_of<g::title>(*root)) p.title = unquote(t->string_view());
  return p;
}

std::optional<Statement> version_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_version>(line, cx);
  if (!root) return std::nullopt;
  VersionLine v;
  v.field.value = std::string(child_of<g::version_text>(*root)->string_view());
  v.field.span = statement_span(line, cx);
  return v;
}

std::optional<Statement> source_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_source>(line, cx);
  if (!root) return std::nullopt;
  SourceLine s;
  s.field.value = unquote(child_of<g::citation>(*root)->string_view());
  s.field.span = statement_span(line, cx);
  return s;
}

std::optional<Statement> order_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_order>(line, cx);
  if (!root) return std::nullopt;
  OrderLine o;
  o.field.span = statement_span(line, cx);
  std::vector<Span> seen(3);
  for (const auto& c : root->children) {
    const auto word = c->string_view();
    const auto dim = word == "duration"    ? ast::OrderDimension::Duration
                     : word == "intensity" ? ast::OrderDimension::Intensity
                                           : ast::OrderDimension::Frequency;
    auto& first = seen[static_cast<std::size_t>(dim)];
    if (first.valid()) {
      cx.report(error(cx.source, cx.span_of(*c), "G0101", "'" + std::string(word) + "' is listed twice in 'order'")
                                   .secondary(first, "first listed here")
                                   .help("list duration, intensity and frequency once each"));
      return std::nullopt;
    }
    first = cx.span_of(*c);
    o.field.value.push_back(dim);
  }
  if (o.field.value.size() != 3) {
    std::string missing;
    const char* names[] = {"duration", "intensity", "frequency"};
    for (std::size_t i = 0; i < 3; ++i) {
      if (!seen[i].valid()) missing += (missing.empty() ? "'" : ", '") + std::string(names[i]) + "'";
    }
    cx.report(error(cx.source, cx.span(line.end, line.end), "G0101",
                                   "expected every dimension in 'order': " + missing + " is missing")
                                 .label("found the end of the line")
                                 .help("'order' ranks all three of duration, intensity and frequency"));
    return std::nullopt;
  }
  return o;
}

std::optional<Statement> max_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_max>(line, cx);
  if (!root) return std::nullopt;
  if (const Node* count = child_of<g::advances_count>(*root)) {
    MaxAdvancesLine m;
    m.field.span = statement_span(line, cx);
    m.field.value.count = make_quantity(*count, nullptr, cx);
    m.field.value.days = make_quantity(*child_of<g::advances_days>(*root), nullptr, cx);
    m.field.value.days.unit = Unit::Day;
    return m;
  }
  MaxWeeklyLine m;
  m.field.span = statement_span(line, cx);
  m.field.value = make_quantity(*child_of<g::number>(*root), child_of<g::percent_sign>(*root), cx);
  return m;
}

// ---------------------------------------------------------------- inputs and lets
std::optional<Statement> input_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_input>(line, cx);
  if (!root) return std::nullopt;
  ast::Input input;
  input.span = statement_span(line, cx);
  for (const auto& c : root->children) {
    if (c->is_type<g::input_name>()) {
      input.name = std::string(c->string_view());
      input.name_span = cx.span_of(*c);
    } else if (c->is_type<g::description>()) {
      input.description = unquote(c->string_view());
    } else {
      auto& t = input.type;
      t.span = cx.span_of(*c);
      if (c->is_type<g::score_type>()) {
        t.kind = ast::InputKind::Score;
        t.lo = make_quantity(*child_of<g::score_lo>(*c), nullptr, cx);
        t.hi = make_quantity(*child_of<g::score_hi>(*c), nullptr, cx);
      } else if (c->is_type<g::flag_type>()) {
        t.kind = ast::InputKind::Flag;
      } else if (c->is_type<g::count_type>()) {
        t.kind = ast::InputKind::Count;
      } else if (c->is_type<g::percent_type>()) {
        t.kind = ast::InputKind::Percent;
      } else if (c->is_type<g::unit_type>()) {
        t.kind = ast::InputKind::Quantity;
        t.unit = parse_unit(c->string_view()).value_or(Unit::None);
      } else if (c->is_type<g::levels_type>() || c->is_type<g::one_of_type>()) {
        t.kind = c->is_type<g::levels_type>() ? ast::InputKind::Levels : ast::InputKind::OneOf;
        for (const auto& name : c->children) {
          const std::string text(name->string_view());
          const Span span = cx.span_of(*name);
          const auto dup = std::find(t.names.begin(), t.names.end(), text);
          if (dup != t.names.end()) {
            cx.report(error(cx.source, span, "G0101", "'" + text + "' is listed twice")
                                         .secondary(t.name_spans[static_cast<std::size_t>(dup - t.names.begin())],
                                                    "first listed here"));
            return std::nullopt;
          }
          t.names.push_back(text);
          t.name_spans.push_back(span);
        }
      }
    }
  }
  return input;
}

std::optional<Statement> let_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_let>(line, cx);
  if (!root) return std::nullopt;
  ast::Let let;
  let.span = statement_span(line, cx);
  const Node* name = child_of<g::let_name>(*root);
  let.name = std::string(name->string_view());
  let.name_span = cx.span_of(*name);
  let.value = build_expr(*root->children.back(), cx);
  if (deep_enough_to_refuse(*let.value, cx)) return std::nullopt;
  return let;
}

// ---------------------------------------------------------------- structure
std::optional<Statement> safety_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_safety>(line, cx);
  if (!root) return std::nullopt;
  return SafetyLine{statement_span(line, cx)};
}

std::optional<Statement> phase_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_phase>(line, cx);
  if (!root) return std::nullopt;
  return PhaseLine{unquote(child_of<g::phase_name>(*root)->string_view()), statement_span(line, cx)};
}

std::optional<Statement> stage_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_stage>(line, cx);
  if (!root) return std::nullopt;
  StageLine s;
  s.span = statement_span(line, cx);
  const Node* id = child_of<g::stage_id>(*root);
  s.id = std::string(id->string_view());
  s.id_span = cx.span_of(*id);
  if (const Node* t = child_of<g::title>(*root)) s.title = unquote(t->string_view());
  return s;
}

// ---------------------------------------------------------------- sessions
std::optional<ast::Intensity> build_intensity(const Node& n, Context& cx) {
  ast::Intensity in;
  in.span = cx.span_of(n);
  if (n.is_type<g::intensity_easy>()) {
    in.kind = ast::IntensityKind::Easy;
  } else if (n.is_type<g::intensity_moderate>()) {
    in.kind = ast::IntensityKind::Moderate;
  } else if (n.is_type<g::intensity_hard>()) {
    in.kind = ast::IntensityKind::Hard;
  } else if (n.is_type<g::intensity_rpe>() || n.is_type<g::intensity_zone>()) {
    in.kind = n.is_type<g::intensity_rpe>() ? ast::IntensityKind::Rpe : ast::IntensityKind::Zone;
    in.level = make_quantity(*n.children.front(), nullptr, cx);
  } else {
    return std::nullopt;
  }
  return in;
}

std::optional<ast::Activity> activity_of(const Node& n) {
  if (n.is_type<g::activity_run>()) return ast::Activity::Run;
  if (n.is_type<g::activity_walk>()) return ast::Activity::Walk;
  if (n.is_type<g::activity_jog>()) return ast::Activity::Jog;
  if (n.is_type<g::activity_cross_train>()) return ast::Activity::CrossTrain;
  if (n.is_type<g::activity_strides>()) return ast::Activity::Strides;
  return std::nullopt;
}

bool build_blocks(const Node& parent, std::vector<ast::Block>& out, Context& cx);

// A `block` node: [repeat_block | activity amount unit] [intensity].
bool build_block(const Node& n, ast::Block& b, Context& cx) {
  b.span = cx.span_of(n);
  const Node* number = nullptr;
  for (const auto& c : n.children) {
    if (c->is_type<g::repeat_block>()) {
      b.repeat = true;
      b.count = make_quantity(*c->children.front(), nullptr, cx);
      if (!build_blocks(*c, b.children, cx)) return false;
    } else if (auto activity = activity_of(*c)) {
      b.activity = *activity;
    } else if (c->is_type<g::block_amount_number>()) {
      number = c.get();
    } else if (c->is_type<g::block_amount_unit>()) {
      b.amount = make_quantity(*number, c.get(), cx);
      const auto dim = dimension_of(b.amount.unit);
      if (dim != Dimension::Time && dim != Dimension::Length) {
        cx.report(error(cx.source, cx.span_of(*c), "G0101",
                                       "expected a unit of time or distance (s, min, m, km, mi)")
                                     .label("found '" + std::string(c->string_view()) + "', a " +
                                            std::string(to_string(dim)))
                                     .help("a block is measured in time ('run 5 min') or distance ('run 2 km')"));
        return false;
      }
    } else if (auto intensity = build_intensity(*c, cx)) {
      b.intensity = intensity;
    }
  }
  return true;
}

bool build_blocks(const Node& parent, std::vector<ast::Block>& out, Context& cx) {
  for (const auto& c : parent.children) {
    if (!c->is_type<g::block>()) continue;
    ast::Block b;
    if (!build_block(*c, b, cx)) return false;
    out.push_back(std::move(b));
  }
  return true;
}

std::optional<Statement> session_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_session>(line, cx);
  if (!root) return std::nullopt;
  ast::Session s;
  s.span = statement_span(line, cx);
  if (const Node* rest = child_of<g::session_rest>(*root)) {
    s.rest = true;
    if (!rest->children.empty()) {
      s.rest_days = make_quantity(*rest->children.front(), nullptr, cx);
      s.rest_days->unit = Unit::Day;
      s.rest_days->span = cx.span(s.rest_days->span.begin, cx.span_of(*rest).end);
    }
    return s;
  }
  if (!build_blocks(*root, s.blocks, cx)) return std::nullopt;
  return s;
}

std::optional<Statement> frequency_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_frequency>(line, cx);
  if (!root) return std::nullopt;
  ast::Frequency f;
  f.span = statement_span(line, cx);
  Span per_week, every_other, daily;
  for (const auto& c : root->children) {
    const Span span = cx.span_of(*c);
    Span* first = c->is_type<g::per_week>() ? &per_week : c->is_type<g::every_other_day>() ? &every_other : &daily;
    if (first->valid()) {
      cx.report(error(cx.source, span, "G0101", "'" + std::string(c->string_view()) + "' is given twice")
                                   .secondary(*first, "first given here"));
      return std::nullopt;
    }
    *first = span;
    if (c->is_type<g::per_week>()) {
      f.per_week = make_quantity(*c->children.front(), nullptr, cx);
    } else if (c->is_type<g::every_other_day>()) {
      f.every_other_day = true;
    } else {
      f.daily = true;
    }
  }
  if (f.daily && f.every_other_day) {
    cx.report(error(cx.source, daily, "G0101", "'daily' contradicts 'every other day'")
                                 .secondary(every_other, "'every other day' given here")
                                 .help("keep one of them"));
    return std::nullopt;
  }
  return f;
}

std::optional<Statement> min_days_line(const StatementLine& line, Context& cx) {
  auto root = run<g::stmt_min_days>(line, cx);
  if (!root) return std::nullopt;
  ast::MinDays m;
  m.span = statement_span(line, cx);
  m.days = make_quantity(*child_of<g::min_days_count>(*root), nullptr, cx);
  m.days.unit = Unit::Day;
  return m;
}

// ---------------------------------------------------------------- rules
std::optional<Statement> build_rule(const Node* root, const StatementLine& line, Context& cx) {
  ast::Rule r;
  r.span = statement_span(line, cx);
  for (const auto& c : root->children) {
    if (c->is_type<g::rule_advance>() || c->is_type<g::rule_hold>() || c->is_type<g::rule_regress>() ||
        c->is_type<g::rule_refer>() || c->is_type<g::rule_discharge>() || c->is_type<g::rule_cue>()) {
      r.keyword_span = cx.span_of(*c);
      r.kind = c->is_type<g::rule_advance>()     ? ast::RuleKind::Advance
               : c->is_type<g::rule_hold>()      ? ast::RuleKind::Hold
               : c->is_type<g::rule_regress>()   ? ast::RuleKind::Regress
               : c->is_type<g::rule_refer>()     ? ast::RuleKind::Refer
               : c->is_type<g::rule_discharge>() ? ast::RuleKind::Discharge
                                                 : ast::RuleKind::Cue;
    } else if (c->is_type<g::stage_ref>()) {
      r.target = std::string(c->string_view());
      r.target_span = cx.span_of(*c);
    } else if (c->is_type<g::regress_count>()) {
      r.stages = make_quantity(*c, nullptr, cx);
    } else if (c->is_type<g::then_rest_days>()) {
      r.rest_days = make_quantity(*c, nullptr, cx);
      r.rest_days->unit = Unit::Day;
    } else if (c->is_type<g::message>() || c->is_type<g::cue_message>()) {
      r.message = unquote(c->string_view());
      r.message_span = cx.span_of(*c);
    } else {
      r.condition = build_expr(*c, cx);
    }
  }
  if (r.condition && deep_enough_to_refuse(*r.condition, cx)) return std::nullopt;
  return r;
}

template <typename Rule>
std::optional<Statement> rule_line(const StatementLine& line, Context& cx) {
  auto root = run<Rule>(line, cx);
  if (!root) return std::nullopt;
  return build_rule(root.get(), line, cx);
}

using StatementParser = std::optional<Statement> (*)(const StatementLine&, Context&);

struct KeywordEntry {
  std::string_view keyword;
  StatementParser parse;
};

const KeywordEntry kStatements[] = {
    {"protocol", &protocol_line},
    {"version", &version_line},
    {"source", &source_line},
    {"order", &order_line},
    {"max", &max_line},
    {"input", &input_line},
    {"let", &let_line},
    {"safety", &safety_line},
    {"phase", &phase_line},
    {"stage", &stage_line},
    {"session", &session_line},
    {"frequency", &frequency_line},
    {"min", &min_days_line},
    {"advance", &rule_line<g::stmt_advance>},
    {"hold", &rule_line<g::stmt_hold>},
    {"regress", &rule_line<g::stmt_regress>},
    {"refer", &rule_line<g::stmt_refer>},
    {"discharge", &rule_line<g::stmt_discharge>},
    {"cue", &rule_line<g::stmt_cue>},
};

}  // namespace

Span Context::span_of(const Node& node) const {
  const std::size_t begin = offset(node.m_begin.data);
  std::size_t end = offset(node.m_end.data);
  const std::string& text = source->text();
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return span(begin, end);
}

void Context::begin_statement(const StatementLine& statement) {
  line = statement.line;
  line_start = statement.line_start;
  columns.clear();
  expression_too_long = false;
  prefix_too_deep_at.reset();
  const std::string& text = source->text();
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i <= statement.end; ++i) {
    columns.push_back(column);
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  // A continuation byte sits in the column of its character's first byte.
  for (std::size_t i = 1; i < columns.size(); ++i) {
    const std::size_t at = line_start + i;
    if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) columns[i] = columns[i - 1];
  }
}

Span Context::span(std::size_t begin, std::size_t end) const {
  if (columns.empty() || begin < line_start || end < begin || end - line_start >= columns.size()) {
    return source->span(begin, end);
  }
  Span s;
  s.begin = static_cast<std::uint32_t>(begin);
  s.end = static_cast<std::uint32_t>(end);
  s.line = s.end_line = line;
  s.column = columns[begin - line_start];
  s.end_column = columns[end - line_start];
  return s;
}

const std::vector<std::string_view>& statement_keywords() {
  static const std::vector<std::string_view> keywords = [] {
    std::vector<std::string_view> k;
    for (const auto& e : kStatements) k.push_back(e.keyword);
    return k;
  }();
  return keywords;
}

std::optional<Statement> parse_statement(const StatementLine& line, Context& context) {
  context.begin_statement(line);
  for (const auto& e : kStatements) {
    if (e.keyword == line.keyword) return e.parse(line, context);
  }
  return std::nullopt;
}

}  // namespace gradus::parser_detail

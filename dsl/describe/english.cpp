#include "dsl/describe/english.hpp"

#include <algorithm>

#include "dsl/check/builtins.hpp"
#include "dsl/format/format_expr.hpp"
#include "dsl/format/format_text.hpp"

namespace gradus {
namespace {

const ast::Input* find_input(const ast::Protocol& protocol, const std::string& name) {
  for (const auto& input : protocol.inputs) {
    if (input.name == name) return &input;
  }
  return nullptr;
}

std::string spaced(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

std::string series_words(const std::string& name) {
  if (name == "run_minutes") return "minutes of running";
  if (name == "total_minutes") return "minutes of exercise";
  if (name == "sessions_in_stage") return "sessions done at this stage";
  if (name == "days_in_stage") return "days at this stage";
  if (name == "days_since_last_session") return "days since the last session";
  if (name == "srpe") return "session load (RPE x minutes)";
  return spaced(name);
}

// The score range suffix ("/10") when a number is compared with a score.
std::string score_suffix(const ast::Protocol& protocol, const ast::Expr& other) {
  if (other.kind != ast::ExprKind::Name) {
    if (other.kind == ast::ExprKind::Call && (other.name == "max" || other.name == "min") && !other.args.empty() &&
        other.args[0]) {
      return score_suffix(protocol, *other.args[0]);
    }
    return {};
  }
  if (const ast::Input* input = find_input(protocol, other.name)) {
    if (input->type.kind == ast::InputKind::Score && input->type.lo.value == 0) return "/" + input->type.hi.text;
    return {};
  }
  for (const auto& let : protocol.lets) {
    if (let.name == other.name && let.value) return score_suffix(protocol, *let.value);
  }
  return {};
}

std::string window_words(const ast::Window& window) {
  const bool days = window.unit == ast::WindowUnit::Days;
  std::string span = "the last " + count_noun(window.length, days ? "day" : "session", days ? "days" : "sessions");
  if (window.offset) {
    const bool offset_days = window.offset_unit == ast::WindowUnit::Days;
    span = "the " + count_noun(window.length, days ? "day" : "session", days ? "days" : "sessions") + " ending " +
           count_noun(*window.offset, offset_days ? "day" : "session", offset_days ? "days" : "sessions") + " ago";
  }
  return span;
}

std::string words(const ast::Protocol& protocol, const ast::Expr& expr);

std::string comparison(const ast::Protocol& protocol, const ast::Expr& expr) {
  const ast::Expr& left = *expr.args[0];
  const ast::Expr& right = *expr.args[1];
  std::string lhs = words(protocol, left);
  std::string rhs = words(protocol, right);
  if (right.kind == ast::ExprKind::Number && right.number.unit == Unit::None) rhs += score_suffix(protocol, left);
  switch (expr.op) {
    case ast::Op::Ge: return lhs + " is " + rhs + " or more";
    case ast::Op::Gt: return lhs + " is above " + rhs;
    case ast::Op::Le: return lhs + " is " + rhs + " or less";
    case ast::Op::Lt: return lhs + " is below " + rhs;
    case ast::Op::Eq: return lhs + " is " + rhs;
    case ast::Op::Ne: return lhs + " is not " + rhs;
    default: return lhs + " " + ast::to_string(expr.op) + " " + rhs;
  }
}

std::string call_words(const ast::Protocol& protocol, const ast::Expr& expr) {
  const std::string& f = expr.name;
  auto arg = [&](std::size_t i) { return i < expr.args.size() && expr.args[i] ? words(protocol, *expr.args[i]) : std::string("?"); };
  if (expr.window) {
    const std::string span = window_words(*expr.window);
    if (f == "all") return arg(0) + ", at every session in " + span;
    if (f == "any") return arg(0) + ", at any session in " + span;
    if (f == "count") return "the number of sessions in " + span + " where " + arg(0);
    if (f == "mean") return "the average " + arg(0) + " over " + span;
    if (f == "sum") return "the total " + arg(0) + " over " + span;
    if (f == "max") return "the highest " + arg(0) + " over " + span;
    if (f == "min") return "the lowest " + arg(0) + " over " + span;
  }
  if ((f == "max" || f == "min") && expr.args.size() >= 2) {
    std::string list;
    for (std::size_t i = 0; i < expr.args.size(); ++i) {
      if (i) list += i + 1 == expr.args.size() ? " and " : ", ";
      list += arg(i);
    }
    return std::string(f == "max" ? "the larger of " : "the smaller of ") + list;
  }
  if (f == "abs") return "the size of " + arg(0);
  if (f == "missing") return arg(0) + " was not logged";
  if (f == "baseline") return "the usual " + arg(0) + " (baseline)";
  if (f == "latest") return "the last measured " + arg(0);
  if (f == "previous") return arg(0) + " at the session before";
  if (f == "acwr") return "the acute:chronic load ratio of " + arg(0);
  if (f == "acwr_uncoupled") return "the uncoupled acute:chronic load ratio of " + arg(0);
  if (f == "acwr_ewma") return "the EWMA acute:chronic load ratio of " + arg(0);
  if (f == "monotony") return "the training monotony of " + arg(0);
  if (f == "strain") return "the training strain of " + arg(0);
  if (f == "advances_in") return "the number of advances in the last " + arg(0);
  return format_expr(expr);
}

std::string words(const ast::Protocol& protocol, const ast::Expr& expr) {
  std::string text;
  switch (expr.kind) {
    case ast::ExprKind::Number:
      text = format_quantity(expr.number);
      break;
    case ast::ExprKind::Grade:
      text = expr.name;
      break;
    case ast::ExprKind::Name:
      if (find_builtin_series(expr.name)) text = series_words(expr.name);
      else if (expr.symbol.kind == ast::SymbolKind::GradeValue || expr.symbol.kind == ast::SymbolKind::ChoiceValue)
        text = "\"" + spaced(expr.name) + "\"";
      else text = describe_name(protocol, expr.name);
      break;
    case ast::ExprKind::Unary:
      if (expr.args.empty() || !expr.args[0]) break;
      if (expr.op == ast::Op::Not) {
        const ast::Expr& inner = *expr.args[0];
        text = inner.kind == ast::ExprKind::Name ? "no " + words(protocol, inner) : "not (" + words(protocol, inner) + ")";
      } else {
        text = "minus " + words(protocol, *expr.args[0]);
      }
      break;
    case ast::ExprKind::Binary: {
      if (expr.args.size() < 2 || !expr.args[0] || !expr.args[1]) break;
      switch (expr.op) {
        case ast::Op::And: text = words(protocol, *expr.args[0]) + " and " + words(protocol, *expr.args[1]); break;
        case ast::Op::Or: text = words(protocol, *expr.args[0]) + " or " + words(protocol, *expr.args[1]); break;
        case ast::Op::Add: text = words(protocol, *expr.args[0]) + " plus " + words(protocol, *expr.args[1]); break;
        case ast::Op::Sub: text = words(protocol, *expr.args[0]) + " minus " + words(protocol, *expr.args[1]); break;
        case ast::Op::Mul: text = words(protocol, *expr.args[0]) + " times " + words(protocol, *expr.args[1]); break;
        case ast::Op::Div: text = words(protocol, *expr.args[0]) + " divided by " + words(protocol, *expr.args[1]); break;
        default: text = comparison(protocol, expr); break;
      }
      break;
    }
    case ast::ExprKind::Call:
      text = call_words(protocol, expr);
      break;
    case ast::ExprKind::Streak:
      if (expr.args.empty() || !expr.args[0]) break;
      text = words(protocol, *expr.args[0]) + ", at each of the last " + count_noun(expr.streak, "session", "sessions") +
             " at this stage";
      break;
  }
  if (expr.parenthesized && (expr.kind == ast::ExprKind::Binary)) return "(" + text + ")";
  return text;
}

}  // namespace

std::string describe_name(const ast::Protocol& protocol, const std::string& name) {
  if (const ast::Input* input = find_input(protocol, name)) {
    // A choice's description is usually the question asked ("when soreness
    // appeared, if at all"), which reads badly before "is"; its name does not.
    if (input->type.kind != ast::InputKind::OneOf && input->description && !input->description->empty()) {
      return *input->description;
    }
  }
  return spaced(name);
}

std::string describe_condition(const ast::Protocol& protocol, const ast::Expr& condition) {
  return words(protocol, condition);
}

std::string describe_action(const ast::Rule& rule) {
  std::string rest;
  if (rule.rest_days) rest = "rest " + count_noun(*rule.rest_days, "day", "days") + ", then ";
  switch (rule.kind) {
    case ast::RuleKind::Refer: return rest + "stop and see your clinician before going on";
    case ast::RuleKind::Regress:
      if (rule.target) return rest + "go back to stage " + *rule.target;
      if (rule.stages && !is_one(*rule.stages)) return rest + "go back " + count_noun(*rule.stages, "stage", "stages");
      return rest + "go back one stage";
    case ast::RuleKind::Hold: return rest.empty() ? "stay at this stage" : rest + "repeat this stage";
    case ast::RuleKind::Advance:
      if (rule.target) return rest + "move on to stage " + *rule.target;
      return rest + "move on to the next stage";
    case ast::RuleKind::Discharge: return rest + "finish the programme";
    case ast::RuleKind::Cue: return "advice";
  }
  return "stay at this stage";
}

std::string describe_rule(const ast::Protocol& protocol, const ast::Rule& rule) {
  std::string condition = rule.condition ? describe_condition(protocol, *rule.condition) : std::string("always");
  if (rule.kind == ast::RuleKind::Cue) {
    return "If " + condition + ": " + (rule.message ? *rule.message : std::string("a reminder")) + ".";
  }
  std::string text = "If " + condition + ": " + describe_action(rule) + ".";
  if (rule.message && !rule.message->empty()) text += " (\"" + *rule.message + "\")";
  return text;
}

}  // namespace gradus

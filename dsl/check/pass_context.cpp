#include "dsl/check/pass_context.hpp"

#include <algorithm>

#include "dsl/check/builtins.hpp"
#include "dsl/diag/suggest.hpp"

namespace gradus::check {

std::string_view PassContext::text(Span span) const {
  if (!protocol.source || !span.valid()) return {};
  const std::string& all = protocol.source->text();
  if (span.begin > all.size() || span.end > all.size() || span.end < span.begin) return {};
  return std::string_view(all).substr(span.begin, span.end - span.begin);
}

std::string PassContext::quote(Span span) const {
  std::string_view t = text(span);
  constexpr std::size_t kMax = 40;
  if (t.empty()) return "this expression";
  if (t.size() <= kMax && t.find('\n') == std::string_view::npos) return std::string(t);
  std::string_view head = t.substr(0, std::min(t.find('\n'), kMax - 3));
  return std::string(head) + "...";
}

Span PassContext::join(Span first, Span last) const {
  if (!first.valid()) return last;
  if (!last.valid()) return first;
  if (protocol.source) return protocol.source->span(first.begin, std::max(first.end, last.end));
  Span s = first;
  s.end = last.end;
  s.end_line = last.end_line;
  s.end_column = last.end_column;
  return s;
}

std::optional<std::string> PassContext::suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (candidates.size() > suggestion_budget_) return std::nullopt;
  suggestion_budget_ -= candidates.size();
  return closest_match(word, candidates);
}

std::optional<std::string> PassContext::suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (candidates.size() > suggestion_budget_) return std::nullopt;
  suggestion_budget_ -= candidates.size();
  return closest_match(word, candidates);
}

const std::vector<std::string>& PassContext::value_names() {
  if (!value_names_) {
    std::vector<std::string> names;
    for (const auto& in : protocol.inputs) names.push_back(in.name);
    for (const auto& let : protocol.lets) names.push_back(let.name);
    for (const auto& s : builtin_series()) names.emplace_back(s.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    value_names_ = std::move(names);
  }
  return *value_names_;
}

void for_each_rule(ast::Protocol& protocol, const RuleVisitor& visit) {
  for (auto& rule : protocol.safety) visit(rule, nullptr);
  for (auto& phase : protocol.phases) {
    for (auto& stage : phase.stages) {
      for (auto& rule : stage.rules) visit(rule, &stage);
    }
  }
}

void for_each_expr(ast::Expr& expr, const std::function<void(ast::Expr&)>& visit) {
  visit(expr);
  for (auto& arg : expr.args) {
    if (arg) for_each_expr(*arg, visit);
  }
}

void for_each_root(ast::Protocol& protocol, const std::function<void(ast::Expr&)>& visit) {
  for (auto& let : protocol.lets) {
    if (let.value) visit(*let.value);
  }
  for_each_rule(protocol, [&](ast::Rule& rule, ast::Stage*) {
    if (rule.condition) visit(*rule.condition);
  });
}

bool is_comparison(ast::Op op) {
  switch (op) {
    case ast::Op::Lt: case ast::Op::Le: case ast::Op::Gt:
    case ast::Op::Ge: case ast::Op::Eq: case ast::Op::Ne:
      return true;
    default:
      return false;
  }
}

bool is_arithmetic(ast::Op op) {
  return op == ast::Op::Add || op == ast::Op::Sub || op == ast::Op::Mul || op == ast::Op::Div;
}

}  // namespace gradus::check

#include "dsl/check/lint_support.hpp"

#include <cmath>
#include <cstdio>

#include "dsl/check/builtins.hpp"

namespace gradus::lint {

std::vector<StageRef> stages_in_order(const ast::Protocol& protocol) {
  std::vector<StageRef> out;
  for (std::size_t p = 0; p < protocol.phases.size(); ++p) {
    for (const auto& stage : protocol.phases[p].stages) out.push_back({&stage, p, out.size()});
  }
  return out;
}

int stage_index(const std::vector<StageRef>& stages, std::string_view id) {
  for (const auto& ref : stages) {
    if (ref.stage->id == id) return static_cast<int>(ref.index);
  }
  return -1;
}

bool is_recovery(const ast::Stage& stage) { return stage.session && stage.session->rest; }

ast::Symbol resolve_name(const ast::Protocol& protocol, const ast::Expr& name) {
  if (name.symbol.kind != ast::SymbolKind::Unresolved) return name.symbol;
  if (name.kind != ast::ExprKind::Name) return {};
  for (std::size_t i = 0; i < protocol.inputs.size(); ++i) {
    if (protocol.inputs[i].name == name.name) return {ast::SymbolKind::Input, static_cast<int>(i)};
  }
  for (std::size_t i = 0; i < protocol.lets.size(); ++i) {
    if (protocol.lets[i].name == name.name) return {ast::SymbolKind::Let, static_cast<int>(i)};
  }
  if (const auto* series = find_builtin_series(name.name)) {
    return {ast::SymbolKind::Builtin, static_cast<int>(series->series)};
  }
  return {};
}

void walk(const ast::Expr& expr, const std::function<void(const ast::Expr&)>& visit) {
  visit(expr);
  for (const auto& arg : expr.args) {
    if (arg) walk(*arg, visit);
  }
}

std::string number_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string span_text(const ast::Protocol& protocol, Span span) {
  if (!protocol.source || span.end <= span.begin || span.end > protocol.source->text().size()) return {};
  return protocol.source->text().substr(span.begin, span.size());
}

}  // namespace gradus::lint

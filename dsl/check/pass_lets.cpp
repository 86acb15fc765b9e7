// Pass "lets": a let may use only lets defined above it, so lets evaluate
// top to bottom and can never form a cycle. A use of a later let (or of the
// let itself) is G0206, labelled at that let's definition; when the later let
// leads back to this one, the message says it is a cycle.
#include <string>
#include <vector>

#include "dsl/check/pass_context.hpp"

namespace gradus::check {
namespace {

// Let indices used directly by an expression.
std::vector<int> let_uses(ast::Expr& e) {
  std::vector<int> uses;
  for_each_expr(e, [&](ast::Expr& x) {
    if (x.kind == ast::ExprKind::Name && x.symbol.kind == ast::SymbolKind::Let) uses.push_back(x.symbol.index);
  });
  return uses;
}

// Does `from` reach `target` through let references? Bounded by a visited set.
bool reaches(const std::vector<std::vector<int>>& graph, int from, int target) {
  std::vector<bool> seen(graph.size(), false);
  std::vector<int> todo{from};
  while (!todo.empty()) {
    const int at = todo.back();
    todo.pop_back();
    if (at == target) return true;
    if (at < 0 || static_cast<std::size_t>(at) >= graph.size() || seen[static_cast<std::size_t>(at)]) continue;
    seen[static_cast<std::size_t>(at)] = true;
    for (int next : graph[static_cast<std::size_t>(at)]) todo.push_back(next);
  }
  return false;
}

}  // namespace

void pass_lets(PassContext& cx) {
  auto& lets = cx.protocol.lets;
  std::vector<std::vector<int>> graph(lets.size());
  for (std::size_t i = 0; i < lets.size(); ++i) {
    if (lets[i].value) graph[i] = let_uses(*lets[i].value);
  }
  for (std::size_t i = 0; i < lets.size(); ++i) {
    if (!lets[i].value) continue;
    const int self = static_cast<int>(i);
    for_each_expr(*lets[i].value, [&](ast::Expr& x) {
      if (x.kind != ast::ExprKind::Name || x.symbol.kind != ast::SymbolKind::Let || x.symbol.index < self) return;
      const auto& used = lets[static_cast<std::size_t>(x.symbol.index)];
      if (x.symbol.index == self) {
        cx.report(error(cx.source(), x.span, "G0206", "let '" + used.name + "' refers to itself")
                      .label("used in its own definition")
                      .help("a let is computed once from inputs and lets above it; use previous(...) of an input for yesterday's value"));
      } else if (reaches(graph, x.symbol.index, self)) {
        cx.report(error(cx.source(), x.span, "G0206",
                        "cyclic let: '" + lets[i].name + "' uses '" + used.name + "', which leads back to '" +
                            lets[i].name + "'")
                      .label("cycle through here")
                      .secondary(used.name_span, "'" + used.name + "' defined here")
                      .help("break the cycle: compute one of them from inputs only"));
      } else {
        cx.report(error(cx.source(), x.span, "G0206",
                        "let '" + used.name + "' is used before its definition")
                      .label("used here")
                      .secondary(used.name_span, "defined later here")
                      .help("move `let " + used.name + "` above `let " + lets[i].name + "`"));
      }
    });
  }
}

}  // namespace gradus::check

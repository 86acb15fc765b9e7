// Pass "lets": a let may use only lets defined above it, so lets evaluate
// top to bottom and can never form a cycle. A use of a later let (or of the
// let itself) is G0206, labelled at that let's definition; when the later let
// leads back to this one, the message says it is a cycle.
#include <algorithm>
#include <string>
#include <utility>
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

// Strongly connected components of the let graph (Tarjan, iterative so a
// long chain of lets cannot exhaust the stack): a use i -> j closes a cycle
// exactly when i and j share a component. Linear in lets and uses.
std::vector<int> components(const std::vector<std::vector<int>>& graph) {
  const int n = static_cast<int>(graph.size());
  std::vector<int> index(graph.size(), -1), low(graph.size(), 0), comp(graph.size(), -1);
  std::vector<bool> on_stack(graph.size(), false);
  std::vector<int> stack;
  std::vector<std::pair<int, std::size_t>> work;  // (node, next edge)
  int counter = 0, comps = 0;
  for (int root = 0; root < n; ++root) {
    if (index[static_cast<std::size_t>(root)] != -1) continue;
    work.push_back({root, 0});
    while (!work.empty()) {
      auto& [v, edge] = work.back();
      const auto vi = static_cast<std::size_t>(v);
      if (edge == 0 && index[vi] == -1) {
        index[vi] = low[vi] = counter++;
        stack.push_back(v);
        on_stack[vi] = true;
      }
      if (edge < graph[vi].size()) {
        const int w = graph[vi][edge++];
        if (w < 0 || w >= n) continue;
        const auto wi = static_cast<std::size_t>(w);
        if (index[wi] == -1) {
          work.push_back({w, 0});
        } else if (on_stack[wi]) {
          low[vi] = std::min(low[vi], index[wi]);
        }
        continue;
      }
      if (low[vi] == index[vi]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[static_cast<std::size_t>(w)] = false;
          comp[static_cast<std::size_t>(w)] = comps;
        } while (w != v);
        ++comps;
      }
      const int done = v;
      work.pop_back();
      if (!work.empty()) {
        const auto parent = static_cast<std::size_t>(work.back().first);
        low[parent] = std::min(low[parent], low[static_cast<std::size_t>(done)]);
      }
    }
  }
  return comp;
}

}  // namespace

void pass_lets(PassContext& cx) {
  auto& lets = cx.protocol.lets;
  std::vector<std::vector<int>> graph(lets.size());
  for (std::size_t i = 0; i < lets.size(); ++i) {
    if (lets[i].value) graph[i] = let_uses(*lets[i].value);
  }
  const std::vector<int> comp = components(graph);
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
      } else if (comp[static_cast<std::size_t>(x.symbol.index)] == comp[i]) {
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

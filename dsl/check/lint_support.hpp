#pragma once
// Small helpers shared by the lint passes: stages in file order, name
// resolution that works with or without the checker's annotations, and
// number text for messages.
#include <functional>
#include <string>
#include <vector>

#include "dsl/syntax/ast.hpp"

namespace gradus::lint {

struct StageRef {
  const ast::Stage* stage = nullptr;
  std::size_t phase = 0;  // index into Protocol::phases
  std::size_t index = 0;  // position in file order across all phases
};

std::vector<StageRef> stages_in_order(const ast::Protocol& protocol);
// Index in file order of the stage with this id, or -1.
int stage_index(const std::vector<StageRef>& stages, std::string_view id);

// `session rest` (or `rest N days`): lasts its days, then advances by itself.
bool is_recovery(const ast::Stage& stage);

// What a Name refers to: the checker's annotation when present, otherwise a
// lookup by name (so lints also work on an AST the checker has not seen).
ast::Symbol resolve_name(const ast::Protocol& protocol, const ast::Expr& name);

// Calls `visit` on every node of `expr`, parents before children.
void walk(const ast::Expr& expr, const std::function<void(const ast::Expr&)>& visit);

// 3, 3.5, 12.25: at most two decimals, no trailing zeros.
std::string number_text(double value);

// The text of a span in the protocol's source ("" when there is none).
std::string span_text(const ast::Protocol& protocol, Span span);

}  // namespace gradus::lint

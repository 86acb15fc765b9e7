#pragma once
// Structural equality of two protocols "modulo spans": every field the
// parser fills (names, numbers as written, units, operators, parentheses,
// strings, comments' text) must match; spans, the Source pointer, blank-line
// layout and the checker's annotations are ignored. `gradus fmt` uses it to
// prove that a reformatted file means the same protocol as the original.
#include <optional>
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus::ast {

bool equal_modulo_spans(const Protocol& a, const Protocol& b);
bool equal_modulo_spans(const Expr& a, const Expr& b);

// The first difference as a path for error messages, e.g.
// "stage r1: rule 2: condition differs (`x >= 1` vs `x >= 2`)";
// nullopt when the protocols are equal modulo spans.
std::optional<std::string> first_difference(const Protocol& a, const Protocol& b);

}  // namespace gradus::ast

#pragma once
// G0410: how a condition moves when one symptom gets worse (polarity
// analysis over the expression tree; docs/lints.md). Exposed for tests.
#include <cstddef>

#include "dsl/syntax/ast.hpp"

namespace gradus::lint {

// What a worse value of one symptom can do to an expression: make it larger
// (or true), make it smaller (or false), both, or nothing.
struct Polarity {
  bool rise = false;
  bool fall = false;
};

// `symptom` is an index into protocol.inputs; the direction of "worse" comes
// from dsl/check/symptom_direction.hpp.
Polarity polarity(const ast::Protocol& protocol, const ast::Expr& expr, std::size_t symptom);

}  // namespace gradus::lint

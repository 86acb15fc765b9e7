#pragma once
// The canonical layout of a whole protocol file (docs/formatting.md): the
// header in a fixed order, then inputs, lets, safety and phases, each section
// after one blank line, two-space indentation per level, aligned columns
// within a block, every comment kept. The output depends only on the tree, so
// formatting is idempotent, and `gradus fmt` re-parses it to prove that the
// meaning is unchanged (ast_equal.hpp).
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus {

// LF line endings, exactly one final newline, no trailing blanks, no BOM.
std::string format_protocol(const ast::Protocol& protocol);

}  // namespace gradus

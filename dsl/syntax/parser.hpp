#pragma once
// Protocol text -> AST. Never throws on bad input: every problem is a
// Diagnostic. `protocol` is present whenever parsing got far enough to be
// useful; it is complete only when `diagnostics` holds no error.
#include <optional>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"

namespace gradus {

struct ParseLimits {
  std::size_t max_file_bytes = 1u << 20;    // 1 MiB: protocols are a few KB; a 5 MB file is refused with G0003
  std::size_t max_line_bytes = 64u << 10;   // a statement line longer than this is rejected, not parsed
  std::size_t max_expression_depth = 64;    // nested parentheses / operators
  // The shipped protocols have at most 16 stages and 40 rules; these bound the
  // checker's and the lints' work on a hostile file (G0006 above).
  std::size_t max_stages = 1024;
  std::size_t max_rules = 4096;             // safety and stage rules together, cues included
};

struct ParseResult {
  std::optional<ast::Protocol> protocol;
  Diagnostics diagnostics;
};

ParseResult parse_protocol(SourcePtr source, const ParseLimits& limits = {});

}  // namespace gradus

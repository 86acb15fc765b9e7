#pragma once
// Formatting one file safely, the core of `gradus fmt`: parse, lay out in
// the canonical form, then parse the result again and require the same tree
// (modulo spans). A file that does not parse, or whose formatted text would
// not mean the same protocol, is never rewritten.
#include <optional>
#include <string>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/format/format_protocol.hpp"
#include "dsl/syntax/parser.hpp"

namespace gradus {

enum class FormatStatus {
  Unchanged,   // already canonical
  Changed,     // `formatted` differs from the source text
  ParseError,  // the source has syntax errors: see `diagnostics`
  Unsafe,      // formatter bug: the output parses differently (`problem` says how)
};

struct FormatOutcome {
  FormatStatus status = FormatStatus::Unchanged;
  std::string formatted;     // the canonical text (Unchanged/Changed)
  Diagnostics diagnostics;   // ParseError: the parser's findings
  std::string problem;       // Unsafe: the first difference, or the re-parse's first error
};

// `formatter` is the layout to apply; tests substitute a faulty one to prove
// that the safety check catches a formatter bug.
using ProtocolFormatter = std::string (*)(const ast::Protocol&);

FormatOutcome format_source(const SourcePtr& source, const ParseLimits& limits = {},
                            ProtocolFormatter formatter = &format_protocol);

}  // namespace gradus

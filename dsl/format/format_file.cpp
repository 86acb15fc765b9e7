#include "dsl/format/format_file.hpp"

#include <algorithm>
#include <memory>

#include "dsl/syntax/ast_equal.hpp"

namespace gradus {

FormatOutcome format_source(const SourcePtr& source, const ParseLimits& limits, ProtocolFormatter formatter) {
  FormatOutcome outcome;
  ParseResult parsed = parse_protocol(source, limits);
  if (!parsed.protocol || has_errors(parsed.diagnostics)) {
    outcome.status = FormatStatus::ParseError;
    outcome.diagnostics = std::move(parsed.diagnostics);
    return outcome;
  }
  std::string formatted = formatter(*parsed.protocol);

  // The proof: the canonical text must parse to the same protocol. The limits
  // are relaxed only by the growth formatting may cause (alignment padding).
  ParseLimits relaxed = limits;
  relaxed.max_file_bytes = std::max(limits.max_file_bytes, formatted.size());
  relaxed.max_line_bytes = std::max(limits.max_line_bytes, formatted.size());
  auto again_source = std::make_shared<const Source>(source->path(), formatted);
  ParseResult again = parse_protocol(again_source, relaxed);
  if (!again.protocol || has_errors(again.diagnostics)) {
    outcome.status = FormatStatus::Unsafe;
    outcome.problem = "the formatted text does not parse";
    for (const auto& d : again.diagnostics) {
      if (d.severity == Severity::Error) {
        outcome.problem += ": line " + std::to_string(d.span.line) + ": " + d.message;
        break;
      }
    }
    return outcome;
  }
  if (auto difference = ast::first_difference(*parsed.protocol, *again.protocol)) {
    outcome.status = FormatStatus::Unsafe;
    outcome.problem = "the formatted text means a different protocol: " + *difference;
    return outcome;
  }
  outcome.status = formatted == source->text() ? FormatStatus::Unchanged : FormatStatus::Changed;
  outcome.formatted = std::move(formatted);
  return outcome;
}

}  // namespace gradus

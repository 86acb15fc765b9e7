// Fuzz target: whenever a protocol parses, its canonical layout must parse
// to the same AST (modulo spans) and be a fixed point of the formatter.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "dsl/format/format_protocol.hpp"
#include "dsl/syntax/ast_equal.hpp"
#include "dsl/syntax/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<gradus::Source>("fuzz.gradus", std::string(reinterpret_cast<const char*>(data), size));
  gradus::ParseResult parsed = gradus::parse_protocol(source);
  if (!parsed.protocol || gradus::has_errors(parsed.diagnostics)) return 0;
  const std::string once = gradus::format_protocol(*parsed.protocol);
  gradus::ParseResult again = gradus::parse_protocol(std::make_shared<gradus::Source>("fuzz.gradus", once));
  if (!again.protocol || gradus::has_errors(again.diagnostics)) std::abort();
  if (!gradus::ast::equal_modulo_spans(*parsed.protocol, *again.protocol)) std::abort();
  if (gradus::format_protocol(*again.protocol) != once) std::abort();
  return 0;
}

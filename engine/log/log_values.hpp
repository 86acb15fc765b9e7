#pragma once
// One scalar written in a log, converted to the engine's representation for
// an input of the protocol (see log.hpp), or a diagnostic saying why not.
#include <optional>
#include <string>
#include <string_view>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"

namespace gradus {

// A YAML scalar as the loader saw it.
struct LogScalar {
  std::string_view text;  // the value (quotes removed, escapes applied)
  bool plain = true;      // written without quotes: may be a number or true/false
  Span span;
};

// YAML 1.2 core-schema decimal (`12`, `-3.5`, `1e3`), finite; plain scalars only.
std::optional<double> parse_log_number(const LogScalar& scalar);
// `true`/`false` (also True/TRUE/False/FALSE); plain scalars only.
std::optional<bool> parse_log_bool(const LogScalar& scalar);

// Converts `scalar` for `input`; on failure appends G0504/G0505 to `out`.
std::optional<double> convert_log_value(const ast::Input& input, const LogScalar& scalar, const SourcePtr& source,
                                        Diagnostics& out);

// "score 0..10", "spm", "levels none, trace, 1+": for messages.
std::string describe_input_type(const ast::InputType& type);

}  // namespace gradus

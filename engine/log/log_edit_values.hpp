#pragma once
// The values a person or an importer wants written into one day's entry,
// checked against the protocol before any text is produced: the name must be
// an input or a reserved key (stage, minutes, cleared, rest, note), the value
// must convert as the log loader would convert it. Each field carries spans
// into the text it came from (the command line, a CSV cell, a FIT session)
// so an error is shown there, with a caret.
#include <string>
#include <vector>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"

namespace gradus {

struct EntryField {
  std::string name;
  std::string value;  // as the person wrote it: `2`, `true`, `2+`, `90 s`, any text for note
  Span name_span;     // into the fields' Source
  Span value_span;
};

struct EntryFields {
  SourcePtr source;  // what the spans point into
  std::vector<EntryField> fields;
};

// `--NAME VALUE` pairs as a Source named `origin` ("command line") whose
// text reads like the arguments, with each field's spans pointing into it.
EntryFields command_line_fields(std::string origin, const std::vector<std::pair<std::string, std::string>>& pairs);

// G0503 unknown name (did-you-mean over inputs and reserved keys), G0504
// wrong type, G0505 out of range, G0502 a name given twice or `date` given
// as a field. Empty when every field can be written.
Diagnostics validate_entry_fields(const ast::Protocol& protocol, const EntryFields& fields);

// The YAML text that the log loader reads back as `field.value` for its key:
// numbers, flags and units plain; names plain when safe, else double-quoted;
// notes always double-quoted.
std::string yaml_field_text(const ast::Protocol& protocol, const EntryField& field);

// The reserved entry keys other than `date`.
const std::vector<std::string>& reserved_entry_keys();

}  // namespace gradus

#pragma once
// Diagnostics as JSON: an array with one object per finding (the fields are
// listed in docs/diagnostics.md, "Machine formats"; they are stable).
#include <ostream>

#include <nlohmann/json.hpp>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& diagnostic);
nlohmann::ordered_json diagnostics_to_json(const Diagnostics& diagnostics);

// Pretty-printed, one trailing newline; invalid UTF-8 in messages is
// replaced, never thrown on.
void render_json(std::ostream& out, const Diagnostics& diagnostics);

// JSON text of a value, with the same rules (for the other JSON writers).
std::string dump_json(const nlohmann::ordered_json& value);

}  // namespace gradus

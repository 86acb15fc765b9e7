#pragma once
// Values as a clinician reads them: in the unit the protocol wrote
// (`168 spm`, `30 min`, `52%`), grades and choices by name, and missing
// values as the range they may take. One place, so advice and explanations
// agree, in text and JSON.
#include <string>

#include <nlohmann/json.hpp>

#include "dsl/syntax/ast.hpp"
#include "engine/eval/value.hpp"

namespace gradus::eval {

struct Plan;

// A number with at most 10 significant digits, no trailing zeros (`2`, `0.3`).
std::string number_text(double value);
// `168 spm`, `true`, `2+`, `unknown (0..10)`, `unknown`, `undefined`.
std::string show_value(Value value, const ast::Type& type, const Plan& plan);
// A known number as a JSON number in the written unit; a boolean as
// true/false (null when unknown); a grade or choice as its name; a missing
// number as {"unknown": true, "min": lo, "max": hi} (null for an open end);
// an undefined value as {"undefined": true}.
nlohmann::json value_json(Value value, const ast::Type& type, const Plan& plan);

}  // namespace gradus::eval

#pragma once
// Small text pieces shared by the formatter's files: numbers as written and
// counted nouns (`1 day`, `2 days`).
#include <string>
#include <string_view>

#include "dsl/syntax/ast.hpp"

namespace gradus {

// The digits as written; for a quantity built in code with no text, the
// shortest decimal that reads back as the same double.
std::string number_text(const ast::Quantity& quantity);

// Whether the quantity is written as exactly one (`1`, `1.0`), for singulars.
bool is_one(const ast::Quantity& quantity);

// `1 day`, `3 days`: the number then the singular or plural noun.
std::string count_noun(const ast::Quantity& quantity, std::string_view one, std::string_view many);

}  // namespace gradus

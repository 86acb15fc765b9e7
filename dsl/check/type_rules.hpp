#pragma once
// The vocabulary of the type and unit rules (docs/checking.md): which types
// are numeric, how a type is named in a message, the type an input declares,
// and the words a protocol may not reuse as names.
#include <string>
#include <string_view>

#include "dsl/syntax/ast.hpp"

namespace gradus::check {

// Number, Score, Count: plain numbers that mix freely.
bool is_plain(const ast::Type& type);
// Plain, Percent or a Quantity: values arithmetic applies to.
bool is_numeric(const ast::Type& type);
bool is_known(const ast::Type& type);

// "a score 0..10", "spm", "a percent", "a grade of effusion" ...
std::string describe(const ast::Type& type, const ast::Protocol& protocol);
// The unit word for a quantity ("spm"), else describe().
std::string unit_or_kind(const ast::Type& type, const ast::Protocol& protocol);
// The dimension word ("time", "cadence") for a quantity, else describe().
std::string dimension_or_kind(const ast::Type& type, const ast::Protocol& protocol);

// The type values of an input have (`score 0..10` -> Score{0, 10}).
ast::Type input_type(const ast::Input& input, int index);

// A number as written in messages: the literal's own text when it has one.
std::string number_text(const ast::Quantity& q);
// "165 spm", "4%", "30 min".
std::string with_unit(std::string_view number, Unit unit);

bool is_whole(double value);

// Keywords of the expression and statement language; names may not reuse them.
bool is_keyword(std::string_view word);
// Unit spellings (`spm`, `min`, `s` ...): `3 min` must never be ambiguous.
bool is_unit_word(std::string_view word);

// Largest window, rest or count the checker accepts: ten years of days keeps
// every count far inside the engine's integers.
inline constexpr double kMaxCount = 3650;

}  // namespace gradus::check

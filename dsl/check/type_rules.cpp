#include "dsl/check/type_rules.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace gradus::check {

using ast::Type;
using ast::TypeKind;

bool is_plain(const Type& type) {
  return type.kind == TypeKind::Number || type.kind == TypeKind::Score || type.kind == TypeKind::Count;
}

bool is_numeric(const Type& type) {
  return is_plain(type) || type.kind == TypeKind::Percent || type.kind == TypeKind::Quantity;
}

bool is_known(const Type& type) { return type.kind != TypeKind::Unknown; }

namespace {

std::string input_name(const Type& type, const ast::Protocol& protocol) {
  if (type.input >= 0 && static_cast<std::size_t>(type.input) < protocol.inputs.size()) {
    return protocol.inputs[static_cast<std::size_t>(type.input)].name;
  }
  return "an input";
}

std::string format_double(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string describe(const Type& type, const ast::Protocol& protocol) {
  switch (type.kind) {
    case TypeKind::Unknown: return "unknown";
    case TypeKind::Number: return "a number";
    case TypeKind::Score: return "a score " + format_double(type.lo) + ".." + format_double(type.hi);
    case TypeKind::Count: return "a count";
    case TypeKind::Percent: return "a percent";
    case TypeKind::Quantity: return std::string(to_string(type.unit)) + " (" + std::string(to_string(dimension_of(type.unit))) + ")";
    case TypeKind::Grade: return "a grade of " + input_name(type, protocol);
    case TypeKind::Choice: return "a choice of " + input_name(type, protocol);
    case TypeKind::Boolean: return "a condition (true or false)";
  }
  return "unknown";
}

std::string unit_or_kind(const Type& type, const ast::Protocol& protocol) {
  if (type.kind == TypeKind::Quantity) return std::string(to_string(type.unit));
  return describe(type, protocol);
}

std::string dimension_or_kind(const Type& type, const ast::Protocol& protocol) {
  if (type.kind == TypeKind::Quantity) return std::string(to_string(dimension_of(type.unit)));
  return describe(type, protocol);
}

Type input_type(const ast::Input& input, int index) {
  Type t;
  switch (input.type.kind) {
    case ast::InputKind::Score:
      t.kind = TypeKind::Score;
      t.lo = input.type.lo.value;
      t.hi = input.type.hi.value;
      break;
    case ast::InputKind::Flag: t.kind = TypeKind::Boolean; break;
    case ast::InputKind::Count: t.kind = TypeKind::Count; break;
    case ast::InputKind::Percent: t.kind = TypeKind::Percent; break;
    case ast::InputKind::Quantity:
      t.kind = TypeKind::Quantity;
      t.unit = input.type.unit;
      break;
    case ast::InputKind::Levels:
      t.kind = TypeKind::Grade;
      t.input = index;
      break;
    case ast::InputKind::OneOf:
      t.kind = TypeKind::Choice;
      t.input = index;
      break;
  }
  return t;
}

std::string number_text(const ast::Quantity& q) {
  if (!q.text.empty()) return q.text;
  return format_double(q.value);
}

std::string with_unit(std::string_view number, Unit unit) {
  std::string s(number);
  if (unit == Unit::None) return s;
  if (unit != Unit::Percent) s += ' ';
  s += to_string(unit);
  return s;
}

bool is_whole(double value) { return std::isfinite(value) && std::floor(value) == value; }

bool is_keyword(std::string_view word) {
  // The words an expression reserves (the grammar will not read them as
  // names), plus `ago` (windows) and true/false, kept free for literals.
  static constexpr std::array<std::string_view, 10> kKeywords = {"and", "or", "not", "if", "then",
                                                                 "for", "over", "ago", "true", "false"};
  for (auto k : kKeywords) {
    if (k == word) return true;
  }
  return false;
}

bool is_unit_word(std::string_view word) {
  return word != "%" && parse_unit(word).has_value();
}

}  // namespace gradus::check

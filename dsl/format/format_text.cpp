#include "dsl/format/format_text.hpp"

#include <charconv>
#include <system_error>

#include "dsl/format/format_expr.hpp"

namespace gradus {

std::string number_text(const ast::Quantity& quantity) {
  if (!quantity.text.empty()) return quantity.text;
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, quantity.value);
  if (result.ec != std::errc{}) return "0";
  return std::string(buffer, result.ptr);
}

bool is_one(const ast::Quantity& quantity) {
  return quantity.value == 1.0;
}

std::string count_noun(const ast::Quantity& quantity, std::string_view one, std::string_view many) {
  std::string out = number_text(quantity);
  out += ' ';
  out += is_one(quantity) ? one : many;
  return out;
}

std::string quote_string(const std::string& text) {
  // The language has no escapes (grammar.hpp: a string is any characters
  // but '"' up to the closing quote on the same line), so the text goes back
  // between quotes exactly as it was read.
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

}  // namespace gradus

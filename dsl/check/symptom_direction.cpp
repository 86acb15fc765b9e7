#include "dsl/check/symptom_direction.hpp"

#include <array>
#include <cctype>
#include <string>

namespace gradus {

bool is_symptom_name(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "pain", "sore", "stiff", "swell", "tender", "effusion", "ache", "numb", "limp", "red_flag"};
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto word : kWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

SymptomDirection symptom_direction(const ast::Input& input) {
  if (!is_symptom_name(input.name)) return SymptomDirection::None;
  switch (input.type.kind) {
    case ast::InputKind::Score:
    case ast::InputKind::Count:
    case ast::InputKind::Percent:
    case ast::InputKind::Quantity:
    case ast::InputKind::Levels:
      return SymptomDirection::HigherWorse;
    case ast::InputKind::Flag:
      return SymptomDirection::TrueWorse;
    case ast::InputKind::OneOf:
      // Unordered choices have a direction only when the first is "no symptom".
      if (!input.type.names.empty() && (input.type.names.front() == "none" || input.type.names.front() == "no"))
        return SymptomDirection::NotFirstWorse;
      return SymptomDirection::None;
  }
  return SymptomDirection::None;
}

}  // namespace gradus

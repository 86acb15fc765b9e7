#include "engine/fit/base_type.hpp"


namespace gradus::fit {

BaseType base_type_from_byte(std::uint8_t byte) {
  const std::uint8_t number = byte & 0x1F;
  return number < kBaseTypeCount ? static_cast<BaseType>(number) : BaseType::Byte;
}

bool is_signed(BaseType type) {
  return type == BaseType::Sint8 || type == BaseType::Sint16 || type == BaseType::Sint32 || type == BaseType::Sint64;
}

bool is_float(BaseType type) { return type == BaseType::Float32 || type == BaseType::Float64; }

const char* to_string(BaseType type) {
  static constexpr const char* kNames[kBaseTypeCount] = {
      "enum",    "sint8",   "uint8",  "sint16", "uint16", "sint32", "uint32", "string", "float32",
      "float64", "uint8z",  "uint16z", "uint32z", "byte", "sint64", "uint64", "uint64z"};
  return kNames[static_cast<int>(type)];
}


}  // namespace gradus::fit

#include "engine/fit/base_type.hpp"

#include <bit>
#include <cmath>

namespace gradus::fit {

BaseType base_type_from_byte(std::uint8_t byte) {
  const std::uint8_t number = byte & 0x1F;
  return number < kBaseTypeCount ? static_cast<BaseType>(number) : BaseType::Byte;
}

std::uint8_t base_type_size(BaseType type) {
  switch (type) {
    case BaseType::Sint16: case BaseType::Uint16: case BaseType::Uint16z: return 2;
    case BaseType::Sint32: case BaseType::Uint32: case BaseType::Uint32z: case BaseType::Float32: return 4;
    case BaseType::Float64: case BaseType::Sint64: case BaseType::Uint64: case BaseType::Uint64z: return 8;
    default: return 1;
  }
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

bool raw_is_invalid(BaseType type, std::uint64_t raw) {
  switch (type) {
    case BaseType::Enum: case BaseType::Uint8: case BaseType::Byte: return raw == 0xFF;
    case BaseType::Sint8: return static_cast<std::int64_t>(raw) == 0x7F;
    case BaseType::Sint16: return static_cast<std::int64_t>(raw) == 0x7FFF;
    case BaseType::Uint16: return raw == 0xFFFF;
    case BaseType::Sint32: return static_cast<std::int64_t>(raw) == 0x7FFFFFFF;
    case BaseType::Uint32: return raw == 0xFFFFFFFFu;
    case BaseType::String: return raw == 0;
    case BaseType::Float32: case BaseType::Float64: {
      // The invalid pattern is all ones, which is a NaN; any NaN is unusable.
      return std::isnan(std::bit_cast<double>(raw));
    }
    case BaseType::Uint8z: case BaseType::Uint16z: case BaseType::Uint32z: case BaseType::Uint64z: return raw == 0;
    case BaseType::Sint64: return raw == 0x7FFFFFFFFFFFFFFFull;
    case BaseType::Uint64: return raw == 0xFFFFFFFFFFFFFFFFull;
  }
  return false;
}

}  // namespace gradus::fit

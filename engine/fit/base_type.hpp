#pragma once
// FIT base types: the 17 wire types, their element sizes and invalid values.
// A base-type byte carries an endian-ability flag in bit 7 and the type
// number in bits 0-4; we key everything on the number so a file that omits
// the flag (some do) still decodes.
#include <bit>
#include <cmath>
#include <cstdint>

namespace gradus::fit {

enum class BaseType : std::uint8_t {
  Enum = 0,
  Sint8 = 1,
  Uint8 = 2,
  Sint16 = 3,
  Uint16 = 4,
  Sint32 = 5,
  Uint32 = 6,
  String = 7,
  Float32 = 8,
  Float64 = 9,
  Uint8z = 10,
  Uint16z = 11,
  Uint32z = 12,
  Byte = 13,
  Sint64 = 14,
  Uint64 = 15,
  Uint64z = 16,
};

inline constexpr int kBaseTypeCount = 17;

// The type of a base-type byte from a definition; unknown numbers read as Byte
// (an opaque array), so the declared size is still consumed.
BaseType base_type_from_byte(std::uint8_t byte);
// Bytes per element (1 for String and Byte).
constexpr std::uint8_t base_type_size(BaseType type) {
  constexpr std::uint8_t kSizes[kBaseTypeCount] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};
  return kSizes[static_cast<std::uint8_t>(type)];
}
bool is_signed(BaseType type);
bool is_float(BaseType type);
const char* to_string(BaseType type);

// An element as stored by the decoder: integers zero- or sign-extended to 64
// bits, floats widened to double and stored by bit pattern. `raw_is_invalid`
// answers on the element as it was on the wire.
inline bool raw_is_invalid(BaseType type, std::uint64_t raw) {
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

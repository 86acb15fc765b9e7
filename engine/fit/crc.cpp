#include "engine/fit/crc.hpp"

namespace gradus::fit {

std::uint16_t crc16(std::uint16_t crc, std::uint8_t byte) {
  static constexpr std::uint16_t kTable[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                               0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};
  std::uint16_t tmp = kTable[crc & 0xF];
  crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
  crc = static_cast<std::uint16_t>(crc ^ tmp ^ kTable[byte & 0xF]);
  tmp = kTable[crc & 0xF];
  crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
  crc = static_cast<std::uint16_t>(crc ^ tmp ^ kTable[(byte >> 4) & 0xF]);
  return crc;
}

namespace {

// The same CRC eight bytes at a time ("slicing by 8"). The FIT CRC is the
// reflected CRC-16 (ARC) and linear, so from state 0 the CRC of bytes
// x0..x7 is T7[x0] ^ T6[x1] ^ ... ^ T0[x7], where Tk[v] is the CRC of v
// followed by k zero bytes; the running 16-bit state folds into x0 and x1.
// Several times faster than a byte (or nibble) at a time, which matters
// because the whole file passes through here.
struct SliceTables {
  std::uint16_t t[8][256];
  constexpr SliceTables() : t() {
    constexpr std::uint16_t kNibble[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                           0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};
    for (unsigned b = 0; b < 256; ++b) {
      std::uint16_t crc = 0;
      std::uint16_t tmp = kNibble[crc & 0xF];
      crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFF) ^ tmp ^ kNibble[b & 0xF]);
      tmp = kNibble[crc & 0xF];
      crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFF) ^ tmp ^ kNibble[(b >> 4) & 0xF]);
      t[0][b] = crc;
    }
    for (int k = 1; k < 8; ++k)
      for (unsigned b = 0; b < 256; ++b)
        t[k][b] = static_cast<std::uint16_t>((t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xFF]);
  }
};

constexpr SliceTables kTables;

}  // namespace

std::uint16_t crc16(const std::uint8_t* data, std::size_t size, std::uint16_t crc) {
  const auto& t = kTables.t;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    const std::uint8_t* p = data + i;
    crc = static_cast<std::uint16_t>(t[7][(p[0] ^ crc) & 0xFF] ^ t[6][(p[1] ^ (crc >> 8)) & 0xFF] ^ t[5][p[2]] ^
                                     t[4][p[3]] ^ t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]]);
  }
  for (; i < size; ++i) crc = static_cast<std::uint16_t>((crc >> 8) ^ t[0][(crc ^ data[i]) & 0xFF]);
  return crc;
}

}  // namespace gradus::fit

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

std::uint16_t crc16(const std::uint8_t* data, std::size_t size, std::uint16_t crc) {
  for (std::size_t i = 0; i < size; ++i) crc = crc16(crc, data[i]);
  return crc;
}

}  // namespace gradus::fit

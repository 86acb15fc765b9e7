#pragma once
// The FIT protocol's CRC-16 (the nibble-table form from the FIT SDK).
#include <cstddef>
#include <cstdint>

namespace gradus::fit {

std::uint16_t crc16(std::uint16_t crc, std::uint8_t byte);
std::uint16_t crc16(const std::uint8_t* data, std::size_t size, std::uint16_t crc = 0);

}  // namespace gradus::fit

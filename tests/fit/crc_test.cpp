#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "engine/fit/crc.hpp"

using gradus::fit::crc16;

TEST_CASE("the buffer CRC (sliced) equals the byte-at-a-time FIT CRC", "[fit][crc]") {
  std::mt19937 rng(7);
  for (std::size_t size : {0u, 1u, 2u, 7u, 8u, 9u, 15u, 16u, 17u, 100u, 1001u}) {
    std::vector<std::uint8_t> data(size);
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    for (std::uint16_t seed : {std::uint16_t{0}, std::uint16_t{0xBEEF}}) {
      std::uint16_t slow = seed;
      for (auto b : data) slow = crc16(slow, b);
      CHECK(crc16(data.data(), data.size(), seed) == slow);
    }
  }
}

TEST_CASE("a FIT file's CRC over its own CRC bytes is zero", "[fit][crc]") {
  // The 12-byte header of the FIT SDK's Activity.fit example and its CRC.
  std::vector<std::uint8_t> header = {12, 0x10, 0x47, 0x00, 0xF7, 0x02, 0x00, 0x00, '.', 'F', 'I', 'T'};
  const std::uint16_t crc = crc16(header.data(), header.size());
  header.push_back(static_cast<std::uint8_t>(crc));
  header.push_back(static_cast<std::uint8_t>(crc >> 8));
  CHECK(crc16(header.data(), header.size()) == 0);
}

// Damaged real files: random byte changes and cuts must never read out of
// bounds (run under AddressSanitizer), hang, or pass silently when the
// framing is broken.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "engine/fit/decoder.hpp"
#include "tests/fit/corpus.hpp"

using namespace gradus::fit;
using namespace gradus::fit::testing;

TEST_CASE("random byte changes in real files never break the decoder", "[fit][robustness]") {
  std::mt19937 rng(20261121);
  DecodeOptions no_crc;  // let the damage reach the record parser
  no_crc.check_crc = false;
  for (const char* name : {"garmin-fenix-5-run", "Activity", "compressed-speed-distance", "antfs-dump.63"}) {
    const auto original = read_bytes(corpus_dir() + "/" + name + ".fit");
    for (int trial = 0; trial < 300; ++trial) {
      auto bytes = original;
      const int changes = 1 + static_cast<int>(rng() % 8);
      for (int c = 0; c < changes; ++c) bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
      const auto r = decode(bytes, no_crc);
      if (r.error) CHECK(r.error->offset <= bytes.size());
      // With the CRC on, a change the CRC can see must not pass silently.
      const auto strict = decode(bytes);
      if (bytes != original) CHECK_FALSE(strict.ok());
    }
  }
}

TEST_CASE("every cut of a real file is reported", "[fit][robustness]") {
  const auto original = read_bytes(corpus_dir() + "/garmin-fenix-5-walk.fit");
  for (std::size_t n = 0; n < original.size(); n += 7) {
    const std::vector<std::uint8_t> cut(original.begin(), original.begin() + static_cast<std::ptrdiff_t>(n));
    const auto r = decode(cut);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->offset <= n);
  }
}

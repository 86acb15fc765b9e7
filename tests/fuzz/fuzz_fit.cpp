// Fuzz target: any bytes as a FIT file decode or stop with an error at a
// byte offset; no read out of bounds (ASan), no hang. Session metrics are
// computed from whatever decoded.
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/fit/decoder.hpp"
#include "engine/fit/session_metrics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus::fit::DecodeResult result = gradus::fit::decode(std::span<const std::uint8_t>(data, size));
  (void)gradus::fit::session_metrics(result.file);
  gradus::fit::DecodeOptions lenient;
  lenient.check_crc = false;
  (void)gradus::fit::decode(std::span<const std::uint8_t>(data, size), lenient);
  return 0;
}

#pragma once
// Decodes FIT bytes into a FitFile. Handles 12/14-byte headers (and their
// CRC), chained files, normal and compressed-timestamp record headers, both
// byte orders, every base type, developer fields (named through
// field_description), and the file CRC. Every read is bounds-checked; the
// first unrecoverable problem stops decoding with an Error at its byte
// offset, keeping the messages decoded before it (as FitCSVTool does).
// Linear in the input; memory proportional to the input.
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/fit/fit_file.hpp"

namespace gradus::fit {

struct DecodeOptions {
  bool check_crc = true;      // header and file CRCs
  bool keep_invalid = false;  // store fields whose every element is the invalid value
  // Real activity files are under 10 MB. Larger input is refused before
  // decoding; read_fit_file (read_fit.hpp) applies the same cap before reading.
  std::size_t max_bytes = 64u << 20;
};

DecodeResult decode(std::span<const std::uint8_t> bytes, const DecodeOptions& options = {});

}  // namespace gradus::fit

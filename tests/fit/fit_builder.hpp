#pragma once
// Builds FIT bytes in tests: definitions (either byte order, developer
// fields), data messages, compressed-timestamp headers, and the framing
// (12/14-byte header, data size, CRCs), with knobs to damage each part.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/fit/crc.hpp"

namespace gradus::fit::testing {

using Bytes = std::vector<std::uint8_t>;

struct FieldSpec {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;  // the wire byte, e.g. 0x84 for uint16
};

struct DevFieldSpec {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t developer_index;
};

inline void put_u16(Bytes& b, std::uint16_t v, bool big_endian = false) {
  if (big_endian) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
  } else {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
  }
}

inline void put_u32(Bytes& b, std::uint32_t v, bool big_endian = false) {
  for (int i = 0; i < 4; ++i) {
    const int shift = big_endian ? 8 * (3 - i) : 8 * i;
    b.push_back(static_cast<std::uint8_t>(v >> shift));
  }
}

inline void put_u64(Bytes& b, std::uint64_t v, bool big_endian = false) {
  for (int i = 0; i < 8; ++i) {
    const int shift = big_endian ? 8 * (7 - i) : 8 * i;
    b.push_back(static_cast<std::uint8_t>(v >> shift));
  }
}

class FitBuilder {
 public:
  FitBuilder& definition(std::uint8_t local, std::uint16_t global, const std::vector<FieldSpec>& fields,
                         bool big_endian = false, const std::vector<DevFieldSpec>& dev = {}) {
    data_.push_back(static_cast<std::uint8_t>(0x40 | (dev.empty() ? 0 : 0x20) | (local & 0x0F)));
    data_.push_back(0);
    data_.push_back(big_endian ? 1 : 0);
    put_u16(data_, global, big_endian);
    data_.push_back(static_cast<std::uint8_t>(fields.size()));
    for (const auto& f : fields) data_.insert(data_.end(), {f.number, f.size, f.base_type});
    if (!dev.empty()) {
      data_.push_back(static_cast<std::uint8_t>(dev.size()));
      for (const auto& f : dev) data_.insert(data_.end(), {f.number, f.size, f.developer_index});
    }
    return *this;
  }
  FitBuilder& data(std::uint8_t local, const Bytes& payload) {
    data_.push_back(local & 0x0F);
    data_.insert(data_.end(), payload.begin(), payload.end());
    return *this;
  }
  FitBuilder& compressed(std::uint8_t local, std::uint8_t time_offset, const Bytes& payload) {
    data_.push_back(static_cast<std::uint8_t>(0x80 | ((local & 3) << 5) | (time_offset & 0x1F)));
    data_.insert(data_.end(), payload.begin(), payload.end());
    return *this;
  }
  FitBuilder& raw(const Bytes& bytes) {
    data_.insert(data_.end(), bytes.begin(), bytes.end());
    return *this;
  }

  struct Framing {
    std::uint8_t header_size = 14;
    std::optional<std::uint32_t> data_size;  // override the true size
    bool corrupt_header_crc = false;
    bool corrupt_file_crc = false;
    const char* signature = ".FIT";
  };

  Bytes build(const Framing& framing) const {
    Bytes out;
    out.push_back(framing.header_size);
    out.push_back(0x20);  // protocol 2.0
    put_u16(out, 2195);
    put_u32(out, framing.data_size.value_or(static_cast<std::uint32_t>(data_.size())));
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(framing.signature[i]));
    if (framing.header_size >= 14) {
      std::uint16_t crc = crc16(out.data(), 12);
      if (framing.corrupt_header_crc) crc ^= 0x5A5A;
      put_u16(out, crc);
      for (std::size_t i = 14; i < framing.header_size; ++i) out.push_back(0);
    }
    out.insert(out.end(), data_.begin(), data_.end());
    std::uint16_t crc = crc16(out.data(), out.size());
    if (framing.corrupt_file_crc) crc ^= 0x1234;
    put_u16(out, crc);
    return out;
  }
  Bytes build() const { return build(Framing{}); }

  const Bytes& data_bytes() const { return data_; }

 private:
  Bytes data_;
};

}  // namespace gradus::fit::testing

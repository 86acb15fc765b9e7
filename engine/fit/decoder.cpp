#include "engine/fit/decoder.hpp"

#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/fit/crc.hpp"
#include "engine/fit/profile.hpp"

namespace gradus::fit {
namespace {

constexpr std::size_t kMinHeaderSize = 12;
constexpr std::uint8_t kCompressedSpeedDistanceField = 8;
constexpr std::uint8_t kRecordDistanceField = 5;
constexpr std::uint8_t kRecordSpeedField = 6;

struct FieldDef {
  std::uint8_t number = 0;
  std::uint8_t size = 0;
  BaseType type = BaseType::Byte;
  std::uint8_t count = 0;  // whole elements in `size` (strings: size)
};

struct DevFieldDef {
  std::uint8_t number = 0;
  std::uint8_t size = 0;
  std::uint8_t developer_index = 0;
  std::int32_t description = -1;  // into FitFile::developer_fields, -1 until resolved
  bool warned = false;
};

struct LocalDefinition {
  bool defined = false;
  bool big_endian = false;
  std::uint16_t global = 0;
  std::size_t data_size = 0;  // bytes of one data message after its header
  bool has_compressed_speed_distance = false;
  std::vector<FieldDef> fields;
  std::vector<DevFieldDef> dev_fields;
};

std::uint16_t get_u16(const std::uint8_t* p, bool big_endian) {
  return big_endian ? static_cast<std::uint16_t>((p[0] << 8) | p[1]) : static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::uint32_t get_u32(const std::uint8_t* p, bool big_endian) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);
  if (big_endian != (std::endian::native == std::endian::big)) v = __builtin_bswap32(v);
  return v;
}

std::uint64_t get_u64(const std::uint8_t* p, bool big_endian) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, 8);
  if (big_endian != (std::endian::native == std::endian::big)) v = __builtin_bswap64(v);
  return v;
}

// One element in the FitFile encoding (base_type.hpp): integers extended to
// 64 bits, floats widened to double bits.
[[gnu::always_inline]] inline std::uint64_t read_element(const std::uint8_t* p, BaseType type, bool big_endian) {
  switch (type) {
    case BaseType::Sint8: return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int8_t>(p[0])));
    case BaseType::Sint16:
      return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int16_t>(get_u16(p, big_endian))));
    case BaseType::Uint16: case BaseType::Uint16z: return get_u16(p, big_endian);
    case BaseType::Sint32:
      return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(get_u32(p, big_endian))));
    case BaseType::Uint32: case BaseType::Uint32z: return get_u32(p, big_endian);
    case BaseType::Float32: {
      const std::uint32_t bits = get_u32(p, big_endian);
      // The invalid pattern (all ones) must stay a NaN after widening.
      if (bits == 0xFFFFFFFFu) return 0xFFFFFFFFFFFFFFFFull;
      return std::bit_cast<std::uint64_t>(static_cast<double>(std::bit_cast<float>(bits)));
    }
    case BaseType::Float64: case BaseType::Sint64: case BaseType::Uint64: case BaseType::Uint64z:
      return get_u64(p, big_endian);
    default: return p[0];
  }
}

class Decoder {
 public:
  Decoder(std::span<const std::uint8_t> bytes, const DecodeOptions& options, DecodeResult& out)
      : bytes_(bytes), options_(options), out_(out), file_(out.file) {
    // Typical activity files hold one stored field per 5-10 bytes.
    file_.messages.reserve(bytes.size() / 40);
    file_.fields.reserve(bytes.size() / 8);
    file_.elements.reserve(bytes.size() / 8);
  }

  void run() {
    if (bytes_.empty()) return fail(0, "empty input: not a FIT file");
    std::size_t pos = 0;
    while (pos < bytes_.size()) {
      if (!decode_file(pos)) return;
    }
  }

 private:
  void fail(std::size_t offset, std::string message) {
    if (!out_.error) out_.error = Error{offset, std::move(message)};
  }
  void warn(std::size_t offset, std::string message) { out_.warnings.push_back(Error{offset, std::move(message)}); }

  void reset_file_state() {
    for (auto& def : defs_) def = LocalDefinition{};
    have_timestamp_ = false;
    last_timestamp_ = 0;
    distance_last_ = 0;
    distance_accum_ = 0;
    developer_lookup_.clear();
  }

  // One FIT file (header, data, CRC) starting at `pos`; advances `pos`.
  bool decode_file(std::size_t& pos) {
    const std::size_t start = pos;
    const std::size_t available = bytes_.size() - start;
    if (available < kMinHeaderSize) {
      fail(bytes_.size(), start == 0 ? "file is too short for a FIT header (" + std::to_string(available) + " bytes)"
                                     : "unexpected end of input: " + std::to_string(available) +
                                           " trailing bytes are too short for a chained FIT header");
      return false;
    }
    const std::uint8_t* h = bytes_.data() + start;
    const std::size_t header_size = h[0];
    if (header_size < kMinHeaderSize) {
      fail(start, "bad FIT header: header size " + std::to_string(header_size) + " is less than 12");
      return false;
    }
    if (header_size > available) {
      fail(bytes_.size(), "unexpected end of input inside the " + std::to_string(header_size) + "-byte FIT header");
      return false;
    }
    if (std::memcmp(h + 8, ".FIT", 4) != 0) {
      std::string tag;
      for (int i = 8; i < 12; ++i) tag += (h[i] >= 0x20 && h[i] < 0x7F) ? static_cast<char>(h[i]) : '?';
      fail(start + 8, "not a FIT file: header data type is '" + tag + "', expected '.FIT'");
      return false;
    }
    if (options_.check_crc && header_size >= 14) {
      const std::uint16_t stored = get_u16(h + 12, false);
      if (stored != 0 && stored != crc16(h, 12)) {
        fail(start + 12, "FIT header CRC mismatch");
        return false;
      }
    }
    const std::size_t data_size = get_u32(h + 4, false);
    const std::size_t data_begin = start + header_size;
    const std::size_t data_end = data_begin + data_size;  // may lie beyond the input
    const std::size_t limit = std::min(data_end, bytes_.size());
    ++file_.file_count;
    reset_file_state();

    std::size_t p = data_begin;
    while (p < limit) {
      if (!decode_record(p, limit, data_end)) return false;
    }
    if (data_end > bytes_.size()) {
      fail(bytes_.size(), "unexpected end of input: the header declares " + std::to_string(data_size) +
                              " data bytes but the file ends " + std::to_string(data_end - bytes_.size()) +
                              " bytes short of them");
      return false;
    }
    if (data_end + 2 > bytes_.size()) {
      fail(bytes_.size(), "unexpected end of input: the file CRC is missing");
      return false;
    }
    if (options_.check_crc) {
      const std::uint16_t stored = get_u16(bytes_.data() + data_end, false);
      const std::uint16_t computed = crc16(h, header_size + data_size);
      if (stored != computed) {
        fail(data_end, "file CRC mismatch (stored 0x" + hex16(stored) + ", computed 0x" + hex16(computed) + ")");
        return false;
      }
    }
    pos = data_end + 2;
    return true;
  }

  static std::string hex16(std::uint16_t v) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s(4, '0');
    for (int i = 3; i >= 0; --i, v = static_cast<std::uint16_t>(v >> 4)) s[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
    return s;
  }

  void fail_truncated(std::size_t at, std::size_t need, std::size_t limit, std::size_t data_end, const char* what) {
    if (at + need > bytes_.size() || data_end > bytes_.size()) {
      fail(std::min(limit, bytes_.size()), std::string("unexpected end of input inside a ") + what +
                                               " starting at byte " + std::to_string(at));
    } else {
      fail(at, std::string("a ") + what + " runs past the end of the data declared in the header");
    }
  }

  bool decode_record(std::size_t& p, std::size_t limit, std::size_t data_end) {
    const std::size_t at = p;
    const std::uint8_t header = bytes_[p];
    if (header & 0x80) {
      const std::uint8_t local = (header >> 5) & 0x03;
      const std::uint32_t offset = header & 0x1Fu;
      if (!have_timestamp_ && !warned_no_base_) {
        warn(at, "compressed-timestamp header before any timestamp; using 0 as the base");
        warned_no_base_ = true;
      }
      const std::uint32_t ts = last_timestamp_ + ((offset - (last_timestamp_ & 0x1Fu)) & 0x1Fu);
      last_timestamp_ = ts;
      have_timestamp_ = true;
      return decode_data(p, local, limit, data_end, true, ts);
    }
    if (header & 0x40) return decode_definition(p, limit, data_end);
    return decode_data(p, header & 0x0F, limit, data_end, false, 0);
  }

  bool decode_definition(std::size_t& p, std::size_t limit, std::size_t data_end) {
    const std::size_t at = p;
    const std::uint8_t header = bytes_[p];
    const bool has_dev = (header & 0x20) != 0;
    const std::uint8_t local = header & 0x0F;
    if (at + 6 > limit) {
      fail_truncated(at, 6, limit, data_end, "definition message");
      return false;
    }
    const std::uint8_t* d = bytes_.data() + at + 1;
    const std::uint8_t arch = d[1];
    if (arch > 1) {
      fail(at + 2, "bad definition message: architecture byte " + std::to_string(arch) + " is neither 0 nor 1");
      return false;
    }
    LocalDefinition& def = defs_[local];
    def = LocalDefinition{};
    def.big_endian = arch == 1;
    def.global = get_u16(d + 2, def.big_endian);
    const std::size_t num_fields = d[4];
    std::size_t q = at + 6;
    if (q + 3 * num_fields > limit) {
      fail_truncated(at, 6 + 3 * num_fields, limit, data_end, "definition message");
      return false;
    }
    def.fields.resize(num_fields);
    for (std::size_t i = 0; i < num_fields; ++i, q += 3) {
      FieldDef& f = def.fields[i];
      f.number = bytes_[q];
      f.size = bytes_[q + 1];
      f.type = base_type_from_byte(bytes_[q + 2]);
      f.count = static_cast<std::uint8_t>(f.size / base_type_size(f.type));
      def.data_size += f.size;
      def.has_compressed_speed_distance |= def.global == mesg::kRecord && f.number == kCompressedSpeedDistanceField;
    }
    if (has_dev) {
      if (q + 1 > limit) {
        fail_truncated(at, q + 1 - at, limit, data_end, "definition message");
        return false;
      }
      const std::size_t num_dev = bytes_[q++];
      if (q + 3 * num_dev > limit) {
        fail_truncated(at, q + 3 * num_dev - at, limit, data_end, "definition message");
        return false;
      }
      def.dev_fields.resize(num_dev);
      for (std::size_t i = 0; i < num_dev; ++i, q += 3) {
        DevFieldDef& f = def.dev_fields[i];
        f.number = bytes_[q];
        f.size = bytes_[q + 1];
        f.developer_index = bytes_[q + 2];
        f.description = find_description(f.developer_index, f.number);
        def.data_size += f.size;
      }
    }
    def.defined = true;
    p = q;
    return true;
  }

  std::int32_t find_description(std::uint8_t developer_index, std::uint8_t number) const {
    const auto it = developer_lookup_.find(static_cast<std::uint16_t>((developer_index << 8) | number));
    return it == developer_lookup_.end() ? -1 : static_cast<std::int32_t>(it->second);
  }

  bool decode_data(std::size_t& p, std::uint8_t local, std::size_t limit, std::size_t data_end, bool compressed,
                   std::uint32_t compressed_ts) {
    const std::size_t at = p;
    LocalDefinition& def = defs_[local];
    if (!def.defined) {
      fail(at, "data message uses local message type " + std::to_string(local) + ", which has no definition");
      return false;
    }
    if (at + 1 + def.data_size > limit) {
      fail_truncated(at, 1 + def.data_size, limit, data_end, "data message");
      return false;
    }
    Message m;
    m.global = def.global;
    m.local = local;
    m.compressed_header = compressed;
    m.offset = at;
    m.first_field = static_cast<std::uint32_t>(file_.fields.size());
    if (compressed) {
      m.has_timestamp = true;
      m.timestamp = compressed_ts;
    }
    const std::uint8_t* q = bytes_.data() + at + 1;
    const bool keep_invalid = options_.keep_invalid;
    for (const FieldDef& fd : def.fields) {
      if (fd.count == 1 && fd.type != BaseType::String) {
        // The common case, inline: one numeric element.
        const std::uint64_t raw = read_element(q, fd.type, def.big_endian);
        if (keep_invalid || !raw_is_invalid(fd.type, raw)) {
          Field f;
          f.number = fd.number;
          f.type = fd.type;
          f.count = 1;
          f.payload = raw;
          file_.fields.push_back(f);
          if (fd.number == kTimestampField && !compressed) note_timestamp(m);
        }
      } else if (add_field(fd.number, fd.type, fd.size, fd.count, kNativeField, 0, q, def.big_endian) &&
                 fd.number == kTimestampField && !compressed) {
        note_timestamp(m);
      }
      q += fd.size;
    }
    for (DevFieldDef& dd : def.dev_fields) {
      if (dd.description < 0) dd.description = find_description(dd.developer_index, dd.number);
      if (dd.description < 0) {
        if (!dd.warned) {
          warn(at, "developer field " + std::to_string(dd.number) + " refers to developer data index " +
                       std::to_string(dd.developer_index) + ", which has no field_description; skipped");
          dd.warned = true;
        }
      } else {
        const auto& desc = file_.developer_fields[static_cast<std::size_t>(dd.description)];
        add_field(dd.number, desc.type, dd.size, static_cast<std::uint8_t>(dd.size / base_type_size(desc.type)),
                  dd.developer_index, static_cast<std::uint16_t>(dd.description), q, def.big_endian);
      }
      q += dd.size;
    }
    m.field_count = static_cast<std::uint32_t>(file_.fields.size()) - m.first_field;
    if (def.has_compressed_speed_distance) expand_compressed_speed_distance(m);
    file_.messages.push_back(m);
    if (m.global == mesg::kFieldDescription) register_description(file_.messages.back(), at);
    p = at + 1 + def.data_size;
    return true;
  }

  // Appends the field unless it holds no valid element (FitCSVTool's
  // "invalid values are omitted"; DecodeOptions::keep_invalid keeps them).
  // `count` whole elements of `size` bytes: a size that is not a multiple of
  // the element size keeps its whole elements, and the caller consumes the
  // remainder all the same.
  bool add_field(std::uint8_t number, BaseType type, std::uint8_t size, std::uint8_t count,
                 std::uint8_t developer_index, std::uint16_t description, const std::uint8_t* q, bool big_endian) {
    Field f;
    f.number = number;
    f.type = type;
    f.developer_index = developer_index;
    f.description = description;
    if (type == BaseType::String) {
      std::size_t n = 0;
      while (n < size && q[n] != 0) ++n;
      if (n == 0 && !options_.keep_invalid) return false;
      f.payload = file_.text.size();
      f.count = static_cast<std::uint16_t>(n);
      file_.text.append(reinterpret_cast<const char*>(q), n);
    } else if (count == 1) {
      const std::uint64_t raw = read_element(q, type, big_endian);
      if (!options_.keep_invalid && raw_is_invalid(type, raw)) return false;
      f.count = 1;
      f.payload = raw;
    } else {
      if (count == 0) return false;
      const std::uint8_t esize = base_type_size(type);
      const std::size_t first = file_.elements.size();
      f.payload = first;
      f.count = count;
      bool any_valid = options_.keep_invalid;
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t raw = read_element(q + i * esize, type, big_endian);
        any_valid = any_valid || !raw_is_invalid(type, raw);
        file_.elements.push_back(raw);
      }
      if (!any_valid) {
        file_.elements.resize(first);
        return false;
      }
    }
    file_.fields.push_back(f);
    return true;
  }

  void note_timestamp(Message& m) {
    const Field& f = file_.fields.back();
    if (f.developer() || f.number != kTimestampField || f.type == BaseType::String || is_float(f.type) ||
        f.count == 0 || !file_.element_valid(f, 0))
      return;
    m.has_timestamp = true;
    m.timestamp = static_cast<std::uint32_t>(file_.element(f, 0));
    last_timestamp_ = m.timestamp;
    have_timestamp_ = true;
  }

  // record.compressed_speed_distance (3 bytes): 12 bits of speed (1/100 m/s)
  // and 12 bits of distance (1/16 m) that roll over; the profile expands it
  // into speed and an accumulated distance. Added only where the record has
  // no speed/distance of its own; an all-invalid field is skipped.
  void expand_compressed_speed_distance(Message& m) {
    const Field* csd = nullptr;
    bool has_speed = false, has_distance = false;
    for (const Field& f : file_.fields_of(m)) {
      if (f.developer()) continue;
      if (f.number == kCompressedSpeedDistanceField) csd = &f;
      if (f.number == kRecordSpeedField) has_speed = true;
      if (f.number == kRecordDistanceField) has_distance = true;
    }
    if (!csd || csd->count < 3 || csd->type != BaseType::Byte || !file_.field_valid(*csd)) return;
    const auto b0 = static_cast<std::uint32_t>(file_.element(*csd, 0));
    const auto b1 = static_cast<std::uint32_t>(file_.element(*csd, 1));
    const auto b2 = static_cast<std::uint32_t>(file_.element(*csd, 2));
    const std::uint32_t speed = b0 | ((b1 & 0x0F) << 8);     // 1/100 m/s
    const std::uint32_t distance = (b1 >> 4) | (b2 << 4);    // 1/16 m, 12 bits
    distance_accum_ += (distance - distance_last_) & 0xFFFu;
    distance_last_ = distance;
    auto push = [&](std::uint8_t number, BaseType type, std::uint64_t value) {
      Field f;
      f.number = number;
      f.type = type;
      f.count = 1;
      f.expanded = true;
      f.payload = value;
      file_.fields.push_back(f);
      ++m.field_count;
    };
    // Convert to the profile fields' units (speed 1/1000 m/s, distance 1/100 m).
    if (!has_speed) push(kRecordSpeedField, BaseType::Uint16, speed * 10u);
    if (!has_distance) push(kRecordDistanceField, BaseType::Uint32, (distance_accum_ * 100 + 8) / 16);
  }

  void register_description(const Message& m, std::size_t at) {
    const MessageView v(file_, m);
    const auto dev_index = v.raw(0);
    const auto number = v.raw(1);
    const auto type = v.raw(2);
    if (!dev_index || !number || !type) {
      warn(at, "field_description without developer_data_index, field_definition_number or fit_base_type_id; ignored");
      return;
    }
    DeveloperFieldDescription d;
    d.developer_index = static_cast<std::uint8_t>(*dev_index);
    d.field_number = static_cast<std::uint8_t>(*number);
    d.type = base_type_from_byte(static_cast<std::uint8_t>(*type));
    if (const Field* f = v.field(3); f && f->type == BaseType::String) d.name = std::string(file_.string(*f));
    if (const Field* f = v.field(8); f && f->type == BaseType::String) d.units = std::string(file_.string(*f));
    if (const auto s = v.raw(6); s && *s != 0) d.scale = static_cast<double>(*s);
    // A string where a number belongs has no element to read (the long fuzz run
    // found this reading past the element table).
    if (const Field* f = v.field(7); f && f->type != BaseType::String && f->count > 0 && file_.element_valid(*f, 0)) {
      d.offset = file_.element_number(*f, 0);
    }
    if (const auto n = v.raw(14)) d.native_mesg = static_cast<std::uint16_t>(*n);
    if (const auto n = v.raw(15)) d.native_field = static_cast<std::uint8_t>(*n);
    if (file_.developer_fields.size() >= 0xFFFF) {
      if (!warned_descriptions_) warn(at, "more than 65535 field_description messages; the rest are ignored");
      warned_descriptions_ = true;
      return;
    }
    const auto index = static_cast<std::uint32_t>(file_.developer_fields.size());
    file_.developer_fields.push_back(std::move(d));
    const auto& stored = file_.developer_fields.back();
    developer_lookup_[static_cast<std::uint16_t>((stored.developer_index << 8) | stored.field_number)] = index;
  }

  std::span<const std::uint8_t> bytes_;
  const DecodeOptions& options_;
  DecodeResult& out_;
  FitFile& file_;
  std::array<LocalDefinition, 16> defs_{};
  bool have_timestamp_ = false;
  bool warned_no_base_ = false;
  bool warned_descriptions_ = false;
  std::uint32_t last_timestamp_ = 0;
  std::uint32_t distance_last_ = 0;
  std::uint64_t distance_accum_ = 0;
  std::unordered_map<std::uint16_t, std::uint32_t> developer_lookup_;
};

}  // namespace

DecodeResult decode(std::span<const std::uint8_t> bytes, const DecodeOptions& options) {
  DecodeResult result;
  if (bytes.size() > options.max_bytes) {
    result.error = Error{options.max_bytes, "the file is " + std::to_string(bytes.size()) +
                                                " bytes, more than the limit of " + std::to_string(options.max_bytes)};
    return result;
  }
  Decoder(bytes, options, result).run();
  return result;
}

}  // namespace gradus::fit

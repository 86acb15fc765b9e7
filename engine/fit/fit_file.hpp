#pragma once
// A decoded FIT file: messages in file order, each with its fields as raw
// wire values. Storage is flat (one array of fields, one of elements, one of
// string bytes for the whole file) so decoding allocates a few growing
// vectors, not one object per field. Scale, offset and names come from the
// profile (profile.hpp) at access time; developer fields carry their own.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fit/base_type.hpp"

namespace gradus::fit {

// A problem found while decoding, at a byte offset into the input.
struct Error {
  std::size_t offset = 0;
  std::string message;
};

inline constexpr std::uint8_t kNativeField = 0xFF;  // Field::developer_index of a profile field
inline constexpr std::uint8_t kTimestampField = 253;

// A field_description (mesg 206) in force when a developer field was read.
struct DeveloperFieldDescription {
  std::uint8_t developer_index = 0;
  std::uint8_t field_number = 0;
  BaseType type = BaseType::Byte;
  std::string name;
  std::string units;
  double scale = 1;   // 1 when the description has none
  double offset = 0;
  std::optional<std::uint16_t> native_mesg;
  std::optional<std::uint8_t> native_field;
};

// 16 bytes. A single numeric element is stored inline in `payload`; arrays
// keep their elements in FitFile::elements and strings their bytes in
// FitFile::text, `payload` being the index of the first.
struct Field {
  std::uint8_t number = 0;
  BaseType type = BaseType::Byte;
  std::uint8_t developer_index = kNativeField;
  bool expanded = false;            // synthesized by component expansion (compressed_speed_distance)
  std::uint16_t count = 0;          // elements (string: bytes before the first NUL)
  std::uint16_t description = 0;    // developer fields: index into FitFile::developer_fields
  std::uint64_t payload = 0;
  bool developer() const { return developer_index != kNativeField; }
  bool inline_value() const { return count == 1 && type != BaseType::String; }
};

struct Message {
  std::uint16_t global = 0;
  std::uint8_t local = 0;
  bool compressed_header = false;
  bool has_timestamp = false;       // field 253 or a compressed-timestamp header
  std::uint32_t timestamp = 0;      // FIT seconds since 1989-12-31 00:00 UTC (or relative, < 0x10000000)
  std::size_t offset = 0;           // of the record header byte
  std::uint32_t first_field = 0;    // into FitFile::fields
  std::uint32_t field_count = 0;
};

class FitFile;

// A light view used by callers: one message and typed access to its fields.
class MessageView {
 public:
  MessageView(const FitFile& file, const Message& message) : file_(&file), message_(&message) {}
  const Message& message() const { return *message_; }
  std::uint16_t global() const { return message_->global; }
  std::span<const Field> fields() const;
  const Field* field(std::uint8_t number) const;                 // native field
  const Field* developer_field(std::string_view name) const;     // by field_name
  // Element `i` of a native field scaled with the profile (or 1/0 for fields
  // the profile does not know); nullopt when absent or invalid.
  std::optional<double> number(std::uint8_t field_number, std::size_t i = 0) const;
  std::optional<std::uint64_t> raw(std::uint8_t field_number, std::size_t i = 0) const;
  std::optional<double> developer_number(std::string_view name, std::size_t i = 0) const;

 private:
  const FitFile* file_;
  const Message* message_;
};

class FitFile {
 public:
  std::vector<Message> messages;
  std::vector<Field> fields;
  std::vector<std::uint64_t> elements;   // see base_type.hpp for the encoding
  std::string text;                      // string field bytes
  std::vector<DeveloperFieldDescription> developer_fields;
  std::size_t file_count = 0;            // FIT files found (chained files count each)

  MessageView view(std::size_t i) const { return MessageView(*this, messages[i]); }
  std::span<const Field> fields_of(const Message& m) const {
    return std::span<const Field>(fields).subspan(m.first_field, m.field_count);
  }
  std::uint64_t element(const Field& f, std::size_t i) const {
    return f.inline_value() ? f.payload : elements[static_cast<std::size_t>(f.payload) + i];
  }
  bool element_valid(const Field& f, std::size_t i) const;
  // Any element valid (FitCSVTool omits a field only when all are invalid).
  bool field_valid(const Field& f) const;
  std::string_view string(const Field& f) const {
    return std::string_view(text).substr(static_cast<std::size_t>(f.payload), f.count);
  }
  // The element as a number before scaling (integers exactly up to 2^53).
  double element_number(const Field& f, std::size_t i) const;
  // Scaled with the profile (native) or the field description (developer).
  double scaled(const Message& m, const Field& f, std::size_t i) const;
  const DeveloperFieldDescription* description(const Field& f) const {
    return f.developer() ? &developer_fields[f.description] : nullptr;
  }
};

struct DecodeResult {
  FitFile file;
  std::optional<Error> error;     // decoding stopped here; messages before it are kept
  std::vector<Error> warnings;    // decoded past these (skipped bytes, odd sizes)
  bool ok() const { return !error.has_value(); }
};

}  // namespace gradus::fit

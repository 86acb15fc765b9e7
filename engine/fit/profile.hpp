#pragma once
// The slice of the FIT profile (Profile.xlsx in the FIT SDK) that gradus
// uses: message numbers, and for the messages we read, field numbers, names,
// scale, offset and units. Value = raw / scale - offset. Fields not listed
// still decode (as raw values); they just have no name here.
#include <cstdint>
#include <span>

namespace gradus::fit {

namespace mesg {
inline constexpr std::uint16_t kFileId = 0;
inline constexpr std::uint16_t kSession = 18;
inline constexpr std::uint16_t kLap = 19;
inline constexpr std::uint16_t kRecord = 20;
inline constexpr std::uint16_t kEvent = 21;
inline constexpr std::uint16_t kDeviceInfo = 23;
inline constexpr std::uint16_t kActivity = 34;
inline constexpr std::uint16_t kFieldDescription = 206;
inline constexpr std::uint16_t kDeveloperDataId = 207;
}  // namespace mesg

struct ProfileField {
  std::uint16_t mesg;
  std::uint8_t number;
  const char* name;
  double scale;
  double offset;
  const char* units;
};

// The profile's name of a message ("record"), or nullptr when outside our slice.
const char* message_name(std::uint16_t global);
// nullptr when the profile slice does not know the field.
const ProfileField* profile_field(std::uint16_t mesg, std::uint8_t number);
// Every field the slice knows for a message, ordered by number.
std::span<const ProfileField> profile_fields(std::uint16_t mesg);

}  // namespace gradus::fit

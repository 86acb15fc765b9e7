#include "engine/fit/profile.hpp"

#include <algorithm>
#include <iterator>

namespace gradus::fit {
namespace {

// Sorted by (mesg, number); checked by a unit test. Names and units follow
// FIT SDK profile 21.x as FitCSVTool prints them.
constexpr ProfileField kFields[] = {
    // file_id (0)
    {0, 0, "type", 1, 0, ""},
    {0, 1, "manufacturer", 1, 0, ""},
    {0, 2, "product", 1, 0, ""},
    {0, 3, "serial_number", 1, 0, ""},
    {0, 4, "time_created", 1, 0, ""},
    {0, 5, "number", 1, 0, ""},
    {0, 8, "product_name", 1, 0, ""},
    // session (18)
    {18, 0, "event", 1, 0, ""},
    {18, 1, "event_type", 1, 0, ""},
    {18, 2, "start_time", 1, 0, ""},
    {18, 3, "start_position_lat", 1, 0, "semicircles"},
    {18, 4, "start_position_long", 1, 0, "semicircles"},
    {18, 5, "sport", 1, 0, ""},
    {18, 6, "sub_sport", 1, 0, ""},
    {18, 7, "total_elapsed_time", 1000, 0, "s"},
    {18, 8, "total_timer_time", 1000, 0, "s"},
    {18, 9, "total_distance", 100, 0, "m"},
    {18, 10, "total_cycles", 1, 0, "cycles"},
    {18, 11, "total_calories", 1, 0, "kcal"},
    {18, 13, "total_fat_calories", 1, 0, "kcal"},
    {18, 14, "avg_speed", 1000, 0, "m/s"},
    {18, 15, "max_speed", 1000, 0, "m/s"},
    {18, 16, "avg_heart_rate", 1, 0, "bpm"},
    {18, 17, "max_heart_rate", 1, 0, "bpm"},
    {18, 18, "avg_cadence", 1, 0, "rpm"},
    {18, 19, "max_cadence", 1, 0, "rpm"},
    {18, 20, "avg_power", 1, 0, "watts"},
    {18, 21, "max_power", 1, 0, "watts"},
    {18, 22, "total_ascent", 1, 0, "m"},
    {18, 23, "total_descent", 1, 0, "m"},
    {18, 24, "total_training_effect", 10, 0, ""},
    {18, 25, "first_lap_index", 1, 0, ""},
    {18, 26, "num_laps", 1, 0, ""},
    {18, 27, "event_group", 1, 0, ""},
    {18, 28, "trigger", 1, 0, ""},
    {18, 29, "nec_lat", 1, 0, "semicircles"},
    {18, 30, "nec_long", 1, 0, "semicircles"},
    {18, 31, "swc_lat", 1, 0, "semicircles"},
    {18, 32, "swc_long", 1, 0, "semicircles"},
    {18, 64, "min_heart_rate", 1, 0, "bpm"},
    {18, 89, "avg_vertical_oscillation", 10, 0, "mm"},
    {18, 90, "avg_stance_time_percent", 100, 0, "percent"},
    {18, 91, "avg_stance_time", 10, 0, "ms"},
    {18, 92, "avg_fractional_cadence", 128, 0, "rpm"},
    {18, 93, "max_fractional_cadence", 128, 0, "rpm"},
    {18, 110, "sport_profile_name", 1, 0, ""},
    {18, 124, "enhanced_avg_speed", 1000, 0, "m/s"},
    {18, 125, "enhanced_max_speed", 1000, 0, "m/s"},
    {18, 132, "avg_vertical_ratio", 100, 0, "percent"},
    {18, 133, "avg_stance_time_balance", 100, 0, "percent"},
    {18, 134, "avg_step_length", 10, 0, "mm"},
    {18, 253, "timestamp", 1, 0, "s"},
    {18, 254, "message_index", 1, 0, ""},
    // lap (19)
    {19, 0, "event", 1, 0, ""},
    {19, 1, "event_type", 1, 0, ""},
    {19, 2, "start_time", 1, 0, ""},
    {19, 3, "start_position_lat", 1, 0, "semicircles"},
    {19, 4, "start_position_long", 1, 0, "semicircles"},
    {19, 5, "end_position_lat", 1, 0, "semicircles"},
    {19, 6, "end_position_long", 1, 0, "semicircles"},
    {19, 7, "total_elapsed_time", 1000, 0, "s"},
    {19, 8, "total_timer_time", 1000, 0, "s"},
    {19, 9, "total_distance", 100, 0, "m"},
    {19, 10, "total_cycles", 1, 0, "cycles"},
    {19, 11, "total_calories", 1, 0, "kcal"},
    {19, 12, "total_fat_calories", 1, 0, "kcal"},
    {19, 13, "avg_speed", 1000, 0, "m/s"},
    {19, 14, "max_speed", 1000, 0, "m/s"},
    {19, 15, "avg_heart_rate", 1, 0, "bpm"},
    {19, 16, "max_heart_rate", 1, 0, "bpm"},
    {19, 17, "avg_cadence", 1, 0, "rpm"},
    {19, 18, "max_cadence", 1, 0, "rpm"},
    {19, 19, "avg_power", 1, 0, "watts"},
    {19, 20, "max_power", 1, 0, "watts"},
    {19, 21, "total_ascent", 1, 0, "m"},
    {19, 22, "total_descent", 1, 0, "m"},
    {19, 23, "intensity", 1, 0, ""},
    {19, 24, "lap_trigger", 1, 0, ""},
    {19, 25, "sport", 1, 0, ""},
    {19, 26, "event_group", 1, 0, ""},
    {19, 39, "sub_sport", 1, 0, ""},
    {19, 63, "min_heart_rate", 1, 0, "bpm"},
    {19, 77, "avg_vertical_oscillation", 10, 0, "mm"},
    {19, 78, "avg_stance_time_percent", 100, 0, "percent"},
    {19, 79, "avg_stance_time", 10, 0, "ms"},
    {19, 80, "avg_fractional_cadence", 128, 0, "rpm"},
    {19, 81, "max_fractional_cadence", 128, 0, "rpm"},
    {19, 110, "enhanced_avg_speed", 1000, 0, "m/s"},
    {19, 111, "enhanced_max_speed", 1000, 0, "m/s"},
    {19, 118, "avg_vertical_ratio", 100, 0, "percent"},
    {19, 119, "avg_stance_time_balance", 100, 0, "percent"},
    {19, 120, "avg_step_length", 10, 0, "mm"},
    {19, 253, "timestamp", 1, 0, "s"},
    {19, 254, "message_index", 1, 0, ""},
    // record (20)
    {20, 0, "position_lat", 1, 0, "semicircles"},
    {20, 1, "position_long", 1, 0, "semicircles"},
    {20, 2, "altitude", 5, 500, "m"},
    {20, 3, "heart_rate", 1, 0, "bpm"},
    {20, 4, "cadence", 1, 0, "rpm"},
    {20, 5, "distance", 100, 0, "m"},
    {20, 6, "speed", 1000, 0, "m/s"},
    {20, 7, "power", 1, 0, "watts"},
    {20, 8, "compressed_speed_distance", 1, 0, ""},
    {20, 13, "temperature", 1, 0, "C"},
    {20, 29, "accumulated_power", 1, 0, "watts"},
    {20, 39, "vertical_oscillation", 10, 0, "mm"},
    {20, 40, "stance_time_percent", 100, 0, "percent"},
    {20, 41, "stance_time", 10, 0, "ms"},
    {20, 42, "activity_type", 1, 0, ""},
    {20, 53, "fractional_cadence", 128, 0, "rpm"},
    {20, 73, "enhanced_speed", 1000, 0, "m/s"},
    {20, 78, "enhanced_altitude", 5, 500, "m"},
    {20, 83, "vertical_ratio", 100, 0, "percent"},
    {20, 84, "stance_time_balance", 100, 0, "percent"},
    {20, 85, "step_length", 10, 0, "mm"},
    {20, 253, "timestamp", 1, 0, "s"},
    // event (21)
    {21, 0, "event", 1, 0, ""},
    {21, 1, "event_type", 1, 0, ""},
    {21, 2, "data16", 1, 0, ""},
    {21, 3, "data", 1, 0, ""},
    {21, 4, "event_group", 1, 0, ""},
    {21, 253, "timestamp", 1, 0, "s"},
    // device_info (23)
    {23, 0, "device_index", 1, 0, ""},
    {23, 1, "device_type", 1, 0, ""},
    {23, 2, "manufacturer", 1, 0, ""},
    {23, 3, "serial_number", 1, 0, ""},
    {23, 4, "product", 1, 0, ""},
    {23, 5, "software_version", 100, 0, ""},
    {23, 6, "hardware_version", 1, 0, ""},
    {23, 7, "cum_operating_time", 1, 0, "s"},
    {23, 10, "battery_voltage", 256, 0, "V"},
    {23, 11, "battery_status", 1, 0, ""},
    {23, 20, "ant_transmission_type", 1, 0, ""},
    {23, 21, "ant_device_number", 1, 0, ""},
    {23, 22, "ant_network", 1, 0, ""},
    {23, 25, "source_type", 1, 0, ""},
    {23, 27, "product_name", 1, 0, ""},
    {23, 253, "timestamp", 1, 0, "s"},
    // activity (34)
    {34, 0, "total_timer_time", 1000, 0, "s"},
    {34, 1, "num_sessions", 1, 0, ""},
    {34, 2, "type", 1, 0, ""},
    {34, 3, "event", 1, 0, ""},
    {34, 4, "event_type", 1, 0, ""},
    {34, 5, "local_timestamp", 1, 0, ""},
    {34, 6, "event_group", 1, 0, ""},
    {34, 253, "timestamp", 1, 0, ""},
    // field_description (206)
    {206, 0, "developer_data_index", 1, 0, ""},
    {206, 1, "field_definition_number", 1, 0, ""},
    {206, 2, "fit_base_type_id", 1, 0, ""},
    {206, 3, "field_name", 1, 0, ""},
    {206, 4, "array", 1, 0, ""},
    {206, 5, "components", 1, 0, ""},
    {206, 6, "scale", 1, 0, ""},
    {206, 7, "offset", 1, 0, ""},
    {206, 8, "units", 1, 0, ""},
    {206, 14, "native_mesg_num", 1, 0, ""},
    {206, 15, "native_field_num", 1, 0, ""},
    // developer_data_id (207)
    {207, 0, "developer_id", 1, 0, ""},
    {207, 1, "application_id", 1, 0, ""},
    {207, 2, "manufacturer_id", 1, 0, ""},
    {207, 3, "developer_data_index", 1, 0, ""},
    {207, 4, "application_version", 1, 0, ""},
};

bool before(const ProfileField& a, const ProfileField& b) {
  return a.mesg != b.mesg ? a.mesg < b.mesg : a.number < b.number;
}

}  // namespace

const char* message_name(std::uint16_t global) {
  switch (global) {
    case mesg::kFileId: return "file_id";
    case mesg::kSession: return "session";
    case mesg::kLap: return "lap";
    case mesg::kRecord: return "record";
    case mesg::kEvent: return "event";
    case mesg::kDeviceInfo: return "device_info";
    case mesg::kActivity: return "activity";
    case mesg::kFieldDescription: return "field_description";
    case mesg::kDeveloperDataId: return "developer_data_id";
    default: return nullptr;
  }
}

std::span<const ProfileField> profile_fields(std::uint16_t mesg) {
  const ProfileField key{mesg, 0, "", 1, 0, ""};
  const auto* lo = std::lower_bound(std::begin(kFields), std::end(kFields), key, before);
  const auto* hi = lo;
  while (hi != std::end(kFields) && hi->mesg == mesg) ++hi;
  return {lo, hi};
}

const ProfileField* profile_field(std::uint16_t mesg, std::uint8_t number) {
  const ProfileField key{mesg, number, "", 1, 0, ""};
  const auto* it = std::lower_bound(std::begin(kFields), std::end(kFields), key, before);
  return it != std::end(kFields) && it->mesg == mesg && it->number == number ? it : nullptr;
}

}  // namespace gradus::fit

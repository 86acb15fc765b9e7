#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian). The engine
// never reads the clock; "today" comes from the CLI's --date.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gradus {

struct Date {
  std::int32_t days = 0;  // since 1970-01-01
  auto operator<=>(const Date&) const = default;
  Date operator+(std::int32_t n) const { return Date{days + n}; }
  Date operator-(std::int32_t n) const { return Date{days - n}; }
  std::int32_t operator-(Date other) const { return days - other.days; }
};

// Strict YYYY-MM-DD with a real calendar day; nullopt otherwise (2026-02-30 is rejected).
std::optional<Date> parse_date(std::string_view text);
std::string to_string(Date date);
Date from_civil(int year, unsigned month, unsigned day);
// Today's local date (used only by the CLI as --date's default).
Date local_today();

}  // namespace gradus

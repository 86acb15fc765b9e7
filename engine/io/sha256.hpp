#pragma once
// SHA-256 (FIPS 180-4), for the audit trail: advice names the exact protocol
// text it came from, so a decision can be reproduced later. Small and
// dependency-free; not for anything secret.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gradus {

std::array<std::uint8_t, 32> sha256(std::string_view data);
// Lower-case hex of sha256(data).
std::string sha256_hex(std::string_view data);

}  // namespace gradus

#include "tools/gradus/cli_format.hpp"

#include <algorithm>

#include "tools/gradus/cli_options.hpp"

namespace gradus::cli {

bool check_format(std::string_view command, const std::string& value, std::initializer_list<std::string_view> allowed,
                  std::ostream& err) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
  std::string message = "unknown --format '" + value + "' (expected ";
  bool first = true;
  for (auto name : allowed) {
    message += (first ? "" : ", ") + std::string(name);
    first = false;
  }
  print_usage_error(err, command, message + ")");
  return false;
}

std::optional<DiagnosticFormat> diagnostic_format(std::string_view command, const std::string& value,
                                                  std::ostream& err) {
  if (!check_format(command, value, {"text", "json", "sarif", "github"}, err)) return std::nullopt;
  return parse_diagnostic_format(value);
}

}  // namespace gradus::cli

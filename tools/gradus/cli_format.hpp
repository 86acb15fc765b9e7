#pragma once
// The --format option every subcommand shares: one spelling of the error
// for a value the command does not offer.
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "dsl/diag/render.hpp"

namespace gradus::cli {

// True when `value` is one of `allowed`; otherwise writes
// "gradus CMD: unknown --format 'x' (expected text, json)" and the --help
// pointer (cli_options.hpp) to `err`.
bool check_format(std::string_view command, const std::string& value, std::initializer_list<std::string_view> allowed,
                  std::ostream& err);

// For commands that report diagnostics: text, json, sarif or github.
std::optional<DiagnosticFormat> diagnostic_format(std::string_view command, const std::string& value,
                                                  std::ostream& err);

}  // namespace gradus::cli

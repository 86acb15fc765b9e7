#include "tools/gradus/cli_replay_inputs.hpp"

#include <iostream>

#include "dsl/diag/render.hpp"
#include "dsl/source/read_source.hpp"
#include "engine/log/load.hpp"
#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_load.hpp"
#include "tools/gradus/cli_options.hpp"

namespace gradus::cli {
namespace {

void print_errors(const Diagnostics& diagnostics) {
  RenderOptions options;
  options.text.colour = colour_on_stderr();
  Diagnostics errors;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(d);
  }
  render_diagnostics(std::cerr, errors, DiagnosticFormat::Text, options);
}

}  // namespace

std::optional<ReplayInputs> load_replay_inputs(std::string_view command, const std::string& protocol_path,
                                               const std::string& log_path) {
  LoadedProtocol loaded = load_protocol(protocol_path);
  if (!loaded.readable()) {
    std::cerr << "gradus " << command << ": " << loaded.read_error << "\n";
    return std::nullopt;
  }
  if (!loaded.ok()) {
    print_errors(loaded.diagnostics);
    std::cerr << "gradus " << command << ": " << protocol_path << " has errors; run `gradus check " << protocol_path
              << "`\n";
    return std::nullopt;
  }
  const LogLimits limits;
  ReadResult read = read_source(log_path, limits.max_bytes);
  if (!read.ok()) {
    if (read.error.empty()) {
      print_errors(read.diagnostics);
    } else {
      std::cerr << "gradus " << command << ": " << read.error << "\n";
    }
    return std::nullopt;
  }
  LogLoadResult log = load_log(read.source, *loaded.protocol, limits);
  if (!log.log) {
    print_errors(log.diagnostics);
    std::cerr << "gradus " << command << ": " << log_path << " is not a valid log for " << loaded.protocol->id << "\n";
    return std::nullopt;
  }
  return ReplayInputs{eval::make_plan(std::move(*loaded.protocol)), std::move(*log.log)};
}

std::optional<Date> parse_date_option(std::string_view command, std::string_view option, const std::string& text) {
  const auto date = parse_date(text);
  if (!date) {
    print_usage_error(std::cerr, command,
                      std::string(option) + " '" + text + "' is not a date (expected YYYY-MM-DD, a real calendar day)");
  }
  return date;
}

std::string example_protocol_path() { return std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus"; }
std::string example_log_path() { return std::string(GRADUS_SOURCE_DIR) + "/protocols/examples/bsi-tibia.log.yaml"; }

}  // namespace gradus::cli

#pragma once
// The two inputs of `advise` and `explain`: a protocol that checks without
// errors, planned, and a log loaded against it. Problems are printed to
// stderr (diagnostics with file:line:col) and the command exits 2.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/eval/plan.hpp"
#include "engine/log/date.hpp"
#include "engine/log/log.hpp"

namespace gradus::cli {

struct ReplayInputs {
  std::shared_ptr<const eval::Plan> plan;
  Log log;
};

std::optional<ReplayInputs> load_replay_inputs(std::string_view command, const std::string& protocol_path,
                                               const std::string& log_path);

// A --date/--from/--to value; prints the error and returns nullopt when bad.
std::optional<Date> parse_date_option(std::string_view command, std::string_view option, const std::string& text);

// The bundled example (README): protocols/bsi-tibia.gradus and its log.
std::string example_protocol_path();
std::string example_log_path();

}  // namespace gradus::cli

// `gradus advise PROTOCOL LOG [--date D] [--format text|json]`: today's
// advice (spec/cli.md; output fields in docs/advice.md). With no arguments
// it runs the bundled example.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "engine/eval/advice.hpp"
#include "engine/eval/advice_render.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_replay_inputs.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus advise PROTOCOL LOG [--date YYYY-MM-DD] [--format text|json]

Today's advice for an athlete: the stage and phase, the decision of the last
session, whether today is a session day and which session, the reasons (each
rule that fired, with the values it saw) and, while holding, what is still
needed to advance. Only entries dated before the advice date are used.
The output ends with an audit block: the protocol id and version, the
protocol and log files as given with the SHA-256 of their bytes, and the
entries used (to reproduce a decision, re-run with the same files and --date).
With no arguments: the bundled example protocol and log.

Options:
  --date D        advice for this date (default: today's local date)
  --format F      text (default) or json (fields: docs/advice.md)
  -h, --help      show this help

Exit status: 0 advice printed, 2 bad arguments or a protocol or log with errors.

Example:
  gradus advise protocols/bsi-tibia.gradus protocols/examples/bsi-tibia.log.yaml --date 2026-10-08
)";

int run_advise(int argc, char** argv) {
  std::vector<std::string> files;
  std::string date_text, format = "text";
  po::options_description options;
  options.add_options()("help,h", "")("date", po::value(&date_text))("format", po::value(&format))(
      "files", po::value(&files));
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  if (auto done = parse_options("advise", kUsage, argc, argv, options, positional, vm)) return *done;
  if (argc <= 1) files = {example_protocol_path(), example_log_path()};
  if (files.size() != 2) {
    return usage_error("advise", "expected a PROTOCOL and a LOG");
  }
  if (!check_format("advise", format, {"text", "json"}, std::cerr)) return kExitUsage;
  Date date;
  if (vm.count("date")) {
    const auto parsed = parse_date_option("advise", "--date", date_text);
    if (!parsed) return kExitUsage;
    date = *parsed;
  } else {
    date = local_today();  // only when asked: it reads the time zone database
  }
  auto inputs = load_replay_inputs("advise", files[0], files[1]);
  if (!inputs) return kExitUsage;
  eval::Advice advice = eval::advise(inputs->plan, inputs->log, date);
  advice.audit.gradus_version = GRADUS_VERSION;
  if (format == "json") {
    std::cout << eval::advice_json(advice, *inputs->plan).dump(2) << "\n";
  } else {
    eval::render_advice_text(std::cout, advice, *inputs->plan);
  }
  return kExitOk;
}

const CommandRegistration reg{"advise", "today's advice for an athlete: stage, decision, session, reasons",
                              &run_advise};

}  // namespace
}  // namespace gradus::cli

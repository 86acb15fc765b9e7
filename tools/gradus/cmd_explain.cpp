// `gradus explain PROTOCOL LOG [--from D] [--to D] [--format text|json]`:
// the day-by-day replay with every rule, its values and its result.
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "engine/eval/audit_render.hpp"
#include "engine/eval/timeline.hpp"
#include "engine/eval/timeline_render.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_replay_inputs.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus explain PROTOCOL LOG [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|json]

The day-by-day replay of a log: for each session, every rule evaluated (the
safety rules and the stage's), the value of each part of its condition, its
result (true, false or unknown), the decision taken and the stage after.
Measurement-only entries, unjudged sessions and recovery stages that run out
are listed too. The output ends with an audit block, as in `gradus advise`:
the files as given with the SHA-256 of their bytes, and the entries replayed.

Options:
  --from D        start the listing at this date (the replay still starts at the log's first entry)
  --to D          stop after this date
  --format F      text (default) or json (fields: docs/advice.md)
  -h, --help      show this help

Exit status: 0 explanation printed, 2 bad arguments or a protocol or log with errors.

Example:
  gradus explain protocols/bsi-tibia.gradus protocols/examples/bsi-tibia.log.yaml --from 2026-10-05
)";

int run_explain(int argc, char** argv) {
  std::vector<std::string> files;
  std::string from_text, to_text, format = "text";
  po::options_description options;
  options.add_options()("help,h", "")("from", po::value(&from_text))("to", po::value(&to_text))(
      "format", po::value(&format))("files", po::value(&files));
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  if (auto done = parse_options("explain", kUsage, argc, argv, options, positional, vm)) return *done;
  if (files.size() != 2) {
    return usage_error("explain", "expected a PROTOCOL and a LOG");
  }
  if (!check_format("explain", format, {"text", "json"}, std::cerr)) return kExitUsage;
  std::optional<Date> from, to;
  if (vm.count("from") && !(from = parse_date_option("explain", "--from", from_text))) return kExitUsage;
  if (vm.count("to") && !(to = parse_date_option("explain", "--to", to_text))) return kExitUsage;
  if (from && to && *to < *from) {
    return usage_error("explain", "--to " + to_text + " is before --from " + from_text);
  }
  auto inputs = load_replay_inputs("explain", files[0], files[1]);
  if (!inputs) return kExitUsage;
  eval::Timeline timeline = eval::explain(inputs->plan, inputs->log, from, to);
  timeline.audit.gradus_version = GRADUS_VERSION;
  if (format == "json") {
    std::cout << eval::timeline_json(timeline, *inputs->plan).dump(2) << "\n";
  } else {
    eval::render_timeline_text(std::cout, timeline, *inputs->plan);
    eval::render_audit_text(std::cout, timeline.audit);
  }
  return kExitOk;
}

const CommandRegistration reg{"explain", "the day-by-day replay: every rule, its values and the decision",
                              &run_explain};

}  // namespace
}  // namespace gradus::cli

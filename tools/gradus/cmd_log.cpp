// `gradus log add LOG --date D [--protocol FILE] [--NAME VALUE ...]`: add or
// amend one day's entry of an athlete's log (spec/cli.md, docs/data.md).
// The value options are the protocol's input names, so they are parsed here
// rather than declared to Boost.Program_options.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/log/date.hpp"
#include "tools/gradus/cli_log_write.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

constexpr const char* kUsage = R"(Usage: gradus log add LOG --date YYYY-MM-DD [--protocol FILE] [--NAME VALUE ...] [--dry-run]

Add one day's entry to an athlete's log, or amend the entry that day already
has (values given replace the ones there; the others are kept). Every value
is checked against the protocol's inputs before anything is written, and the
file is replaced atomically: a crash at any moment leaves the old log or the
new one. Comments, blank lines and the other entries are kept as they are.

Values (--NAME VALUE or --NAME=VALUE):
  an input of the protocol   --pain_during 2  --swelling false  --effusion 2+  --cadence 168
  stage, minutes             --stage r1  --minutes 30
  cleared, rest              --rest true  --cleared true
  note                       --note "felt good"

Options:
  --date D          the day of the entry (required)
  --protocol FILE   the log's protocol; by default the *.gradus beside the log
                    (its folder, then the folder above) whose id is the log's
                    `protocol:`. Required to start a log that does not exist yet.
  --dry-run         print the new log to stdout; change nothing
  -h, --help        show this help

Exit status: 0 written, 1 the file could not be written (it is unchanged),
2 bad arguments, an invalid value, or a protocol or log with errors (nothing written).

Example:
  gradus log add athlete.log.yaml --protocol protocols/bsi-tibia.gradus --date 2026-10-08 \
      --stage r1 --pain_during 1 --pain_after 0 --swelling false --note "windy"
)";

int usage_error(const std::string& message) { return cli::usage_error("log add", message); }

int run_log_add(int argc, char** argv) {
  std::vector<std::string> positional;
  std::string protocol_path, date_text;
  bool have_date = false, dry_run = false;
  std::vector<std::pair<std::string, std::string>> values;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (!arg.starts_with("--") || arg.size() == 2) {
      if (arg != "--") positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    bool inline_value = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    if (name == "dry-run") {
      if (inline_value) return usage_error("--dry-run takes no value");
      dry_run = true;
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argc) return usage_error("--" + name + " needs a value");
      value = argv[++i];
    }
    if (name == "protocol") {
      protocol_path = value;
    } else if (name == "date") {
      date_text = value;
      have_date = true;
    } else {
      values.emplace_back(name, value);
    }
  }
  if (positional.size() != 1) return usage_error(positional.empty() ? "expected the LOG file" : "expected one LOG file");
  if (!have_date) return usage_error("--date is required: the day of the entry, YYYY-MM-DD");
  const auto date = parse_date(date_text);
  if (!date) return usage_error("--date '" + date_text + "' is not a date (expected YYYY-MM-DD, a real calendar day)");
  if (values.empty()) return usage_error("no values to write: give at least one --NAME VALUE");

  auto target = open_log_for_edit("log add", positional[0], protocol_path);
  if (!target) return kExitUsage;
  LogEdit edit{*date, command_line_fields("command line", values)};
  return write_log_edits("log add", *target, {edit}, WriteOptions{dry_run});
}

constexpr const char* kLogUsage = R"(Usage: gradus log add LOG --date YYYY-MM-DD [--protocol FILE] [--NAME VALUE ...]

Subcommands:
  add     add or amend one day's entry (gradus log add --help)
)";

int run_log(int argc, char** argv) {
  if (argc < 2) {
    return cli::usage_error("log", "expected a subcommand (add)");
  }
  const std::string sub = argv[1];
  if (sub == "-h" || sub == "--help") {
    std::cout << kLogUsage;
    return kExitOk;
  }
  if (sub == "add") return run_log_add(argc - 2, argv + 2);
  return cli::usage_error("log", "unknown subcommand '" + sub + "' (expected add)");
}

const CommandRegistration reg{"log", "add or amend a day's entry in an athlete's log, validated, written atomically",
                              &run_log};

}  // namespace
}  // namespace gradus::cli

// `gradus check [PATH...] [--strict] [--format text|json|sarif|github]
// [--max-errors N]`: parse and check protocol files and report every finding
// (docs/diagnostics.md). The work is in cli_files, cli_load and cli_report.
#include <charconv>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_files.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_load.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_report.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus check [PATH...] [--strict] [--format FORMAT] [--max-errors N]

Parse and check protocol files: every name, unit, range and stage reference,
then the lints (unreachable stages, rules that can never fire, progressions
that break the declared order...). A folder means every *.gradus file below
it, in sorted order; with no PATH, the current folder.

Options:
  --strict          warnings are errors, and a protocol must cite its source
  --format FORMAT   text (default, on stderr), json, sarif or github (stdout)
  --max-errors N    stop reporting after N errors (the rest are counted)
  -h, --help        show this help

Exit status: 0 no errors (warnings alone are fine unless --strict), 1 errors
found, 2 bad arguments or a file that cannot be read.

Every finding has a code (G0203) explained in docs/diagnostics.md.

Example:
  gradus check protocols/
  gradus check --strict --format sarif protocols/ > gradus.sarif
)";

std::optional<std::size_t> positive_number(const std::string& text) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0) return std::nullopt;
  return n;
}

int run_check(int argc, char** argv) {
  po::options_description named("Options");
  named.add_options()("strict", "warnings are errors")("format", po::value<std::string>()->default_value("text"),
                                                        "output format")(
      "max-errors", po::value<std::string>(), "stop after N errors")("help,h", "show this help")(
      "path", po::value<std::vector<std::string>>()->multitoken(), "files or folders");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto done = parse_options("check", kUsage, argc, argv, named, positional, vm)) return *done;

  ReportOptions report;
  report.command = "check";
  const auto format = diagnostic_format("check", vm["format"].as<std::string>(), std::cerr);
  if (!format) return kExitUsage;
  report.format = *format;
  if (vm.count("max-errors")) {
    const auto n = positive_number(vm["max-errors"].as<std::string>());
    if (!n) return usage_error("check", "--max-errors needs a positive whole number, not '" + vm["max-errors"].as<std::string>() + "'");
    report.max_errors = *n;
  }
  report.colour = report.format == DiagnosticFormat::Text && colour_on_stderr();

  LoadOptions load;
  load.check_options.strict = vm.count("strict") > 0;
  const auto paths = vm.count("path") ? vm["path"].as<std::vector<std::string>>() : std::vector<std::string>{"."};

  const FileList list = collect_files(paths);
  for (const auto& problem : list.problems) {
    std::cerr << "gradus check: " << problem << "\n";
    report.tool_errors.push_back(problem);
  }
  Diagnostics all;
  for (const auto& file : list.files) {
    LoadedProtocol loaded = load_protocol(file, load);
    if (!loaded.readable()) {
      std::cerr << "gradus check: " << loaded.read_error << "\n";
      report.tool_errors.push_back(loaded.read_error);
      continue;
    }
    ++report.files;
    for (auto& d : loaded.diagnostics) all.push_back(std::move(d));
  }

  const ReportOutcome outcome = report_diagnostics(all, report, std::cout, std::cerr);
  if (!report.tool_errors.empty()) return kExitUsage;
  return outcome.counts.errors > 0 ? kExitFindings : kExitOk;
}

const CommandRegistration reg{"check", "parse and check protocol files", &run_check};

}  // namespace
}  // namespace gradus::cli

// `gradus describe PROTOCOL [--format markdown|html] [--output FILE]`: the
// protocol for people — a stage table and every rule in plain English,
// generated from the checked protocol (dsl/describe).
#include <iostream>
#include <string>

#include <boost/program_options.hpp>

#include "dsl/describe/description.hpp"
#include "engine/io/atomic_write.hpp"
#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_load.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_report.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus describe PROTOCOL [--format markdown|html] [--output FILE]

Write the protocol for people: what to log, the safety rules, a table of the
stages (phase, session, how often, when to move on) and every rule in plain
English. The protocol is checked first; one with errors is not described.

Options:
  --format FORMAT   markdown (default) or html (a single page that prints well)
  --output FILE     write to FILE (replaced atomically) instead of stdout
  -h, --help        show this help

Exit status: 0 written, 1 the protocol has errors, 2 bad arguments or an
unreadable file.

Example:
  gradus describe protocols/bsi-tibia.gradus --format html --output bsi-tibia.html
)";

int run_describe(int argc, char** argv) {
  po::options_description named("Options");
  named.add_options()("format", po::value<std::string>()->default_value("markdown"), "output format")(
      "output,o", po::value<std::string>(), "output file")("help,h", "show this help")(
      "protocol", po::value<std::vector<std::string>>()->multitoken(), "protocol file");
  po::positional_options_description positional;
  positional.add("protocol", -1);
  po::variables_map vm;
  if (auto done = parse_options("describe", kUsage, argc, argv, named, positional, vm)) return *done;
  const std::string format = vm["format"].as<std::string>();
  if (!check_format("describe", format, {"markdown", "html"}, std::cerr)) return kExitUsage;
  if (!vm.count("protocol") || vm["protocol"].as<std::vector<std::string>>().size() != 1) {
    return usage_error("describe", "give exactly one protocol file");
  }
  const std::string path = vm["protocol"].as<std::vector<std::string>>().front();

  LoadedProtocol loaded = load_protocol(path);
  if (!loaded.readable()) {
    std::cerr << "gradus describe: " << loaded.read_error << "\n";
    return kExitUsage;
  }
  if (!loaded.ok()) {
    ReportOptions report;
    report.command = "describe";
    report.colour = colour_on_stderr();
    report.files = 1;
    report_diagnostics(loaded.diagnostics, report, std::cout, std::cerr);
    return kExitFindings;
  }

  const Description description = describe_protocol(*loaded.protocol);
  const std::string text = format == "html" ? render_html(description) : render_markdown(description);
  if (vm.count("output")) {
    const WriteResult written = atomic_write(vm["output"].as<std::string>(), text);
    if (!written.ok) {
      std::cerr << "gradus describe: " << written.error << "\n";
      return kExitUsage;
    }
    return kExitOk;
  }
  std::cout << text;
  return kExitOk;
}

const CommandRegistration reg{"describe", "write a protocol as a plain-English page (Markdown or HTML)", &run_describe};

}  // namespace
}  // namespace gradus::cli

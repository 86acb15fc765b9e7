// `gradus test [PATH...] [--format text|junit] [--coverage] [--coverage-min P]`:
// run the scenario files (`*.test.yaml`) beside the protocols
// (docs/scenarios.md). The work is in engine/scenario.
#include <charconv>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "dsl/source/read_source.hpp"
#include "engine/eval/protocol.hpp"
#include "engine/scenario/report.hpp"
#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_files.hpp"
#include "tools/gradus/cli_format.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/cli_report.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace po = boost::program_options;

constexpr std::size_t kMaxScenarioBytes = 16u << 20;
constexpr std::size_t kMaxProtocolBytes = 1u << 20;

constexpr const char* kUsage = R"(Usage: gradus test [PATH...] [--format text|junit] [--coverage] [--coverage-min P]

Run the scenario files (*.test.yaml) beside the protocols: each case replays
an athlete's log through its protocol and compares the advice for the
expected dates (decision, stage, session, cues...). A failure shows expected
against actual and the trace of the session that decided it. A folder means
every *.test.yaml below it; with no PATH, the current folder.

Options:
  --format FORMAT    text (default) or junit (JUnit XML on stdout, for CI)
  --coverage         list the rules no case made fire and the stages no case reached
  --coverage-min P   fail when a protocol's coverage is below P percent (implies --coverage)
  -h, --help         show this help

Exit status: 0 every case passed, 1 a case failed or coverage is below the
minimum, 2 bad arguments, or a scenario file, log or protocol that cannot be used.

Example:
  gradus test protocols/
  gradus test protocols/ --coverage-min 90 --format junit > scenarios.xml
)";


ScenarioFileResult run_file(const std::string& path, bool want_coverage) {
  ScenarioFileResult result;
  result.path = path;
  ReadResult read = read_source(path, kMaxScenarioBytes);
  if (!read.ok()) {
    result.diagnostics = std::move(read.diagnostics);
    if (!read.error.empty()) result.diagnostics.push_back(error(nullptr, {}, "G0701", read.error));
    return result;
  }
  ScenarioLoadResult loaded = load_scenario(read.source);
  if (!loaded.scenario) {
    result.diagnostics = std::move(loaded.diagnostics);
    return result;
  }
  const ScenarioFile& scenario = *loaded.scenario;
  result.protocol_path = scenario.protocol_path;

  ReadResult protocol_text = read_source(scenario.protocol_path, kMaxProtocolBytes);
  if (!protocol_text.ok()) {
    result.diagnostics = std::move(protocol_text.diagnostics);
    result.diagnostics.push_back(
        error(scenario.source, scenario.protocol_span, "G0701",
              "cannot use the protocol: " + (protocol_text.error.empty() ? std::string("too large") : protocol_text.error)));
    return result;
  }
  ProtocolCompileResult compiled = Protocol::compile(scenario.protocol_path, protocol_text.source->text());
  if (!compiled.protocol) {
    result.diagnostics = std::move(compiled.diagnostics);
    result.diagnostics.push_back(error(scenario.source, scenario.protocol_span, "G0701",
                                       "the protocol has errors, so no case can run"));
    return result;
  }
  result.cases = run_scenario(scenario, *compiled.protocol);
  if (want_coverage) result.coverage = coverage(*compiled.protocol, result.cases);
  return result;
}

int run_test(int argc, char** argv) {
  po::options_description named("Options");
  named.add_options()("format", po::value<std::string>()->default_value("text"), "output format")(
      "coverage", "report coverage")("coverage-min", po::value<std::string>(), "minimum coverage percent")(
      "help,h", "show this help")("path", po::value<std::vector<std::string>>()->multitoken(), "files or folders");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto done = parse_options("test", kUsage, argc, argv, named, positional, vm)) return *done;
  const std::string format = vm["format"].as<std::string>();
  if (!check_format("test", format, {"text", "junit"}, std::cerr)) return kExitUsage;
  std::optional<double> coverage_min;
  if (vm.count("coverage-min")) {
    const std::string text = vm["coverage-min"].as<std::string>();
    double p = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p);
    if (ec != std::errc() || end != text.data() + text.size() || p < 0 || p > 100) {
      return usage_error("test", "--coverage-min needs a percentage from 0 to 100, not '" + text + "'");
    }
    coverage_min = p;
  }
  const bool want_coverage = vm.count("coverage") > 0 || coverage_min.has_value();

  const auto paths = vm.count("path") ? vm["path"].as<std::vector<std::string>>() : std::vector<std::string>{"."};
  const FileList list = collect_files(paths, ".test.yaml");
  for (const auto& problem : list.problems) std::cerr << "gradus test: " << problem << "\n";
  if (!list.ok()) return kExitUsage;

  std::vector<ScenarioFileResult> results;
  for (const auto& file : list.files) results.push_back(run_file(file, want_coverage));

  // Errors (malformed files, logs, protocols, unknown stages) with carets, on stderr.
  Diagnostics problems;
  for (const auto& r : results) {
    problems.insert(problems.end(), r.diagnostics.begin(), r.diagnostics.end());
    for (const auto& c : r.cases) problems.insert(problems.end(), c.diagnostics.begin(), c.diagnostics.end());
  }
  if (!problems.empty()) {
    ReportOptions report;
    report.command = "test";
    report.colour = colour_on_stderr();
    report.files = results.size();
    report_diagnostics(problems, report, std::cout, std::cerr);
  }

  if (format == "junit") render_scenarios_junit(std::cout, results);
  else render_scenarios_text(std::cout, results);

  bool below = false;
  if (coverage_min) {
    for (const auto& r : results) {
      if (r.coverage && r.coverage->percent() + 1e-9 < *coverage_min) {
        std::cerr << "gradus test: " << r.protocol_path << ": coverage " << r.coverage->percent() << "% is below "
                  << *coverage_min << "%\n";
        below = true;
      }
    }
  }
  const ScenarioTotals t = totals(results);
  std::ostream& summary = format == "junit" ? std::cerr : std::cout;
  if (t.errors) summary << t.errors << (t.errors == 1 ? " case or file" : " cases or files") << " could not be run\n";
  summary << t.passed << " passed, " << t.failed << " failed\n";
  if (t.errors) return kExitUsage;
  return t.failed > 0 || below ? kExitFindings : kExitOk;
}

const CommandRegistration reg{"test", "run the scenario tests (*.test.yaml) beside the protocols", &run_test};

}  // namespace
}  // namespace gradus::cli

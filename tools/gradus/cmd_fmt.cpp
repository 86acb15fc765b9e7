// `gradus fmt [PATH...] [--check]`: rewrite protocol files in the canonical
// layout (docs/formatting.md). A file is rewritten only when the formatted
// text parses back to the same protocol, and then atomically.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "dsl/diag/render.hpp"
#include "dsl/format/format_file.hpp"
#include "dsl/source/read_source.hpp"
#include "engine/io/atomic_write.hpp"
#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_files.hpp"
#include "tools/gradus/cli_options.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: gradus fmt PATH... [--check]
       gradus fmt - [--check]

Rewrite protocol files (*.gradus) in the canonical layout: header order,
indentation, spacing and aligned columns. Comments are kept; the meaning never
changes (the formatted text is parsed again and compared before writing).
A folder means every *.gradus file below it, in sorted order. With `-` the
protocol is read from standard input and the formatted text written to
standard output (for editors).

Options:
  --check     write nothing; list each file that would change and exit 1 if any
  -h, --help  show this help

Exit status: 0 nothing to do (or all files formatted), 1 with --check when a
file would change, 2 when a file cannot be read or parsed, a file could not be
formatted safely, or the arguments are wrong.

Example:
  gradus fmt protocols/
  gradus fmt --check protocols/bsi-tibia.gradus
  gradus fmt - < draft.gradus > draft.formatted.gradus
)";

RenderOptions render_options() {
  RenderOptions options;
  options.text.colour = colour_on_stderr();
  return options;
}

// One file: returns the exit code it contributes.
int format_one(const std::string& path, bool check) {
  const ParseLimits limits;
  ReadResult read = read_source(path, limits.max_file_bytes);
  if (!read.ok()) {
    if (read.error.empty()) {
      render_diagnostics(std::cerr, read.diagnostics, DiagnosticFormat::Text, render_options());
      std::cerr << "gradus fmt: " << path << " left unchanged\n";
    } else {
      std::cerr << "gradus fmt: " << read.error << "\n";
    }
    return kExitUsage;
  }
  const SourcePtr source = read.source;
  FormatOutcome outcome = format_source(source, limits);
  switch (outcome.status) {
    case FormatStatus::ParseError: {
      render_diagnostics(std::cerr, outcome.diagnostics, DiagnosticFormat::Text, render_options());
      std::cerr << "gradus fmt: " << path << " left unchanged: it does not parse\n";
      return kExitUsage;
    }
    case FormatStatus::Unsafe:
      std::cerr << "gradus fmt: " << path << " left unchanged: formatter bug, please report it: " << outcome.problem
                << "\n";
      return kExitUsage;
    case FormatStatus::Unchanged:
      return kExitOk;
    case FormatStatus::Changed:
      break;
  }
  if (check) {
    std::cout << "would reformat: " << path << "\n";
    return kExitFindings;
  }
  // Replace the file a symlink points to, not the link itself.
  std::error_code ec;
  std::string target = path;
  if (fs::is_symlink(path, ec)) {
    const auto resolved = fs::canonical(path, ec);
    if (!ec) target = resolved.string();
  }
  const WriteResult written = atomic_write(target, outcome.formatted);
  if (!written.ok) {
    std::cerr << "gradus fmt: cannot write " << path << ": " << written.error << "\n";
    return kExitUsage;
  }
  std::cout << "reformatted: " << path << "\n";
  return kExitOk;
}

// `gradus fmt -`: standard input to standard output, for editors. The text is
// written even when already canonical; nothing is written when it does not
// parse or cannot be formatted safely.
int format_stdin(bool check) {
  const ParseLimits limits;
  std::string text;
  char buffer[1 << 16];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > limits.max_file_bytes) break;  // parse_protocol reports G0003
  }
  auto source = std::make_shared<const Source>("<stdin>", std::move(text));
  const FormatOutcome outcome = format_source(source, limits);
  switch (outcome.status) {
    case FormatStatus::ParseError:
      render_diagnostics(std::cerr, outcome.diagnostics, DiagnosticFormat::Text, render_options());
      return kExitUsage;
    case FormatStatus::Unsafe:
      std::cerr << "gradus fmt: <stdin>: formatter bug, please report it: " << outcome.problem << "\n";
      return kExitUsage;
    case FormatStatus::Unchanged:
    case FormatStatus::Changed:
      break;
  }
  if (check) {
    if (outcome.status == FormatStatus::Unchanged) return kExitOk;
    std::cout << "would reformat: <stdin>\n";
    return kExitFindings;
  }
  std::cout << outcome.formatted;
  return kExitOk;
}

int run_fmt(int argc, char** argv) {
  po::options_description named("Options");
  named.add_options()("check", "write nothing; list files that would change")("help,h", "show this help")(
      "path", po::value<std::vector<std::string>>()->multitoken(), "files or folders");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto done = parse_options("fmt", kUsage, argc, argv, named, positional, vm)) return *done;
  if (!vm.count("path")) {
    return usage_error("fmt", "no file or folder given");
  }
  const bool check = vm.count("check") > 0;
  const auto& paths = vm["path"].as<std::vector<std::string>>();
  if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    if (paths.size() != 1) {
      return usage_error("fmt", "'-' (standard input) cannot be combined with other paths");
    }
    return format_stdin(check);
  }
  const FileList list = collect_files(vm["path"].as<std::vector<std::string>>());
  for (const auto& problem : list.problems) std::cerr << "gradus fmt: " << problem << "\n";
  int exit_code = list.ok() ? kExitOk : kExitUsage;
  for (const auto& file : list.files) exit_code = std::max(exit_code, format_one(file, check));
  return exit_code;
}

const CommandRegistration reg{"fmt", "rewrite protocol files in the canonical layout", &run_fmt};

}  // namespace
}  // namespace gradus::cli

#include "tools/gradus/cli_log_write.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "dsl/diag/render.hpp"
#include "dsl/source/read_source.hpp"
#include "engine/io/atomic_write.hpp"
#include "engine/log/load.hpp"
#include "tools/gradus/cli_colour.hpp"
#include "tools/gradus/cli_load.hpp"
#include "tools/gradus/commands.hpp"

namespace gradus::cli {
namespace {

namespace fs = std::filesystem;

// The id on the log's top-level `protocol:` line, without quotes or comment.
std::optional<std::string> log_protocol_id(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (pos == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.starts_with("protocol:")) {
      line.remove_prefix(9);
      if (const auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
      if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front()) {
        line = line.substr(1, line.size() - 2);
      }
      if (!line.empty()) return std::string(line);
    }
    pos = nl + 1;
  }
  return std::nullopt;
}

std::vector<std::string> protocols_in(const fs::path& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".gradus" && it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The one protocol beside the log whose id is `id`; prints why not otherwise.
std::optional<std::string> find_protocol(std::string_view command, const std::string& log_path, const std::string& id) {
  fs::path folder = fs::path(log_path).parent_path();
  if (folder.empty()) folder = ".";
  for (const fs::path& dir : {folder, folder / ".."}) {
    std::vector<std::string> matches;
    for (const auto& path : protocols_in(dir)) {
      LoadOptions parse_only;
      parse_only.check = false;
      const LoadedProtocol p = load_protocol(path, parse_only);
      if (p.protocol && p.protocol->id == id) matches.push_back(fs::path(path).lexically_normal().string());
    }
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1) {
      std::cerr << "gradus " << command << ": several protocols beside " << log_path << " have the id `" << id
                << "` (" << matches[0] << ", " << matches[1] << "); say which with --protocol FILE\n";
      return std::nullopt;
    }
  }
  std::cerr << "gradus " << command << ": no protocol with the id `" << id << "` beside " << log_path
            << " (its folder or the one above); give it with --protocol FILE\n";
  return std::nullopt;
}

}  // namespace

void print_diagnostics(const Diagnostics& diagnostics) {
  RenderOptions options;
  options.text.colour = colour_on_stderr();
  render_diagnostics(std::cerr, diagnostics, DiagnosticFormat::Text, options);
}

std::optional<LogTarget> open_log_for_edit(std::string_view command, const std::string& log_path,
                                           const std::string& protocol_path) {
  const LogLimits limits;
  std::error_code ec;
  const bool exists = fs::exists(log_path, ec);
  ReadResult read;
  if (exists) {
    read = read_source(log_path, limits.max_bytes);
    if (!read.ok()) {
      if (read.error.empty()) print_diagnostics(read.diagnostics);
      else std::cerr << "gradus " << command << ": " << read.error << "\n";
      return std::nullopt;
    }
  } else if (protocol_path.empty()) {
    std::cerr << "gradus " << command << ": " << log_path
              << " does not exist; to start a new log, give its protocol with --protocol FILE\n";
    return std::nullopt;
  }

  std::string chosen = protocol_path;
  if (chosen.empty()) {
    const auto id = log_protocol_id(read.source->text());
    if (!id) {
      std::cerr << "gradus " << command << ": " << log_path
                << " has no `protocol:` line to find its protocol by; give it with --protocol FILE\n";
      return std::nullopt;
    }
    const auto found = find_protocol(command, log_path, *id);
    if (!found) return std::nullopt;
    chosen = *found;
  }
  LoadedProtocol loaded = load_protocol(chosen);
  if (!loaded.readable()) {
    std::cerr << "gradus " << command << ": " << loaded.read_error << "\n";
    return std::nullopt;
  }
  if (!loaded.ok()) {
    Diagnostics errors;
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == Severity::Error) errors.push_back(d);
    }
    print_diagnostics(errors);
    std::cerr << "gradus " << command << ": " << chosen << " has errors; run `gradus check " << chosen << "`\n";
    return std::nullopt;
  }

  SourcePtr source = exists ? read.source
                            : std::make_shared<const Source>(log_path, "protocol: " + loaded.protocol->id + "\nentries: []\n");
  LogLoadResult log = load_log(source, *loaded.protocol, limits);
  if (!log.log) {
    print_diagnostics(log.diagnostics);
    std::cerr << "gradus " << command << ": " << log_path << " is not a valid log for " << loaded.protocol->id
              << "; fix it first (nothing was written)\n";
    return std::nullopt;
  }
  return LogTarget{log_path, std::move(*loaded.protocol), std::move(*log.log), !exists};
}

int write_log_edits(std::string_view command, LogTarget& target, const std::vector<LogEdit>& edits,
                    const WriteOptions& options) {
  Log current = target.log;
  std::vector<std::string> summary;
  for (const auto& edit : edits) {
    LogEditResult r = edit_log(current, target.protocol, edit);
    if (!r.text) {
      print_diagnostics(r.diagnostics);
      std::cerr << "gradus " << command << ": nothing was written to " << target.path << "\n";
      return kExitUsage;
    }
    std::string line = (r.amended ? "amended " : "added ") + to_string(edit.date);
    std::string parts;
    for (const auto& c : r.changes) {
      if (!parts.empty()) parts += ", ";
      parts += c.name + " ";
      if (c.before && *c.before != c.after) parts += (c.before->empty() ? "(empty)" : *c.before) + " -> ";
      parts += c.after;
    }
    if (!parts.empty()) line += ": " + parts;
    summary.push_back(std::move(line));
    current = std::move(*r.log);
  }
  const std::string& text = current.source->text();
  if (options.dry_run) {
    std::cout << text;
    for (const auto& s : summary) std::cerr << s << "\n";
    std::cerr << "gradus " << command << ": --dry-run: " << target.path << " was not changed\n";
    return kExitOk;
  }
  const WriteResult w = atomic_write(target.path, text);
  if (!w.ok) {
    std::cerr << "gradus " << command << ": " << w.error << "\n";
    std::cerr << "gradus " << command << ": nothing was written; " << target.path << " is unchanged\n";
    return kExitFindings;
  }
  for (const auto& s : summary) std::cerr << s << "\n";
  std::cerr << (target.created ? "created " : "wrote ") << target.path << "\n";
  return kExitOk;
}

}  // namespace gradus::cli

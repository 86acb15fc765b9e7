// Formatting is a function of the protocol, not of its spacing: every library
// protocol, re-spaced at random (indentation, runs of blanks, tabs, CRLF),
// formats to the same canonical text; with comments and blank lines added at
// random it still round-trips (same meaning, idempotent, no comment lost).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>

#include "dsl/format/format_protocol.hpp"
#include "dsl/syntax/ast_equal.hpp"
#include "format_test_support.hpp"

using namespace gradus;
using namespace gradus::format_test;

namespace {

std::vector<std::string> library() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(GRADUS_SOURCE_DIR) + "/protocols")) {
    if (entry.path().extension() == ".gradus") files.push_back("protocols/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Re-spaces one line without touching strings or comments: a random
// indentation, and every blank outside strings widened to 1-3 blanks or a tab.
std::string respace(const std::string& line, std::mt19937& rng) {
  std::string out(std::uniform_int_distribution<std::size_t>(0, 6)(rng), ' ');
  if (rng() % 4 == 0) out = "\t" + out;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  bool in_string = false, in_comment = false;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && !in_comment) in_string = !in_string;
    if (c == '#' && !in_string) in_comment = true;
    if (c == ' ' && !in_string && !in_comment) {
      const auto n = std::uniform_int_distribution<int>(0, 3)(rng);
      out += n == 3 ? std::string("\t") : std::string(static_cast<std::size_t>(n) + 1, ' ');
    } else {
      out += c;
    }
  }
  if (rng() % 5 == 0) out += "   ";
  return out;
}

std::string join(const std::vector<std::string>& lines, bool crlf) {
  std::string out;
  for (const auto& line : lines) out += line + (crlf ? "\r\n" : "\n");
  return out;
}

}  // namespace

TEST_CASE("re-spacing a protocol does not change its canonical text") {
  std::mt19937 rng(20261121);
  for (const auto& file : library()) {
    INFO(file);
    const std::string text = read_repo_file(file);
    const std::string canonical = format_protocol(parse_ok(text, file));
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string> lines;
      for (const auto& line : lines_of(text)) lines.push_back(line.empty() ? line : respace(line, rng));
      const std::string messy = join(lines, round % 2 == 1);
      INFO("input:\n" << messy);
      const ast::Protocol parsed = parse_ok(messy, file);
      CHECK(format_protocol(parsed) == canonical);
    }
  }
}

TEST_CASE("comments and blank lines added anywhere survive formatting") {
  std::mt19937 rng(7);
  for (const auto& file : library()) {
    INFO(file);
    const std::string text = read_repo_file(file);
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string> lines;
      int added = 0;
      for (const auto& line : lines_of(text)) {
        const auto roll = rng() % 10;
        if (roll == 0) lines.emplace_back("");
        if (roll == 1) lines.push_back("  # note " + std::to_string(++added) + " \"quoted\" # twice");
        std::string copy = line;
        if (roll == 2 && !line.empty() && line.find('#') == std::string::npos) {
          copy += "  # trailing " + std::to_string(++added);
        }
        lines.push_back(copy);
      }
      if (rng() % 2) lines.push_back("# the end");
      const std::string messy = join(lines, false);
      INFO("input:\n" << messy);
      const ast::Protocol original = parse_ok(messy, file);
      const std::string once = format_protocol(original);
      const ast::Protocol reparsed = parse_ok(once, file);
      CHECK(ast::first_difference(original, reparsed) == std::nullopt);
      CHECK(format_protocol(reparsed) == once);
      CHECK(count_comments(once) == count_comments(messy));
    }
  }
}

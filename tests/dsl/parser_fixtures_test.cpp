// Data-driven parser tests: each file in tests/dsl/fixtures/parse states the
// diagnostics it must produce in `# expect: CODE LINE:COLUMN` comments (or
// `# expect: none`), in order. Adding a case is adding a file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "dsl/source/read_source.hpp"
#include "parser_test_support.hpp"

using namespace gradus;

namespace {

std::vector<std::string> expectations(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  const std::string marker = "# expect: ";
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto at = line.find(marker);
    if (at == std::string::npos) continue;
    const std::string what = line.substr(at + marker.size());
    if (what != "none") out.push_back(what);
  }
  return out;
}

}  // namespace

TEST_CASE("parse fixtures produce exactly the diagnostics they expect") {
  const auto dir = std::filesystem::path(GRADUS_SOURCE_DIR) / "tests" / "dsl" / "fixtures" / "parse";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".gradus") continue;
    ++files;
    auto read = read_source(entry.path().string(), 1u << 20);
    REQUIRE(read.ok());
    auto result = parse_protocol(read.source);
    std::vector<std::string> got;
    for (const auto& d : result.diagnostics) {
      got.push_back(d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column));
    }
    INFO(entry.path().filename().string() << ": " << test::codes_of(result.diagnostics));
    CHECK(got == expectations(read.source->text()));
    // Every diagnostic names this file and, except whole-file ones, a real line.
    for (const auto& d : result.diagnostics) {
      CHECK(d.source == read.source);
      CHECK(!d.message.empty());
    }
  }
  CHECK(files >= 5);
}

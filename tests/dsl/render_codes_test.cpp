#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "dsl/diag/codes.hpp"

using namespace gradus;

namespace {

struct Section {
  std::string title;
  std::string body;
  bool anchored = false;
};

// docs/diagnostics.md, cut at every "## Gdddd title" heading.
std::map<std::string, Section> documented_codes() {
  std::ifstream in(std::string(GRADUS_SOURCE_DIR) + "/docs/diagnostics.md");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  std::map<std::string, Section> sections;
  static const std::regex heading(R"(^## (G\d{4}) (.+)$)");
  std::istringstream lines(text);
  std::string line, previous, current;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) {
      current = m[1];
      INFO("heading " << current);
      CHECK(sections.count(current) == 0);  // documented once
      Section& s = sections[current];
      s.title = m[2];
      std::string anchor = "<a id=\"g" + current.substr(1) + "\"></a>";
      s.anchored = previous == anchor;
    } else if (line.rfind("## ", 0) == 0) {
      current.clear();  // another kind of section
    } else if (!current.empty()) {
      sections[current].body += line + "\n";
    }
    if (!line.empty()) previous = line;
  }
  return sections;
}

}  // namespace

TEST_CASE("every registry code has a section in docs/diagnostics.md, with its title, severity, example and fix") {
  const auto sections = documented_codes();
  for (const auto& info : all_codes()) {
    const std::string code(info.code);
    INFO("code " << code);
    auto it = sections.find(code);
    REQUIRE(it != sections.end());
    const Section& s = it->second;
    CHECK(s.title == std::string(info.title));
    CHECK(s.anchored);  // the helpUri of SARIF rules points at #gNNNN
    CHECK(s.body.find(std::string("*") + to_string(info.severity) + "*") != std::string::npos);
    CHECK(s.body.find("Example") != std::string::npos);
    CHECK(s.body.find("Fix") != std::string::npos);
  }
}

TEST_CASE("docs/diagnostics.md documents no code the registry lacks") {
  for (const auto& [code, section] : documented_codes()) {
    INFO("documented code " << code);
    CHECK(find_code(code) != nullptr);
  }
}

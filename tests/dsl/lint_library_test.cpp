// The bundled protocol library must lint clean: protocols/ passes `check --strict`.
#include "tests/dsl/lint_test_support.hpp"

#include <filesystem>

#include "dsl/check/checker.hpp"

using namespace lint_test;

namespace {

std::vector<std::filesystem::path> library() {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path dir = std::filesystem::path(GRADUS_SOURCE_DIR) / "protocols";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".gradus") out.push_back(entry.path());
  }
  return out;
}

}  // namespace

TEST_CASE("the protocols in protocols/ raise no lint (bsi-tibia aside, see below)") {
  for (const auto& path : library()) {
    if (path.filename() == "bsi-tibia.gradus") continue;
    INFO(path.filename().string());
    const auto diags = lint_text(read_file(path.string()));
    INFO(describe(diags));
    CHECK(diags.empty());
  }
}

// Known finding, reported to the protocol's owner instead of edited here:
// its safety `regress if worst_pain >= 1` reads pain_after through
// worst_pain, and the `hold if missing(...)` rule names pain_during and
// pain_morning but not pain_after (the other bone protocols do list it).
// Marked !mayfail until the example adds `or missing(pain_after)`.
TEST_CASE("protocols/bsi-tibia.gradus raises no lint", "[!mayfail]") {
  const auto path = std::filesystem::path(GRADUS_SOURCE_DIR) / "protocols" / "bsi-tibia.gradus";
  const auto diags = lint_text(read_file(path.string()));
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("bsi-tibia's only lint is the missing pain_after guard") {
  const auto path = std::filesystem::path(GRADUS_SOURCE_DIR) / "protocols" / "bsi-tibia.gradus";
  const std::string text = read_file(path.string());
  const auto diags = lint_text(text);
  INFO(describe(diags));
  for (const auto& d : diags) {
    CHECK(d.code == "G0404");
    CHECK_THAT(d.message, Catch::Matchers::Contains("pain_after"));
  }
  // With the guard added, the example is clean.
  std::string fixed = text;
  const std::string from = "missing(pain_during) or missing(pain_morning)";
  const auto at = fixed.find(from);
  REQUIRE(at != std::string::npos);
  fixed.replace(at, from.size(), "missing(pain_during) or missing(pain_after) or missing(pain_morning)");
  const auto after = lint_text(fixed);
  INFO(describe(after));
  CHECK(after.empty());
}

TEST_CASE("the library lints the same through check_protocol, with the checker's annotations") {
  for (const auto& path : library()) {
    INFO(path.filename().string());
    auto source = std::make_shared<gradus::Source>(path.string(), read_file(path.string()));
    auto parsed = gradus::parse_protocol(source);
    REQUIRE(parsed.protocol);
    gradus::Diagnostics direct;
    gradus::run_lints(*parsed.protocol, {}, direct);
    auto checked = gradus::check_protocol(*parsed.protocol, {});
    std::vector<std::string> a, b;
    for (const auto& d : direct) a.push_back(d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column));
    for (const auto& d : checked.diagnostics) {
      if (d.code.rfind("G04", 0) == 0 && d.code != "G0401") {
        b.push_back(d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column));
      }
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a == b);
  }
}

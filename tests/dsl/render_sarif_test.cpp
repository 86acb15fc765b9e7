#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <sstream>

#include "dsl/diag/codes.hpp"
#include "dsl/diag/render_sarif.hpp"

using namespace gradus;
using json = nlohmann::json;

namespace {

// The builder's chained calls return an lvalue; its conversion wants an rvalue.
[[maybe_unused]] Diagnostic take(DiagnosticBuilder& b) { return std::move(b).build(); }

SarifRun test_run() {
  SarifRun run;
  run.tool_version = "9.8.7";
  run.information_uri = "https://example.org/gradus";
  run.docs_uri = "https://example.org/gradus/docs/diagnostics.md";
  return run;
}

json sarif_of(const Diagnostics& ds, const SarifRun& run = test_run()) {
  std::ostringstream out;
  render_sarif(out, ds, run);
  return json::parse(out.str());
}

}  // namespace

TEST_CASE("sarif: one run, the driver, code-point columns") {
  const json log = sarif_of({});
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["tool"]["driver"]["name"] == "gradus");
  CHECK(run["tool"]["driver"]["version"] == "9.8.7");
  CHECK(run["tool"]["driver"]["informationUri"] == "https://example.org/gradus");
  CHECK(run["tool"]["driver"]["rules"].empty());
  CHECK(run["results"].empty());
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("sarif: one rule per code used, from the registry, and results that point at them") {
  auto src = std::make_shared<Source>("protocols/caf\xC3\xA9 x.gradus", "input caf\xC3\xA9 flag\ninput caf\xC3\xA9 flag\n");
  Diagnostics ds{
      warning(src, Span{}, "G0401", "no source"),
      take(error(src, src->span(23, 28), "G0202", "input 'caf\xC3\xA9' is declared twice")
               .secondary(src->span(6, 11), "first declared here")
               .help("rename one")),
      warning(src, Span{}, "G0401", "no source again"),
  };
  const json run = sarif_of(ds)["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[0]["id"] == "G0202");
  CHECK(rules[0]["shortDescription"]["text"] == std::string(find_code("G0202")->title));
  CHECK(rules[0]["helpUri"] == "https://example.org/gradus/docs/diagnostics.md#g0202");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[1]["id"] == "G0401");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");

  const json& results = run["results"];
  REQUIRE(results.size() == 3);
  for (const auto& r : results) CHECK(rules[r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);

  const json& e = results[1];
  CHECK(e["level"] == "error");
  CHECK(e["message"]["text"] == "input 'caf\xC3\xA9' is declared twice\nhelp: rename one");
  const json& loc = e["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "protocols/caf%C3%A9%20x.gradus");
  // Columns count code points: the 'é' is one column, and endColumn is exclusive.
  CHECK(loc["region"]["startLine"] == 2);
  CHECK(loc["region"]["startColumn"] == 7);
  CHECK(loc["region"]["endLine"] == 2);
  CHECK(loc["region"]["endColumn"] == 11);
  REQUIRE(e["relatedLocations"].size() == 1);
  CHECK(e["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(e["relatedLocations"][0]["message"]["text"] == "first declared here");

  // A whole-file finding has a location with no region.
  CHECK(results[0]["level"] == "warning");
  CHECK(results[0]["locations"][0]["physicalLocation"].contains("artifactLocation"));
  CHECK_FALSE(results[0]["locations"][0]["physicalLocation"].contains("region"));
}

TEST_CASE("sarif: strict findings keep the registry's default level on the rule") {
  auto src = std::make_shared<Source>("p.gradus", "x\n");
  Diagnostic d = warning(src, Span{}, "G0401", "no source");
  d.severity = Severity::Error;  // what --strict does
  const json run = sarif_of({d})["runs"][0];
  CHECK(run["results"][0]["level"] == "error");
  CHECK(run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == "warning");
}

TEST_CASE("sarif: files that could not be read make the invocation unsuccessful") {
  SarifRun r = test_run();
  r.tool_errors = {"cannot read 'missing.gradus': No such file or directory"};
  const json inv = sarif_of({}, r)["runs"][0]["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  CHECK(inv["toolExecutionNotifications"][0]["message"]["text"] == r.tool_errors[0]);
  CHECK(inv["toolExecutionNotifications"][0]["level"] == "error");
}

TEST_CASE("sarif: a code missing from the registry still gets a rule") {
  auto src = std::make_shared<Source>("p.gradus", "x\n");
  const json rules = sarif_of({warning(src, Span{}, "G0999", "future")})["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 1);
  CHECK(rules[0]["id"] == "G0999");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "warning");
}

TEST_CASE("sarif: paths become URI references") {
  CHECK(path_to_uri("protocols/bsi-tibia.gradus") == "protocols/bsi-tibia.gradus");
  CHECK(path_to_uri("/tmp/a b.gradus") == "file:///tmp/a%20b.gradus");
  CHECK(path_to_uri("x#y?.gradus") == "x%23y%3F.gradus");
}

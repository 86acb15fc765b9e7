// The bundled example log loads against the real bundled protocol, parsed
// from protocols/bsi-tibia.gradus, with no diagnostic at all.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dsl/syntax/parser.hpp"
#include "engine/log/load.hpp"

using namespace gradus;

namespace {

SourcePtr read(const std::string& relative) {
  const std::string path = std::string(GRADUS_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return std::make_shared<const Source>(relative, text.str());
}

std::size_t input_index(const ast::Protocol& p, const std::string& name) {
  for (std::size_t i = 0; i < p.inputs.size(); ++i) {
    if (p.inputs[i].name == name) return i;
  }
  FAIL("no input " << name);
  return 0;
}

}  // namespace

TEST_CASE("protocols/examples/bsi-tibia.log.yaml loads with zero diagnostics") {
  const auto parsed = parse_protocol(read("protocols/bsi-tibia.gradus"));
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.protocol);
  const ast::Protocol& protocol = *parsed.protocol;

  const auto result = load_log(read("protocols/examples/bsi-tibia.log.yaml"), protocol);
  for (const auto& d : result.diagnostics) {
    UNSCOPED_INFO(d.code << " " << d.span.line << ":" << d.span.column << " " << d.message);
  }
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.log);
  const Log& log = *result.log;
  CHECK(log.protocol == protocol.id);
  CHECK(log.athlete == "A-0142");
  CHECK(log.baseline[input_index(protocol, "cadence")].value == 164);
  CHECK(log.baseline[input_index(protocol, "pain_morning")].present);

  // Four to six weeks in October-November 2026, oldest first.
  REQUIRE(log.entries.size() >= 15);
  CHECK(log.entries.front().date >= from_civil(2026, 10, 1));
  CHECK(log.entries.back().date <= from_civil(2026, 11, 30));
  CHECK(log.entries.back().date - log.entries.front().date >= 28);

  // A hop test on a rest day, a painful r1 session, and a return to walking.
  bool hop_on_rest_day = false, painful_r1 = false, walk_after_pain = false;
  const auto hop = input_index(protocol, "hop_lsi");
  const auto pain_during = input_index(protocol, "pain_during");
  for (const auto& e : log.entries) {
    if (e.rest && e.values[hop].present && e.values[hop].value >= 80) hop_on_rest_day = true;
    if (e.stage == "r1" && e.values[pain_during].value >= 1) painful_r1 = true;
    if (painful_r1 && e.stage == "walk") walk_after_pain = true;
    // Every session logs the pain scores the protocol holds on.
    if (!e.rest) {
      CHECK(e.values[pain_during].present);
      CHECK(e.values[input_index(protocol, "pain_morning")].present);
      CHECK(e.values[input_index(protocol, "pain_after")].present);
    }
  }
  CHECK(hop_on_rest_day);
  CHECK(painful_r1);
  CHECK(walk_after_pain);
}

TEST_CASE("the example log for another protocol is refused with G0508") {
  auto parsed = parse_protocol(read("protocols/bsi-tibia.gradus"));
  REQUIRE(parsed.protocol);
  parsed.protocol->id = "achilles";
  const auto result = load_log(read("protocols/examples/bsi-tibia.log.yaml"), *parsed.protocol);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == "G0508");
  CHECK(result.diagnostics[0].span.line > 0);
}

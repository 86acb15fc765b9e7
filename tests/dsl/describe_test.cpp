#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>

#include "dsl/check/checker.hpp"
#include "dsl/describe/description.hpp"
#include "dsl/describe/english.hpp"
#include "dsl/syntax/parser.hpp"

using namespace gradus;

namespace {

ast::Protocol checked(const std::string& text) {
  auto source = std::make_shared<Source>("t.gradus", text);
  ParseResult parsed = parse_protocol(source);
  REQUIRE(parsed.protocol);
  REQUIRE_FALSE(has_errors(parsed.diagnostics));
  CheckResult result = check_protocol(*parsed.protocol);
  REQUIRE(result.ok());
  return std::move(*parsed.protocol);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* kSmall = R"(protocol small "Small & <safe>"
version 1.0.0
source "Test"
input pain score 0..10 "bone pain during the run"
input swelling flag
let worst = max(pain, pain)
safety
  refer if swelling "See a clinician"
  regress if pain >= 1 then rest 1 day "Pain on loading"
  regress 2 stages if pain >= 5
  hold if missing(pain)
phase "Run"
  stage a "A"
    session 6 x (run 1 min, walk 4 min) at easy
    frequency 3 per week, every other day
    advance if pain == 0 for 2 sessions
  stage b "B"
    session run 30 min
    frequency daily
    min days 3
    discharge if all(pain == 0 over 3 sessions) "Done"
)";

}  // namespace

TEST_CASE("rules read as a clinician would say them") {
  ast::Protocol p = checked(kSmall);
  CHECK(describe_rule(p, p.safety[1]) ==
        "If bone pain during the run is 1/10 or more: rest 1 day, then go back one stage. (\"Pain on loading\")");
  CHECK(describe_rule(p, p.safety[2]) == "If bone pain during the run is 5/10 or more: go back 2 stages.");
  CHECK(describe_rule(p, p.safety[3]) == "If bone pain during the run was not logged: stay at this stage.");
  CHECK(describe_rule(p, p.safety[0]) == "If swelling: stop and see your clinician before going on. (\"See a clinician\")");
  const auto& advance = p.phases[0].stages[0].rules[0];
  CHECK(describe_rule(p, advance) ==
        "If bone pain during the run is 0/10, at each of the last 2 sessions at this stage: move on to the next stage.");
}

TEST_CASE("the description has every stage with its session and frequency and exit") {
  ast::Protocol p = checked(kSmall);
  Description d = describe_protocol(p);
  REQUIRE(d.stages.size() == 2);
  CHECK(d.stages[0].session == "6 x (run 1 min, walk 4 min) at easy");
  CHECK(d.stages[0].frequency == "3 times a week, every other day at most");
  CHECK(d.stages[1].frequency == "every day");
  CHECK(d.stages[1].move_on ==
        "bone pain during the run is 0/10, at every session in the last 3 sessions (then the programme ends); not "
        "before 3 days at this stage");
  CHECK(d.terms.size() == 1);
}

TEST_CASE("markdown and html carry the same content and html is escaped and self-contained") {
  ast::Protocol p = checked(kSmall);
  Description d = describe_protocol(p);
  const std::string md = render_markdown(d);
  const std::string html = render_html(d);
  CHECK(md.find("# Small & <safe>") != std::string::npos);
  CHECK(html.find("<title>Small &amp; &lt;safe&gt;</title>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // no external resources
  CHECK(html.find("@media print") != std::string::npos);
  for (const auto& s : d.stages) {
    CHECK(md.find("### " + s.id + ": " + s.title) != std::string::npos);
    CHECK(html.find("<h3>" + s.id + ": " + s.title + "</h3>") != std::string::npos);
  }
}

TEST_CASE("every shipped protocol can be described") {
  for (const char* name : {"bsi-tibia", "achilles-silbernagel", "mtss-moen", "delaware-running", "military-knee",
                           "soreness-rules", "bsi-day-table"}) {
    INFO(name);
    ast::Protocol p = checked(read_file(std::string(GRADUS_SOURCE_DIR) + "/protocols/" + name + ".gradus"));
    Description d = describe_protocol(p);
    CHECK(d.stages.size() == ast::stage_count(p));
    CHECK_FALSE(d.citation.empty());
    CHECK(render_markdown(d).find("| Phase | Stage | Session | How often | Move on when |") != std::string::npos);
  }
}

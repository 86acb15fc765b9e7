#include <catch2/catch.hpp>

#include <memory>
#include <sstream>

#include "dsl/diag/render_json.hpp"

using namespace gradus;

namespace {
// The builder's chained calls return an lvalue; its conversion wants an rvalue.
[[maybe_unused]] Diagnostic take(DiagnosticBuilder& b) { return std::move(b).build(); }
}  // namespace
using json = nlohmann::json;

TEST_CASE("json: one object per finding with position, code, message, help, notes and labels") {
  auto src = std::make_shared<Source>("protocols/p.gradus", "input pain flag\ninput pain flag\n");
  Diagnostics ds{
      take(error(src, src->span(22, 26), "G0202", "input 'pain' is declared twice")
               .secondary(src->span(6, 10), "first declared here")
               .note("inputs are named once")
               .help("rename one")),
      warning(src, Span{}, "G0401", "no source"),
  };
  std::ostringstream out;
  render_json(out, ds);
  const json a = json::parse(out.str());
  REQUIRE(a.is_array());
  REQUIRE(a.size() == 2);
  const json& e = a[0];
  CHECK(e["file"] == "protocols/p.gradus");
  CHECK(e["line"] == 2);
  CHECK(e["column"] == 7);
  CHECK(e["end_line"] == 2);
  CHECK(e["end_column"] == 11);
  CHECK(e["severity"] == "error");
  CHECK(e["code"] == "G0202");
  CHECK(e["message"] == "input 'pain' is declared twice");
  CHECK(e["help"] == "rename one");
  CHECK(e["label"].is_null());
  CHECK(e["notes"] == json::array({"inputs are named once"}));
  REQUIRE(e["labels"].size() == 1);
  CHECK(e["labels"][0]["line"] == 1);
  CHECK(e["labels"][0]["column"] == 7);
  CHECK(e["labels"][0]["message"] == "first declared here");

  const json& w = a[1];
  CHECK(w["severity"] == "warning");
  CHECK(w["line"].is_null());
  CHECK(w["column"].is_null());
  CHECK(w["help"].is_null());
  CHECK(w["notes"].empty());
}

TEST_CASE("json: no findings is an empty array; no file is null") {
  std::ostringstream out;
  render_json(out, {});
  CHECK(out.str() == "[]\n");
  const json o = diagnostic_to_json(error(nullptr, Span{}, "G0601", "FIT file is damaged"));
  CHECK(o["file"].is_null());
}

TEST_CASE("json: invalid UTF-8 in a message is replaced, never thrown on") {
  auto src = std::make_shared<Source>("p.gradus", "\xFF\n");
  std::ostringstream out;
  REQUIRE_NOTHROW(render_json(out, {error(src, src->span(0, 1), "G0001", "invalid byte \xFF here")}));
  const json a = json::parse(out.str());
  CHECK(a[0]["message"] == "invalid byte \xEF\xBF\xBD here");
}

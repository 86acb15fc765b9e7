// The spec's full example and every bundled protocol parse cleanly, with the
// structure the spec describes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/source/read_source.hpp"
#include "parser_test_support.hpp"

using namespace gradus;

namespace {

ParseResult parse_file(const std::string& path) {
  auto read = read_source(path, 1u << 20);
  REQUIRE(read.source);
  return parse_protocol(read.source);
}

}  // namespace

TEST_CASE("the spec's bsi-tibia example parses with the right structure") {
  auto result = parse_file(std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus");
  INFO(test::codes_of(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.protocol);
  const ast::Protocol& p = *result.protocol;

  CHECK(p.id == "bsi_tibia");
  CHECK(p.title == "Tibial bone stress injury: return to run");
  REQUIRE(p.version);
  CHECK(p.version->value == "1.0.0");
  REQUIRE(p.citation);
  CHECK(p.citation->value.rfind("Warden SJ", 0) == 0);
  REQUIRE(p.order);
  CHECK(p.order->value == std::vector{ast::OrderDimension::Duration, ast::OrderDimension::Intensity,
                                      ast::OrderDimension::Frequency});
  // The two file comments lead the protocol line.
  REQUIRE(p.trivia.leading.size() == 2);
  CHECK(p.trivia.leading[0].text == "# Return to running after a low-risk tibial bone stress injury.");
  CHECK(p.trivia.leading[0].span.line == 1);

  REQUIRE(p.inputs.size() == 9);
  CHECK(p.inputs[0].name == "pain_during");
  CHECK(p.inputs[0].type.kind == ast::InputKind::Score);
  CHECK(p.inputs[0].type.lo.value == 0);
  CHECK(p.inputs[0].type.hi.value == 10);
  CHECK(p.inputs[0].description == "worst bone pain while running");
  CHECK(p.inputs[3].type.kind == ast::InputKind::Flag);
  CHECK_FALSE(p.inputs[4].description);
  CHECK(p.inputs[6].type.kind == ast::InputKind::Quantity);
  CHECK(p.inputs[6].type.unit == Unit::Spm);
  CHECK(p.inputs[7].type.kind == ast::InputKind::Percent);

  REQUIRE(p.lets.size() == 3);
  CHECK(p.lets[0].name == "worst_pain");
  CHECK(p.lets[0].value->kind == ast::ExprKind::Call);
  CHECK(p.lets[0].value->name == "max");
  CHECK(p.lets[0].value->args.size() == 2);
  CHECK(p.lets[1].value->kind == ast::ExprKind::Binary);
  CHECK(p.lets[1].value->op == ast::Op::Sub);
  const ast::Expr& abs = *p.lets[2].value;
  REQUIRE(abs.args.size() == 1);
  CHECK(abs.args[0]->args[1]->number.unit == Unit::Percent);
  CHECK(abs.args[0]->args[1]->number.text == "50");

  REQUIRE(p.has_safety);
  REQUIRE(p.safety.size() == 7);
  CHECK(p.safety[0].kind == ast::RuleKind::Refer);
  CHECK(p.safety[0].message == "Focal bone tenderness: stop running, refer for imaging");
  const ast::Expr& all = *p.safety[1].condition;
  CHECK(all.kind == ast::ExprKind::Call);
  CHECK(all.name == "all");
  REQUIRE(all.window);
  CHECK(all.window->unit == ast::WindowUnit::Sessions);
  CHECK(all.window->length.value == 2);
  CHECK(all.args[0]->op == ast::Op::Ge);
  CHECK(p.safety[2].kind == ast::RuleKind::Regress);
  REQUIRE(p.safety[2].rest_days);
  CHECK(p.safety[2].rest_days->value == 1);
  CHECK(p.safety[4].kind == ast::RuleKind::Hold);
  CHECK_FALSE(p.safety[4].message);
  CHECK(p.safety[5].condition->op == ast::Op::Or);
  CHECK(p.safety[6].kind == ast::RuleKind::Cue);

  REQUIRE(p.phases.size() == 2);
  CHECK(p.phases[0].name == "Return to function");
  REQUIRE(p.phases[0].stages.size() == 1);
  CHECK(p.phases[0].trivia.blank_before);
  const ast::Stage& walk = p.phases[0].stages[0];
  CHECK(walk.id == "walk");
  REQUIRE(walk.session);
  REQUIRE(walk.session->blocks.size() == 1);
  CHECK(walk.session->blocks[0].activity == ast::Activity::Walk);
  CHECK(walk.session->blocks[0].amount.value == 30);
  CHECK(walk.session->blocks[0].amount.unit == Unit::Min);
  REQUIRE(walk.frequency);
  CHECK(walk.frequency->per_week->value == 5);
  REQUIRE(walk.rules.size() == 1);
  const ast::Expr& adv = *walk.rules[0].condition;
  CHECK(adv.op == ast::Op::And);
  CHECK(adv.args[0]->kind == ast::ExprKind::Streak);
  CHECK(adv.args[0]->streak.value == 3);

  REQUIRE(p.phases[1].stages.size() == 5);
  const ast::Stage& r1 = p.phases[1].stages[0];
  REQUIRE(r1.session);
  REQUIRE(r1.session->blocks.size() == 1);
  const ast::Block& rep = r1.session->blocks[0];
  CHECK(rep.repeat);
  CHECK(rep.count.value == 6);
  REQUIRE(rep.children.size() == 2);
  CHECK(rep.children[0].activity == ast::Activity::Run);
  CHECK(rep.children[1].amount.value == 4);
  REQUIRE(rep.intensity);
  CHECK(rep.intensity->kind == ast::IntensityKind::Easy);
  CHECK(r1.frequency->every_other_day);
  const ast::Stage& tempo = p.phases[1].stages[3];
  REQUIRE(tempo.session->blocks.size() == 2);
  CHECK(tempo.session->blocks[1].intensity->kind == ast::IntensityKind::Moderate);
  const ast::Stage& x4 = p.phases[1].stages[4];
  CHECK(x4.frequency->per_week->value == 4);
  CHECK(x4.frequency->every_other_day);
  CHECK(x4.rules[0].kind == ast::RuleKind::Discharge);
  CHECK(x4.rules[0].message == "Ready for return to play");
}

TEST_CASE("every bundled protocol parses without diagnostics") {
  const std::filesystem::path dir = std::filesystem::path(GRADUS_SOURCE_DIR) / "protocols";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".gradus") continue;
    ++files;
    auto result = parse_file(entry.path().string());
    INFO(entry.path().string() << ": " << test::codes_of(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.protocol);
  }
  CHECK(files >= 1);
}

// Lets are defined before use: a forward or cyclic let is G0206 at the use,
// labelled at the definition.
#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace gradus;
using test::check_text;
using test::require_at;
using test::require_clean;

namespace {

std::string with_lets(const std::string& lets) {
  return "protocol t \"T\"\n"
         "source \"s\"\n"
         "input pain score 0..10\n" +
         lets +
         "stage a \"A\"\n"
         "  session run 10 min\n"
         "  frequency 3 per week\n"
         "  advance if pain == 0\n"
         "stage b \"B\"\n"
         "  session run 20 min\n"
         "  frequency 3 per week\n";
}

}  // namespace

TEST_CASE("G0206: a let used before its definition") {
  auto c = check_text(with_lets("let a = b + 1\nlet b = pain * 2\n"));
  const auto& d = require_at(c, "G0206", 4, 9);
  CHECK(d.message == "let 'b' is used before its definition");
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 5);
  CHECK(d.labels[0].span.column == 5);
  CHECK(d.help == "move `let b` above `let a`");
  CHECK(c.count("G0206") == 1);
  CHECK(c.count("G0210") == 0);  // no cascade from the untyped let

  require_clean(check_text(with_lets("let b = pain * 2\nlet a = b + 1\n")), "G0206");
}

TEST_CASE("G0206: a let that refers to itself, directly or through others") {
  auto self = check_text(with_lets("let a = a + 1\n"));
  CHECK(require_at(self, "G0206", 4, 9).message == "let 'a' refers to itself");

  auto cycle = check_text(with_lets("let a = b + 1\nlet b = c\nlet c = a\n"));
  const auto& d = require_at(cycle, "G0206", 4, 9);
  CHECK(d.message == "cyclic let: 'a' uses 'b', which leads back to 'a'");
  CHECK(cycle.count("G0206") == 2);  // a -> b and b -> c are forward; c -> a is backward and fine
}

TEST_CASE("lets take the type of their value") {
  auto c = check_text(with_lets("let doubled = pain * 2\nlet flagged = doubled > 4\n"));
  INFO(c.codes());
  REQUIRE(c.check.ok());
  CHECK(c.expr("doubled > 4")->args[0]->type.kind == ast::TypeKind::Number);
  CHECK(c.expr("doubled > 4")->type.kind == ast::TypeKind::Boolean);
}

TEST_CASE("G0206: a long chain of forward lets is reported once per use, without blowing up") {
  std::string lets;
  const int n = 3000;
  for (int i = 0; i < n - 1; ++i) lets += "let a" + std::to_string(i) + " = a" + std::to_string(i + 1) + " + 1\n";
  lets += "let a" + std::to_string(n - 1) + " = pain\n";
  auto c = check_text(with_lets(lets));
  CHECK(c.count("G0206") == static_cast<std::size_t>(n - 1));
  const Diagnostic* d = c.find("G0206");
  REQUIRE(d);
  CHECK(d->message == "let 'a1' is used before its definition");  // a chain, not a cycle

  auto cycle = check_text(with_lets("let a = pain\nlet b = c * 2\nlet c = b + a\n"));
  CHECK(require_at(cycle, "G0206", 5, 9).message == "cyclic let: 'b' uses 'c', which leads back to 'b'");
}

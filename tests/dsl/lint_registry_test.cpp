// The lint registry: every entry is a documented G04xx warning code, named
// and described once; G0401 is the checker's, not the registry's.
#include "tests/dsl/lint_test_support.hpp"

#include <set>

#include "dsl/check/lint_registry.hpp"
#include "dsl/diag/codes.hpp"

TEST_CASE("every lint is a registered G04 warning code, with a unique name and a description") {
  std::set<std::string_view> codes, names;
  const std::string docs = lint_test::read_file(std::string(GRADUS_SOURCE_DIR) + "/docs/lints.md");
  for (const auto& lint : gradus::lint::all_lints()) {
    INFO(lint.code);
    const auto* info = gradus::find_code(lint.code);
    REQUIRE(info);
    CHECK(info->severity == gradus::Severity::Warning);
    CHECK(lint.code.substr(0, 3) == "G04");
    CHECK(codes.insert(lint.code).second);
    CHECK(names.insert(lint.name).second);
    CHECK_FALSE(lint.description.empty());
    CHECK(lint.run != nullptr);
    CHECK(gradus::lint::find_lint(lint.code) == &lint);
    CHECK(docs.find("## " + std::string(lint.code)) != std::string::npos);
  }
  CHECK(gradus::lint::find_lint("G0401") == nullptr);  // reported by the checker's structure pass
  // Every G04 code in the code registry is either a lint here or G0401.
  for (const auto& c : gradus::all_codes()) {
    if (c.code.substr(0, 3) != "G04" || c.code == "G0401") continue;
    INFO(c.code);
    CHECK(codes.count(c.code) == 1);
  }
}

TEST_CASE("a protocol with no stages or an empty safety section lints without crashing") {
  // Only the checker's errors stop these in practice; the lints must not assume them away.
  const std::string text = "protocol t \"T\"\nversion 1.0.0\nsource \"A\"\ninput pain score 0..10\nsafety\n"
                           "phase \"P\"\n  stage a \"A\"\n    session rest\n";
  const auto diags = lint_test::lint_text(text);
  INFO(lint_test::describe(diags));
  CHECK(lint_test::with_code(diags, "G0403").size() == 1);  // the only stage is a recovery stage: nowhere to go
}

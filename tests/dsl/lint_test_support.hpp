#pragma once
// Helpers for the lint tests: parse a protocol text, run the lints, pick
// findings by code.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dsl/check/lints.hpp"
#include "dsl/syntax/parser.hpp"

namespace lint_test {

inline gradus::Diagnostics lint_text(const std::string& text, gradus::CheckOptions options = {}) {
  auto source = std::make_shared<gradus::Source>("test.gradus", text);
  auto parsed = gradus::parse_protocol(source);
  for (const auto& d : parsed.diagnostics) INFO(d.code << " " << d.span.line << ":" << d.span.column << " " << d.message);
  REQUIRE(parsed.protocol);
  REQUIRE_FALSE(gradus::has_errors(parsed.diagnostics));
  gradus::Diagnostics out;
  gradus::run_lints(*parsed.protocol, options, out);
  return out;
}

inline std::vector<gradus::Diagnostic> with_code(const gradus::Diagnostics& all, const std::string& code) {
  std::vector<gradus::Diagnostic> out;
  for (const auto& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

inline std::string describe(const gradus::Diagnostics& all) {
  std::string s;
  for (const auto& d : all) {
    s += d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message + "\n";
  }
  return s;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A minimal valid protocol head: inputs and safety the tests build on.
inline const char* kHead =
    "protocol t \"Test\"\n"          // line 1
    "version 1.0.0\n"                // line 2
    "source \"A B. J 2020;1:1\"\n";  // line 3

}  // namespace lint_test

namespace lint_test {

// 1-based line and column of the first occurrence of `needle` (ASCII texts),
// so tests name the place a finding must point at instead of counting by hand.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

inline Position position_of(const std::string& text, const std::string& needle, std::size_t occurrence = 1) {
  std::size_t at = std::string::npos, from = 0;
  for (std::size_t i = 0; i < occurrence; ++i) {
    at = text.find(needle, from);
    REQUIRE(at != std::string::npos);
    from = at + 1;
  }
  Position p{1, 1};
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// Exactly one finding with `code`, at `needle`, whose message contains `fragment`.
inline gradus::Diagnostic expect_one(const gradus::Diagnostics& all, const std::string& code, const std::string& text,
                                     const std::string& needle, const std::string& fragment, std::size_t occurrence = 1) {
  INFO(describe(all));
  const auto found = with_code(all, code);
  REQUIRE(found.size() == 1);
  const auto where = position_of(text, needle, occurrence);
  CHECK(found[0].span.line == where.line);
  CHECK(found[0].span.column == where.column);
  CHECK_THAT(found[0].message, Catch::Matchers::Contains(fragment));
  CHECK_FALSE(found[0].help.empty());
  return found[0];
}

}  // namespace lint_test

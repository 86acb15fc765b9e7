#pragma once
// Helpers shared by the formatter's tests: parse text that must be valid,
// read a protocol from the repository, count comments.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dsl/syntax/parser.hpp"

namespace gradus::format_test {

inline ast::Protocol parse_ok(const std::string& text, const std::string& path = "test.gradus") {
  auto result = parse_protocol(std::make_shared<const Source>(path, text));
  for (const auto& d : result.diagnostics) {
    if (d.severity == Severity::Error) FAIL_CHECK(path << ":" << d.span.line << ":" << d.span.column << ": " << d.message);
  }
  REQUIRE(result.protocol.has_value());
  REQUIRE_FALSE(has_errors(result.diagnostics));
  return std::move(*result.protocol);
}

inline std::string read_repo_file(const std::string& relative) {
  std::ifstream in(std::string(GRADUS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Comments in a text: a '#' outside a string starts one, up to the end of
// the line. The formatter must neither drop nor invent any.
inline std::size_t count_comments(const std::string& text) {
  std::size_t count = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      in_string = false;
    } else if (c == '"') {
      in_string = !in_string;
    } else if (c == '#' && !in_string) {
      ++count;
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    }
  }
  return count;
}

}  // namespace gradus::format_test

#pragma once
// Helpers for the parser tests: parse text held in memory, find diagnostics.
#include <memory>
#include <string>

#include "dsl/syntax/parser.hpp"

namespace gradus::test {

inline ParseResult parse_text(std::string text, const ParseLimits& limits = {}) {
  return parse_protocol(std::make_shared<const Source>("test.gradus", std::move(text)), limits);
}

inline std::string codes_of(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += (out.empty() ? "" : " ") + d.code + "@" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) +
           " " + d.message;
  }
  return out;
}

// A minimal valid header to put test statements under.
inline const char* kHeader = "protocol t \"T\"\n";

}  // namespace gradus::test

#pragma once
// Helpers for the checker tests: parse text with parse_protocol, check it,
// find diagnostics by code, and find expressions by their source text.
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <string>

#include "dsl/check/checker.hpp"
#include "dsl/syntax/parser.hpp"

namespace gradus::test {

struct Checked {
  SourcePtr source;
  std::optional<ast::Protocol> protocol;
  Diagnostics parse;
  CheckResult check;

  // "G0203@31:16 message ..." for every finding, for INFO() on failure.
  std::string codes() const {
    std::string out;
    for (const auto* list : {&parse, &check.diagnostics}) {
      for (const auto& d : *list) {
        out += (out.empty() ? "" : "\n") + d.code + "@" + std::to_string(d.span.line) + ":" +
               std::to_string(d.span.column) + " " + d.message + (d.help.empty() ? "" : " | help: " + d.help);
      }
    }
    return out;
  }

  const Diagnostic* find(std::string_view code) const {
    for (const auto& d : check.diagnostics) {
      if (d.code == code) return &d;
    }
    return nullptr;
  }

  std::size_t count(std::string_view code) const {
    std::size_t n = 0;
    for (const auto& d : check.diagnostics) n += d.code == code;
    return n;
  }

  // The first expression (pre-order, lets then rules) whose source text is `text`.
  ast::Expr* expr(std::string_view text) {
    ast::Expr* found = nullptr;
    std::function<void(ast::Expr&)> walk = [&](ast::Expr& e) {
      if (found) return;
      if (std::string_view(source->text()).substr(e.span.begin, e.span.end - e.span.begin) == text) {
        found = &e;
        return;
      }
      for (auto& a : e.args) {
        if (a) walk(*a);
      }
    };
    for (auto& let : protocol->lets) {
      if (let.value) walk(*let.value);
    }
    for (auto& r : protocol->safety) {
      if (r.condition) walk(*r.condition);
    }
    for (auto& ph : protocol->phases) {
      for (auto& st : ph.stages) {
        for (auto& r : st.rules) {
          if (r.condition) walk(*r.condition);
        }
      }
    }
    return found;
  }
};

// The finding with `code`, asserted to start at line:column.
inline const Diagnostic& require_at(const Checked& c, std::string_view code, std::uint32_t line, std::uint32_t column) {
  INFO(c.codes());
  const Diagnostic* d = c.find(code);
  REQUIRE(d);
  CHECK(d->span.line == line);
  CHECK(d->span.column == column);
  CHECK(d->severity == Severity::Error);
  return *d;
}

// No finding with `code` (and, for error codes, no error at all).
inline void require_clean(const Checked& c, std::string_view code) {
  INFO(c.codes());
  CHECK(c.find(code) == nullptr);
  CHECK(c.check.ok());
}

// Parses `text` (which must parse cleanly) and checks it.
inline Checked check_text(std::string text, CheckOptions options = {}) {
  Checked c;
  c.source = std::make_shared<const Source>("test.gradus", std::move(text));
  auto parsed = parse_protocol(c.source);
  c.parse = parsed.diagnostics;
  INFO(c.codes());
  REQUIRE_FALSE(has_errors(parsed.diagnostics));
  REQUIRE(parsed.protocol);
  c.protocol = std::move(parsed.protocol);
  c.check = check_protocol(*c.protocol, options);
  return c;
}

// A small valid protocol; tests append or substitute lines. Line numbers:
// 1 protocol, 2 source, 3..7 inputs, 8 let, 9 safety, 10 rule, 11 phase,
// 12 stage a, 13 session, 14 frequency, 15 advance, 16 stage b, 17 session, 18 frequency,
// 19 discharge. With the default rules it checks with no finding at all, even under --strict.
inline std::string base_protocol(std::string stage_rule = "advance if worst_pain == 0 for 2 sessions",
                                 std::string safety_rule = "hold if missing(pain_during) or missing(pain_after)") {
  return "protocol t \"T\"\n"
         "source \"A. J 2020\"\n"
         "input pain_during score 0..10\n"
         "input pain_after  score 0..10\n"
         "input cadence     spm\n"
         "input hop_lsi     percent\n"
         "input swelling    flag\n"
         "let worst_pain = max(pain_during, pain_after)\n"
         "safety\n"
         "  " + safety_rule + "\n"
         "phase \"P\"\n"
         "  stage a \"A\"\n"
         "    session run 10 min at easy\n"
         "    frequency 3 per week\n"
         "    " + stage_rule + "\n"
         "  stage b \"B\"\n"
         "    session run 20 min at easy\n"
         "    frequency 3 per week\n"
         "    discharge if worst_pain == 0 for 3 sessions\n";
}

}  // namespace gradus::test

#pragma once
// Helpers for the evaluation tests: compile protocol text and load a YAML
// log, failing the test (with the diagnostics) when either has errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/diag/render_text.hpp"
#include "engine/eval/protocol.hpp"
#include "engine/log/date.hpp"

namespace gradus::test {

inline std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::ostringstream out;
  render_text(out, diagnostics);
  return out.str();
}

inline Protocol compile_ok(const std::string& text) {
  auto result = Protocol::compile("test.gradus", text);
  INFO(diagnostics_text(result.diagnostics));
  REQUIRE(result.protocol.has_value());
  return *result.protocol;
}

inline Log load_ok(const Protocol& protocol, const std::string& yaml) {
  auto result = protocol.load_log("test.log.yaml", yaml);
  INFO(diagnostics_text(result.diagnostics));
  REQUIRE(result.log.has_value());
  return *result.log;
}

inline Date day(const char* text) {
  const auto d = parse_date(text);
  REQUIRE(d.has_value());
  return *d;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// protocols/*.gradus, discovered rather than listed, in name order.
inline std::vector<std::filesystem::path> shipped_protocol_paths() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(GRADUS_SOURCE_DIR "/protocols"))
    if (e.path().extension() == ".gradus") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace gradus::test

namespace gradus::test {

// A protocol and a log, with the questions the tests ask of them.
struct Scenario {
  Protocol protocol;
  Log log;
  Scenario(const std::string& protocol_text, const std::string& log_yaml)
      : protocol(compile_ok(protocol_text)), log(load_ok(protocol, log_yaml)) {}

  eval::Advice advise(const char* date) const { return protocol.advise(log, day(date)); }
  eval::Timeline timeline() const { return protocol.explain(log); }
  // The decision judged at the session on `date`.
  const eval::TimelineDay& at(const eval::Timeline& t, const char* date) const {
    const Date d = day(date);
    for (const auto& entry : t.days) {
      if (entry.date == d && entry.kind != eval::TimelineKind::AutoAdvance) return entry;
    }
    FAIL("no entry on " << date);
    return t.days.front();
  }
};

inline bool has_fired(const eval::Advice& a, const std::string& rule) {
  for (const auto& f : a.fired) {
    if (f.rule == rule) return true;
  }
  return false;
}

}  // namespace gradus::test

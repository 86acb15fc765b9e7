// A long log is parsed in two halves at once (engine/log/load.cpp): the
// result must be exactly the whole file's, Log and diagnostics alike, for
// clean logs and for logs with a problem anywhere, the cut included.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "engine/log/load.hpp"
#include "tests/engine/eval_support.hpp"
#include "tests/engine/safety_logs.hpp"

using namespace gradus;

namespace {

LogLoadResult load(const std::string& text, const ast::Protocol& protocol, bool halves) {
  LogLimits limits;
  limits.parallel_min_bytes = halves ? 0 : SIZE_MAX;
  return load_log(std::make_shared<const Source>("athlete.log.yaml", text), protocol, limits);
}

std::string span_text(const Span& s) {
  return std::to_string(s.begin) + "-" + std::to_string(s.end) + "@" + std::to_string(s.line) + ":" +
         std::to_string(s.column) + "-" + std::to_string(s.end_line) + ":" + std::to_string(s.end_column);
}

// Everything a load gives, as text: equal texts, equal loads.
std::string describe(const LogLoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.code + " " + span_text(d.span) + " " + d.message + "\n";
  if (!r.log) return out + "no log\n";
  const Log& log = *r.log;
  out += "athlete " + log.athlete.value_or("-") + ", protocol " + log.protocol.value_or("-") + "\nbaseline";
  const auto values = [&](const std::vector<LogValue>& vs) {
    for (const auto& v : vs) out += v.present ? " " + std::to_string(v.value) + "@" + span_text(v.span) : " -";
    out += "\n";
  };
  values(log.baseline);
  for (const auto& e : log.entries) {
    out += to_string(e.date) + " " + span_text(e.span) + (e.rest ? " rest" : "") + (e.cleared ? " cleared" : "") +
           " stage " + e.stage.value_or("-") + " minutes " + (e.minutes ? std::to_string(*e.minutes) : "-") +
           " note " + e.note.value_or("-");
    values(e.values);
  }
  return out;
}

// Lines of `text`, and the text of some lines back.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    out.push_back(text.substr(at, end - at));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}
std::string joined(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const auto& l : lines) out += l + eol;
  return out;
}

}  // namespace

TEST_CASE("a log loaded in two halves is the whole file's, clean or not", "[log][halves]") {
  const Protocol protocol = test::compile_ok(test::read_file(GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus"));
  const ast::Protocol& ast = protocol.syntax();
  std::mt19937_64 rng(0x4a1f);
  // What goes in at the middle line (the cut falls there or just after),
  // each a way the halves could part from the whole.
  const std::vector<std::string> at_cut = {
      "",                                                   // clean
      "  - date: 2020-01-01",                               // out of order across the cut
      "  - {date: 2100-01-01, pain_during: 1}",             // a flow entry
      "  - date: 2100-01-02\n    note: \"a quote that\n  - date: 2100-01-03\n    goes on\"",  // a quote across an item line
      "  - date: 2100-01-04\n    note: |\n      block\n      text",  // a block scalar
      "  - &a {date: 2100-01-05}",                          // an anchor
      "  - *a",                                             // an alias
      "baseline: {pain_morning: 1}",                        // a top key in the middle
      "protocol: bsi_tibia",                                // a top key given twice
      "---",                                                // a second document
      "  # - date: 2100-01-06",                             // a comment like an item
      "  - date: 2100-01-07\n    pain_during: [1, 2]",      // a value of the wrong shape
      "  - date: 2100-01-08\n    pain_during: 11",          // out of range
      "entries:",                                           // entries twice
      "  -",                                                // an empty item
      "\t- date: 2100-01-09",                               // a tab
  };
  int compared = 0, clean = 0;
  for (int n = 0; n < 60; ++n) {
    Log log = test::random_safety_log(rng, ast, test::day("2024-01-01"), {6, 80});
    for (auto& e : log.entries) e.rest = e.cleared = false;  // keep the YAML to inputs
    std::string text = test::log_yaml(ast, log);
    if (n % 3 == 0) text = "athlete: Jo\n" + text + "baseline: {pain_morning: 0}\n";  // keys before and after
    std::vector<std::string> lines = lines_of(text);
    for (const std::string& insert : at_cut) {
      std::vector<std::string> edited = lines;
      if (!insert.empty()) edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(edited.size() / 2), insert);
      for (const std::string eol : {"\n", "\r\n"}) {
        const std::string variant = (n % 5 == 0 ? "\xEF\xBB\xBF" : "") + joined(edited, eol);
        const auto whole = load(variant, ast, false);
        const auto halves = load(variant, ast, true);
        INFO(variant);
        CHECK(describe(halves) == describe(whole));
        ++compared;
        clean += whole.diagnostics.empty();
      }
    }
  }
  INFO(compared << " logs compared, " << clean << " of them clean");
  CHECK(clean >= compared / 10);  // the clean ones are the ones loaded in halves
}

// The YAML log loader: the format of docs/logs.md, one test per rule and per
// error code, each error checked for its line and column.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "engine/log/load.hpp"
#include "fixtures/logs/protocols.hpp"

using namespace gradus;

namespace {

LogLoadResult load(const std::string& text, const ast::Protocol& protocol, const LogLimits& limits = {}) {
  return load_log(std::make_shared<const Source>("athlete.log.yaml", text), protocol, limits);
}

std::size_t count_code(const Diagnostics& ds, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

const Diagnostic* find_code(const Diagnostics& ds, const std::string& code) {
  for (const auto& d : ds) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

std::string codes(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += d.code + "@" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message + "\n";
  return out;
}

// Expects exactly one error, with `code`, at line:column; returns it.
Diagnostic one_error(const std::string& text, const ast::Protocol& protocol, const std::string& code,
                     std::uint32_t line, std::uint32_t column) {
  const auto r = load(text, protocol);
  INFO(codes(r.diagnostics));
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics.front();
  CHECK(d.code == code);
  CHECK(d.severity == Severity::Error);
  CHECK(d.span.line == line);
  CHECK(d.span.column == column);
  CHECK_FALSE(r.log);
  REQUIRE(d.source);
  CHECK(d.source->path() == "athlete.log.yaml");
  return d;
}

const ast::Protocol kBsi = test::bsi_tibia();
const ast::Protocol kKinds = test::every_kind();

}  // namespace

TEST_CASE("the spec's example log loads with every value in place") {
  const std::string text =
      "athlete: A-0142\n"
      "protocol: bsi_tibia\n"
      "baseline: {pain_morning: 1}\n"
      "entries:\n"
      "  - date: 2026-10-01\n"
      "    stage: walk            # optional\n"
      "    minutes: 30\n"
      "    pain_during: 1\n"
      "    pain_after: 2\n"
      "    pain_morning: 1\n"
      "    swelling: false\n"
      "    rpe: 3\n"
      "    cadence: 168\n"
      "    gct_balance: 50.8\n";
  const auto r = load(text, kBsi);
  INFO(codes(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.log);
  const Log& log = *r.log;
  CHECK(log.athlete == "A-0142");
  CHECK(log.protocol == "bsi_tibia");
  REQUIRE(log.baseline.size() == kBsi.inputs.size());
  CHECK(log.baseline[2].present);
  CHECK(log.baseline[2].value == 1);
  CHECK_FALSE(log.baseline[0].present);
  REQUIRE(log.entries.size() == 1);
  const LogEntry& e = log.entries[0];
  CHECK(e.date == from_civil(2026, 10, 1));
  CHECK(e.span.line == 5);
  CHECK(e.stage == "walk");
  CHECK(e.minutes == 30);
  REQUIRE(e.values.size() == kBsi.inputs.size());
  CHECK(e.values[0].value == 1);
  CHECK(e.values[1].value == 2);
  CHECK(e.values[4].present);
  CHECK(e.values[4].value == 0);
  CHECK(e.values[6].value == 168);  // spm is the base unit of cadence
  CHECK(e.values[7].value == 50.8);
  CHECK_FALSE(e.values[3].present);  // bone_tenderness not written: missing
  CHECK_FALSE(e.values[8].present);
  // Value spans point at the value as written.
  CHECK(e.values[7].span.line == 14);
  CHECK(e.values[7].span.column == 18);
  CHECK(e.values[7].span.size() == 4);
}

TEST_CASE("entries: [] is a valid log with no sessions") {
  const auto r = load("protocol: bsi_tibia\nentries: []\n", kBsi);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.log);
  CHECK(r.log->entries.empty());
  CHECK_FALSE(r.log->athlete);
  CHECK(r.log->baseline.size() == kBsi.inputs.size());
}

TEST_CASE("values are stored in the engine's representation for each input kind") {
  const std::string text =
      "entries:\n"
      "  - date: 2026-10-01\n"
      "    pain: 3.5\n"
      "    sore: true\n"
      "    hops: 12\n"
      "    lsi: 87.5\n"
      "    gct: 250\n"
      "    plank: 1.5\n"
      "    effusion: 2+\n"
      "    onset: next_day\n"
      "  - date: 2026-10-02\n"
      "    sore: FALSE\n"
      "    lsi: 90%\n"
      "    plank: 90 s\n"
      "    effusion: \"1+\"\n"
      "    onset: ~\n"
      "    pain: null\n"
      "    hops:\n"
      "    rest: true\n"
      "    cleared: true\n"
      "    note: 'hop test only: it''s fine'\n";
  const auto r = load(text, kKinds);
  INFO(codes(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.log);
  REQUIRE(r.log->entries.size() == 2);
  const auto& a = r.log->entries[0].values;
  CHECK(a[0].value == 3.5);
  CHECK(a[1].value == 1);
  CHECK(a[2].value == 12);
  CHECK(a[3].value == 87.5);
  CHECK(a[4].value == Approx(0.25));  // ms -> seconds
  CHECK(a[5].value == Approx(90));    // min -> seconds
  CHECK(a[6].value == 3);             // index of 2+
  CHECK(a[7].value == 2);             // index of next_day
  const auto& e = r.log->entries[1];
  CHECK(e.values[1].present);
  CHECK(e.values[1].value == 0);
  CHECK(e.values[3].value == 90);
  CHECK(e.values[5].value == Approx(90));  // 90 s written with its unit
  CHECK(e.values[6].value == 2);
  CHECK_FALSE(e.values[7].present);  // ~ is missing
  CHECK_FALSE(e.values[0].present);  // null is missing
  CHECK_FALSE(e.values[2].present);  // empty is missing
  CHECK(e.rest);
  CHECK(e.cleared);
  CHECK(e.note == "hop test only: it's fine");
  CHECK_FALSE(r.log->entries[0].rest);
}

TEST_CASE("G0501: invalid YAML is reported at the parser's position") {
  const auto d = one_error("entries:\n  - date: 2026-10-01\n    pain: 1\n  bad\n", kKinds, "G0501", 4, 3);
  CHECK(d.message.find("not valid YAML") != std::string::npos);
  one_error("entries: [\n  {date: 2026-10-01}\n  \"unterminated\n", kKinds, "G0501", 3, 3);
  // docs/diagnostics.md's example: keys of one entry indented differently.
  const auto r = load("entries:\n  - date: 2026-10-01\n   pain: 1\n", kKinds);
  INFO(codes(r.diagnostics));
  CHECK(count_code(r.diagnostics, "G0501") == 1);
  CHECK_FALSE(r.log);
}

TEST_CASE("G0502: wrong shapes are each reported, and the rest is still checked") {
  const std::string text =
      "baseline: [1, 2]\n"                  // baseline not a map
      "entries:\n"
      "  - 2026-10-01\n"                    // entry not a map
      "  - date: 2026-10-02\n"
      "    pain: [1, 2]\n"                  // list where a value goes
      "    lsi: {a: 1}\n"                   // map where a value goes
      "  - date: 2026-10-03\n"
      "    pian: 2\n";                      // and an unknown key later on
  const auto r = load(text, kKinds);
  INFO(codes(r.diagnostics));
  CHECK(count_code(r.diagnostics, "G0502") == 4);
  CHECK(count_code(r.diagnostics, "G0503") == 1);
  CHECK_FALSE(r.log);
  CHECK(r.diagnostics[0].span.line == 1);
  CHECK(r.diagnostics[0].span.column == 11);
  CHECK(r.diagnostics[1].span.line == 3);
  CHECK(r.diagnostics[1].span.column == 5);
  CHECK(r.diagnostics[2].span.line == 5);
  CHECK(r.diagnostics[2].span.column == 11);
  CHECK(r.diagnostics[3].span.line == 6);
}

TEST_CASE("G0502: entries must be a list and must be there") {
  one_error("entries: {date: 2026-10-01}\n", kKinds, "G0502", 1, 10);
  one_error("entries:\n", kKinds, "G0502", 1, 1);
  one_error("athlete: x\n", kKinds, "G0502", 1, 1);
}

TEST_CASE("G0502: a key given twice is an error, not a silent overwrite") {
  const auto d = one_error("entries:\n  - date: 2026-10-01\n    pain: 1\n    pain: 2\n", kKinds, "G0502", 4, 5);
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 3);
  one_error("entries: []\nentries: []\n", kKinds, "G0502", 2, 1);
}

TEST_CASE("G0503: unknown keys get a did-you-mean over inputs and reserved keys") {
  auto d = one_error("entries:\n  - date: 2026-10-01\n    pain_durnig: 1\n", kBsi, "G0503", 3, 5);
  CHECK(d.help.find("pain_during") != std::string::npos);
  CHECK(d.span.size() == 11);
  d = one_error("entries:\n  - date: 2026-10-01\n    minuts: 30\n", kBsi, "G0503", 3, 5);
  CHECK(d.help.find("minutes") != std::string::npos);
  d = one_error("baseline: {cadense: 160}\nentries: []\n", kBsi, "G0503", 1, 12);
  CHECK(d.help.find("cadence") != std::string::npos);
  d = one_error("entires: []\n", kBsi, "G0503", 1, 1);
  // and the missing entries list is not reported twice: the typo is the story
}

TEST_CASE("G0504: values of the wrong type") {
  one_error("entries:\n  - date: 2026-10-01\n    pain: high\n", kKinds, "G0504", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    pain: \"3\"\n", kKinds, "G0504", 3, 11);  // quoted: text
  one_error("entries:\n  - date: 2026-10-01\n    sore: yes\n", kKinds, "G0504", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    sore: 1\n", kKinds, "G0504", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    hops: 2.5\n", kKinds, "G0504", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    gct: 30 km\n", kKinds, "G0504", 3, 10);
  one_error("entries:\n  - date: 2026-10-01\n    lsi: .inf\n", kKinds, "G0504", 3, 10);
  one_error("entries:\n  - date: 2026-10-01\n    minutes: half\n", kKinds, "G0504", 3, 14);
  one_error("entries:\n  - date: 2026-10-01\n    rest: 1\n", kKinds, "G0504", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    pain: 0x10\n", kKinds, "G0504", 3, 11);
}

TEST_CASE("G0505: values out of range, with the allowed names") {
  auto d = one_error("entries:\n  - date: 2026-10-01\n    pain: 11\n", kKinds, "G0505", 3, 11);
  CHECK(d.message.find("0..10") != std::string::npos);
  one_error("entries:\n  - date: 2026-10-01\n    pain: -1\n", kKinds, "G0505", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    hops: -2\n", kKinds, "G0505", 3, 11);
  one_error("entries:\n  - date: 2026-10-01\n    gct: -5\n", kKinds, "G0505", 3, 10);
  one_error("entries:\n  - date: 2026-10-01\n    minutes: -5\n", kKinds, "G0505", 3, 14);
  d = one_error("entries:\n  - date: 2026-10-01\n    effusion: 4+\n", kKinds, "G0505", 3, 15);
  CHECK(d.help.find("3+") != std::string::npos);
  d = one_error("entries:\n  - date: 2026-10-01\n    onset: nextday\n", kKinds, "G0505", 3, 12);
  CHECK(d.help.find("next_day") != std::string::npos);
  // The boundaries themselves are in range.
  CHECK(load("entries:\n  - date: 2026-10-01\n    pain: 10\n  - date: 2026-10-02\n    pain: 0.0\n", kKinds).log);
}

TEST_CASE("G0506: invalid and missing dates") {
  one_error("entries:\n  - date: 2026-02-30\n", kKinds, "G0506", 2, 11);
  one_error("entries:\n  - date: 2026-1-5\n", kKinds, "G0506", 2, 11);
  one_error("entries:\n  - date: yesterday\n", kKinds, "G0506", 2, 11);
  one_error("entries:\n  - pain: 1\n", kKinds, "G0506", 2, 5);
  one_error("entries:\n  - date:\n    pain: 1\n", kKinds, "G0506", 2, 5);
  CHECK(load("entries:\n  - date: 2028-02-29\n", kKinds).log);  // a leap day is a day
}

TEST_CASE("G0507: a date repeated or out of order, at the later entry with a label on the earlier") {
  auto d = one_error(
      "entries:\n  - date: 2026-10-05\n  - date: 2026-10-06\n  - date: 2026-10-03\n  - date: 2026-10-07\n", kKinds,
      "G0507", 4, 11);
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == 3);
  d = one_error("entries:\n  - date: 2026-10-05\n  - date: 2026-10-05\n", kKinds, "G0507", 3, 11);
  CHECK(d.message.find("repeated") != std::string::npos);
  CHECK(d.labels[0].span.line == 2);
}

TEST_CASE("G0508: a log for another protocol") {
  const auto d = one_error("protocol: achilles\nentries: []\n", kBsi, "G0508", 1, 11);
  CHECK(d.message.find("bsi_tibia") != std::string::npos);
}

TEST_CASE("G0509: an empty file or a document that is not a map") {
  one_error("", kBsi, "G0509", 0, 0);
  one_error("# only a comment\n\n", kBsi, "G0509", 0, 0);
  one_error("---\n", kBsi, "G0509", 0, 0);
  one_error("- date: 2026-10-01\n", kBsi, "G0509", 1, 1);
  one_error("just text\n", kBsi, "G0509", 1, 1);
}

TEST_CASE("G0510: an unknown stage with did-you-mean") {
  const auto d = one_error("entries:\n  - date: 2026-10-01\n    stage: r3\n", kBsi, "G0510", 3, 12);
  const auto e = one_error("entries:\n  - date: 2026-10-01\n    stage: c30_temp\n", kBsi, "G0510", 3, 12);
  CHECK(e.help.find("c30_tempo") != std::string::npos);
  (void)d;
}

TEST_CASE("every error in the file is reported, not only the first") {
  const std::string text =
      "protocol: bsi_tibia\n"
      "entries:\n"
      "  - date: 2026-10-01\n"
      "    pain_during: 12\n"
      "    swelling: maybe\n"
      "  - date: 2026-10-01\n"
      "    stage: r9\n"
      "    cadense: 170\n";
  const auto r = load(text, kBsi);
  INFO(codes(r.diagnostics));
  CHECK(count_code(r.diagnostics, "G0505") == 1);
  CHECK(count_code(r.diagnostics, "G0504") == 1);
  CHECK(count_code(r.diagnostics, "G0507") == 1);
  CHECK(count_code(r.diagnostics, "G0510") == 1);
  CHECK(count_code(r.diagnostics, "G0503") == 1);
  CHECK_FALSE(r.log);
}

TEST_CASE("positions count characters, not bytes, and survive a BOM and CRLF") {
  // "é" is two bytes: the bad value is still the 21st character.
  auto d = one_error("entries:\n  - {note: é, pain: 99, date: 2026-10-01}\n", kKinds, "G0505", 2, 21);
  d = one_error("\xEF\xBB\xBF" "entries: 3\n", kKinds, "G0502", 1, 10);  // the BOM is not a column
  d = one_error("entries:\r\n  - date: 2026-10-01\r\n    pain: 99\r\n", kKinds, "G0505", 3, 11);
  CHECK(d.span.size() == 2);
}

TEST_CASE("hostile input: an alias bomb is refused without expansion") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + prev;
    bomb += "]\n";
  }
  bomb += "entries: *j\n";
  const auto r = load(bomb, kKinds);
  CHECK_FALSE(r.log);
  CHECK(count_code(r.diagnostics, "G0503") == 10);  // a..j are not log keys
  CHECK(count_code(r.diagnostics, "G0502") >= 1);   // the alias
  CHECK(r.diagnostics.size() < 30);
  // Aliases inside entries too.
  const auto r2 = load("entries:\n  - &e {date: 2026-10-01}\n  - *e\n", kKinds);
  CHECK(count_code(r2.diagnostics, "G0502") == 1);
  CHECK(find_code(r2.diagnostics, "G0502")->span.line == 3);
}

TEST_CASE("hostile input: 10,000-deep nesting is refused before parsing") {
  const std::string flow = "entries: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  auto d = one_error(flow, kKinds, "G0004", 1, 9 + 32);  // the top map is level 1
  std::string block = "entries:\n";
  for (int i = 0; i < 10000; ++i) block += "- ";
  block += "x\n";
  load(block, kKinds);  // must not crash
  const auto r = load(block, kKinds);
  CHECK(count_code(r.diagnostics, "G0004") == 1);
  std::string indented = "entries:\n";
  for (int i = 0; i < 300; ++i) indented += std::string(static_cast<std::size_t>(i), ' ') + "- \n";
  CHECK(count_code(load(indented, kKinds).diagnostics, "G0004") == 1);
  // Brackets inside quotes and comments do not count.
  const std::string quoted = "entries:\n  - date: 2026-10-01\n    note: \"" + std::string(100, '[') + "\" # " +
                             std::string(100, '{') + "\n    onset: during\n";
  const auto ok = load(quoted, kKinds);
  INFO(codes(ok.diagnostics));
  CHECK(ok.log);
}

TEST_CASE("hostile input: limits on size, entries and error count") {
  LogLimits small;
  small.max_bytes = 100;
  auto r = load("entries: []\n" + std::string(200, '#') + "\n", kKinds, small);
  CHECK(count_code(r.diagnostics, "G0003") == 1);
  CHECK_FALSE(r.log);

  LogLimits few;
  few.max_entries = 3;
  std::string text = "entries:\n";
  for (int d = 1; d <= 5; ++d) text += "  - date: 2026-10-0" + std::to_string(d) + "\n";
  r = load(text, kKinds, few);
  CHECK(count_code(r.diagnostics, "G0003") == 1);
  CHECK_FALSE(r.log);

  std::string many = "entries:\n  - date: 2026-10-01\n";
  for (int i = 0; i < 1000; ++i) many += "    x" + std::to_string(i) + ": 1\n";
  r = load(many, kKinds);
  CHECK(r.diagnostics.size() == LogLimits{}.max_errors + 1);
  CHECK(r.diagnostics.back().message.find("stopped after") != std::string::npos);
}

TEST_CASE("hostile input: invalid UTF-8, NUL bytes, a second document") {
  one_error("entries: []\nathlete: \xC3\x28\n", kKinds, "G0001", 2, 10);
  one_error(std::string("entries: []\nathlete: a\0b\n", 25), kKinds, "G0002", 2, 11);
  one_error("entries: []\n---\nentries: []\n", kKinds, "G0502", 2, 1);
}

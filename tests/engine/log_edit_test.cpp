// Editing a log's text to add or amend one day: the result loads, holds the
// values asked for, and keeps every other byte of the athlete's file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "engine/log/load.hpp"
#include "engine/log/log_edit.hpp"
#include "fixtures/logs/protocols.hpp"

using namespace gradus;

namespace {

const ast::Protocol kBsi = test::bsi_tibia();
const ast::Protocol kKinds = test::every_kind();

Log must_load(const std::string& text, const ast::Protocol& protocol) {
  auto r = load_log(std::make_shared<const Source>("athlete.log.yaml", text), protocol);
  std::string why;
  for (const auto& d : r.diagnostics) why += d.code + " " + std::to_string(d.span.line) + ": " + d.message + "\n";
  INFO(why);
  REQUIRE(r.log);
  return std::move(*r.log);
}

LogEditResult edit(const std::string& text, const ast::Protocol& protocol, const std::string& date,
                   std::vector<std::pair<std::string, std::string>> values) {
  const Log log = must_load(text, protocol);
  return edit_log(log, protocol, LogEdit{*parse_date(date), command_line_fields("command line", values)});
}

std::string edited(const std::string& text, const ast::Protocol& protocol, const std::string& date,
                   std::vector<std::pair<std::string, std::string>> values) {
  auto r = edit(text, protocol, date, std::move(values));
  std::string why;
  for (const auto& d : r.diagnostics) why += d.code + ": " + d.message + "\n";
  INFO(why);
  REQUIRE(r.text);
  return *r.text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kLog =
    "# Athlete A-7\n"
    "protocol: bsi_tibia\n"
    "entries:\n"
    "  - date: 2026-10-01\n"
    "    pain_during: 0   # easy walk\n"
    "    swelling: false\n"
    "\n"
    "  # second week\n"
    "  - date: 2026-10-08\n"
    "    stage: r1\n"
    "    pain_during: 1\n";

}  // namespace

TEST_CASE("a new day after the last entry is appended with the log's own spacing") {
  const std::string out = edited(kLog, kBsi, "2026-10-10", {{"pain_during", "2"}, {"swelling", "false"}});
  CHECK(out == kLog + "\n  - date: 2026-10-10\n    pain_during: 2\n    swelling: false\n");
  const Log log = must_load(out, kBsi);
  REQUIRE(log.entries.size() == 3);
  CHECK(log.entries[2].values[0].value == 2);
}

TEST_CASE("a day between two entries goes in date order, before the comment that introduces the next") {
  const std::string out = edited(kLog, kBsi, "2026-10-03", {{"rpe", "4"}});
  CHECK(out ==
        "# Athlete A-7\n"
        "protocol: bsi_tibia\n"
        "entries:\n"
        "  - date: 2026-10-01\n"
        "    pain_during: 0   # easy walk\n"
        "    swelling: false\n"
        "\n"
        "  - date: 2026-10-03\n"
        "    rpe: 4\n"
        "\n"
        "  # second week\n"
        "  - date: 2026-10-08\n"
        "    stage: r1\n"
        "    pain_during: 1\n");
}

TEST_CASE("a day before the first entry becomes the first") {
  const std::string out = edited(kLog, kBsi, "2026-09-30", {{"hop_lsi", "84%"}, {"rest", "true"}});
  const Log log = must_load(out, kBsi);
  REQUIRE(log.entries.size() == 3);
  CHECK(to_string(log.entries[0].date) == "2026-09-30");
  CHECK(log.entries[0].rest);
  CHECK(out.find("entries:\n  - date: 2026-09-30\n    hop_lsi: 84%\n    rest: true\n\n  - date: 2026-10-01\n") !=
        std::string::npos);
}

TEST_CASE("amending a day replaces its values in place, keeps comments and adds new keys at its end") {
  auto r = edit(kLog, kBsi, "2026-10-01", {{"pain_during", "3"}, {"pain_after", "1"}});
  REQUIRE(r.text);
  CHECK(r.amended);
  CHECK(*r.text ==
        "# Athlete A-7\n"
        "protocol: bsi_tibia\n"
        "entries:\n"
        "  - date: 2026-10-01\n"
        "    pain_during: 3   # easy walk\n"
        "    swelling: false\n"
        "    pain_after: 1\n"
        "\n"
        "  # second week\n"
        "  - date: 2026-10-08\n"
        "    stage: r1\n"
        "    pain_during: 1\n");
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].before == std::optional<std::string>("0"));
  CHECK(r.changes[0].after == "3");
  CHECK_FALSE(r.changes[1].before);
}

TEST_CASE("amending the last entry of a file without a final newline") {
  std::string text = kLog;
  text.pop_back();
  const std::string out = edited(text, kBsi, "2026-10-08", {{"rpe", "5"}});
  CHECK(out == text + "\n    rpe: 5\n");
  must_load(out, kBsi);
}

TEST_CASE("an empty value, and a block scalar, are replaced") {
  const std::string text =
      "entries:\n"
      "- date: 2026-10-01\n"
      "  cadence:    # watch died\n"
      "  note: |\n"
      "    long\n"
      "    # not a comment\n"
      "  rpe: 2\n";
  const std::string out = edited(text, kBsi, "2026-10-01", {{"cadence", "170"}, {"note", "short"}});
  CHECK(out ==
        "entries:\n"
        "- date: 2026-10-01\n"
        "  cadence: 170    # watch died\n"
        "  note: \"short\"\n"
        "  rpe: 2\n");
}

TEST_CASE("entries: [] becomes a block list, keeping a trailing comment") {
  const std::string out = edited("protocol: bsi_tibia\nentries: []   # none yet\n", kBsi, "2026-10-01", {{"pain_during", "0"}});
  CHECK(out == "protocol: bsi_tibia\nentries:  # none yet\n  - date: 2026-10-01\n    pain_during: 0\n");
  CHECK(edited("entries: []", kBsi, "2026-10-01", {{"rpe", "1"}}) == "entries:\n  - date: 2026-10-01\n    rpe: 1\n");
}

TEST_CASE("CRLF line endings and a BOM are kept") {
  const std::string text = "\xEF\xBB\xBFprotocol: bsi_tibia\r\nentries:\r\n  - date: 2026-10-01\r\n    rpe: 2\r\n";
  const std::string out = edited(text, kBsi, "2026-10-02", {{"rpe", "3"}});
  CHECK(out == text + "  - date: 2026-10-02\r\n    rpe: 3\r\n");
  CHECK(edited(text, kBsi, "2026-10-01", {{"rpe", "4"}}) ==
        "\xEF\xBB\xBFprotocol: bsi_tibia\r\nentries:\r\n  - date: 2026-10-01\r\n    rpe: 4\r\n");
}

TEST_CASE("every kind of value is written so that it reads back as given") {
  const std::string out = edited("entries: []\n", kKinds, "2026-10-01",
                                 {{"pain", "2.5"}, {"sore", "true"}, {"hops", "12"}, {"lsi", "-3"}, {"gct", "245"},
                                  {"plank", "90 s"}, {"effusion", "2+"}, {"onset", "next_day"},
                                  {"note", "said \"ok\"\\ then # left\nline two"}, {"minutes", "30"}, {"cleared", "true"}});
  const Log log = must_load(out, kKinds);
  REQUIRE(log.entries.size() == 1);
  const LogEntry& e = log.entries[0];
  CHECK(e.values[0].value == 2.5);
  CHECK(e.values[1].value == 1);
  CHECK(e.values[2].value == 12);
  CHECK(e.values[3].value == -3);
  CHECK(e.values[5].value == Approx(90.0));  // seconds: the base unit of time
  CHECK(e.values[6].value == 3);
  CHECK(e.values[7].value == 2);
  CHECK(e.note == std::optional<std::string>("said \"ok\"\\ then # left\nline two"));
  CHECK(e.minutes == std::optional<double>(30));
  CHECK(e.cleared);
  CHECK(out.find("effusion: 2+\n") != std::string::npos);
}

TEST_CASE("level names YAML would misread are quoted") {
  ast::Protocol p = test::every_kind();
  p.inputs[7].type.names = {"null", "a b", "#x"};
  for (const std::string name : {"null", "a b", "#x"}) {
    const std::string out = edited("entries: []\n", p, "2026-10-01", {{"onset", name}});
    const Log log = must_load(out, p);
    REQUIRE(log.entries[0].values[7].present);
  }
}

TEST_CASE("bad values are refused before any text is made, with the place on the command line") {
  SECTION("unknown name, with a did-you-mean") {
    auto r = edit(kLog, kBsi, "2026-10-02", {{"rpe", "2"}, {"pain_durnig", "1"}});
    CHECK_FALSE(r.text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "G0503");
    CHECK(r.diagnostics[0].help == "did you mean `pain_during`?");
    CHECK(r.diagnostics[0].source->path() == "command line");
    CHECK(r.diagnostics[0].source->text() == "--rpe 2 --pain_durnig 1");
    CHECK(r.diagnostics[0].span.column == 11);
  }
  SECTION("out of range") {
    auto r = edit(kLog, kBsi, "2026-10-02", {{"pain_during", "12"}});
    CHECK_FALSE(r.text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "G0505");
    CHECK(r.diagnostics[0].span.column == 15);
    CHECK(r.diagnostics[0].span.end_column == 17);
  }
  SECTION("wrong types, all reported together") {
    auto r = edit(kLog, kBsi, "2026-10-02", {{"swelling", "no"}, {"cadence", "fast"}, {"minutes", "-4"}, {"stage", "r3"}});
    CHECK_FALSE(r.text);
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].code == "G0504");
    CHECK(r.diagnostics[1].code == "G0504");
    CHECK(r.diagnostics[2].code == "G0505");
    CHECK(r.diagnostics[3].code == "G0510");
  }
  SECTION("a name twice, and the date as a value") {
    auto r = edit(kLog, kBsi, "2026-10-02", {{"rpe", "2"}, {"rpe", "3"}, {"date", "2026-10-03"}});
    CHECK_FALSE(r.text);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].message == "`rpe` is given twice");
    CHECK(r.diagnostics[1].help == "use --date YYYY-MM-DD");
  }
  SECTION("a quoted number stays text and is refused in the final load") {
    // Quotes typed on the command line are part of the value, not YAML quoting.
    auto r = edit(kLog, kBsi, "2026-10-02", {{"rpe", "\"3\""}});
    CHECK_FALSE(r.text);
    CHECK(r.diagnostics.at(0).code == "G0504");
  }
}

TEST_CASE("a log in a layout the editor does not understand is refused, not rewritten") {
  for (const std::string& text : {std::string("entries: [{date: 2026-10-01, rpe: 1}]\n"),
                                 std::string("entries:\n  - {date: 2026-10-01, rpe: 1}\n"),
                                 std::string("{entries: [{date: 2026-10-01}]}\n")}) {
    INFO(text);
    auto r = edit(text, kBsi, "2026-10-02", {{"rpe", "2"}});
    CHECK_FALSE(r.text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "G0502");
    CHECK(r.diagnostics[0].message.starts_with("cannot edit this log without rewriting it"));
  }
}

TEST_CASE("the bundled example log: adding keeps every byte of it") {
  const std::string path = std::string(GRADUS_SOURCE_DIR) + "/protocols/examples/bsi-tibia.log.yaml";
  const std::string text = read_file(path);
  const Log before = must_load(text, kBsi);
  const std::string out = edited(text, kBsi, "2026-10-05", {{"stage", "walk"}, {"pain_during", "0"}});
  const Log after = must_load(out, kBsi);
  CHECK(after.entries.size() == before.entries.size() + 1);
  // Removing the inserted lines gives back the original, byte for byte.
  const std::string inserted = "\n  - date: 2026-10-05\n    stage: walk\n    pain_during: 0\n";
  const auto at = out.find(inserted);
  REQUIRE(at != std::string::npos);
  CHECK(out.substr(0, at) + out.substr(at + inserted.size()) == text);
}

TEST_CASE("many adds and amends in random order keep the log loadable, sorted and complete") {
  std::mt19937 rng(20261121);
  std::string text = "# kept\nprotocol: bsi_tibia\nentries: []  # kept too\n";
  std::map<std::int32_t, int> expected;  // day -> last rpe written
  for (int step = 0; step < 300; ++step) {
    const auto day = static_cast<std::int32_t>(rng() % 120);
    const int rpe = static_cast<int>(rng() % 11);
    const std::string date = to_string(from_civil(2026, 1, 1) + day);
    text = edited(text, kBsi, date, {{"rpe", std::to_string(rpe)}, {"note", "step " + std::to_string(step)}});
    expected[day] = rpe;
  }
  const Log log = must_load(text, kBsi);
  REQUIRE(log.entries.size() == expected.size());
  std::size_t i = 0;
  for (const auto& [day, rpe] : expected) {
    CHECK(log.entries[i].date == from_civil(2026, 1, 1) + day);
    CHECK(log.entries[i].values[5].value == rpe);
    ++i;
  }
  CHECK(text.starts_with("# kept\nprotocol: bsi_tibia\nentries:  # kept too\n"));
}

TEST_CASE("other block layouts YAML allows are edited in place too") {
  const std::vector<std::string> layouts{
      // items at the key's column
      "entries:\n- date: 2026-10-01\n  rpe: 1\n- date: 2026-10-05\n  rpe: 2\n",
      // the dash alone on its line, four-space indent
      "entries:\n    -\n        date: 2026-10-01\n        rpe: 1\n    -\n        date: 2026-10-05\n        rpe: 2\n",
      // date not first, quoted keys, a comment inside an entry, a multi-line plain note
      "entries:\n  - \"rpe\": 1\n    # between keys\n    date: 2026-10-01\n    note: one\n      two\n  - 'date': 2026-10-05\n    rpe: 2\n",
      // another top-level key after the entries
      "entries:\n  - date: 2026-10-01\n    rpe: 1\n  - date: 2026-10-05\n    rpe: 2\nbaseline:\n  cadence: 160\n",
  };
  for (const auto& text : layouts) {
    INFO(text);
    for (const std::string date : {"2026-09-30", "2026-10-01", "2026-10-03", "2026-10-05", "2026-10-07"}) {
      INFO(date);
      const std::string out = edited(text, kBsi, date, {{"rpe", "7"}, {"note", "x"}});
      const Log log = must_load(out, kBsi);
      const auto it = std::find_if(log.entries.begin(), log.entries.end(),
                                   [&](const LogEntry& e) { return to_string(e.date) == date; });
      REQUIRE(it != log.entries.end());
      CHECK(it->values[5].value == 7);
      CHECK(log.entries.size() == (date == "2026-10-01" || date == "2026-10-05" ? 2u : 3u));
    }
  }
}

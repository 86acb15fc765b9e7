// The CSV reader (RFC 4180) and CSV rows as log edits: every error points at
// its cell, names its row and column, and nothing is returned once there is one.
#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <string>

#include "engine/log/csv.hpp"
#include "engine/log/csv_import.hpp"
#include "engine/log/load.hpp"
#include "engine/log/log_edit.hpp"
#include "fixtures/logs/protocols.hpp"

using namespace gradus;

namespace {

const ast::Protocol kBsi = test::bsi_tibia();

SourcePtr csv(const std::string& text) { return std::make_shared<const Source>("clinic.csv", text); }

std::string describe(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += d.code + "@" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message + "\n";
  return out;
}

CsvImportResult import(const std::string& text, const std::vector<std::string>& map_options = {}) {
  const auto source = csv(text);
  auto table = read_csv(source);
  INFO(describe(table.diagnostics));
  REQUIRE(table.table);
  const auto map = parse_import_map(map_options);
  REQUIRE(map.diagnostics.empty());
  return csv_log_edits(source, *table.table, kBsi, map.map);
}

}  // namespace

TEST_CASE("RFC 4180: quoted cells with commas, doubled quotes and line breaks; CRLF; a BOM") {
  const auto r = read_csv(csv("\xEF\xBB\xBF" "date,note,rpe\r\n2026-10-01,\"windy, cold\",3\r\n2026-10-02,\"said \"\"ok\"\"\nthen left\",\r\n"));
  INFO(describe(r.diagnostics));
  REQUIRE(r.table);
  REQUIRE(r.table->header.cells.size() == 3);
  CHECK(r.table->header.cells[0].text == "date");
  REQUIRE(r.table->rows.size() == 2);
  CHECK(r.table->rows[0].cells[1].text == "windy, cold");
  CHECK(r.table->rows[1].cells[1].text == "said \"ok\"\nthen left");
  CHECK(r.table->rows[1].cells[2].text.empty());
  CHECK(r.table->rows[1].number == 3);
  CHECK(r.table->rows[0].cells[2].span.line == 2);
  CHECK(r.table->rows[0].cells[2].span.column == 26);
}

TEST_CASE("blank lines are skipped, spaces around unquoted cells trimmed") {
  const auto r = read_csv(csv("date, rpe\n\n2026-10-01 , 3\n\n"));
  REQUIRE(r.table);
  CHECK(r.table->header.cells[1].text == "rpe");
  REQUIRE(r.table->rows.size() == 1);
  CHECK(r.table->rows[0].cells[0].text == "2026-10-01");
  CHECK(r.table->rows[0].number == 2);
}

TEST_CASE("a ragged row is an error at the extra cell or where cells are missing") {
  SECTION("too many") {
    const auto r = read_csv(csv("date,rpe\n2026-10-01,3,4\n"));
    CHECK_FALSE(r.table);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "G0603");
    CHECK(r.diagnostics[0].message == "row 2 has 3 cells, but the header has 2 columns");
    CHECK(r.diagnostics[0].span.line == 2);
    CHECK(r.diagnostics[0].span.column == 14);
  }
  SECTION("too few") {
    const auto r = read_csv(csv("date,rpe,pain_during\n2026-10-01,3\n2026-10-02,1,1\n"));
    CHECK_FALSE(r.table);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].span.line == 2);
    CHECK(r.diagnostics[0].span.column == 13);
    CHECK(r.diagnostics[0].notes.at(0) == "missing: pain_during");
  }
}

TEST_CASE("malformed quoting is an error, never a guess") {
  const auto unclosed = read_csv(csv("date,note\n2026-10-01,\"never closed\n"));
  CHECK_FALSE(unclosed.table);
  REQUIRE(unclosed.diagnostics.size() == 1);
  CHECK(unclosed.diagnostics[0].message == "row 2: a quoted cell is never closed");
  CHECK(unclosed.diagnostics[0].span.column == 12);

  const auto after = read_csv(csv("date,note\n2026-10-01,\"a\"b\n"));
  CHECK_FALSE(after.table);
  CHECK(after.diagnostics.at(0).message == "row 2: text after the closing quote of a cell");

  const auto stray = read_csv(csv("date,note\n2026-10-01,5\"\n"));
  CHECK_FALSE(stray.table);
  CHECK(stray.diagnostics.at(0).span.column == 13);

  CHECK_FALSE(read_csv(csv("")).table);
  CHECK_FALSE(read_csv(csv(std::string("date\n2026\0-10-01\n", 17))).table);
}

TEST_CASE("rows become day edits; empty cells are values not measured") {
  const auto r = import("date,pain_during,swelling,note\n2026-10-01,0,false,\n2026-10-03,,true,\"knee, left\"\n");
  INFO(describe(r.diagnostics));
  REQUIRE(r.edits.size() == 2);
  CHECK(to_string(r.edits[0].date) == "2026-10-01");
  REQUIRE(r.edits[0].fields.fields.size() == 2);
  REQUIRE(r.edits[1].fields.fields.size() == 2);
  CHECK(r.edits[1].fields.fields[0].name == "swelling");
  CHECK(r.edits[1].fields.fields[1].value == "knee, left");

  // Applied to a log, they load back.
  auto log = load_log(std::make_shared<const Source>("a.log.yaml", "entries: []\n"), kBsi);
  REQUIRE(log.log);
  Log current = *log.log;
  for (const auto& e : r.edits) {
    auto done = edit_log(current, kBsi, e);
    REQUIRE(done.log);
    current = *done.log;
  }
  REQUIRE(current.entries.size() == 2);
  CHECK(current.entries[1].note == std::optional<std::string>("knee, left"));
  CHECK(current.entries[1].values[4].value == 1);
}

TEST_CASE("a mapped column name fills its input") {
  const auto r = import("date,Pain during run\n2026-10-01,2\n", {"pain_during=Pain during run"});
  INFO(describe(r.diagnostics));
  REQUIRE(r.edits.size() == 1);
  CHECK(r.edits[0].fields.fields.at(0).name == "pain_during");
}

TEST_CASE("the date column can be mapped too") {
  const auto r = import("Datum,rpe\n2026-10-01,2\n", {"date=Datum"});
  INFO(describe(r.diagnostics));
  REQUIRE(r.edits.size() == 1);
  CHECK(to_string(r.edits[0].date) == "2026-10-01");
}

TEST_CASE("bad values name the row and the column, all rows checked, nothing returned") {
  const auto r = import("date,pain_during,swelling\n2026-10-01,12,false\n2026-10-02,1,maybe\n2026-13-01,0,false\n2026-10-02,0,false\n");
  CHECK(r.edits.empty());
  INFO(describe(r.diagnostics));
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics[0].code == "G0505");
  CHECK(r.diagnostics[0].span.line == 2);
  CHECK(r.diagnostics[0].span.column == 12);
  CHECK(r.diagnostics[0].notes.at(0) == "row 2, column B `pain_during`");
  CHECK(r.diagnostics[1].code == "G0504");
  CHECK(r.diagnostics[1].notes.at(0) == "row 3, column C `swelling`");
  CHECK(r.diagnostics[2].code == "G0506");
  CHECK(r.diagnostics[3].code == "G0507");
}

TEST_CASE("header problems: unknown column with did-you-mean, no date column, a mapped column missing") {
  const auto source = csv("pain_durng,rpe\n1,2\n");
  const auto table = read_csv(source);
  REQUIRE(table.table);
  const auto map = parse_import_map({"hop_lsi=Hop"});
  const auto r = csv_log_edits(source, *table.table, kBsi, map.map);
  INFO(describe(r.diagnostics));
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].code == "G0604");
  CHECK(r.diagnostics[0].help.starts_with("did you mean `pain_during`?"));
  CHECK(r.diagnostics[1].message == "the CSV has no column `Hop`");
  CHECK(r.diagnostics[2].message == "the header has no `date` column");
}

TEST_CASE("map options are INPUT=FIELD") {
  const auto bad = parse_import_map({"cadence", "=x", "gct=", "a=b", "a=c"});
  REQUIRE(bad.diagnostics.size() == 4);
  CHECK(bad.diagnostics[0].message == "--map takes INPUT=FIELD, not 'cadence'");
  CHECK(bad.diagnostics[3].message == "`a` is mapped twice");
  CHECK(bad.diagnostics[0].source->text() == "--map cadence --map =x --map gct= --map a=b --map a=c");
}

TEST_CASE("FIT metrics go to the protocol's inputs by default, converted to the declared unit") {
  ast::Protocol p = test::bsi_tibia();
  p.inputs.push_back(test::quantity("vertical_oscillation", Unit::Cm));
  p.inputs.push_back(test::score("heart_rate", 0, 10));  // not a measurement: skipped with a warning
  const std::vector<MetricValue> values{{"cadence_spm", 171.26}, {"ground_contact_balance_left_pct", 49.8},
                                        {"vertical_oscillation_mm", 84.0}, {"heart_rate_bpm", 150},
                                        {"ground_contact_ms", 250}, {"duration_s", 1800}};
  SECTION("defaults") {
    Diagnostics warnings;
    const auto f = fit_entry_fields("run.fit session 0", values, p, ImportMap{}, warnings);
    REQUIRE(f.fields.size() == 3);
    CHECK(f.fields[0].name == "cadence");
    CHECK(f.fields[0].value == "171.26");
    CHECK(f.fields[1].name == "gct_balance");
    CHECK(f.fields[2].name == "vertical_oscillation");
    CHECK(f.fields[2].value == "8.4");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(validate_entry_fields(p, f).empty());
  }
  SECTION("--map adds, redirects and drops") {
    const auto map = parse_import_map({"minutes=duration_s", "cadence=none", "hop_lsi=vertical_ratio_pct"});
    REQUIRE(map.diagnostics.empty());
    CHECK(check_fit_map(map.map, p).empty());
    Diagnostics warnings;
    const auto f = fit_entry_fields("run.fit session 0", values, p, map.map, warnings);
    REQUIRE(f.fields.size() == 3);
    CHECK(f.fields[0].name == "minutes");
    CHECK(f.fields[0].value == "30");
    CHECK(f.fields[1].name == "gct_balance");
  }
  SECTION("unknown inputs and metrics in --map") {
    const auto map = parse_import_map({"cadense=cadence_spm", "cadence=cadense_spm"});
    const auto ds = check_fit_map(map.map, p);
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].help == "did you mean `cadence`?");
    CHECK(ds[1].help == "did you mean `cadence_spm`?");
  }
}

TEST_CASE("random and damaged CSV text never crashes: a table or an error, never both or neither") {
  std::mt19937 rng(7);
  const std::string base = "date,pain_during,note\r\n2026-10-01,1,\"a, \"\"b\"\"\nc\"\r\n2026-10-02,,x\r\n";
  const std::string alphabet = ",\"\r\n ab1-";
  for (int i = 0; i < 3000; ++i) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(at, 1); break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), alphabet[rng() % alphabet.size()]); break;
        default: text[at] = alphabet[rng() % alphabet.size()];
      }
    }
    const auto source = csv(text);
    const auto r = read_csv(source);
    CHECK(r.table.has_value() != has_errors(r.diagnostics));
    for (const auto& d : r.diagnostics) CHECK(d.span.end <= text.size());
    if (r.table) {
      for (const auto& row : r.table->rows) CHECK(row.cells.size() == r.table->header.cells.size());
      const auto map = parse_import_map({});
      const auto edits_result = csv_log_edits(source, *r.table, kBsi, map.map);
      if (has_errors(edits_result.diagnostics)) CHECK(edits_result.edits.empty());
    }
  }
}

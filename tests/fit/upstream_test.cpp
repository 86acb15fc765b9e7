// Second oracles: decodings that came with the source repositories
// (ref/upstream/, see the corpus README), and python-fitparse's message counts.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "engine/fit/decoder.hpp"
#include "engine/fit/profile.hpp"
#include "tests/fit/corpus.hpp"
#include "tests/fit/fitcsv.hpp"

using namespace gradus::fit;
using namespace gradus::fit::testing;

namespace {

std::vector<std::size_t> records_of(const FitFile& file) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < file.messages.size(); ++i)
    if (file.messages[i].global == mesg::kRecord) out.push_back(i);
  return out;
}

std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(split_csv_line(line));
  return rows;
}

}  // namespace

TEST_CASE("compressed speed/distance matches python-fitparse's exact 1/16 m accumulation", "[fit][upstream]") {
  const auto r = decode(read_bytes(corpus_dir() + "/compressed-speed-distance.fit"));
  REQUIRE(r.ok());
  const auto records = records_of(r.file);
  const auto rows = read_rows(corpus_dir() + "/ref/upstream/compressed-speed-distance-records.csv");
  // python-fitparse leaves out the first (empty) record.
  REQUIRE(records.size() == rows.size() + 1);
  REQUIRE(rows.size() == 754);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto v = r.file.view(records[i + 1]);
    const auto& row = rows[i];
    INFO("row " << i);
    CHECK(v.message().timestamp == std::stoul(row[0]));
    auto expect = [&](std::uint8_t field, const std::string& text, double tolerance) {
      if (text == "null") {
        CHECK_FALSE(v.number(field));
      } else {
        REQUIRE(v.number(field));
        CHECK(std::fabs(*v.number(field) - std::stod(text)) <= tolerance);
      }
    };
    expect(3, row[1], 0);       // heart rate
    expect(6, row[2], 1e-9);    // speed
    expect(5, row[3], 0.005 + 1e-9);  // distance: ours rounded to 0.01 m like FitCSVTool
    expect(4, row[4], 0);       // cadence
  }
}

TEST_CASE("fenix 5 records match python-fitparse", "[fit][upstream]") {
  for (const char* name : {"garmin-fenix-5-run", "garmin-fenix-5-walk"}) {
    const auto r = decode(read_bytes(corpus_dir() + "/" + name + ".fit"));
    REQUIRE(r.ok());
    const auto records = records_of(r.file);
    const auto rows = read_rows(corpus_dir() + "/ref/upstream/" + name + "-records.csv");
    REQUIRE(records.size() == rows.size());
    // Columns: timestamp (local string), heart_rate, cadence, speed, distance,
    // position_lat, position_long, altitude, temperature.
    const std::uint8_t fields[] = {3, 4, 6, 5, 0, 1, 2, 13};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto v = r.file.view(records[i]);
      for (std::size_t c = 0; c < 8; ++c) {
        const std::string& text = rows[i][c + 1];
        INFO(name << " record " << i << " column " << c + 1);
        if (text.empty() || text == "None") {
          CHECK_FALSE(v.number(fields[c]));
        } else {
          REQUIRE(v.number(fields[c]));
          CHECK(*v.number(fields[c]) == Approx(std::stod(text)).margin(1e-9));
        }
      }
    }
  }
}

TEST_CASE("message counts python-fitparse's tests expect", "[fit][upstream]") {
  CHECK(decode(read_bytes(corpus_dir() + "/sample_mulitple_header.fit")).file.messages.size() == 3023);
  CHECK(decode(read_bytes(corpus_dir() + "/coros-pace-2-cycling-misaligned-fields.fit")).file.messages.size() ==
        11293);
}

// The corrupt files of the corpus: each must give the right error, and the
// messages decoded before the damage must match what FitCSVTool decoded.
#include <catch2/catch.hpp>

#include <string>

#include "engine/fit/decoder.hpp"
#include "engine/fit/profile.hpp"
#include "tests/fit/compare.hpp"
#include "tests/fit/corpus.hpp"

using namespace gradus::fit;
using namespace gradus::fit::testing;

namespace {

struct Expected {
  const char* name;
  const char* error;     // substring of our message
  std::size_t offset;    // our error offset
  std::size_t sessions;  // decoded before the damage
};

// FitCSVTool's offsets (README) are where its stream stood; ours point at
// the damaged structure itself: the CRC bytes, the bad signature, the data
// message header, or the end of the input.
const Expected kInvalid[] = {
    {"activity-unexpected-eof", "unexpected end of input", 768, 1},
    {"activity-filecrc", "file CRC mismatch", 769, 1},
    {"activity-settings-corruptheader", "not a FIT file: header data type is '.GIT'", 779, 1},
    {"activity-settings-nodata", "unexpected end of input", 786, 1},
    {"activity-activity-filecrc", "file CRC mismatch", 1540, 2},
    {"strava-android-app-201.10-b1218918", "local message type 11, which has no definition", 7471, 1},
};

}  // namespace

TEST_CASE("corrupt corpus files report the damage and keep what came before", "[fit][corpus][invalid]") {
  for (const Expected& e : kInvalid) {
    DYNAMIC_SECTION(e.name) {
      const auto bytes = read_bytes(corpus_dir() + "/invalid/" + e.name + ".fit");
      const auto result = decode(bytes);
      REQUIRE_FALSE(result.ok());
      INFO(result.error->message << " at byte " << result.error->offset);
      CHECK(result.error->message.find(e.error) != std::string::npos);
      CHECK(result.error->offset == e.offset);
      CHECK(result.error->offset <= bytes.size());
      const auto rows = read_fitcsv_data_rows(corpus_dir() + "/ref/fitcsvtool/" + e.name + ".csv");
      const auto cmp = compare_with_fitcsv(result.file, rows);
      for (const auto& m : cmp.mismatches) UNSCOPED_INFO(m);
      CHECK(cmp.mismatch_total == 0);
      CHECK(cmp.csv_counts == cmp.our_counts);
      std::size_t sessions = 0;
      for (const auto& m : result.file.messages) sessions += m.global == mesg::kSession;
      CHECK(sessions == e.sessions);
    }
  }
}

TEST_CASE("without CRC checks the CRC-damaged files decode completely", "[fit][corpus][invalid]") {
  const auto bytes = read_bytes(corpus_dir() + "/invalid/activity-activity-filecrc.fit");
  DecodeOptions options;
  options.check_crc = false;
  const auto result = decode(bytes, options);
  CHECK(result.ok());
  CHECK(result.file.file_count == 2);
}

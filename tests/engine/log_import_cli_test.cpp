// End to end with the real binary: a real running file imported into a log
// (metrics under the protocol's input names, in its units), the athlete's
// pain score added to the same day, and `gradus advise` using the imported
// cadence in a rule and a cue. Also: a read-only folder leaves the log as it
// was. The binary is found as in log_crash_test.cpp.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/eval/protocol.hpp"
#include "tests/engine/cli_binary.hpp"

using namespace gradus;
namespace fs = std::filesystem;

using cli_binary::gradus_binary;
using cli_binary::read_file;
using cli_binary::Run;

namespace {

// stderr is not part of what these tests compare.
Run run_gradus(const std::vector<std::string>& args, const std::string& prefix = "") {
  return cli_binary::run_gradus(args, cli_binary::Stderr::Discarded, prefix);
}

fs::path scratch_folder() {
  char tmpl[] = "/tmp/gradus-import-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  return fs::path(tmpl);
}

}  // namespace

TEST_CASE("a real running file imported into a log feeds gradus advise", "[import]") {
  REQUIRE(fs::exists(gradus_binary()));
  const fs::path folder = scratch_folder();
  const fs::path protocol_path = folder / "cadence.gradus";
  fs::copy_file(std::string(GRADUS_SOURCE_DIR) + "/tests/cli/fixtures/import/cadence.gradus", protocol_path);
  const fs::path log = folder / "athlete.log.yaml";
  std::ofstream(log) << "# imported from the watch\nprotocol: cadence_rtr\nentries: []\n";
  const std::string fit = std::string(GRADUS_SHARED_DIR) + "/data/fit/Fr955v19.28andStryd.fit";

  // The protocol is found beside the log by its id.
  REQUIRE(run_gradus({"import", fit, "--log", log.string()}).status == 0);
  // The athlete's pain score for the same day amends the entry.
  REQUIRE(run_gradus({"log", "add", log.string(), "--date", "2024-07-09", "--pain_during", "1"}).status == 0);

  auto compiled = Protocol::compile(protocol_path.string(), read_file(protocol_path));
  REQUIRE(compiled.protocol);
  const auto loaded = compiled.protocol->load_log(log.string(), read_file(log));
  REQUIRE(loaded.log);
  REQUIRE(loaded.log->entries.size() == 1);
  const LogEntry& day = loaded.log->entries[0];
  CHECK(to_string(day.date) == "2024-07-09");  // the activity's local date
  CHECK(day.values[0].value == 1);             // pain_during
  CHECK(day.values[1].value == Approx(166.4).margin(0.05));   // cadence, spm
  CHECK(day.values[2].value == Approx(0.2693).margin(1e-4));  // gct: 269.3 ms in seconds, the base unit
  const std::string text = read_file(log);
  CHECK(text.starts_with("# imported from the watch\nprotocol: cadence_rtr\nentries:\n  - date: 2024-07-09\n    cadence: 166."));

  const Run advice = run_gradus({"advise", protocol_path.string(), log.string(), "--date", "2024-07-10", "--format", "json"});
  REQUIRE(advice.status == 0);
  const auto j = nlohmann::json::parse(advice.output);
  CHECK(j["decision"] == "advance");
  CHECK(j["stage"] == "longer");
  bool rule_saw_cadence = false;
  for (const auto& f : j["fired"]) {
    if (f["values"].contains("cadence")) rule_saw_cadence = true;
  }
  CHECK(rule_saw_cadence);
  INFO(advice.output);
  CHECK(advice.output.find("Aim for 175 steps a minute or more") != std::string::npos);
  fs::remove_all(folder);
}

TEST_CASE("a log in a folder that cannot be written is left as it was", "[import]") {
  REQUIRE(fs::exists(gradus_binary()));
  const fs::path folder = scratch_folder();
  const fs::path log = folder / "athlete.log.yaml";
  const std::string before = "protocol: bsi_tibia\nentries: []\n";
  std::ofstream(log) << before;
  const std::string protocol = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";
  REQUIRE(::chmod(folder.c_str(), 0555) == 0);
  // root ignores folder permissions: run as nobody then.
  const bool root = ::geteuid() == 0;
  if (!root || fs::exists("/usr/bin/setpriv")) {
    const std::string as_nobody = root ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const Run r =
        run_gradus({"log", "add", log.string(), "--protocol", protocol, "--date", "2026-10-01", "--rpe", "2"}, as_nobody);
    CHECK(r.status == 1);
    CHECK(read_file(log) == before);
    CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);  // no temporary file left
  }
  ::chmod(folder.c_str(), 0755);
  fs::remove_all(folder);

  // /proc/self is never writable, even for root: the temporary file cannot be made.
  const Run r = run_gradus({"log", "add", "/proc/self/athlete.log.yaml", "--protocol", protocol, "--date", "2026-10-01",
                        "--rpe", "2"});
  CHECK(r.status == 1);
}

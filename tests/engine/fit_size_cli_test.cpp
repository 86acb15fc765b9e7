// `gradus import` refuses a FIT file over the cap (docs/limits.md "FIT
// imports") with an error naming the file, its size and the limit, exit 2,
// and leaves the log as it was. The file is sparse: 64 MiB of nothing on disk.
// The binary is found by tests/engine/cli_binary.hpp.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/engine/cli_binary.hpp"

namespace fs = std::filesystem;

using cli_binary::gradus_binary;
using cli_binary::read_file;
using cli_binary::Run;
using cli_binary::run_gradus;

namespace {

struct Scratch {
  fs::path path;
  Scratch() {
    char tmpl[] = "/tmp/gradus-fit-size-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

constexpr std::uintmax_t kLimit = 64u << 20;  // fit::DecodeOptions::max_bytes

}  // namespace

TEST_CASE("gradus import refuses a FIT file over 64 MiB, naming it, its size and the limit", "[import][limits]") {
  REQUIRE(fs::exists(gradus_binary()));
  Scratch scratch;
  const fs::path big = scratch.path / "huge.fit";
  std::ofstream(big).close();
  fs::resize_file(big, kLimit + 1);  // sparse, like `truncate -s 64M+1`
  const std::string expected = big.string() + ": error[G0003]: file is too large: 67108865 bytes; the limit for a FIT file is 67108864 bytes (64 MiB)";

  SECTION("--dry-run") {
    const Run r = run_gradus({"import", "--dry-run", big.string()});
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(expected) != std::string::npos);
  }
  SECTION("--log: nothing is written") {
    const fs::path log = scratch.path / "athlete.log.yaml";
    const std::string before = "protocol: bsi_tibia\nentries: []\n";
    std::ofstream(log) << before;
    const Run r = run_gradus({"import", big.string(), "--log", log.string(), "--protocol",
                              std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus"});
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(expected) != std::string::npos);
    CHECK(r.output.find("nothing was written") != std::string::npos);
    CHECK(read_file(log) == before);
  }
}

TEST_CASE("gradus import of a FIT file that cannot be read names it and the reason", "[import][limits]") {
  REQUIRE(fs::exists(gradus_binary()));
  Scratch scratch;
  const std::string missing = (scratch.path / "none.fit").string();
  const Run r = run_gradus({"import", "--dry-run", missing});
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("gradus import: cannot read " + missing + ": No such file or directory") != std::string::npos);
}

// The FIT size cap (docs/limits.md "FIT imports"): a file over
// DecodeOptions::max_bytes is refused from its size, before it is read, and
// decode() refuses larger input on its own. Big files are sparse (no disk,
// no memory) and removed afterwards.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/fit/decoder.hpp"
#include "engine/fit/read_fit.hpp"

using namespace gradus::fit;
namespace fs = std::filesystem;

namespace {

const std::string kActivity = std::string(GRADUS_SHARED_DIR) + "/data/fit/Fr955v19.28andStryd.fit";

// A scratch folder removed when the test ends, even when it fails.
struct Scratch {
  fs::path path;
  Scratch() {
    char tmpl[] = "/tmp/gradus-read-fit-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("a real activity file is read whole under the default cap", "[fit][limits]") {
  REQUIRE(fs::exists(kActivity));
  const FitRead read = read_fit_file(kActivity, DecodeOptions{}.max_bytes);
  REQUIRE(read.ok());
  CHECK(read.bytes.size() == fs::file_size(kActivity));
  REQUIRE(read.size);
  CHECK(*read.size == fs::file_size(kActivity));
  CHECK(decode(read.bytes).ok());
}

TEST_CASE("a FIT file one byte over the cap is refused from its size", "[fit][limits]") {
  Scratch scratch;
  const fs::path big = scratch.path / "huge.fit";
  const std::size_t limit = DecodeOptions{}.max_bytes;
  CHECK(limit == 64u << 20);
  std::ofstream(big).close();
  fs::resize_file(big, limit + 1);  // sparse, like `truncate -s`
  const FitRead read = read_fit_file(big.string(), limit);
  CHECK_FALSE(read.ok());
  CHECK(read.too_large);
  CHECK(read.error.empty());
  CHECK(read.bytes.empty());
  REQUIRE(read.size);
  CHECK(*read.size == limit + 1);

  // Exactly at the cap is allowed (a smaller cap keeps the test fast).
  fs::resize_file(big, 4096);
  const FitRead at = read_fit_file(big.string(), 4096);
  CHECK(at.ok());
  CHECK(at.bytes.size() == 4096);
  const FitRead over = read_fit_file(big.string(), 4095);
  CHECK(over.too_large);
  CHECK(over.bytes.empty());
}

TEST_CASE("a pipe is read at most one byte past the cap", "[fit][limits]") {
  // /dev/zero has no size: only the bounded read can stop it.
  const FitRead read = read_fit_file("/dev/zero", 1000);
  CHECK(read.too_large);
  CHECK_FALSE(read.size);
  CHECK(read.bytes.empty());
}

TEST_CASE("reading a missing file or a folder is a host error naming it", "[fit][limits]") {
  Scratch scratch;
  const FitRead missing = read_fit_file((scratch.path / "none.fit").string(), 1000);
  CHECK_FALSE(missing.ok());
  CHECK_FALSE(missing.too_large);
  CHECK(missing.error == "cannot read " + (scratch.path / "none.fit").string() + ": No such file or directory");
  const FitRead folder = read_fit_file(scratch.path.string(), 1000);
  CHECK(folder.error == "cannot read " + scratch.path.string() + ": Is a directory");
}

TEST_CASE("decode refuses input over its max_bytes before decoding", "[fit][limits]") {
  const FitRead read = read_fit_file(kActivity, DecodeOptions{}.max_bytes);
  REQUIRE(read.ok());
  DecodeOptions options;
  options.max_bytes = read.bytes.size() - 1;
  const auto refused = decode(read.bytes, options);
  REQUIRE(refused.error);
  CHECK(refused.error->offset == options.max_bytes);
  CHECK(refused.error->message ==
        "the file is " + std::to_string(read.bytes.size()) + " bytes, more than the limit of " +
            std::to_string(options.max_bytes));
  CHECK(refused.file.messages.empty());
  options.max_bytes = read.bytes.size();
  CHECK(decode(read.bytes, options).ok());
}

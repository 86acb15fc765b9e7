// Crash safety of `gradus log add`: the real binary is killed with SIGKILL
// at random moments (a fixed seed, so a failure can be replayed), hundreds of
// times. After every kill the log must still load against its protocol and
// hold every entry whose `log add` had already exited 0. A kill between the
// temporary file's fsync and the rename leaves the old log; after the rename,
// the new one; there is no moment with a half-written log.
//
// The binary is found beside this test's build folder (../tools/gradus), or
// at $GRADUS_BIN.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/eval/protocol.hpp"
#include "tests/engine/cli_binary.hpp"

using namespace gradus;
namespace fs = std::filesystem;

using cli_binary::gradus_binary;
using cli_binary::read_file;

namespace {

// Starts `gradus log add`; its output goes to /dev/null. With `max_file_bytes`,
// writes past that size fail (EFBIG) as they would on a full disk.
pid_t start_add(const std::string& binary, const std::vector<std::string>& args, rlim_t max_file_bytes = 0) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (max_file_bytes > 0) {
      ::signal(SIGXFSZ, SIG_IGN);  // ignored across exec: write() returns EFBIG instead of killing
      const rlimit limit{max_file_bytes, max_file_bytes};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (FILE* null = std::fopen("/dev/null", "w")) {
      ::dup2(fileno(null), 1);
      ::dup2(fileno(null), 2);
    }
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("gradus log add killed at random moments never leaves a broken or shortened log", "[crash]") {
  const std::string binary = gradus_binary();
  INFO("gradus binary: " << binary << " (build the gradus target, or set GRADUS_BIN)");
  REQUIRE(fs::exists(binary));

  const std::string protocol_path = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";
  auto compiled = Protocol::compile(protocol_path, read_file(protocol_path));
  REQUIRE(compiled.protocol);
  const Protocol& protocol = *compiled.protocol;

  char tmpl[] = "/tmp/gradus-crash-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  const fs::path folder(tmpl);
  const fs::path log_path = folder / "athlete.log.yaml";
  {
    std::ofstream(log_path) << "# crash test\nprotocol: bsi_tibia\nentries: []\n";
  }

  auto args_for = [&](int i) {
    return std::vector<std::string>{"log",         "add",          log_path.string(), "--protocol", protocol_path,
                                    "--date",      to_string(from_civil(2026, 1, 1) + i), "--rpe",
                                    std::to_string(i % 11), "--note", "session " + std::to_string(i)};
  };

  // How long one uninterrupted run takes, to spread the kills over it: the
  // fastest of three, so a moment of load on a shared machine does not make
  // every later kill land after the run has finished.
  int status = 0;
  long long run_us = 0;
  for (int day = 0; day < 3; ++day) {
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = start_add(binary, args_for(day));
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
    run_us = day == 0 ? us : std::min<long long>(run_us, us);
  }

  std::map<int, int> acknowledged{{0, 0}, {1, 1}, {2, 2}};  // day -> rpe of every add that exited 0
  std::mt19937 rng(424242);
  std::uniform_int_distribution<long long> delay(0, run_us);
  int killed = 0, completed = 3;
  // Every other run is killed at a random moment of its expected duration;
  // the others run to the end, so both outcomes happen however loaded the
  // machine is. ~0.1 s per run: about 25 s.
  constexpr int kRuns = 250;
  int runs = 3;
  for (int i = 3; i < kRuns; ++i, ++runs) {
    const pid_t pid = start_add(binary, args_for(i));
    if (i % 2 == 1) {
      std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
      ::kill(pid, SIGKILL);
    }
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      acknowledged[i] = i % 11;
      ++completed;
    } else {
      REQUIRE(WIFSIGNALED(status));
      ++killed;
    }

    const auto loaded = protocol.load_log(log_path.string(), read_file(log_path));
    INFO("after run " << i << " (" << (WIFSIGNALED(status) ? "killed" : "completed") << ")");
    REQUIRE(loaded.log);
    std::map<int, int> present;
    for (const auto& e : loaded.log->entries) present[e.date - from_civil(2026, 1, 1)] = static_cast<int>(e.values[5].value);
    for (const auto& [day, rpe] : acknowledged) {
      INFO("day " << day);
      REQUIRE(present.count(day) == 1);
      CHECK(present[day] == rpe);
    }
    // Nothing appears that was never asked for.
    CHECK(present.size() <= static_cast<std::size_t>(i + 1));
  }
  WARN(runs << " runs: " << completed << " completed, " << killed << " killed; one run takes ~" << run_us << " us");
  // Both outcomes must really have happened, or the test proved nothing.
  CHECK(killed >= runs / 5);   // of the half that were sent a kill
  CHECK(completed >= runs / 2 - 2);
  fs::remove_all(folder);
}

TEST_CASE("a write that fails half way (a file size limit, like a full disk) leaves the log as it was", "[crash]") {
  const std::string binary = gradus_binary();
  REQUIRE(fs::exists(binary));
  char tmpl[] = "/tmp/gradus-full-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  const fs::path folder(tmpl);
  const fs::path log_path = folder / "athlete.log.yaml";
  std::string before = "protocol: bsi_tibia\nentries:\n";
  for (int d = 1; d <= 20; ++d) before += "  - date: " + to_string(from_civil(2026, 1, 1) + d) + "\n    rpe: 2\n";
  std::ofstream(log_path) << before;
  const std::string protocol_path = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";

  // The new log is ~560 bytes: a 256-byte limit stops the write in the middle.
  const pid_t pid = start_add(binary,
                              {"log", "add", log_path.string(), "--protocol", protocol_path, "--date", "2026-02-01",
                               "--rpe", "3"},
                              256);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(read_file(log_path) == before);
  // The half-written temporary file was removed.
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  fs::remove_all(folder);
}

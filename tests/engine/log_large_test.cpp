// Large logs: bounded time and memory. The 50 MB measurement is a hidden
// benchmark (`engine_tests "[.log-bench]"`); the default run loads a 2 MB log.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <memory>
#include <string>

#include "engine/log/load.hpp"
#include "fixtures/logs/protocols.hpp"

using namespace gradus;

namespace {

// A realistic daily log of about `bytes` bytes: every input of bsi_tibia, every day.
std::string generate_log(std::size_t bytes, std::size_t& entries) {
  std::string text = "athlete: A-0142\nprotocol: bsi_tibia\nbaseline: {pain_morning: 0, cadence: 164}\nentries:\n";
  text.reserve(bytes + 512);
  entries = 0;
  Date day = from_civil(1980, 1, 1);
  while (text.size() < bytes) {
    const int k = static_cast<int>(entries % 7);
    text += "  - date: " + to_string(day) + "\n";
    text += "    stage: r1\n    minutes: 30\n";
    text += "    pain_during: " + std::to_string(k % 3) + "\n    pain_after: 0\n    pain_morning: 0\n";
    text += "    bone_tenderness: false\n    swelling: false\n    rpe: " + std::to_string(3 + k % 4) + "\n";
    text += "    cadence: 16" + std::to_string(k) + "\n    gct_balance: 50." + std::to_string(k) + "\n";
    text += "    note: \"easy run, felt fine\"  # generated\n";
    day = day + 1;
    ++entries;
  }
  return text;
}

}  // namespace

TEST_CASE("a 2 MB log loads completely and quickly") {
  std::size_t entries = 0;
  const std::string text = generate_log(2u << 20, entries);
  const auto source = std::make_shared<const Source>("big.log.yaml", text);
  const auto protocol = test::bsi_tibia();
  const auto start = std::chrono::steady_clock::now();
  const auto r = load_log(source, protocol);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.log);
  CHECK(r.log->entries.size() == entries);
  CHECK(r.log->entries.back().values[6].value > 159);
  CHECK(seconds < 10);  // a debug build does this in well under a second
}

TEST_CASE("a log above the default size limit is refused before parsing") {
  std::size_t entries = 0;
  const auto source = std::make_shared<const Source>("huge.log.yaml", generate_log(LogLimits{}.max_bytes + 1, entries));
  const auto protocol = test::bsi_tibia();
  const auto start = std::chrono::steady_clock::now();
  const auto r = load_log(source, protocol);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "G0003");
  CHECK_FALSE(r.log);
  CHECK(seconds < 0.5);  // only the size is looked at
}

TEST_CASE("benchmark: load a 50 MB log with the limits raised", "[.log-bench]") {
  std::size_t entries = 0;
  const std::string text = generate_log(50u << 20, entries);
  LogLimits limits;
  limits.max_bytes = 64u << 20;
  limits.max_entries = 1u << 20;
  const auto source = std::make_shared<const Source>("50mb.log.yaml", text);
  const auto protocol = test::bsi_tibia();
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const auto start = std::chrono::steady_clock::now();
  const auto r = load_log(source, protocol, limits);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  const auto cpu = [](const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  const double cpu_seconds = cpu(after) - cpu(before);
  REQUIRE(r.log);
  CHECK(r.log->entries.size() == entries);
  WARN("50 MB log (" << text.size() << " bytes, " << entries << " entries) loaded in " << seconds << " s wall, "
                     << cpu_seconds << " s CPU (" << (static_cast<double>(text.size()) / 1e6 / cpu_seconds)
                     << " MB/s); peak RSS of the process " << after.ru_maxrss / 1024
                     << " MiB (the text is held twice: the test's copy and the Source)");
}

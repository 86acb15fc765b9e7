// Replay benchmark: the engine against bsi-tibia written by hand in C++
// (bsi_tibia_reference.hpp), on generated three-year logs. Prints ns per
// session evaluation for both and their ratio (target: engine within 3x),
// the heap allocations of a replay once its buffers exist (target: 0), and
// the wall time of a full `advise` on a three-year log (target < 20 ms):
// the advice alone, and end to end from protocol and log text.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bsi_tibia_reference.hpp"
#include "engine/eval/advice_render.hpp"
#include "engine/eval/protocol.hpp"
#include "engine/eval/replay.hpp"
#include "engine/eval/value_text.hpp"

namespace {

std::size_t g_allocations = 0;

}  // namespace

// Counting allocator: every heap allocation in this program goes through
// here (malloc/free underneath, which GCC cannot see pairs up).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace gradus;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The log as YAML, for the end-to-end timing.
std::string to_yaml(const Log& log, const eval::Plan& plan) {
  std::string out = "athlete: bench\nprotocol: bsi_tibia\nbaseline: {";
  bool first = true;
  for (std::size_t i = 0; i < log.baseline.size(); ++i) {
    if (!log.baseline[i].present) continue;
    out += (first ? "" : ", ") + plan.inputs[i].name + ": " + eval::number_text(log.baseline[i].value);
    first = false;
  }
  out += "}\nentries:\n";
  for (const auto& e : log.entries) {
    out += "  - {date: " + to_string(e.date);
    if (e.rest) out += ", rest: true";
    if (e.cleared) out += ", cleared: true";
    if (e.minutes) out += ", minutes: " + eval::number_text(*e.minutes);
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      if (!e.values[i].present) continue;
      const bool flag = plan.inputs[i].kind == ast::InputKind::Flag;
      out += ", " + plan.inputs[i].name + ": " +
             (flag ? std::string(e.values[i].value != 0 ? "true" : "false") : eval::number_text(e.values[i].value));
    }
    out += "}\n";
  }
  return out;
}

// Wall time of one `gradus ARGS...` run, its output to /dev/null; negative
// when it could not be started or did not exit 0.
double run_gradus_ms(std::vector<std::string> args) {
  args.insert(args.begin(), GRADUS_CLI);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return seconds_since(start) * 1e3;
}

struct CountSessions final : eval::ReplayObserver {
  std::vector<bench::ReferenceStep> steps;
  void on_entry(const eval::EntryView& view, const eval::Replayer& r) override {
    if (view.outcome == eval::EntryOutcome::Judged) steps.push_back({view.decision, r.state().stage});
  }
  void on_auto_advance(Date, int, int) override {}
};

}  // namespace

int main() {
  const std::string protocol_text = read_file(GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus");
  auto compiled = Protocol::compile("bsi-tibia.gradus", protocol_text);
  if (!compiled.protocol) {
    std::fprintf(stderr, "replay_bench: bsi-tibia.gradus does not compile\n");
    return 1;
  }
  const Protocol& protocol = *compiled.protocol;
  const auto plan = std::shared_ptr<const eval::Plan>(std::shared_ptr<const eval::Plan>{}, &protocol.plan());
  const bench::BsiInputs in(protocol.plan());

  // Three years of logs: about 700 entries each (one every 1-3 days).
  std::mt19937_64 rng(42);
  std::vector<Log> logs;
  for (int i = 0; i < 20; ++i) logs.push_back(bench::random_bsi_log(rng, protocol.plan(), 730, *parse_date("2024-01-01")));
  std::size_t sessions = 0;
  int mismatches = 0;
  eval::Replayer replayer(plan);
  std::vector<bench::ReferenceStep> expected;
  for (const auto& log : logs) {
    CountSessions got;
    replayer.run_all(log, &got);
    bench::bsi_reference(log, in, expected);
    sessions += expected.size();
    if (got.steps.size() != expected.size()) {
      ++mismatches;
      continue;
    }
    // The timed replay has no observer, and takes its own, shorter way: it
    // must end where the hand-written function does too.
    replayer.run_all(log);
    if (!expected.empty() && (replayer.state().stage != expected.back().stage_after ||
                              replayer.state().last_decision != expected.back().decision)) {
      ++mismatches;
      continue;
    }
    for (std::size_t k = 0; k < expected.size(); ++k) {
      if (got.steps[k].decision != expected[k].decision || got.steps[k].stage_after != expected[k].stage_after) {
        ++mismatches;
        break;
      }
    }
  }
  std::printf("logs: %zu three-year logs, %zu judged sessions; engine and hand-written decisions %s\n", logs.size(),
              sessions, mismatches == 0 ? "agree" : "DIFFER");

  // Allocations of a replay once the Replayer's buffers exist.
  const Date end = logs[0].entries.back().date + 1;
  replayer.run(logs[0], end);
  const std::size_t before = g_allocations;
  replayer.run(logs[0], end);
  const std::size_t replay_allocations = g_allocations - before;

  // Engine and hand-written timed in turn, in pairs of blocks of some tens
  // milliseconds long; the best of each is reported, and the median of the
  // pairs' ratios, which a shared machine's slower and faster spells (they
  // last longer than a pair) move much less than either time.
  // GRADUS_BENCH_ROUNDS=1 (and GRADUS_BENCH_REPS=1) for a quick count of
  // instructions under callgrind.
  const char* rounds_env = std::getenv("GRADUS_BENCH_ROUNDS");
  const int rounds = rounds_env ? std::max(1, std::atoi(rounds_env)) : 40;
  const char* reps_env = std::getenv("GRADUS_BENCH_REPS");
  const int reps = reps_env ? std::max(1, std::atoi(reps_env)) : 15;
  int sink = 0;
  double engine_ns = 1e300, hand_ns = 1e300;
  std::vector<double> ratios;
  const double evaluations = static_cast<double>(rounds) * static_cast<double>(sessions);
  for (int rep = 0; rep < reps; ++rep) {
    auto start = Clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& log : logs) {
        replayer.run(log, log.entries.back().date + 1);
        sink += replayer.state().stage;
      }
    }
    const double engine_rep = seconds_since(start) * 1e9 / evaluations;

    start = Clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& log : logs) {
        bench::bsi_reference(log, in, expected);
        sink += expected.empty() ? 0 : expected.back().stage_after;
      }
    }
    const double hand_rep = seconds_since(start) * 1e9 / evaluations;
    engine_ns = std::min(engine_ns, engine_rep);
    hand_ns = std::min(hand_ns, hand_rep);
    ratios.push_back(engine_rep / hand_rep);
  }
  std::sort(ratios.begin(), ratios.end());
  const double median_ratio = ratios[ratios.size() / 2];

  // A full advise on one three-year log: the advice alone, then end to end.
  const Log& log = logs[0];
  const Date date = log.entries.back().date + 1;
  auto start = Clock::now();
  const int advise_rounds = 50;
  for (int r = 0; r < advise_rounds; ++r) sink += static_cast<int>(protocol.advise(log, date).fired.size());
  const double advise_ms = seconds_since(start) * 1e3 / advise_rounds;

  const std::string yaml = to_yaml(log, protocol.plan());
  start = Clock::now();
  auto again = Protocol::compile("bsi-tibia.gradus", protocol_text);
  auto loaded = again.protocol->load_log("bench.log.yaml", yaml);
  if (!loaded.log) {
    std::fprintf(stderr, "replay_bench: the generated YAML log does not load\n");
    return 1;
  }
  const auto advice = again.protocol->advise(*loaded.log, date);
  const std::string json = eval::advice_json(advice, again.protocol->plan()).dump();
  const double end_to_end_ms = seconds_since(start) * 1e3;

  // `gradus advise` itself on that log: a fresh process each time, so
  // start-up, reading and checking the protocol, loading the YAML, the
  // replay and the output all count.
  const std::string log_path =
      (std::filesystem::temp_directory_path() / ("gradus-replay-bench-" + std::to_string(getpid()) + ".log.yaml")).string();
  {
    std::ofstream out(log_path, std::ios::binary);
    out << yaml;
  }
  std::vector<double> walls;
  for (int i = 0; i < 15; ++i) {
    walls.push_back(run_gradus_ms({"advise", GRADUS_SOURCE_DIR "/protocols/bsi-tibia.gradus", log_path, "--date",
                                   to_string(date)}));
  }
  std::filesystem::remove(log_path);
  std::sort(walls.begin(), walls.end());

  std::printf("engine:        %8.1f ns per session evaluation (best of %d)\n", engine_ns, reps);
  std::printf("hand-written:  %8.1f ns per session evaluation (best of %d)\n", hand_ns, reps);
  std::printf("ratio:         %8.2fx of the best times, %.2fx median of %d pairs (target: within 3x)\n",
              engine_ns / hand_ns, median_ratio, reps);
  std::printf("allocations in a replay with its buffers in place: %zu (target: 0)\n", replay_allocations);
  std::printf("advise on a three-year log (%zu entries): %.3f ms (target < 20 ms)\n", log.entries.size(), advise_ms);
  std::printf("end to end (compile protocol, load %zu KB of YAML, advise, JSON): %.3f ms\n", yaml.size() / 1024,
              end_to_end_ms);
  if (walls.front() < 0) {
    std::printf("gradus advise on that log: FAILED (the command did not run or did not exit 0)\n");
  } else {
    std::printf("gradus advise on that log, a fresh process: %.1f ms best, %.1f ms median of %zu (target < 20 ms)\n",
                walls.front(), walls[walls.size() / 2], walls.size());
  }
  std::printf("(checksum %d, %zu bytes of advice)\n", sink, json.size());
  return mismatches == 0 && walls.front() >= 0 ? 0 : 1;
}

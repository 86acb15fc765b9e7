// Parse-and-check throughput on a generated library of 1,000 protocols
// (issue 2's target: the whole library checked in under one second on a
// 2-core machine). Prints MB/s and files/s; exits 1 if any generated
// protocol fails to check, so the figure is never measured on errors.
//
//   build/bench/check_bench [FILES]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "dsl/check/checker.hpp"
#include "dsl/syntax/parser.hpp"

namespace {

// A protocol in the shape of the shipped ones: a header, inputs of every
// kind, lets, safety rules, and `stages` stages with sessions, frequencies,
// windows and streaks. `n` varies names and numbers so no two files match.
std::string generate_protocol(int n, int stages) {
  std::string t;
  t += "# Generated protocol " + std::to_string(n) + " for the check benchmark.\n";
  t += "protocol gen_" + std::to_string(n) + " \"Generated protocol " + std::to_string(n) + "\"\n";
  t += "version 1." + std::to_string(n % 10) + ".0\n";
  t += "source \"Benchmark generator\"\n";
  t += "order duration, intensity, frequency\n\n";
  t += "input pain_during score 0..10 \"worst pain while running\"\n";
  t += "input pain_after score 0..10 \"worst pain after\"\n";
  t += "input pain_morning score 0..10\n";
  t += "input tenderness flag\n";
  t += "input effusion levels zero, trace, 1+, 2+, 3+\n";
  t += "input soreness one of none, warmup, next_day\n";
  t += "input cadence spm\n";
  t += "input balance percent\n";
  t += "input sessions_done count\n\n";
  t += "let worst_pain = max(pain_during, pain_after)\n";
  t += "let morning_rise = pain_morning - baseline(pain_morning)\n\n";
  t += "safety\n";
  t += "  refer if tenderness \"Refer\"\n";
  t += "  regress if worst_pain >= " + std::to_string(1 + n % 3) + " then rest 1 day \"Pain\"\n";
  t += "  regress if morning_rise >= 1 then rest 1 day\n";
  t += "  hold if effusion >= 2+ or soreness == next_day\n";
  t += "  hold if missing(pain_during) or missing(pain_after) or missing(pain_morning) or missing(tenderness)\n";
  t += "  hold if missing(effusion) or missing(soreness)\n";
  t += "  cue if cadence < 1.05 * baseline(cadence) \"Quicker steps\"\n\n";
  t += "phase \"Return to run\"\n";
  for (int s = 0; s < stages; ++s) {
    const int run = 1 + s;
    t += "  stage s" + std::to_string(s) + " \"Stage " + std::to_string(s) + "\"\n";
    t += "    session 5 x (run " + std::to_string(run) + " min, walk 2 min) at easy\n";
    t += "    frequency 3 per week, every other day\n";
    if (s + 1 < stages) {
      t += "    advance if worst_pain == 0 for 2 sessions and mean(pain_morning over 7 days) <= " +
           std::to_string(2 + n % 2) + "\n";
    } else {
      t += "    discharge if worst_pain == 0 for 3 sessions \"Done\"\n";
    }
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const int files = argc > 1 ? std::atoi(argv[1]) : 1000;
  std::vector<gradus::SourcePtr> sources;
  std::size_t bytes = 0;
  for (int i = 0; i < files; ++i) {
    auto src = std::make_shared<gradus::Source>("gen" + std::to_string(i) + ".gradus", generate_protocol(i, 8 + i % 8));
    bytes += src->text().size();
    sources.push_back(std::move(src));
  }

  double best = 1e9;
  for (int round = 0; round < 5; ++round) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& src : sources) {
      gradus::ParseResult parsed = gradus::parse_protocol(src);
      if (!parsed.protocol || gradus::has_errors(parsed.diagnostics)) {
        std::fprintf(stderr, "%s: does not parse (%s)\n", src->path().c_str(),
                     parsed.diagnostics.empty() ? "?" : parsed.diagnostics.front().message.c_str());
        return 1;
      }
      gradus::CheckOptions options;
      options.strict = true;
      gradus::CheckResult checked = gradus::check_protocol(*parsed.protocol, options);
      if (!checked.ok()) {
        const auto& d = checked.diagnostics.front();
        std::fprintf(stderr, "%s:%u:%u: does not check: [%s] %s\n", src->path().c_str(), d.span.line, d.span.column,
                     d.code.c_str(), d.message.c_str());
        return 1;
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds < best) best = seconds;
  }
  std::printf("check_bench: %d protocols, %.2f MB, parse+check --strict\n", files, static_cast<double>(bytes) / 1e6);
  std::printf("  best of 5: %.3f s  =>  %.1f MB/s, %.0f files/s  (target: whole library < 1 s)\n", best,
              static_cast<double>(bytes) / 1e6 / best, files / best);
  return 0;
}

// Fuzz target: advise and explain end to end with a fuzzed log, on the
// shipped protocol the log's `protocol:` line names (bsi-tibia otherwise).
// Whatever loads must replay without a crash; the advice must be
// deterministic (the same log twice gives the same decision and stage); and
// the replay with no observer (session and history programs, no cues) must
// end in the same state as a watched one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/eval/replay.hpp"
#include "fuzz_common.hpp"

namespace {

struct Watcher final : gradus::eval::ReplayObserver {
  void on_entry(const gradus::eval::EntryView&, const gradus::eval::Replayer&) override {}
  void on_auto_advance(gradus::Date, int, int) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const gradus::Protocol& protocol = fuzz_protocol_named_in(text);
  gradus::LogLoadResult loaded = protocol.load_log("fuzz.yaml", text);
  if (!loaded.log) return 0;
  const gradus::Log& log = *loaded.log;
  gradus::Date date = log.entries.empty() ? gradus::Date{20000} : log.entries.back().date + 1;
  const gradus::eval::Advice a = protocol.advise(log, date);
  const gradus::eval::Advice b = protocol.advise(log, date);
  if (a.decision != b.decision || a.stage != b.stage || a.session != b.session) std::abort();
  (void)protocol.explain(log);

  const auto plan = std::shared_ptr<const gradus::eval::Plan>(std::shared_ptr<const gradus::eval::Plan>{}, &protocol.plan());
  gradus::eval::Replayer fast(plan), watched(plan);
  Watcher watcher;
  fast.run(log, date);
  watched.run(log, date, &watcher);
  if (!(fast.state() == watched.state()) || fast.latest_inputs() != watched.latest_inputs()) std::abort();
  return 0;
}

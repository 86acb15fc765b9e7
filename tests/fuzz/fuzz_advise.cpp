// Fuzz target: advise and explain end to end on the bundled protocol with a
// fuzzed log. Whatever loads must replay without a crash, and the advice must
// be deterministic (the same log twice gives the same decision and stage).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gradus::Protocol& protocol = fuzz_protocol();
  gradus::LogLoadResult loaded = protocol.load_log("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  if (!loaded.log) return 0;
  const gradus::Log& log = *loaded.log;
  gradus::Date date = log.entries.empty() ? gradus::Date{20000} : log.entries.back().date + 1;
  const gradus::eval::Advice a = protocol.advise(log, date);
  const gradus::eval::Advice b = protocol.advise(log, date);
  if (a.decision != b.decision || a.stage != b.stage || a.session != b.session) std::abort();
  (void)protocol.explain(log);
  return 0;
}

// Fuzz target: any bytes as an athlete's log must load or be refused with
// diagnostics; never a crash, hang, leak or unbounded memory. A log is
// returned exactly when no error was reported. The log is loaded for the
// shipped protocol its `protocol:` line names (bsi-tibia otherwise), so
// every kind of input (scores, flags, levels, one of, quantities) is read.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gradus::LogLoadResult loaded = fuzz_protocol_named_in(text).load_log("fuzz.yaml", text);
  if (loaded.log.has_value() == gradus::has_errors(loaded.diagnostics)) std::abort();
  return 0;
}

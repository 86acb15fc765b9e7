// Fuzz target: any bytes as an athlete's log must load or be refused with
// diagnostics; never a crash, hang, leak or unbounded memory. A log is
// returned exactly when no error was reported.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gradus::LogLoadResult loaded =
      fuzz_protocol().load_log("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  if (loaded.log.has_value() == gradus::has_errors(loaded.diagnostics)) std::abort();
  return 0;
}

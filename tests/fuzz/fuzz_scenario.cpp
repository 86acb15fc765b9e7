// Fuzz target: any bytes as a scenario file (*.test.yaml) load or are
// refused with diagnostics; a scenario is returned exactly when no error was
// reported, and its cases run against the bundled protocol without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/scenario/run_scenario.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<gradus::Source>("fuzz.test.yaml", std::string(reinterpret_cast<const char*>(data), size));
  gradus::ScenarioLoadResult loaded = gradus::load_scenario(source);
  if (loaded.scenario.has_value() == gradus::has_errors(loaded.diagnostics)) std::abort();
  if (loaded.scenario) (void)gradus::run_scenario(*loaded.scenario, fuzz_protocol());
  return 0;
}

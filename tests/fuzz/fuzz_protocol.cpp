// Fuzz target: any bytes as a protocol file must parse and check without a
// crash, hang, leak or sanitizer report, and the result must be consistent:
// a protocol is returned whenever no error was reported.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "dsl/check/checker.hpp"
#include "dsl/syntax/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<gradus::Source>("fuzz.gradus", std::string(reinterpret_cast<const char*>(data), size));
  gradus::ParseResult parsed = gradus::parse_protocol(source);
  if (!gradus::has_errors(parsed.diagnostics) && !parsed.protocol) std::abort();
  if (parsed.protocol && !gradus::has_errors(parsed.diagnostics)) {
    gradus::CheckOptions options;
    options.strict = size % 2 == 0;
    (void)gradus::check_protocol(*parsed.protocol, options);
  }
  return 0;
}

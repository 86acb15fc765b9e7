// Fuzz target: any bytes as an athlete's log must load or be refused with
// diagnostics; never a crash, hang, leak or unbounded memory. A log is
// returned exactly when no error was reported. The log is loaded for the
// shipped protocol its `protocol:` line names (bsi-tibia otherwise), so
// every kind of input (scores, flags, levels, one of, quantities) is read.
// It is also loaded in two halves (what a long log gets, engine/log/load.cpp),
// which must give exactly the same Log and diagnostics.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/log/load.hpp"
#include "fuzz_common.hpp"

namespace {

bool same_span(const gradus::Span& a, const gradus::Span& b) {
  return a.begin == b.begin && a.end == b.end && a.line == b.line && a.column == b.column;
}

bool same_values(const std::vector<gradus::LogValue>& a, const std::vector<gradus::LogValue>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].present != b[i].present || !same_span(a[i].span, b[i].span)) return false;
    if (a[i].present && !(a[i].value == b[i].value || (a[i].value != a[i].value && b[i].value != b[i].value))) return false;
  }
  return true;
}

bool same_load(const gradus::LogLoadResult& a, const gradus::LogLoadResult& b) {
  if (a.diagnostics.size() != b.diagnostics.size() || a.log.has_value() != b.log.has_value()) return false;
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    const auto &x = a.diagnostics[i], &y = b.diagnostics[i];
    if (x.code != y.code || x.message != y.message || !same_span(x.span, y.span)) return false;
  }
  if (!a.log) return true;
  const gradus::Log &x = *a.log, &y = *b.log;
  if (x.athlete != y.athlete || x.protocol != y.protocol || !same_values(x.baseline, y.baseline) ||
      x.entries.size() != y.entries.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.entries.size(); ++i) {
    const auto &e = x.entries[i], &f = y.entries[i];
    if (e.date != f.date || !same_span(e.span, f.span) || e.stage != f.stage || e.minutes != f.minutes ||
        e.cleared != f.cleared || e.rest != f.rest || e.note != f.note || !same_values(e.values, f.values)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const gradus::Protocol& protocol = fuzz_protocol_named_in(text);
  gradus::LogLoadResult loaded = protocol.load_log("fuzz.yaml", text);
  if (loaded.log.has_value() == gradus::has_errors(loaded.diagnostics)) std::abort();
  const auto source = std::make_shared<const gradus::Source>("fuzz.yaml", text);
  gradus::LogLimits whole, halves;
  whole.parallel_min_bytes = SIZE_MAX;
  halves.parallel_min_bytes = 0;
  if (!same_load(gradus::load_log(source, protocol.syntax(), whole), gradus::load_log(source, protocol.syntax(), halves))) {
    std::abort();
  }
  return 0;
}

// The checker: runs the named passes in order, then the lints (only on a
// protocol with no errors, since they rely on complete annotations), then
// applies --strict and sorts the findings by position.
//
// Order: structure and names first (nothing else can be trusted without
// them); stages (ids, targets) and lets (order) only need names; types need
// resolved names and ordered lets; ranges need types. Every pass tolerates
// the errors of the ones before it (an Unknown type is never reported twice),
// so one run reports as many independent mistakes as it can.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <tuple>

#include "dsl/check/lints.hpp"
#include "dsl/check/pass_context.hpp"

namespace gradus {
namespace check {
namespace {

constexpr std::array kPasses = {
    Pass{"structure", &pass_structure},
    Pass{"names", &pass_names},
    Pass{"stages", &pass_stages},
    Pass{"lets", &pass_lets},
    Pass{"types", &pass_types},
    Pass{"ranges", &pass_ranges},
};

// A checked protocol can be checked again: start from a clean slate.
void clear_annotations(ast::Protocol& protocol) {
  for_each_root(protocol, [](ast::Expr& root) {
    for_each_expr(root, [](ast::Expr& e) {
      e.type = {};
      e.symbol = {};
      e.inferred_unit = Unit::None;
    });
  });
}

}  // namespace

std::span<const Pass> checker_passes() { return kPasses; }

}  // namespace check

CheckResult check_protocol(ast::Protocol& protocol, const CheckOptions& options) {
  CheckResult result;
  check::clear_annotations(protocol);
  check::PassContext cx{protocol, options, result.diagnostics};
  for (const auto& pass : check::checker_passes()) pass.run(cx);
  if (!has_errors(result.diagnostics)) run_lints(protocol, options, result.diagnostics);

  auto& diags = result.diagnostics;
  // The same finding from two places (e.g. a lint that also reports G0401) is shown once.
  std::set<std::tuple<std::string, std::uint32_t, std::uint32_t, std::uint32_t>> seen;
  std::vector<Diagnostic> unique;
  unique.reserve(diags.size());
  for (auto& d : diags) {
    if (seen.emplace(d.code, d.span.begin, d.span.end, d.span.line).second) unique.push_back(std::move(d));
  }
  diags = std::move(unique);
  if (options.strict) {
    for (auto& d : diags) {
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    }
  }
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.line, a.span.column) < std::tie(b.span.line, b.span.column);
  });
  return result;
}

}  // namespace gradus

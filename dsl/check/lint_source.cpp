// G0401: a protocol should cite where its rules come from; `check --strict`
// requires it (docs/lints.md#g0401).
#include "dsl/check/lint_registry.hpp"

namespace gradus::lint {

void lint_missing_source(const LintContext& context, Diagnostics& out) {
  const auto& protocol = context.protocol;
  if (protocol.citation) return;
  const Span span = protocol.id_span.valid() ? protocol.id_span : protocol.span;
  out.push_back(lint_finding(context, span, "G0401",
                             "protocol '" + protocol.id + "' has no `source`: nothing says which paper or guideline its rules come from")
                    .help("add a citation after the header, e.g. `source \"Warden SJ et al. J Orthop Sports Phys Ther 2021;51(7):322-330\"`")
                    .d);
}

}  // namespace gradus::lint

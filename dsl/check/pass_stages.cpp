// Pass "stages": stage ids are unique, and every `advance to X` and
// `regress to X` names a stage that exists (with a did-you-mean).
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/check/pass_context.hpp"
#include "dsl/diag/suggest.hpp"

namespace gradus::check {

void pass_stages(PassContext& cx) {
  std::unordered_map<std::string_view, const ast::Stage*> seen;
  std::vector<std::string> ids;
  for (const auto& phase : cx.protocol.phases) {
    for (const auto& stage : phase.stages) {
      auto [it, fresh] = seen.emplace(stage.id, &stage);
      if (fresh) {
        ids.push_back(stage.id);
        continue;
      }
      cx.report(error(cx.source(), stage.id_span, "G0302", "duplicate stage '" + stage.id + "'")
                    .label("defined again here")
                    .secondary(it->second->id_span, "first defined here")
                    .help("give each stage its own id, for example '" + stage.id + "_2'"));
    }
  }
  for_each_rule(cx.protocol, [&](ast::Rule& rule, ast::Stage*) {
    if (!rule.target || seen.count(*rule.target)) return;
    auto d = error(cx.source(), rule.target_span.valid() ? rule.target_span : rule.span, "G0301",
                   std::string("`") + to_string(rule.kind) + " to` an unknown stage '" + *rule.target + "'")
                 .label("no stage has this id");
    if (auto guess = cx.suggest(*rule.target, ids)) {
      d.help("did you mean '" + *guess + "'?");
    } else if (!ids.empty()) {
      std::string list;
      for (std::size_t i = 0; i < ids.size() && i < 8; ++i) list += (i ? ", " : "") + ids[i];
      d.help("the stages are: " + list + (ids.size() > 8 ? ", ..." : ""));
    }
    cx.report(std::move(d));
  });
}

}  // namespace gradus::check

#include "engine/eval/protocol.hpp"

#include "dsl/syntax/parser.hpp"

namespace gradus {

ProtocolCompileResult Protocol::compile(std::string path, std::string text, const CheckOptions& options) {
  ProtocolCompileResult result;
  auto source = std::make_shared<const Source>(std::move(path), std::move(text));
  ParseResult parsed = parse_protocol(source);
  result.diagnostics = std::move(parsed.diagnostics);
  if (!parsed.protocol || has_errors(result.diagnostics)) return result;
  CheckResult checked = check_protocol(*parsed.protocol, options);
  result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(checked.diagnostics.begin()),
                            std::make_move_iterator(checked.diagnostics.end()));
  if (has_errors(result.diagnostics)) return result;
  result.protocol = Protocol(eval::make_plan(std::move(*parsed.protocol)));
  return result;
}

LogLoadResult Protocol::load_log(std::string path, std::string text) const {
  return gradus::load_log(std::make_shared<const Source>(std::move(path), std::move(text)), plan_->ast);
}

eval::Advice Protocol::advise(const Log& log, Date date) const { return eval::advise(plan_, log, date); }

eval::Timeline Protocol::explain(const Log& log, std::optional<Date> from, std::optional<Date> to) const {
  return eval::explain(plan_, log, from, to);
}

eval::ReplayState Protocol::evaluate(const Log& log, Date date) const {
  eval::Replayer replayer(plan_);
  replayer.run(log, date);
  return replayer.state();
}

}  // namespace gradus

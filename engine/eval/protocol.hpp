#pragma once
// gradus::Protocol: the library's front door (docs/embedding.md). Compiled
// once from text (parse, check, plan), immutable, cheap to copy and safe to
// share between threads: advise/explain/evaluate may run concurrently on
// many logs.
#include <memory>
#include <optional>
#include <string>

#include "dsl/check/checker.hpp"
#include "dsl/diag/diagnostic.hpp"
#include "engine/eval/advice.hpp"
#include "engine/eval/plan.hpp"
#include "engine/eval/replay.hpp"
#include "engine/eval/timeline.hpp"
#include "engine/log/load.hpp"
#include "engine/log/log.hpp"

namespace gradus {

class Protocol;

struct ProtocolCompileResult;

class Protocol {
 public:
  // Parses, checks and plans protocol text; `path` is only for diagnostics.
  static ProtocolCompileResult compile(std::string path, std::string text, const CheckOptions& options = {});

  const std::string& id() const { return plan_->id; }
  const std::string& version() const { return plan_->version; }
  const eval::Plan& plan() const { return *plan_; }
  const ast::Protocol& syntax() const { return plan_->ast; }

  // Loads a YAML log against this protocol's inputs and stages.
  LogLoadResult load_log(std::string path, std::string text) const;

  // Advice for `date` from the entries dated before it.
  eval::Advice advise(const Log& log, Date date) const;
  // The day-by-day replay of the entries dated from..to (inclusive).
  eval::Timeline explain(const Log& log, std::optional<Date> from = {}, std::optional<Date> to = {}) const;
  // Where the athlete stands after the entries dated before `date`.
  eval::ReplayState evaluate(const Log& log, Date date) const;

 private:
  explicit Protocol(std::shared_ptr<const eval::Plan> plan) : plan_(std::move(plan)) {}
  std::shared_ptr<const eval::Plan> plan_;
};

struct ProtocolCompileResult {
  std::optional<Protocol> protocol;  // present exactly when diagnostics hold no error
  Diagnostics diagnostics;           // warnings too
};

}  // namespace gradus

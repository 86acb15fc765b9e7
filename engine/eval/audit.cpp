#include "engine/eval/audit.hpp"

#include "engine/io/sha256.hpp"

namespace gradus::eval {

ReplayAudit replay_audit(const Plan& plan, const Log& log, std::optional<Date> used_before) {
  ReplayAudit audit;
  audit.protocol_id = plan.id;
  audit.protocol_version = plan.version;
  if (plan.ast.source) {
    audit.protocol_path = plan.ast.source->path();
    audit.protocol_sha256 = plan.source_sha256;
  }
  if (log.source) {
    audit.log_path = log.source->path();
    audit.log_sha256 = sha256_hex(log.source->text());
  }
  audit.athlete = log.athlete;
  audit.used_before = used_before;
  // Entries are in strictly increasing date order (engine/log/log.hpp).
  for (const auto& e : log.entries) {
    if (!used_before || e.date < *used_before) {
      ++audit.entries_used;
      if (!audit.first_used) audit.first_used = e.date;
      audit.last_used = e.date;
    } else {
      ++audit.entries_ignored;
    }
  }
  return audit;
}

}  // namespace gradus::eval

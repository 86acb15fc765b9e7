#pragma once
// What a replay read, so its result (advice, explanation) can be reproduced
// and checked later: re-run with the same files and dates and compare the
// hashes (docs/advice.md "Audit trail"). Renderers: audit_render.hpp.
#include <optional>
#include <string>

#include "engine/eval/plan.hpp"
#include "engine/log/log.hpp"

namespace gradus::eval {

// Paths are as the caller gave them; a hash is the SHA-256 of the file's
// bytes, lower-case hex (equal to `sha256sum FILE`). Empty path and hash: the
// protocol or log was built in code, not read from a file.
struct ReplayAudit {
  std::string protocol_id, protocol_version;
  std::string protocol_path, protocol_sha256;
  std::string log_path, log_sha256;
  std::optional<std::string> athlete;  // the log's `athlete:`
  std::optional<Date> used_before;     // entries dated before this were used; none: every entry
  int entries_used = 0;                // sessions and rest entries alike
  std::optional<Date> first_used, last_used;
  int entries_ignored = 0;             // entries dated on or after `used_before`
  std::string gradus_version;          // set by the caller that knows it (the CLI); the library leaves it empty
};

ReplayAudit replay_audit(const Plan& plan, const Log& log, std::optional<Date> used_before);

}  // namespace gradus::eval

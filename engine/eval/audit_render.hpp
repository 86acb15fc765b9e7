#pragma once
// The audit block that ends `gradus advise` and `gradus explain` output, as
// text (last, so a clinician can skip it) and as the JSON `audit` object
// (fields: docs/advice.md).
#include <ostream>

#include <nlohmann/json.hpp>

#include "engine/eval/audit.hpp"

namespace gradus::eval {

void render_audit_text(std::ostream& out, const ReplayAudit& audit);
nlohmann::json audit_json(const ReplayAudit& audit);

}  // namespace gradus::eval

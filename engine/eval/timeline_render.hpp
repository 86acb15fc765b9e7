#pragma once
// The explanation as text a clinician can follow line by line, and as JSON
// (fields: docs/advice.md). Renderers decide nothing.
#include <ostream>

#include <nlohmann/json.hpp>

#include "engine/eval/timeline.hpp"

namespace gradus::eval {

// Without the audit block (render_audit_text, audit_render.hpp): `gradus test`
// quotes this text as a trace, where the files are the scenario's.
void render_timeline_text(std::ostream& out, const Timeline& timeline, const Plan& plan);
nlohmann::json timeline_json(const Timeline& timeline, const Plan& plan);

}  // namespace gradus::eval

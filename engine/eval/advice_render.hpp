#pragma once
// Advice as text a clinician can read aloud, and as the stable JSON object of
// spec/cli.md (fields: docs/advice.md). Renderers decide nothing.
#include <ostream>

#include <nlohmann/json.hpp>

#include "engine/eval/advice.hpp"

namespace gradus::eval {

void render_advice_text(std::ostream& out, const Advice& advice, const Plan& plan);
nlohmann::json advice_json(const Advice& advice, const Plan& plan);

}  // namespace gradus::eval

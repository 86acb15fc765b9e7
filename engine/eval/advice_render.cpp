#include "engine/eval/advice_render.hpp"

#include "engine/eval/audit_render.hpp"
#include "engine/eval/value_text.hpp"

namespace gradus::eval {
namespace {

std::string decision_sentence(const Advice& a) {
  const std::string from = a.last_session ? " at the session on " + to_string(*a.last_session) : "";
  if (a.cleared && a.decision == Decision::Hold) {
    return "hold: the referral was cleared on " + to_string(*a.cleared) + "; stay at this stage";
  }
  switch (a.decision) {
    case Decision::Start: return "start: no session logged yet, begin with this stage";
    case Decision::Advance: return "advance" + from + ": moved up to this stage";
    case Decision::Hold: return "hold" + from + ": stay at this stage";
    case Decision::Regress: return "regress" + from + ": moved back to this stage";
    case Decision::Refer: return "refer" + from + ": stop and see a clinician";
    case Decision::Discharge: return "discharge" + from + ": the protocol is complete";
    case Decision::Rest: return "rest" + from + ": a rest day, then this stage";
  }
  return to_string(a.decision);
}

std::string values_line(const std::vector<SeenValue>& values, const Plan& plan) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += v.name + " = " + show_value(v.value, v.type, plan);
  }
  return out;
}

}  // namespace

void render_advice_text(std::ostream& out, const Advice& a, const Plan& plan) {
  out << (a.protocol_title.empty() ? a.protocol_id : a.protocol_title) << " (" << a.protocol_id;
  if (!a.protocol_version.empty()) out << " " << a.protocol_version;
  out << ")\n";
  out << "Advice for " << to_string(a.date) << "\n\n";
  out << "Stage:     " << a.stage;
  if (!a.stage_title.empty()) out << " \"" << a.stage_title << "\"";
  if (!a.phase.empty()) out << ", phase \"" << a.phase << "\"";
  out << "\n";
  out << "Decision:  " << decision_sentence(a) << "\n";
  if (a.session_day) {
    out << "Today:     a session day\n";
    out << "Session:   " << a.session.value_or("no session prescribed") << "\n";
  } else {
    out << "Today:     no session: " << a.why_not_session << "\n";
  }

  bool reasons = false;
  for (const auto& f : a.fired) {
    if (f.kind == ast::RuleKind::Cue) continue;
    if (!reasons) out << "\nWhy:\n";
    reasons = true;
    out << "  - " << (f.message.empty() ? f.condition : f.message) << "\n";
    out << "    " << f.rule << " (line " << f.line << "): " << f.head;
    if (f.decided && f.blocked == Blocked::None) out << "  [decided]";
    if (f.blocked == Blocked::MinDays) out << "  [held back: min days]";
    if (f.blocked == Blocked::Cap) out << "  [held back: max advances reached]";
    if (f.blocked == Blocked::LastStage) out << "  [held back: no stage after this one]";
    out << "\n";
    if (!f.values.empty()) out << "    saw " << values_line(f.values, plan) << "\n";
  }
  if (a.cleared) {
    out << "\nWhy:\n  - a clinician cleared the referral on " << to_string(*a.cleared)
        << "; the stage starts afresh\n";
  } else if (!reasons && a.last_session && a.decision == Decision::Hold) {
    out << "\nWhy:\n  - no rule fired at the last session, so the athlete stays\n";
  }
  if (!a.needs.empty()) {
    out << "\nStill needed to advance:\n";
    for (const auto& n : a.needs) out << "  - " << n.unmet << ": " << n.have << "  (" << n.rule << ")\n";
  }
  if (!a.cues.empty()) {
    out << "\nCues:\n";
    for (const auto& c : a.cues) out << "  - " << c << "\n";
  }
  render_audit_text(out, a.audit);
}

nlohmann::json advice_json(const Advice& a, const Plan& plan) {
  using nlohmann::json;
  json j;
  j["date"] = to_string(a.date);
  j["protocol"] = json{{"id", a.protocol_id}, {"version", a.protocol_version}, {"title", a.protocol_title}};
  j["phase"] = a.phase;
  j["stage"] = a.stage;
  j["stage_title"] = a.stage_title;
  j["decision"] = to_string(a.decision);
  j["last_session"] = a.last_session ? json(to_string(*a.last_session)) : json(nullptr);
  j["cleared"] = a.cleared ? json(to_string(*a.cleared)) : json(nullptr);
  j["session_day"] = a.session_day;
  j["session"] = a.session ? json(*a.session) : json(nullptr);
  j["not_session_because"] = a.session_day ? json(nullptr) : json(a.why_not_session);
  j["rest_days_left"] = a.rest_days_left;
  json fired = json::array();
  for (const auto& f : a.fired) {
    json values = json::object();
    for (const auto& v : f.values) values[v.name] = value_json(v.value, v.type, plan);
    json item{{"rule", f.rule},           {"kind", ast::to_string(f.kind)},
              {"message", f.message},     {"condition", f.condition},
              {"line", f.line},           {"decided", f.decided},
              {"values", values}};
    if (f.blocked != Blocked::None) item["blocked"] = to_string(f.blocked);
    fired.push_back(std::move(item));
  }
  j["fired"] = std::move(fired);
  json needs = json::array();
  for (const auto& n : a.needs) needs.push_back(json{{"rule", n.rule}, {"unmet", n.unmet}, {"have", n.have}});
  j["needs"] = std::move(needs);
  j["cues"] = a.cues;
  j["audit"] = audit_json(a.audit);
  return j;
}

}  // namespace gradus::eval

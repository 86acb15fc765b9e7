#include "engine/eval/timeline_render.hpp"

#include "engine/eval/audit_render.hpp"
#include "engine/eval/value_text.hpp"

namespace gradus::eval {
namespace {

std::string outcome_text(const TimelineDay& d) {
  switch (d.decision) {
    case Decision::Advance: return "advance to " + d.stage_after;
    case Decision::Regress: return "regress to " + d.stage_after;
    case Decision::Hold: return "hold at " + d.stage_after;
    case Decision::Refer: return "refer: stop until a clinician clears it (stage stays " + d.stage_after + ")";
    case Decision::Discharge: return "discharge: the protocol is complete";
    case Decision::Rest: return "rest";
    case Decision::Start: return "start";
  }
  return "";
}

}  // namespace

void render_timeline_text(std::ostream& out, const Timeline& t, const Plan& plan) {
  out << t.protocol_id;
  if (!t.protocol_version.empty()) out << " " << t.protocol_version;
  out << ": replay of " << t.days.size() << (t.days.size() == 1 ? " day" : " days") << "\n";
  if (t.days.empty()) out << "(no entries in range)\n";
  for (const auto& d : t.days) {
    out << "\n" << to_string(d.date) << "  ";
    switch (d.kind) {
      case TimelineKind::AutoAdvance:
        out << "recovery stage " << d.stage_before << " is over: on to " << d.stage_after << "\n";
        continue;
      case TimelineKind::Measurement:
        out << "measurements only (rest: true), not a session; stage " << d.stage_after;
        if (d.cleared) out << "; referral cleared by a clinician";
        out << "\n";
        continue;
      case TimelineKind::NotJudgedReferred:
        out << "session kept but not judged: a referral stands (stage " << d.stage_after << ")\n";
        continue;
      case TimelineKind::NotJudgedDischarged:
        out << "session kept but not judged: already discharged\n";
        continue;
      case TimelineKind::Session: break;
    }
    out << "session " << d.session_in_stage << " in stage " << d.stage_before << " (day " << d.day_in_stage
        << " in stage)";
    if (d.logged_stage) out << "; the log says " << *d.logged_stage;
    if (d.cleared) out << "; referral cleared by a clinician first";
    out << "\n";
    for (const auto& r : d.rules) {
      out << "  " << r.rule << " (line " << r.line << "): " << r.head << "  -> " << to_string(r.result);
      if (r.decided) out << (r.blocked == Blocked::None ? "  [decides]" : "  [fired, held back]");
      else if (r.result == Truth::True && r.kind != ast::RuleKind::Cue) out << "  [fired, outranked]";
      out << "\n";
      // The whole condition's value is the result above; list its parts.
      const bool skip_root = r.nodes.size() > 1 && r.nodes[0].depth == 0;
      for (std::size_t i = skip_root ? 1 : 0; i < r.nodes.size(); ++i) {
        const NodeValue& n = r.nodes[i];
        const std::size_t depth = n.depth - (skip_root && n.depth > 0 ? 1u : 0u);
        out << "      " << std::string(depth * 2, ' ') << n.text << " = " << show_value(n.value, n.type, plan)
            << "\n";
      }
    }
    out << "  => " << outcome_text(d);
    if (!d.deciding_rule.empty()) {
      out << (d.blocked == Blocked::None ? " (" + d.deciding_rule + ")" : "");
    } else {
      out << " (no rule fired)";
    }
    if (d.blocked == Blocked::MinDays) out << " (" << d.deciding_rule << " fired, but min days is not reached)";
    if (d.blocked == Blocked::Cap) out << " (" << d.deciding_rule << " fired, but the advance cap is reached)";
    if (d.blocked == Blocked::LastStage) out << " (" << d.deciding_rule << " fired, but there is no next stage)";
    if (d.rest_until) out << "; rest until " << to_string(*d.rest_until);
    out << "\n";
  }
}

nlohmann::json timeline_json(const Timeline& t, const Plan& plan) {
  using nlohmann::json;
  json days = json::array();
  for (const auto& d : t.days) {
    json day{{"date", to_string(d.date)},
             {"kind", to_string(d.kind)},
             {"stage_before", d.stage_before},
             {"stage_after", d.stage_after},
             {"decision", to_string(d.decision)}};
    if (d.kind == TimelineKind::Session) {
      day["session_in_stage"] = d.session_in_stage;
      day["day_in_stage"] = d.day_in_stage;
      day["rule"] = d.deciding_rule.empty() ? json(nullptr) : json(d.deciding_rule);
      day["blocked"] = d.blocked == Blocked::None ? json(nullptr) : json(to_string(d.blocked));
      json rules = json::array();
      for (const auto& r : d.rules) {
        json nodes = json::array();
        for (const auto& n : r.nodes) {
          nodes.push_back(json{{"expr", n.text}, {"value", value_json(n.value, n.type, plan)}, {"depth", n.depth}});
        }
        rules.push_back(json{{"rule", r.rule},
                             {"kind", ast::to_string(r.kind)},
                             {"line", r.line},
                             {"text", r.head},
                             {"message", r.message},
                             {"result", to_string(r.result)},
                             {"decided", r.decided},
                             {"values", std::move(nodes)}});
      }
      day["rules"] = std::move(rules);
    }
    day["cleared"] = d.cleared;
    day["rest_until"] = d.rest_until ? json(to_string(*d.rest_until)) : json(nullptr);
    day["referred"] = d.referred;
    day["discharged"] = d.discharged;
    if (d.logged_stage) day["logged_stage"] = *d.logged_stage;
    days.push_back(std::move(day));
  }
  return json{{"protocol", json{{"id", t.protocol_id}, {"version", t.protocol_version}}},
              {"days", std::move(days)},
              {"audit", audit_json(t.audit)}};
}

}  // namespace gradus::eval

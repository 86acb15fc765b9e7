#include "dsl/syntax/ast.hpp"

namespace gradus::ast {

const char* to_string(Op op) {
  switch (op) {
    case Op::None: return "";
    case Op::Neg: return "-";
    case Op::Not: return "not";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::And: return "and";
    case Op::Or: return "or";
  }
  return "";
}

const char* to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::Advance: return "advance";
    case RuleKind::Hold: return "hold";
    case RuleKind::Regress: return "regress";
    case RuleKind::Refer: return "refer";
    case RuleKind::Discharge: return "discharge";
    case RuleKind::Cue: return "cue";
  }
  return "hold";
}

const char* to_string(Activity activity) {
  switch (activity) {
    case Activity::Run: return "run";
    case Activity::Walk: return "walk";
    case Activity::Jog: return "jog";
    case Activity::CrossTrain: return "cross-train";
    case Activity::Strides: return "strides";
  }
  return "run";
}

std::size_t stage_count(const Protocol& protocol) {
  std::size_t n = 0;
  for (const auto& phase : protocol.phases) n += phase.stages.size();
  return n;
}

std::vector<std::pair<std::size_t, std::size_t>> stage_order(const Protocol& protocol) {
  std::vector<std::pair<std::size_t, std::size_t>> order;
  for (std::size_t p = 0; p < protocol.phases.size(); ++p) {
    for (std::size_t s = 0; s < protocol.phases[p].stages.size(); ++s) order.emplace_back(p, s);
  }
  return order;
}

const Stage* find_stage(const Protocol& protocol, std::string_view id) {
  for (const auto& phase : protocol.phases) {
    for (const auto& stage : phase.stages) {
      if (stage.id == id) return &stage;
    }
  }
  return nullptr;
}

}  // namespace gradus::ast

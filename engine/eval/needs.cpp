#include "engine/eval/needs.hpp"

#include "dsl/format/format_expr.hpp"
#include "engine/eval/value_text.hpp"

namespace gradus::eval {
namespace {

void conjuncts(const ast::Expr& expr, std::vector<const ast::Expr*>& out) {
  if (expr.kind == ast::ExprKind::Binary && expr.op == ast::Op::And) {
    conjuncts(*expr.args[0], out);
    conjuncts(*expr.args[1], out);
  } else {
    out.push_back(&expr);
  }
}

const TraceNode* node_of(const RulePlan& rule, const ast::Expr* expr) {
  for (const auto& n : rule.nodes) {
    if (n.expr == expr) return &n;
  }
  return nullptr;
}

// An input read through latest() that was never measured.
const ast::Expr* unmeasured_latest(const ast::Expr& expr, const std::vector<bool>* measured) {
  if (expr.kind == ast::ExprKind::Call && expr.name == "latest" && !expr.args.empty() &&
      expr.args[0]->symbol.kind == ast::SymbolKind::Input) {
    const auto i = static_cast<std::size_t>(expr.args[0]->symbol.index);
    if (measured && i < measured->size() && !(*measured)[i]) return expr.args[0].get();
  }
  for (const auto& arg : expr.args) {
    if (const auto* e = unmeasured_latest(*arg, measured)) return e;
  }
  return nullptr;
}

// The values a part of a condition read, for "have".
std::string seen(const Plan& plan, const RulePlan& rule, const ast::Expr& part, std::span<const Value> registers) {
  std::string out;
  const TraceNode* top = node_of(rule, &part);
  if (!top) return out;
  const std::size_t begin = static_cast<std::size_t>(top - rule.nodes.data());
  for (std::size_t i = begin; i < rule.nodes.size(); ++i) {
    const TraceNode& n = rule.nodes[i];
    if (i > begin && n.depth <= top->depth) break;
    if (!n.read) continue;
    if (out.find(n.text + " = ") != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += n.text + " = " + show_value(registers[n.reg], n.expr->type, plan);
  }
  return out;
}

// latest(x) values a part reads, from the replay's state (no session to read registers from).
void latest_values(const Plan& plan, const ast::Expr& expr, const std::vector<Value>* latest, std::string& out) {
  if (latest && expr.kind == ast::ExprKind::Call && expr.name == "latest" && !expr.args.empty() &&
      expr.args[0]->symbol.kind == ast::SymbolKind::Input) {
    const auto i = static_cast<std::size_t>(expr.args[0]->symbol.index);
    if (i < latest->size()) {
      if (!out.empty()) out += ", ";
      out += format_expr(expr) + " = " + show_value((*latest)[i], expr.type, plan);
    }
    return;
  }
  for (const auto& arg : expr.args) latest_values(plan, *arg, latest, out);
}

std::uint32_t streak_index(const Plan& plan, const ast::Expr* expr) {
  for (std::size_t i = 0; i < plan.streaks.size(); ++i) {
    if (plan.streaks[i].expr == expr) return static_cast<std::uint32_t>(i);
  }
  return UINT32_MAX;
}

}  // namespace

std::vector<Need> stage_needs(const Plan& plan, const NeedsInput& in) {
  std::vector<Need> needs;
  const StagePlan& stage = plan.stages[static_cast<std::size_t>(in.stage)];
  const bool judged = !in.registers.empty();
  for (const int r : stage.rules) {
    const RulePlan& rule = plan.rules[static_cast<std::size_t>(r)];
    if (rule.kind != ast::RuleKind::Advance && rule.kind != ast::RuleKind::Discharge) continue;
    if (r == in.blocked_rule) {
      switch (in.blocked) {
        case Blocked::MinDays:
          needs.push_back({rule.id, "min days " + std::to_string(stage.min_days),
                           std::to_string(in.days_in_stage) + " of " + std::to_string(stage.min_days)});
          break;
        case Blocked::Cap:
          needs.push_back({rule.id,
                           "max " + std::to_string(plan.max_advances) + " advances per " +
                               std::to_string(plan.max_advances_days) + " days",
                           std::to_string(in.advances_in_cap_window) + " advances in the last " +
                               std::to_string(plan.max_advances_days) + " days"});
          break;
        case Blocked::LastStage:
          needs.push_back({rule.id, "a stage after " + stage.id, "this is the last stage"});
          break;
        case Blocked::None: break;
      }
      continue;
    }
    if (!rule.rule || !rule.rule->condition) continue;
    if (judged && in.registers[rule.result].is_true()) continue;
    std::vector<const ast::Expr*> parts;
    conjuncts(*rule.rule->condition, parts);
    for (const ast::Expr* part : parts) {
      const TraceNode* node = node_of(rule, part);
      const Truth t = judged && node ? in.registers[node->reg].truth() : Truth::Unknown;
      if (t == Truth::True) continue;
      Need need{rule.id, format_expr(*part), ""};
      if (part->kind == ast::ExprKind::Streak) {
        const std::uint32_t s = streak_index(plan, part);
        const std::uint32_t have = judged && s < in.streak_progress.size() ? in.streak_progress[s] : 0;
        need.have = std::to_string(have) + " of " + number_text(part->streak.value);
      } else if (const ast::Expr* input = unmeasured_latest(*part, in.measured)) {
        need.have = input->name + " not measured yet";
      } else if (!judged) {
        std::string values;
        latest_values(plan, *part, in.latest, values);
        need.have = values.empty() ? "no session in this stage yet" : "no session in this stage yet; " + values;
      } else {
        need.have = seen(plan, rule, *part, in.registers);
        if (t == Truth::Unknown) need.have = need.have.empty() ? "unknown" : "unknown: " + need.have;
      }
      needs.push_back(std::move(need));
    }
  }
  return needs;
}

}  // namespace gradus::eval

// Canonical text of the stage clauses (session, frequency) and of rules.
#include "dsl/format/format_expr.hpp"
#include "dsl/format/format_text.hpp"

namespace gradus {
namespace {

std::string format_intensity(const ast::Intensity& intensity) {
  switch (intensity.kind) {
    case ast::IntensityKind::Easy: return "easy";
    case ast::IntensityKind::Moderate: return "moderate";
    case ast::IntensityKind::Hard: return "hard";
    case ast::IntensityKind::Rpe: return "rpe " + number_text(intensity.level);
    case ast::IntensityKind::Zone: return "zone " + number_text(intensity.level);
  }
  return "easy";
}

void write_blocks(std::string& out, const std::vector<ast::Block>& blocks);

void write_block(std::string& out, const ast::Block& block) {
  if (block.repeat) {
    out += number_text(block.count);
    out += " x (";
    write_blocks(out, block.children);
    out += ')';
  } else {
    out += ast::to_string(block.activity);
    out += ' ';
    out += format_quantity(block.amount);
  }
  if (block.intensity) {
    out += " at ";
    out += format_intensity(*block.intensity);
  }
}

void write_blocks(std::string& out, const std::vector<ast::Block>& blocks) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i) out += ", ";
    write_block(out, blocks[i]);
  }
}

}  // namespace

std::string format_session(const ast::Session& session) {
  std::string out;
  if (session.rest) {
    out = "rest";
    if (session.rest_days) out += ' ' + count_noun(*session.rest_days, "day", "days");
    return out;
  }
  write_blocks(out, session.blocks);
  return out;
}

std::string format_frequency(const ast::Frequency& frequency) {
  // The AST keeps which parts were written, not their order: the canonical
  // order is the count, then the spacing.
  std::string out;
  auto part = [&out](const std::string& text) {
    if (!out.empty()) out += ", ";
    out += text;
  };
  if (frequency.per_week) part(number_text(*frequency.per_week) + " per week");
  if (frequency.every_other_day) part("every other day");
  if (frequency.daily) part("daily");
  return out;
}

std::string format_rule_head(const ast::Rule& rule) {
  std::string out = ast::to_string(rule.kind);
  if (rule.target) {
    out += " to ";
    out += *rule.target;
  } else if (rule.stages) {
    out += ' ';
    out += count_noun(*rule.stages, "stage", "stages");
  }
  out += " if ";
  if (rule.condition) out += format_expr(*rule.condition);
  if (rule.rest_days) {
    out += " then rest ";
    out += count_noun(*rule.rest_days, "day", "days");
  }
  return out;
}

std::string format_rule(const ast::Rule& rule) {
  std::string out = format_rule_head(rule);
  if (rule.message) {
    out += ' ';
    out += quote_string(*rule.message);
  }
  return out;
}

}  // namespace gradus

#include "dsl/describe/description.hpp"

#include "dsl/describe/english.hpp"
#include "dsl/format/format_expr.hpp"
#include "dsl/format/format_text.hpp"

namespace gradus {
namespace {

std::string input_type_words(const ast::InputType& type) {
  switch (type.kind) {
    case ast::InputKind::Score: return "score " + type.lo.text + " to " + type.hi.text;
    case ast::InputKind::Flag: return "yes / no";
    case ast::InputKind::Count: return "count";
    case ast::InputKind::Percent: return "percent";
    case ast::InputKind::Quantity: return std::string(to_string(type.unit));
    case ast::InputKind::Levels:
    case ast::InputKind::OneOf: {
      std::string list = type.kind == ast::InputKind::Levels ? "grade: " : "one of: ";
      for (std::size_t i = 0; i < type.names.size(); ++i) list += (i ? ", " : "") + type.names[i];
      return list;
    }
  }
  return "";
}

const char* order_word(ast::OrderDimension d) {
  switch (d) {
    case ast::OrderDimension::Duration: return "duration";
    case ast::OrderDimension::Intensity: return "intensity";
    case ast::OrderDimension::Frequency: return "frequency";
  }
  return "";
}

std::string frequency_words(const ast::Stage& stage) {
  if (stage.session && stage.session->rest) return "recovery: no impact";
  if (!stage.frequency) return "as prescribed";
  const ast::Frequency& f = *stage.frequency;
  std::string text;
  if (f.per_week) text = count_noun(*f.per_week, "time", "times") + " a week";
  if (f.every_other_day) text += std::string(text.empty() ? "" : ", ") + "every other day at most";
  if (f.daily) text += std::string(text.empty() ? "" : ", ") + "every day";
  return text;
}

std::string move_on_words(const ast::Protocol& protocol, const ast::Stage& stage) {
  if (stage.session && stage.session->rest) {
    return stage.session->rest_days ? "after " + count_noun(*stage.session->rest_days, "day", "days") + " of rest"
                                    : "after a day of rest";
  }
  std::string text;
  for (const auto& rule : stage.rules) {
    if (rule.kind != ast::RuleKind::Advance && rule.kind != ast::RuleKind::Discharge) continue;
    if (!text.empty()) text += "; or ";
    text += rule.condition ? describe_condition(protocol, *rule.condition) : "always";
    if (rule.kind == ast::RuleKind::Discharge) text += " (then the programme ends)";
    else if (rule.target) text += " (then go to " + *rule.target + ")";
  }
  if (stage.min_days) text += "; not before " + count_noun(stage.min_days->days, "day", "days") + " at this stage";
  return text.empty() ? "no rule moves on from here" : text;
}

}  // namespace

Description describe_protocol(const ast::Protocol& protocol) {
  Description d;
  d.id = protocol.id;
  d.title = protocol.title.value_or(protocol.id);
  if (protocol.version) d.version = protocol.version->value;
  if (protocol.citation) d.citation = protocol.citation->value;
  if (protocol.order) {
    std::string text = "Progress ";
    const auto& dims = protocol.order->value;
    for (std::size_t i = 0; i < dims.size(); ++i) {
      text += i == 0 ? "" : (i + 1 == dims.size() ? ", then " : ", then ");
      text += order_word(dims[i]);
      if (i == 0) text += " first";
    }
    d.header_notes.push_back(text + ".");
  }
  if (protocol.max_weekly_increase) {
    d.header_notes.push_back("Weekly running minutes rise by at most " +
                             format_quantity(protocol.max_weekly_increase->value) + " from one stage to the next.");
  }
  if (protocol.max_advances) {
    d.header_notes.push_back("Move up at most " +
                             count_noun(protocol.max_advances->value.count, "stage", "stages") + " in any " +
                             count_noun(protocol.max_advances->value.days, "day", "days") + ".");
  }
  for (const auto& input : protocol.inputs) {
    d.inputs.push_back({input.name, input_type_words(input.type), input.description.value_or("")});
  }
  for (const auto& let : protocol.lets) {
    if (let.value) d.terms.push_back(let.name + ": " + describe_condition(protocol, *let.value));
  }
  for (const auto& rule : protocol.safety) d.safety.push_back(describe_rule(protocol, rule));
  for (const auto& phase : protocol.phases) {
    for (const auto& stage : phase.stages) {
      DescribedStage s;
      s.phase = phase.name;
      s.id = stage.id;
      s.title = stage.title.value_or(stage.id);
      s.session = stage.session ? format_session(*stage.session) : "";
      s.frequency = frequency_words(stage);
      s.move_on = move_on_words(protocol, stage);
      for (const auto& rule : stage.rules) s.rules.push_back(describe_rule(protocol, rule));
      d.stages.push_back(std::move(s));
    }
  }
  return d;
}

}  // namespace gradus

#include "dsl/format/format_protocol.hpp"

#include <algorithm>
#include <string_view>

#include "dsl/format/format_expr.hpp"
#include "dsl/format/format_text.hpp"

namespace gradus {
namespace {

std::string_view rtrim(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// Collects output lines. Blank lines are requested, not written, so that
// however many are asked for between two lines at most one appears, and
// none at the start of the file.
class Layout {
 public:
  void section_break() { pending_blank_ = true; }

  // One statement with its comments: the leading ones above it at its
  // indentation, the trailing one after it with one space.
  void statement(int indent, const ast::Trivia& trivia, const std::string& code) {
    if (trivia.blank_before) pending_blank_ = true;
    for (const auto& comment : trivia.leading) line(indent, std::string(rtrim(comment.text)));
    std::string text = code;
    if (trivia.trailing) {
      text += ' ';
      text += rtrim(trivia.trailing->text);
    }
    line(indent, text);
  }

  void line(int indent, const std::string& text) {
    if (pending_blank_ && !out_.empty()) out_ += '\n';
    pending_blank_ = false;
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += rtrim(text);
    out_ += '\n';
  }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_blank_ = false;
};

// Aligned columns are computed per block: a run of statements with no blank
// line between them. Blocks come from the tree (blank_before), so the
// alignment of the output is the alignment of its re-parse: idempotent.
template <typename T>
std::vector<std::pair<std::size_t, std::size_t>> blocks_of(const std::vector<T>& items) {
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 0 || items[i].trivia.blank_before) blocks.emplace_back(i, i);
    blocks.back().second = i + 1;
  }
  return blocks;
}

std::string input_type_text(const ast::InputType& type) {
  auto join = [](const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) out += ", ";
      out += names[i];
    }
    return out;
  };
  switch (type.kind) {
    case ast::InputKind::Score: return "score " + number_text(type.lo) + ".." + number_text(type.hi);
    case ast::InputKind::Flag: return "flag";
    case ast::InputKind::Count: return "count";
    case ast::InputKind::Percent: return "percent";
    case ast::InputKind::Quantity: return std::string(to_string(type.unit));
    case ast::InputKind::Levels: return "levels " + join(type.names);
    case ast::InputKind::OneOf: return "one of " + join(type.names);
  }
  return "flag";
}

// `levels ...` and `one of ...` are lists, often long; they do not set the
// description column (it would push every description far right), and the
// description after a list simply follows it.
bool is_list(const ast::InputType& type) {
  return type.kind == ast::InputKind::Levels || type.kind == ast::InputKind::OneOf;
}

const char* dimension_text(ast::OrderDimension dimension) {
  switch (dimension) {
    case ast::OrderDimension::Duration: return "duration";
    case ast::OrderDimension::Intensity: return "intensity";
    case ast::OrderDimension::Frequency: return "frequency";
  }
  return "duration";
}

void write_header(Layout& out, const ast::Protocol& p) {
  if (!p.id.empty()) {
    std::string line = "protocol " + p.id;
    if (p.title) line += ' ' + quote_string(*p.title);
    out.statement(0, p.trivia, line);
  }
  if (p.version) out.statement(0, p.version->trivia, "version " + p.version->value);
  if (p.citation) out.statement(0, p.citation->trivia, "source " + quote_string(p.citation->value));
  if (p.order) {
    std::string line = "order ";
    for (std::size_t i = 0; i < p.order->value.size(); ++i) {
      if (i) line += ", ";
      line += dimension_text(p.order->value[i]);
    }
    out.statement(0, p.order->trivia, line);
  }
  if (p.max_weekly_increase) {
    out.statement(0, p.max_weekly_increase->trivia,
                  "max weekly increase " + number_text(p.max_weekly_increase->value) + "%");
  }
  if (p.max_advances) {
    const auto& m = p.max_advances->value;
    out.statement(0, p.max_advances->trivia,
                  "max " + number_text(m.count) + " advances per " + count_noun(m.days, "day", "days"));
  }
}

void write_inputs(Layout& out, const std::vector<ast::Input>& inputs) {
  for (const auto& [begin, end] : blocks_of(inputs)) {
    std::size_t name_width = 0, type_width = 0;
    for (std::size_t i = begin; i < end; ++i) {
      name_width = std::max(name_width, inputs[i].name.size());
      if (inputs[i].description && !is_list(inputs[i].type)) {
        type_width = std::max(type_width, input_type_text(inputs[i].type).size());
      }
    }
    for (std::size_t i = begin; i < end; ++i) {
      const auto& input = inputs[i];
      std::string line = "input " + pad(input.name, name_width) + ' ';
      if (input.description) {
        line += pad(input_type_text(input.type), type_width) + "  " + quote_string(*input.description);
      } else {
        line += input_type_text(input.type);
      }
      out.statement(0, input.trivia, line);
    }
  }
}

void write_lets(Layout& out, const std::vector<ast::Let>& lets) {
  for (const auto& [begin, end] : blocks_of(lets)) {
    std::size_t name_width = 0;
    for (std::size_t i = begin; i < end; ++i) name_width = std::max(name_width, lets[i].name.size());
    for (std::size_t i = begin; i < end; ++i) {
      const auto& let = lets[i];
      std::string line = "let " + pad(let.name, name_width) + " = ";
      if (let.value) line += format_expr(*let.value);
      out.statement(0, let.trivia, line);
    }
  }
}

// Rule keywords are padded to the longest in their block, so the conditions
// start in one column (`refer   if`, `regress if`), as in the spec's example.
void write_rules(Layout& out, int indent, const std::vector<ast::Rule>& rules) {
  for (const auto& [begin, end] : blocks_of(rules)) {
    std::size_t kind_width = 0;
    for (std::size_t i = begin; i < end; ++i) {
      kind_width = std::max(kind_width, std::string_view(ast::to_string(rules[i].kind)).size());
    }
    for (std::size_t i = begin; i < end; ++i) {
      const auto& rule = rules[i];
      const std::string kind = ast::to_string(rule.kind);
      // format_rule writes the keyword unpadded; pad it in place.
      std::string line = format_rule(rule);
      line.insert(kind.size(), kind_width - kind.size(), ' ');
      out.statement(indent, rule.trivia, line);
    }
  }
}

void write_stage(Layout& out, int indent, const ast::Stage& stage) {
  std::string line = "stage " + stage.id;
  if (stage.title) line += ' ' + quote_string(*stage.title);
  out.statement(indent, stage.trivia, line);
  const int inner = indent + 2;
  if (stage.session) out.statement(inner, stage.session->trivia, "session " + format_session(*stage.session));
  if (stage.frequency) out.statement(inner, stage.frequency->trivia, "frequency " + format_frequency(*stage.frequency));
  if (stage.min_days) out.statement(inner, stage.min_days->trivia, "min days " + number_text(stage.min_days->days));
  write_rules(out, inner, stage.rules);
}

void write_phases(Layout& out, const std::vector<ast::Phase>& phases) {
  for (const auto& phase : phases) {
    out.section_break();
    // Stages written before any `phase` sit in an implicit phase with no
    // name and no line of its own; they stay at the left margin.
    const bool implicit = phase.name.empty() && !phase.span.valid();
    int indent = 0;
    if (!implicit) {
      out.statement(0, phase.trivia, "phase " + quote_string(phase.name));
      indent = 2;
    }
    for (const auto& stage : phase.stages) write_stage(out, indent, stage);
  }
}

}  // namespace

std::string format_protocol(const ast::Protocol& protocol) {
  Layout out;
  write_header(out, protocol);
  out.section_break();
  write_inputs(out, protocol.inputs);
  out.section_break();
  write_lets(out, protocol.lets);
  if (protocol.has_safety) {
    out.section_break();
    out.statement(0, protocol.safety_trivia, "safety");
    write_rules(out, 2, protocol.safety);
  }
  write_phases(out, protocol.phases);
  if (!protocol.trailing_comments.empty()) {
    out.section_break();
    for (const auto& comment : protocol.trailing_comments) out.line(0, std::string(rtrim(comment.text)));
  }
  return out.take();
}

}  // namespace gradus

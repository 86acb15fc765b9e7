#include "engine/log/log_edit_values.hpp"

#include <cstdio>
#include <unordered_map>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_diag.hpp"
#include "engine/log/log_values.hpp"

namespace gradus {

namespace {

const ast::Input* find_input(const ast::Protocol& protocol, std::string_view name) {
  for (const auto& input : protocol.inputs) {
    if (input.name == name) return &input;
  }
  return nullptr;
}

bool is_reserved(std::string_view name) {
  for (const auto& k : reserved_entry_keys()) {
    if (k == name) return true;
  }
  return false;
}

void validate_reserved(const ast::Protocol& protocol, const EntryField& f, const SourcePtr& source, Diagnostics& out) {
  const LogScalar scalar{f.value, true, f.value_span};
  if (f.name == "stage") {
    if (ast::find_stage(protocol, f.value)) return;
    std::vector<std::string> ids;
    for (const auto& [p, s] : ast::stage_order(protocol)) ids.push_back(protocol.phases[p].stages[s].id);
    auto d = error(source, f.value_span, "G0510", "unknown stage `" + f.value + "`: " + protocol.id + " has no such stage")
                 .label("unknown stage");
    if (auto guess = closest_match(f.value, ids)) d.help("did you mean `" + *guess + "`?");
    out.push_back(take(d));
  } else if (f.name == "minutes") {
    const auto v = parse_log_number(scalar);
    if (!v) {
      out.push_back(take(error(source, f.value_span, "G0504", "`minutes` must be a number of minutes, not '" + f.value + "'")
                             .label("not a number")));
    } else if (*v < 0) {
      out.push_back(take(error(source, f.value_span, "G0505", "`minutes` cannot be negative").label("out of range")));
    }
  } else if (f.name == "cleared" || f.name == "rest") {
    if (!parse_log_bool(scalar)) {
      out.push_back(take(error(source, f.value_span, "G0504", "`" + f.name + "` must be true or false, not '" + f.value + "'")
                             .label("not true or false")));
    }
  }
  // note: any text.
}

// Text that YAML reads back unchanged when written plain: a name such as
// `2+`, `next_day` or `c30_tempo`, but none of the words YAML reads as null.
bool safe_plain_name(std::string_view s) {
  if (s.empty() || s == "null" || s == "Null" || s == "NULL" || s == "~") return false;
  const auto ok_first = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (!ok_first(s.front())) return false;
  for (const char c : s) {
    if (!ok_first(c) && c != '+' && c != '.' && c != '-') return false;
  }
  return true;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += "\"";
  return out;
}

}  // namespace

const std::vector<std::string>& reserved_entry_keys() {
  static const std::vector<std::string> keys{"stage", "minutes", "cleared", "rest", "note"};
  return keys;
}

EntryFields command_line_fields(std::string origin, const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> name_at, value_at;
  for (const auto& [name, value] : pairs) {
    if (!text.empty()) text += ' ';
    text += "--";
    name_at.emplace_back(text.size(), text.size() + name.size());
    text += name;
    text += ' ';
    // Shown as the person typed it; newlines would break the one-line quote.
    std::string shown = value;
    for (auto& c : shown) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    value_at.emplace_back(text.size(), text.size() + shown.size());
    text += shown;
  }
  EntryFields out;
  auto source = std::make_shared<const Source>(std::move(origin), std::move(text));
  out.source = source;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    EntryField f;
    f.name = pairs[i].first;
    f.value = pairs[i].second;
    f.name_span = source->span(name_at[i].first, name_at[i].second);
    // An empty value still gets a one-character caret position.
    f.value_span = source->span(value_at[i].first, std::max(value_at[i].second, value_at[i].first + 1));
    out.fields.push_back(std::move(f));
  }
  return out;
}

Diagnostics validate_entry_fields(const ast::Protocol& protocol, const EntryFields& fields) {
  Diagnostics out;
  std::unordered_map<std::string, Span> seen;
  std::vector<std::string> candidates;
  for (const auto& input : protocol.inputs) candidates.push_back(input.name);
  for (const auto& k : reserved_entry_keys()) candidates.push_back(k);
  const SourcePtr& source = fields.source;

  for (const auto& f : fields.fields) {
    if (f.name == "date") {
      out.push_back(take(error(source, f.name_span, "G0502", "the day is not a value: give it as the entry's date")
                             .label("not a value")
                             .help("use --date YYYY-MM-DD")));
      continue;
    }
    const auto [it, fresh] = seen.emplace(f.name, f.name_span);
    if (!fresh) {
      out.push_back(take(error(source, f.name_span, "G0502", "`" + f.name + "` is given twice")
                             .label("second time")
                             .secondary(it->second, "first given here")
                             .help("keep one of them")));
      continue;
    }
    if (const ast::Input* input = find_input(protocol, f.name); input && !is_reserved(f.name)) {
      convert_log_value(*input, LogScalar{f.value, true, f.value_span}, source, out);
      continue;
    }
    if (is_reserved(f.name)) {
      validate_reserved(protocol, f, source, out);
      continue;
    }
    auto d = error(source, f.name_span, "G0503",
                   "unknown name `" + f.name + "`: not an input of " + protocol.id + " nor a reserved key")
                 .label("unknown");
    if (auto guess = closest_match(f.name, candidates)) d.help("did you mean `" + *guess + "`?");
    out.push_back(take(d));
  }
  return out;
}

std::string yaml_field_text(const ast::Protocol& protocol, const EntryField& field) {
  if (field.name == "note") return double_quoted(field.value);
  if (field.name == "stage") return safe_plain_name(field.value) ? field.value : double_quoted(field.value);
  const ast::Input* input = is_reserved(field.name) ? nullptr : find_input(protocol, field.name);
  if (input && (input->type.kind == ast::InputKind::Levels || input->type.kind == ast::InputKind::OneOf)) {
    return safe_plain_name(field.value) ? field.value : double_quoted(field.value);
  }
  // Numbers, numbers with a unit, flags: validated plain scalars, written as given.
  return field.value;
}

}  // namespace gradus

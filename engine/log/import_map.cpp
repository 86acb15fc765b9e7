#include "engine/log/import_map.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_diag.hpp"

namespace gradus {

namespace {

constexpr std::array<MetricInfo, 12> kFitMetrics{{
    {"cadence_spm", Unit::Spm, "cadence", "average cadence, steps per minute (both feet)"},
    {"ground_contact_ms", Unit::Ms, "gct", "average ground contact time"},
    {"ground_contact_balance_left_pct", Unit::Percent, "gct_balance", "ground contact time balance, % on the left foot"},
    {"vertical_oscillation_mm", Unit::Mm, "vertical_oscillation", "average vertical oscillation"},
    {"vertical_ratio_pct", Unit::Percent, "vertical_ratio", "vertical oscillation / step length"},
    {"step_length_mm", Unit::Mm, "step_length", "average step length"},
    {"heart_rate_bpm", Unit::Bpm, "heart_rate", "average heart rate"},
    {"leg_spring_stiffness_kn_m", Unit::KnPerM, "leg_stiffness", "leg spring stiffness (Stryd developer field)"},
    {"form_power_w", Unit::W, "form_power", "form power (Stryd developer field)"},
    {"duration_s", Unit::S, "", "timer time, pauses excluded (map it to `minutes` to log the session's length)"},
    {"elapsed_s", Unit::S, "", "wall time from start to end"},
    {"distance_m", Unit::M, "", "distance"},
}};

const MetricInfo* find_metric(std::string_view field) {
  for (const auto& m : kFitMetrics) {
    if (m.field == field) return &m;
  }
  return nullptr;
}

const ast::Input* find_input(const ast::Protocol& protocol, std::string_view name) {
  for (const auto& input : protocol.inputs) {
    if (input.name == name) return &input;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> ImportMap::field_for(std::string_view input) const {
  for (const auto& o : options) {
    if (o.input == input) return o.field;
  }
  return std::nullopt;
}

ImportMapResult parse_import_map(const std::vector<std::string>& options) {
  ImportMapResult result;
  std::string text;
  std::vector<std::size_t> starts;
  for (const auto& o : options) {
    if (!text.empty()) text += ' ';
    text += "--map ";
    starts.push_back(text.size());
    text += o;
  }
  auto source = std::make_shared<const Source>("command line", text);
  result.map.source = source;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::string& o = options[i];
    const std::size_t at = starts[i];
    const auto eq = o.find('=');
    const Span whole = source->span(at, at + std::max<std::size_t>(o.size(), 1));
    if (eq == std::string::npos || eq == 0 || eq + 1 == o.size()) {
      result.diagnostics.push_back(take(error(source, whole, "G0604", "--map takes INPUT=FIELD, not '" + o + "'")
                                            .label("expected INPUT=FIELD")
                                            .help("for example --map cadence=cadence_spm, or --map gct=none to skip one")));
      continue;
    }
    MapOption m{o.substr(0, eq), o.substr(eq + 1), source->span(at, at + eq), source->span(at + eq + 1, at + o.size())};
    for (const auto& earlier : result.map.options) {
      if (earlier.input == m.input) {
        result.diagnostics.push_back(take(error(source, m.input_span, "G0604", "`" + m.input + "` is mapped twice")
                                              .label("second time")
                                              .secondary(earlier.input_span, "first mapped here")));
      }
    }
    result.map.options.push_back(std::move(m));
  }
  return result;
}

std::span<const MetricInfo> fit_metric_fields() { return kFitMetrics; }

Diagnostics check_fit_map(const ImportMap& map, const ast::Protocol& protocol) {
  Diagnostics out;
  std::vector<std::string> inputs{"minutes"};
  for (const auto& input : protocol.inputs) inputs.push_back(input.name);
  std::vector<std::string> fields{"none"};
  for (const auto& m : kFitMetrics) fields.emplace_back(m.field);
  for (const auto& o : map.options) {
    if (o.input != "minutes" && !find_input(protocol, o.input)) {
      auto d = error(map.source, o.input_span, "G0604", "`" + o.input + "` is not an input of " + protocol.id)
                   .label("unknown input");
      if (auto guess = closest_match(o.input, inputs)) d.help("did you mean `" + *guess + "`?");
      out.push_back(take(d));
    }
    if (o.field != "none" && !find_metric(o.field)) {
      auto d = error(map.source, o.field_span, "G0604", "`" + o.field + "` is not a metric a FIT import provides")
                   .label("unknown metric");
      if (auto guess = closest_match(o.field, fields)) d.help("did you mean `" + *guess + "`?");
      else d.help("the metrics are listed in docs/data.md (and by `gradus import --dry-run`)");
      out.push_back(take(d));
    }
  }
  return out;
}

std::string log_number_text(double value) {
  double r = std::round(value * 100.0) / 100.0;
  if (r == 0) r = 0;  // no "-0"
  char buf[32];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
  std::string s = ec == std::errc{} ? std::string(buf, ptr) : std::to_string(r);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

EntryFields fit_entry_fields(std::string origin, const std::vector<MetricValue>& values, const ast::Protocol& protocol,
                             const ImportMap& map, Diagnostics& warnings) {
  // Targets: each input (and `minutes`) with the field it takes.
  std::vector<std::pair<std::string, std::string>> targets;  // input, field
  std::vector<std::string> names{"minutes"};
  for (const auto& input : protocol.inputs) names.push_back(input.name);
  for (const auto& name : names) {
    std::optional<std::string> field = map.field_for(name);
    if (!field) {
      for (const auto& m : kFitMetrics) {
        if (m.default_input == name) field = std::string(m.field);
      }
    }
    if (field && *field != "none") targets.emplace_back(name, *field);
  }

  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& target : targets) {
    // Named copies, not structured bindings: clang 14 cannot capture those in a lambda.
    const std::string& name = target.first;
    const std::string& field = target.second;
    const MetricInfo* metric = find_metric(field);
    const auto value = std::find_if(values.begin(), values.end(), [&](const MetricValue& v) { return v.field == field; });
    if (!metric || value == values.end()) continue;  // not in this session
    const std::string metric_unit(to_string(metric->unit));
    std::optional<double> written;
    std::string problem;
    if (name == "minutes") {
      if (dimension_of(metric->unit) == Dimension::Time) written = convert(value->value, metric->unit, Unit::Min);
      else problem = "`minutes` is a time, and " + field + " is in " + metric_unit;
    } else {
      const ast::Input& input = *find_input(protocol, name);
      switch (input.type.kind) {
        case ast::InputKind::Quantity:
          if (dimension_of(input.type.unit) == dimension_of(metric->unit)) {
            written = convert(value->value, metric->unit, input.type.unit);
          } else {
            problem = name + " is in " + std::string(to_string(input.type.unit)) + ", and " + field + " is in " + metric_unit;
          }
          break;
        case ast::InputKind::Percent:
          if (metric->unit == Unit::Percent) written = value->value;
          else problem = name + " is a percent, and " + field + " is in " + metric_unit;
          break;
        default:
          problem = name + " is " + (input.type.kind == ast::InputKind::Count ? std::string("a count") : "not a measurement") +
                    ", so " + field + " (" + metric_unit + ") is not written to it";
      }
    }
    if (!written) {
      warnings.push_back(take(warning(nullptr, Span{}, "G0604", origin + ": " + problem + "; skipped")
                                  .help("declare the input with a unit of the same kind, or map another input with --map")));
      continue;
    }
    pairs.emplace_back(name, log_number_text(*written));
  }
  return command_line_fields(std::move(origin), pairs);
}

}  // namespace gradus

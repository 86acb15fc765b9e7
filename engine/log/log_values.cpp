#include "engine/log/log_values.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_diag.hpp"
#include "dsl/syntax/units.hpp"

namespace gradus {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) { ++i; ++int_digits; }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) { ++i; ++frac_digits; }
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) { ++i; ++exp_digits; }
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::optional<double> to_double(std::string_view s) {
  if (!is_core_decimal(s)) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;  // keep messages one line
  std::string out = "'";
  out += text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
  out += "'";
  return out;
}

std::string number_text(double v) {
  char buf[32];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, ptr) : std::string("?");
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string bound_text(const ast::Quantity& q) { return q.text.empty() ? number_text(q.value) : q.text; }

DiagnosticBuilder wrong_type(const ast::Input& input, const LogScalar& scalar, const SourcePtr& source,
                             std::string_view expected) {
  std::string found = scalar.plain ? quoted(scalar.text) : "the quoted text " + quoted(scalar.text);
  return error(source, scalar.span, "G0504",
               input.name + " is " + describe_input_type(input.type) + ": expected " + std::string(expected) +
                   ", found " + found)
      .label("not " + std::string(expected));
}

// A number, optionally followed by a unit of `dimension` (`168 spm`, `52%`);
// returns the value in `unit` (the input's declared unit).
std::optional<double> number_in_unit(std::string_view text, Unit unit, bool& unit_mismatch) {
  unit_mismatch = false;
  if (auto v = to_double(text)) return v;
  // Split "<number><spaces?><unit>".
  std::size_t cut = text.size();
  while (cut > 0 && !is_digit(text[cut - 1]) && text[cut - 1] != '.') --cut;
  if (cut == 0 || cut == text.size()) return std::nullopt;
  std::string_view number = text.substr(0, cut);
  std::string_view suffix = text.substr(cut);
  while (!suffix.empty() && suffix.front() == ' ') suffix.remove_prefix(1);
  const auto value = to_double(number);
  if (!value) return std::nullopt;
  const auto written = parse_unit(suffix);
  if (!written) return std::nullopt;
  if (dimension_of(*written) != dimension_of(unit)) {
    unit_mismatch = true;
    return std::nullopt;
  }
  return convert(*value, *written, unit);
}

}  // namespace

std::optional<double> parse_log_number(const LogScalar& scalar) {
  if (!scalar.plain) return std::nullopt;
  return to_double(scalar.text);
}

std::optional<bool> parse_log_bool(const LogScalar& scalar) {
  if (!scalar.plain) return std::nullopt;
  const std::string_view t = scalar.text;
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

std::string describe_input_type(const ast::InputType& type) {
  switch (type.kind) {
    case ast::InputKind::Score: return "a score " + bound_text(type.lo) + ".." + bound_text(type.hi);
    case ast::InputKind::Flag: return "a flag";
    case ast::InputKind::Count: return "a count";
    case ast::InputKind::Percent: return "a percent";
    case ast::InputKind::Quantity: return "in " + std::string(to_string(type.unit));
    case ast::InputKind::Levels: return "one of the levels " + join(type.names);
    case ast::InputKind::OneOf: return "one of " + join(type.names);
  }
  return "an input";
}

std::optional<double> convert_log_value(const ast::Input& input, const LogScalar& scalar, const SourcePtr& source,
                                        Diagnostics& out) {
  const ast::InputType& type = input.type;
  switch (type.kind) {
    case ast::InputKind::Score: {
      const auto v = parse_log_number(scalar);
      if (!v) {
        out.push_back(take(wrong_type(input, scalar, source, "a number")));
        return std::nullopt;
      }
      if (*v < type.lo.value || *v > type.hi.value) {
        out.push_back(take(error(source, scalar.span, "G0505",
                            input.name + " is " + std::string(scalar.text) + ", outside its range " +
                                bound_text(type.lo) + ".." + bound_text(type.hi))
                          .label("out of range")));
        return std::nullopt;
      }
      return v;
    }
    case ast::InputKind::Count: {
      const auto v = parse_log_number(scalar);
      if (!v || *v != std::floor(*v)) {
        out.push_back(take(wrong_type(input, scalar, source, "a whole number")));
        return std::nullopt;
      }
      if (*v < 0) {
        out.push_back(take(error(source, scalar.span, "G0505", input.name + " is a count: it cannot be negative")
                          .label("out of range")));
        return std::nullopt;
      }
      return v;
    }
    case ast::InputKind::Percent: {
      bool mismatch = false;
      const auto v = scalar.plain ? number_in_unit(scalar.text, Unit::Percent, mismatch) : std::nullopt;
      if (!v) {
        out.push_back(take(wrong_type(input, scalar, source, "a number in percent")
                          .help("write the percentage as a number: `" + input.name + ": 52.0` means 52.0%")));
        return std::nullopt;
      }
      return v;
    }
    case ast::InputKind::Quantity: {
      bool mismatch = false;
      const auto v = scalar.plain ? number_in_unit(scalar.text, type.unit, mismatch) : std::nullopt;
      if (!v) {
        auto d = wrong_type(input, scalar, source, mismatch ? "a number in " + std::string(to_string(type.unit)) : "a number");
        if (mismatch) {
          d.d.message = input.name + " is in " + std::string(to_string(type.unit)) + ", and " + quoted(scalar.text) +
                        " is not a " + std::string(to_string(dimension_of(type.unit)));
          d.d.label = "wrong unit";
        }
        d.help("write the number in " + std::string(to_string(type.unit)) + ", e.g. `" + input.name + ": 170`");
        out.push_back(std::move(d));
        return std::nullopt;
      }
      if (*v < 0) {
        out.push_back(take(error(source, scalar.span, "G0505",
                            input.name + " is " + std::string(scalar.text) + ": a measurement cannot be negative")
                          .label("out of range")));
        return std::nullopt;
      }
      return *v * info(type.unit).to_base;
    }
    case ast::InputKind::Flag: {
      const auto b = parse_log_bool(scalar);
      if (!b) {
        out.push_back(take(wrong_type(input, scalar, source, "true or false")
                          .help("write `" + input.name + ": true` or `" + input.name + ": false`")));
        return std::nullopt;
      }
      return *b ? 1.0 : 0.0;
    }
    case ast::InputKind::Levels:
    case ast::InputKind::OneOf: {
      for (std::size_t i = 0; i < type.names.size(); ++i) {
        if (type.names[i] == scalar.text) return static_cast<double>(i);
      }
      auto d = error(source, scalar.span, "G0505",
                     input.name + " is " + describe_input_type(type) + ", not " + quoted(scalar.text))
                   .label("not one of the names");
      // Short names (`4+`) are all one edit apart: suggest only for words.
      const auto guess = scalar.text.size() > 2 ? closest_match(scalar.text, type.names) : std::nullopt;
      d.help((guess ? "did you mean `" + *guess + "`? " : std::string()) + "write one of: " + join(type.names));
      out.push_back(std::move(d));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace gradus

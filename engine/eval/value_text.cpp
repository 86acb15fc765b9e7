#include "engine/eval/value_text.hpp"

#include <cmath>
#include <cstdio>

#include "engine/eval/plan.hpp"

namespace gradus::eval {
namespace {

// Base unit -> the unit the expression is written in.
double scaled(double v, const ast::Type& type) {
  if (type.kind == ast::TypeKind::Quantity && type.unit != Unit::None && std::isfinite(v)) {
    return v / info(type.unit).to_base;
  }
  return v;
}

std::string with_unit(double v, const ast::Type& type) {
  const std::string n = number_text(scaled(v, type));
  if (type.kind == ast::TypeKind::Percent) return n + "%";
  if (type.kind == ast::TypeKind::Quantity && type.unit != Unit::None) return n + " " + std::string(to_string(type.unit));
  return n;
}

const std::vector<std::string>* names_of(const ast::Type& type, const Plan& plan) {
  if (type.kind != ast::TypeKind::Grade && type.kind != ast::TypeKind::Choice) return nullptr;
  if (type.input < 0 || static_cast<std::size_t>(type.input) >= plan.ast.inputs.size()) return nullptr;
  return &plan.ast.inputs[static_cast<std::size_t>(type.input)].type.names;
}

double json_number(double v) { return std::stod(number_text(v)); }

}  // namespace

std::string number_text(double value) {
  if (value == 0) return "0";  // also -0
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", value);
  return buf;
}

std::string show_value(Value value, const ast::Type& type, const Plan& plan) {
  if (value.is_undefined()) return "undefined";
  if (value.is_boolean()) return to_string(value.truth());
  if (value.known()) {
    if (const auto* names = names_of(type, plan)) {
      const auto i = static_cast<std::size_t>(std::llround(value.value()));
      if (i < names->size()) return (*names)[i];
    }
    return with_unit(value.value(), type);
  }
  const bool lo = std::isfinite(value.lo()), hi = std::isfinite(value.hi());
  if (!lo && !hi) return "unknown";
  if (const auto* names = names_of(type, plan)) {
    const auto a = static_cast<std::size_t>(std::llround(value.lo()));
    const auto b = static_cast<std::size_t>(std::llround(value.hi()));
    if (a < names->size() && b < names->size()) return "unknown (" + (*names)[a] + ".." + (*names)[b] + ")";
  }
  if (!hi) return "unknown (>= " + with_unit(value.lo(), type) + ")";
  if (!lo) return "unknown (<= " + with_unit(value.hi(), type) + ")";
  return "unknown (" + number_text(scaled(value.lo(), type)) + ".." + with_unit(value.hi(), type) + ")";
}

nlohmann::json value_json(Value value, const ast::Type& type, const Plan& plan) {
  if (value.is_undefined()) return nlohmann::json{{"undefined", true}};
  if (value.is_boolean()) {
    const Truth t = value.truth();
    return t == Truth::Unknown ? nlohmann::json(nullptr) : nlohmann::json(t == Truth::True);
  }
  if (value.known()) {
    if (const auto* names = names_of(type, plan)) {
      const auto i = static_cast<std::size_t>(std::llround(value.value()));
      if (i < names->size()) return (*names)[i];
    }
    return json_number(scaled(value.value(), type));
  }
  nlohmann::json j{{"unknown", true}};
  j["min"] = std::isfinite(value.lo()) ? nlohmann::json(json_number(scaled(value.lo(), type))) : nlohmann::json(nullptr);
  j["max"] = std::isfinite(value.hi()) ? nlohmann::json(json_number(scaled(value.hi(), type))) : nlohmann::json(nullptr);
  return j;
}

}  // namespace gradus::eval

#include "dsl/syntax/ast_equal.hpp"

#include "dsl/format/format_expr.hpp"

namespace gradus::ast {
namespace {

std::string_view rtrim(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Walks both trees in step; `fail` records the first difference with the
// path of contexts entered so far ("stage r1: rule 2: ...").
class Comparer {
 public:
  std::optional<std::string> difference;

  bool fail(const std::string& what) {
    if (!difference) {
      std::string path;
      for (const auto& part : path_) path += part + ": ";
      difference = path + what;
    }
    return false;
  }

  struct Scope {
    Comparer& c;
    Scope(Comparer& comparer, std::string part) : c(comparer) { c.path_.push_back(std::move(part)); }
    ~Scope() { c.path_.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
  };

  bool quantity(const Quantity& a, const Quantity& b, const char* what) {
    if (a.text != b.text || a.unit != b.unit || a.value != b.value) {
      return fail(std::string(what) + " differs (`" + format_quantity(a) + "` vs `" + format_quantity(b) + "`)");
    }
    return true;
  }

  bool opt_quantity(const std::optional<Quantity>& a, const std::optional<Quantity>& b, const char* what) {
    if (a.has_value() != b.has_value()) return fail(std::string(what) + (a ? " only in the first" : " only in the second"));
    return !a || quantity(*a, *b, what);
  }

  bool text(const std::optional<std::string>& a, const std::optional<std::string>& b, const char* what) {
    if (a != b) return fail(std::string(what) + " differs");
    return true;
  }

  bool comment(const Comment& a, const Comment& b, const std::string& what) {
    if (rtrim(a.text) != rtrim(b.text)) {
      return fail(what + " differs (`" + std::string(rtrim(a.text)) + "` vs `" + std::string(rtrim(b.text)) + "`)");
    }
    return true;
  }

  bool comments(const std::vector<Comment>& a, const std::vector<Comment>& b, const std::string& what) {
    if (a.size() != b.size()) {
      return fail(what + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " comments");
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!comment(a[i], b[i], what + " " + std::to_string(i + 1))) return false;
    }
    return true;
  }

  // blank_before is layout, not meaning: the formatter normalises it.
  bool trivia(const Trivia& a, const Trivia& b) {
    if (!comments(a.leading, b.leading, "leading comment")) return false;
    if (a.trailing.has_value() != b.trailing.has_value()) {
      return fail(a.trailing ? "trailing comment only in the first" : "trailing comment only in the second");
    }
    return !a.trailing || comment(*a.trailing, *b.trailing, "trailing comment");
  }

  bool expr_tree(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.parenthesized != b.parenthesized || a.op != b.op || a.args.size() != b.args.size()) return false;
    switch (a.kind) {
      case ExprKind::Number:
        if (a.number.text != b.number.text || a.number.unit != b.number.unit || a.number.value != b.number.value) return false;
        break;
      case ExprKind::Grade:
      case ExprKind::Name:
        if (a.name != b.name) return false;
        break;
      case ExprKind::Call:
        if (a.name != b.name || a.window.has_value() != b.window.has_value()) return false;
        if (a.window) {
          const Window& wa = *a.window;
          const Window& wb = *b.window;
          if (wa.unit != wb.unit || wa.length.text != wb.length.text || wa.length.value != wb.length.value ||
              wa.offset.has_value() != wb.offset.has_value()) {
            return false;
          }
          if (wa.offset && (wa.offset_unit != wb.offset_unit || wa.offset->text != wb.offset->text ||
                            wa.offset->value != wb.offset->value)) {
            return false;
          }
        }
        break;
      case ExprKind::Streak:
        if (a.streak.text != b.streak.text || a.streak.value != b.streak.value) return false;
        break;
      case ExprKind::Unary:
      case ExprKind::Binary:
        break;
    }
    for (std::size_t i = 0; i < a.args.size(); ++i) {
      if (!a.args[i] || !b.args[i]) {
        if (a.args[i] || b.args[i]) return false;
        continue;
      }
      if (!expr_tree(*a.args[i], *b.args[i])) return false;
    }
    return true;
  }

  bool expr(const ExprPtr& a, const ExprPtr& b, const char* what) {
    if (!a || !b) {
      if (a || b) return fail(std::string(what) + (a ? " only in the first" : " only in the second"));
      return true;
    }
    if (!expr_tree(*a, *b)) {
      return fail(std::string(what) + " differs (`" + format_expr(*a) + "` vs `" + format_expr(*b) + "`)");
    }
    return true;
  }

  bool rule(const Rule& a, const Rule& b) {
    if (a.kind != b.kind) return fail(std::string("kind differs (") + to_string(a.kind) + " vs " + to_string(b.kind) + ")");
    return text(a.target, b.target, "target") && opt_quantity(a.stages, b.stages, "stage count") &&
           expr(a.condition, b.condition, "condition") && opt_quantity(a.rest_days, b.rest_days, "rest days") &&
           text(a.message, b.message, "message") && trivia(a.trivia, b.trivia);
  }

  bool rules(const std::vector<Rule>& a, const std::vector<Rule>& b) {
    if (a.size() != b.size()) return fail(std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " rules");
    for (std::size_t i = 0; i < a.size(); ++i) {
      Scope scope(*this, "rule " + std::to_string(i + 1));
      if (!rule(a[i], b[i])) return false;
    }
    return true;
  }

  bool intensity(const std::optional<Intensity>& a, const std::optional<Intensity>& b) {
    if (a.has_value() != b.has_value()) return fail(a ? "intensity only in the first" : "intensity only in the second");
    if (!a) return true;
    if (a->kind != b->kind) return fail("intensity differs");
    if (a->kind == IntensityKind::Rpe || a->kind == IntensityKind::Zone) return quantity(a->level, b->level, "intensity level");
    return true;
  }

  bool blocks(const std::vector<Block>& a, const std::vector<Block>& b) {
    if (a.size() != b.size()) return fail(std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " blocks");
    for (std::size_t i = 0; i < a.size(); ++i) {
      Scope scope(*this, "block " + std::to_string(i + 1));
      if (a[i].repeat != b[i].repeat) return fail("repeat differs");
      if (a[i].repeat) {
        if (!quantity(a[i].count, b[i].count, "repeat count") || !blocks(a[i].children, b[i].children)) return false;
      } else {
        if (a[i].activity != b[i].activity) return fail("activity differs");
        if (!quantity(a[i].amount, b[i].amount, "amount")) return false;
      }
      if (!intensity(a[i].intensity, b[i].intensity)) return false;
    }
    return true;
  }

  bool session(const std::optional<Session>& a, const std::optional<Session>& b) {
    if (a.has_value() != b.has_value()) return fail(a ? "session only in the first" : "session only in the second");
    if (!a) return true;
    Scope scope(*this, "session");
    if (a->rest != b->rest) return fail("rest differs");
    return opt_quantity(a->rest_days, b->rest_days, "rest days") && blocks(a->blocks, b->blocks) &&
           trivia(a->trivia, b->trivia);
  }

  bool frequency(const std::optional<Frequency>& a, const std::optional<Frequency>& b) {
    if (a.has_value() != b.has_value()) return fail(a ? "frequency only in the first" : "frequency only in the second");
    if (!a) return true;
    Scope scope(*this, "frequency");
    if (a->every_other_day != b->every_other_day || a->daily != b->daily) return fail("spacing differs");
    return opt_quantity(a->per_week, b->per_week, "per week") && trivia(a->trivia, b->trivia);
  }

  bool min_days(const std::optional<MinDays>& a, const std::optional<MinDays>& b) {
    if (a.has_value() != b.has_value()) return fail(a ? "min days only in the first" : "min days only in the second");
    if (!a) return true;
    Scope scope(*this, "min days");
    return quantity(a->days, b->days, "days") && trivia(a->trivia, b->trivia);
  }

  bool stage(const Stage& a, const Stage& b) {
    if (a.id != b.id) return fail("id differs (" + a.id + " vs " + b.id + ")");
    return text(a.title, b.title, "title") && trivia(a.trivia, b.trivia) && session(a.session, b.session) &&
           frequency(a.frequency, b.frequency) && min_days(a.min_days, b.min_days) && rules(a.rules, b.rules);
  }

  // Stage ids are unique, so a stage's path does not repeat its phase.
  bool phase(const Phase& a, const Phase& b, std::size_t index) {
    {
      Scope scope(*this, "phase " + std::to_string(index + 1));
      if (a.name != b.name) return fail("name differs (\"" + a.name + "\" vs \"" + b.name + "\")");
      if (!trivia(a.trivia, b.trivia)) return false;
      if (a.stages.size() != b.stages.size()) {
        return fail(std::to_string(a.stages.size()) + " vs " + std::to_string(b.stages.size()) + " stages");
      }
    }
    for (std::size_t i = 0; i < a.stages.size(); ++i) {
      Scope scope(*this, "stage " + a.stages[i].id);
      if (!stage(a.stages[i], b.stages[i])) return false;
    }
    return true;
  }

  template <typename T, typename Eq>
  bool header(const std::optional<HeaderField<T>>& a, const std::optional<HeaderField<T>>& b, const char* what, Eq eq) {
    Scope scope(*this, what);
    if (a.has_value() != b.has_value()) return fail(a ? "only in the first" : "only in the second");
    if (!a) return true;
    return eq(a->value, b->value) && trivia(a->trivia, b->trivia);
  }

  bool input_type(const InputType& a, const InputType& b) {
    if (a.kind != b.kind) return fail("type differs");
    switch (a.kind) {
      case InputKind::Score:
        return quantity(a.lo, b.lo, "range start") && quantity(a.hi, b.hi, "range end");
      case InputKind::Quantity:
        if (a.unit != b.unit) return fail("unit differs");
        return true;
      case InputKind::Levels:
      case InputKind::OneOf:
        if (a.names != b.names) return fail("names differ");
        return true;
      default:
        return true;
    }
  }

  bool protocol(const Protocol& a, const Protocol& b) {
    {
      Scope scope(*this, "protocol");
      if (a.id != b.id) return fail("id differs (" + a.id + " vs " + b.id + ")");
      if (!text(a.title, b.title, "title") || !trivia(a.trivia, b.trivia)) return false;
    }
    auto same = [this](const auto& x, const auto& y) { return x == y || fail("value differs"); };
    auto same_quantity = [this](const Quantity& x, const Quantity& y) { return quantity(x, y, "value"); };
    auto same_advances = [this](const MaxAdvances& x, const MaxAdvances& y) {
      return quantity(x.count, y.count, "count") && quantity(x.days, y.days, "days");
    };
    if (!header(a.version, b.version, "version", same) || !header(a.citation, b.citation, "source", same) ||
        !header(a.order, b.order, "order", same) ||
        !header(a.max_weekly_increase, b.max_weekly_increase, "max weekly increase", same_quantity) ||
        !header(a.max_advances, b.max_advances, "max advances", same_advances)) {
      return false;
    }
    if (a.inputs.size() != b.inputs.size()) {
      return fail(std::to_string(a.inputs.size()) + " vs " + std::to_string(b.inputs.size()) + " inputs");
    }
    for (std::size_t i = 0; i < a.inputs.size(); ++i) {
      Scope scope(*this, "input " + a.inputs[i].name);
      if (a.inputs[i].name != b.inputs[i].name) return fail("name differs (" + b.inputs[i].name + ")");
      if (!input_type(a.inputs[i].type, b.inputs[i].type) ||
          !text(a.inputs[i].description, b.inputs[i].description, "description") ||
          !trivia(a.inputs[i].trivia, b.inputs[i].trivia)) {
        return false;
      }
    }
    if (a.lets.size() != b.lets.size()) {
      return fail(std::to_string(a.lets.size()) + " vs " + std::to_string(b.lets.size()) + " lets");
    }
    for (std::size_t i = 0; i < a.lets.size(); ++i) {
      Scope scope(*this, "let " + a.lets[i].name);
      if (a.lets[i].name != b.lets[i].name) return fail("name differs (" + b.lets[i].name + ")");
      if (!expr(a.lets[i].value, b.lets[i].value, "value") || !trivia(a.lets[i].trivia, b.lets[i].trivia)) return false;
    }
    {
      Scope scope(*this, "safety");
      if (a.has_safety != b.has_safety) return fail(a.has_safety ? "only in the first" : "only in the second");
      if (!trivia(a.safety_trivia, b.safety_trivia) || !rules(a.safety, b.safety)) return false;
    }
    if (a.phases.size() != b.phases.size()) {
      return fail(std::to_string(a.phases.size()) + " vs " + std::to_string(b.phases.size()) + " phases");
    }
    for (std::size_t i = 0; i < a.phases.size(); ++i) {
      if (!phase(a.phases[i], b.phases[i], i)) return false;
    }
    return comments(a.trailing_comments, b.trailing_comments, "end-of-file comment");
  }

 private:
  std::vector<std::string> path_;
};

}  // namespace

std::optional<std::string> first_difference(const Protocol& a, const Protocol& b) {
  Comparer comparer;
  if (comparer.protocol(a, b)) return std::nullopt;
  return comparer.difference.value_or("protocols differ");
}

bool equal_modulo_spans(const Protocol& a, const Protocol& b) { return !first_difference(a, b).has_value(); }

bool equal_modulo_spans(const Expr& a, const Expr& b) {
  Comparer comparer;
  return comparer.expr_tree(a, b);
}

}  // namespace gradus::ast

// Pass "types": gives every expression its type (Expr::type) and checks the
// type and unit rules of docs/checking.md: units within a dimension mix,
// dimensions never do; a bare number beside a typed value takes that type
// (beside a quantity, its unit: Expr::inferred_unit); conditions are
// booleans; grades and choices compare only with their own names; functions
// get the arguments their form asks for.
//
// An expression whose type cannot be known because of an error reported
// earlier (an unknown name, a forward let) is Unknown, and Unknown never
// produces a second error, so each mistake is reported once.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dsl/check/builtins.hpp"
#include "dsl/check/pass_context.hpp"
#include "dsl/check/type_rules.hpp"
#include "dsl/diag/suggest.hpp"

namespace gradus::check {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;
using ast::SymbolKind;
using ast::Type;
using ast::TypeKind;

Type of(TypeKind kind) {
  Type t;
  t.kind = kind;
  return t;
}

Type quantity(Unit unit) {
  Type t = of(TypeKind::Quantity);
  t.unit = unit;
  return t;
}

bool graded(const Type& t) { return t.kind == TypeKind::Grade || t.kind == TypeKind::Choice; }

// A number written without a unit, possibly negated: `165`, `-1`.
bool is_bare_literal(const Expr& e) {
  if (e.kind == ExprKind::Number) return e.number.unit == Unit::None && e.symbol.kind == SymbolKind::Unresolved;
  if (e.kind == ExprKind::Unary && e.op == Op::Neg && e.args.size() == 1 && e.args[0]) return is_bare_literal(*e.args[0]);
  return false;
}

// The literal node under any negations.
const Expr& literal_of(const Expr& e) {
  return e.kind == ExprKind::Unary && e.args.size() == 1 && e.args[0] ? literal_of(*e.args[0]) : e;
}

// A comparison operand that can only be understood beside a grade or choice:
// an unknown word (`mild`) or a grade literal (`2+`).
bool is_value_word(const Expr& e) {
  return (e.kind == ExprKind::Name && e.symbol.kind == SymbolKind::Unresolved) || e.kind == ExprKind::Grade;
}

enum class Join { Compare, AddSub, MaxMin };

enum class WordResult { NotAWord, Resolved, Reported };

std::string function_form(BuiltinFunction f) {
  switch (f) {
    case BuiltinFunction::Max: return "max(a, b, ...) or max(x over 7 days)";
    case BuiltinFunction::Min: return "min(a, b, ...) or min(x over 7 days)";
    case BuiltinFunction::Abs: return "abs(x), for example abs(gct_balance - 50%)";
    case BuiltinFunction::Mean: return "mean(x over 7 days), or mean(x over 7 days, 7 days ago)";
    case BuiltinFunction::Sum: return "sum(x over 7 days)";
    case BuiltinFunction::Count: return "count(CONDITION over 14 days), for example count(pain_during >= 3 over 14 days)";
    case BuiltinFunction::All: return "all(CONDITION over 2 sessions)";
    case BuiltinFunction::Any: return "any(CONDITION over 7 days)";
    case BuiltinFunction::Missing: return "missing(INPUT), for example missing(pain_during)";
    case BuiltinFunction::Baseline: return "baseline(INPUT), for example baseline(pain_morning)";
    case BuiltinFunction::Latest: return "latest(INPUT), for example latest(hop_lsi)";
    case BuiltinFunction::Previous: return "previous(INPUT), for example previous(pain_morning)";
    case BuiltinFunction::Acwr: return "acwr(x), for example acwr(srpe)";
    case BuiltinFunction::AcwrUncoupled: return "acwr_uncoupled(x), for example acwr_uncoupled(srpe)";
    case BuiltinFunction::AcwrEwma: return "acwr_ewma(x), for example acwr_ewma(srpe)";
    case BuiltinFunction::Monotony: return "monotony(x), for example monotony(srpe)";
    case BuiltinFunction::Strain: return "strain(x), for example strain(srpe)";
    case BuiltinFunction::AdvancesIn: return "advances_in(N days), for example advances_in(7 days)";
  }
  return "";
}

class TypeChecker {
 public:
  explicit TypeChecker(PassContext& cx) : cx_(cx), p_(cx.protocol) {}

  void run() {
    // Lets in order: while let i is typed, only lets above it have types.
    for (auto& let : p_.lets) let_types_.push_back(let.value ? infer(*let.value) : Type{});
    for_each_rule(p_, [&](ast::Rule& rule, ast::Stage*) {
      if (!rule.condition) return;
      const Type t = infer(*rule.condition);
      if (is_known(t) && t.kind != TypeKind::Boolean) {
        cx_.report(error(cx_.source(), rule.condition->span, "G0210",
                         std::string("a rule's condition must be true or false; ") + cx_.quote(rule.condition->span) +
                             " is " + describe(t, p_))
                       .label("not a condition")
                       .help("compare it, for example: " + example_comparison(*rule.condition, t)));
      }
    });
  }

 private:
  // ------------------------------------------------------------ helpers
  std::string example_comparison(const Expr& e, const Type& t) const {
    std::string lhs = cx_.quote(e.span);
    switch (t.kind) {
      case TypeKind::Quantity: return lhs + " >= " + with_unit("1", t.unit);
      case TypeKind::Percent: return lhs + " >= 1%";
      case TypeKind::Grade:
      case TypeKind::Choice: {
        const auto& names = p_.inputs[static_cast<std::size_t>(t.input)].type.names;
        return lhs + " == " + (names.empty() ? std::string("...") : names.front());
      }
      default: return lhs + " >= 1";
    }
  }

  Type set(Expr& e, Type t) {
    e.type = t;
    return t;
  }

  void type_error(const Expr& at, std::string message, std::string help) {
    auto d = error(cx_.source(), at.span, "G0210", std::move(message));
    if (!help.empty()) d.help(std::move(help));
    cx_.report(std::move(d));
  }

  // A bare number beside a value of type `t` takes that type.
  void adopt(Expr& x, const Type& t) {
    if (!is_numeric(t)) return;
    Type mine = t;
    if (x.kind == ExprKind::Unary) {
      adopt(*x.args[0], t);
    } else if (t.kind == TypeKind::Quantity) {
      x.inferred_unit = t.unit;
      if (cx_.options.strict) {
        cx_.report(warning(cx_.source(), x.span, "G0209",
                           "number without its unit: " + number_text(x.number) + " is compared with " +
                               std::string(to_string(t.unit)))
                       .label("taken as " + with_unit(number_text(x.number), t.unit))
                       .help("write " + with_unit(number_text(x.number), t.unit)));
      }
    }
    x.type = mine;
  }

  // ------------------------------------------------------------ inference
  Type infer(Expr& e) {
    switch (e.kind) {
      case ExprKind::Number:
        if (e.number.unit == Unit::None) return set(e, of(TypeKind::Number));
        if (e.number.unit == Unit::Percent) return set(e, of(TypeKind::Percent));
        return set(e, quantity(e.number.unit));
      case ExprKind::Grade:
        cx_.report(error(cx_.source(), e.span, "G0208", "grade '" + e.name + "' outside a comparison")
                       .label("a grade value on its own")
                       .help("compare it with an input declared with `levels`, for example: effusion >= " + e.name));
        return set(e, Type{});
      case ExprKind::Name: return set(e, name_type(e));
      case ExprKind::Unary: return set(e, unary(e));
      case ExprKind::Binary:
        if (e.args.size() != 2 || !e.args[0] || !e.args[1]) return set(e, Type{});
        if (e.op == Op::And || e.op == Op::Or) return set(e, logic(e));
        if (is_comparison(e.op)) return set(e, compare(e));
        if (e.op == Op::Add || e.op == Op::Sub) return set(e, add_sub(e));
        return set(e, mul_div(e));
      case ExprKind::Call: return set(e, call(e));
      case ExprKind::Streak: return set(e, streak(e));
    }
    return set(e, Type{});
  }

  Type name_type(const Expr& e) const {
    const auto index = static_cast<std::size_t>(e.symbol.index);
    switch (e.symbol.kind) {
      case SymbolKind::Input: return input_type(p_.inputs[index], e.symbol.index);
      case SymbolKind::Let:
        // A let used before it is typed (forward or cyclic, reported by the lets pass) stays Unknown.
        return index < let_types_.size() ? let_types_[index] : Type{};
      case SymbolKind::Builtin:
        for (const auto& s : builtin_series()) {
          if (static_cast<int>(s.series) == e.symbol.index) return s.type;
        }
        return Type{};
      default: return Type{};
    }
  }

  Type unary(Expr& e) {
    if (e.args.size() != 1 || !e.args[0]) return Type{};
    Expr& x = *e.args[0];
    const Type t = infer(x);
    if (!is_known(t)) return t;
    if (e.op == Op::Not) {
      if (t.kind == TypeKind::Boolean) return t;
      type_error(x, "`not` needs a condition; " + cx_.quote(x.span) + " is " + describe(t, p_),
                 "compare it, for example: not " + example_comparison(x, t));
      return Type{};
    }
    if (!is_numeric(t)) {
      type_error(e, "cannot negate " + cx_.quote(x.span) + ": it is " + describe(t, p_), "");
      return Type{};
    }
    return t.kind == TypeKind::Score ? of(TypeKind::Number) : t;
  }

  Type logic(Expr& e) {
    for (auto& arg : e.args) {
      const Type t = infer(*arg);
      if (is_known(t) && t.kind != TypeKind::Boolean) {
        type_error(*arg,
                   std::string("`") + ast::to_string(e.op) + "` needs a condition on both sides; " +
                       cx_.quote(arg->span) + " is " + describe(t, p_),
                   "compare it, for example: " + example_comparison(*arg, t));
      }
    }
    return of(TypeKind::Boolean);
  }

  // A word or literal beside a grade/choice: resolve it to one of the input's names.
  WordResult resolve_value(Expr& x, const Type& other) {
    const auto& in = p_.inputs[static_cast<std::size_t>(other.input)];
    const bool grade = other.kind == TypeKind::Grade;
    std::string word;
    if (x.kind == ExprKind::Name || x.kind == ExprKind::Grade) {
      word = x.name;
    } else if (x.kind == ExprKind::Number && x.number.unit == Unit::None) {
      word = number_text(x.number);  // levels may be numbers: `levels 0, 1, 2, 3`
    } else {
      return WordResult::NotAWord;
    }
    const auto& names = in.type.names;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] != word) continue;
      x.symbol = {grade ? SymbolKind::GradeValue : SymbolKind::ChoiceValue, static_cast<int>(i)};
      x.type = other;
      if (x.kind == ExprKind::Number) {
        // `2` in `levels 0, 1, 2`: a grade, not a number. The one place the
        // checker changes a node's kind, so no later stage reads it as 2.0;
        // it prints the same (`name` is the text as written).
        x.kind = ExprKind::Grade;
        x.name = word;
      }
      return WordResult::Resolved;
    }
    if (x.kind == ExprKind::Name && x.symbol.kind != SymbolKind::Unresolved) return WordResult::NotAWord;
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
    if (x.kind == ExprKind::Number) {
      cx_.report(error(cx_.source(), x.span, "G0208",
                       std::string(grade ? "a grade" : "a choice") + " of " + in.name + " compared with the number " + word)
                     .label(std::string("not one of ") + in.name + "'s " + (grade ? "grades" : "choices"))
                     .help("compare with one of: " + list));
      x.type = of(TypeKind::Number);
      return WordResult::Reported;
    }
    auto d = error(cx_.source(), x.span, "G0211",
                   std::string("unknown ") + (grade ? "grade" : "choice") + " '" + word + "' for " + in.name)
                 .label(std::string("not one of ") + in.name + "'s " + (grade ? "grades" : "choices"))
                 .secondary(in.type.span, in.name + " declared here");
    // `4+` is one edit from `1+` but not a typo of it: grade literals get the list.
    auto guess = x.kind == ExprKind::Name ? cx_.suggest(word, names) : std::nullopt;
    if (guess) {
      d.help("did you mean '" + *guess + "'?");
    } else {
      d.help(in.name + " is one of: " + list);
    }
    cx_.report(std::move(d));
    return WordResult::Reported;
  }

  Type compare(Expr& e) {
    Expr& l = *e.args[0];
    Expr& r = *e.args[1];
    const bool lword = is_value_word(l), rword = is_value_word(r);
    Type lt = lword ? Type{} : infer(l);
    Type rt = rword ? Type{} : infer(r);
    WordResult lres = WordResult::NotAWord, rres = WordResult::NotAWord;
    if (graded(lt)) {
      rres = resolve_value(r, lt);
    } else if (graded(rt)) {
      lres = resolve_value(l, rt);
    }
    if (lres == WordResult::Reported || rres == WordResult::Reported) return of(TypeKind::Boolean);
    if (lword && lres != WordResult::Resolved) report_word(l, rt);
    if (rword && rres != WordResult::Resolved) report_word(r, lt);
    lt = l.type;
    rt = r.type;
    if (!is_known(lt) || !is_known(rt)) return of(TypeKind::Boolean);

    if (graded(lt) || graded(rt)) {
      compare_graded(e, l, lt, r, rt);
    } else if (lt.kind == TypeKind::Boolean || rt.kind == TypeKind::Boolean) {
      if (lt.kind != rt.kind) {
        type_error(e, "type mismatch: " + cx_.quote(l.span) + " is " + describe(lt, p_) + ", " + cx_.quote(r.span) +
                          " is " + describe(rt, p_),
                   "a condition is not a number; compare the number itself");
      } else if (e.op != Op::Eq && e.op != Op::Ne) {
        type_error(e, std::string("conditions have no order: `") + ast::to_string(e.op) + "` needs numbers",
                   "use == or !=, or combine conditions with and / or");
      }
    } else {
      join(e, l, lt, r, rt, Join::Compare);
    }
    return of(TypeKind::Boolean);
  }

  void report_word(Expr& x, const Type& other) {
    if (x.kind == ExprKind::Name) {
      report_unknown_name(cx_, x);
      return;
    }
    auto d = error(cx_.source(), x.span, "G0208",
                   "grade '" + x.name + "' compared with " + (is_known(other) ? describe(other, p_) : "a value that is not graded"))
                 .label("a grade value")
                 .help("grades compare with an input declared with `levels`, for example: effusion >= " + x.name);
    cx_.report(std::move(d));
  }

  void compare_graded(const Expr& e, const Expr& l, const Type& lt, const Expr& r, const Type& rt) {
    const Type& g = graded(lt) ? lt : rt;
    const Type& other = graded(lt) ? rt : lt;
    const auto& in = p_.inputs[static_cast<std::size_t>(g.input)];
    std::string list;
    for (std::size_t i = 0; i < in.type.names.size(); ++i) list += (i ? ", " : "") + in.type.names[i];
    const char* what = g.kind == TypeKind::Grade ? "grades" : "choices";
    if (other.kind != g.kind || other.input != g.input) {
      cx_.report(error(cx_.source(), e.span, "G0208",
                       "cannot compare " + cx_.quote(l.span) + " (" + describe(lt, p_) + ") with " + cx_.quote(r.span) +
                           " (" + describe(rt, p_) + ")")
                     .label(std::string(what) + " compare only with their own names")
                     .help("compare " + in.name + " with one of: " + list));
      return;
    }
    if (g.kind == TypeKind::Choice && e.op != Op::Eq && e.op != Op::Ne) {
      cx_.report(error(cx_.source(), e.span, "G0208",
                       std::string("choices have no order: `") + ast::to_string(e.op) + "` cannot compare " + in.name)
                     .label("only == and != apply to a choice")
                     .help("use == or !=, for example: " + in.name + " == " + (in.type.names.empty() ? "..." : in.type.names.front())));
    }
  }

  // The shared rule for two numeric operands side by side (comparison,
  // + and -, max/min): returns the combined type, or Unknown after reporting.
  Type join(const Expr& whole, Expr& l, Type lt, Expr& r, Type rt, Join use) {
    if (!is_known(lt) || !is_known(rt)) return Type{};
    const bool lb = is_bare_literal(l), rb = is_bare_literal(r);
    if (lb && !rb) {
      adopt(l, rt);
      lt = l.type;
    } else if (rb && !lb) {
      adopt(r, lt);
      rt = r.type;
    }
    if (!is_numeric(lt) || !is_numeric(rt)) {
      const Expr& bad = is_numeric(lt) ? r : l;
      const Type& bt = is_numeric(lt) ? rt : lt;
      type_error(bad, cx_.quote(bad.span) + " is " + describe(bt, p_) + ", not a number", "");
      return Type{};
    }
    if (lt.kind == TypeKind::Quantity && rt.kind == TypeKind::Quantity) {
      if (dimension_of(lt.unit) == dimension_of(rt.unit)) return quantity(lt.unit);
      unit_mismatch(whole, l, lt, r, rt);
      return Type{};
    }
    if (lt.kind == TypeKind::Quantity || rt.kind == TypeKind::Quantity || lt.kind == TypeKind::Percent ||
        rt.kind == TypeKind::Percent) {
      if (lt.kind == rt.kind) return lt;  // Percent with Percent
      kind_mismatch(whole, l, lt, r, rt);
      return Type{};
    }
    // Plain numbers: score, count, number.
    if (use == Join::MaxMin && lt.kind == TypeKind::Score && rt.kind == TypeKind::Score) {
      Type t = lt;
      t.lo = std::min(lt.lo, rt.lo);
      t.hi = std::max(lt.hi, rt.hi);
      return t;
    }
    if (lt.kind == TypeKind::Count && rt.kind == TypeKind::Count) return lt;
    if (use == Join::Compare) return lt;
    return of(TypeKind::Number);
  }

  void unit_mismatch(const Expr& whole, const Expr& l, const Type& lt, const Expr& r, const Type& rt) {
    auto d = error(cx_.source(), whole.span, "G0203",
                   "unit mismatch: " + cx_.quote(l.span) + " is " + unit_or_kind(lt, p_) + ", " + cx_.quote(r.span) +
                       " is " + dimension_or_kind(rt, p_))
                 .label(std::string(to_string(dimension_of(lt.unit))) + " and " +
                        std::string(to_string(dimension_of(rt.unit))) + " do not mix");
    const Expr& lit_r = literal_of(r);
    const Expr& lit_l = literal_of(l);
    if (lit_r.kind == ExprKind::Number) {
      d.help("did you mean " + with_unit(number_text(lit_r.number), lt.unit) + "?");
    } else if (lit_l.kind == ExprKind::Number) {
      d.help("did you mean " + with_unit(number_text(lit_l.number), rt.unit) + "?");
    } else {
      d.help("both sides must be " + std::string(to_string(dimension_of(lt.unit))) + ", for example " +
             with_unit("1", lt.unit));
    }
    cx_.report(std::move(d));
  }

  void kind_mismatch(const Expr& whole, const Expr& l, const Type& lt, const Expr& r, const Type& rt) {
    std::string help;
    const Expr& lit_r = literal_of(r);
    const Expr& lit_l = literal_of(l);
    if (lit_r.kind == ExprKind::Number && lit_r.number.unit != Unit::None) {
      help = is_plain(lt) ? "drop the unit: write " + number_text(lit_r.number)
                          : "did you mean " + with_unit(number_text(lit_r.number), lt.kind == TypeKind::Percent ? Unit::Percent : lt.unit) + "?";
    } else if (lit_l.kind == ExprKind::Number && lit_l.number.unit != Unit::None) {
      help = is_plain(rt) ? "drop the unit: write " + number_text(lit_l.number)
                          : "did you mean " + with_unit(number_text(lit_l.number), rt.kind == TypeKind::Percent ? Unit::Percent : rt.unit) + "?";
    } else {
      help = "compare values of the same kind";
    }
    type_error(whole, "type mismatch: " + cx_.quote(l.span) + " is " + describe(lt, p_) + ", " + cx_.quote(r.span) +
                          " is " + describe(rt, p_),
               help);
  }

  bool arithmetic_operand(const Expr& e, const Expr& x, const Type& t) {
    if (!is_known(t) || is_numeric(t)) return true;
    type_error(x,
               std::string("`") + ast::to_string(e.op) + "` needs numbers; " + cx_.quote(x.span) + " is " + describe(t, p_),
               t.kind == TypeKind::Boolean ? "arithmetic applies to numbers, not conditions"
                                           : "grades and choices have no arithmetic; compare them instead");
    return false;
  }

  Type add_sub(Expr& e) {
    Expr& l = *e.args[0];
    Expr& r = *e.args[1];
    const Type lt = infer(l), rt = infer(r);
    // Both sides are checked (each reports its own problem), then combined.
    const bool left_ok = arithmetic_operand(e, l, lt);
    const bool right_ok = arithmetic_operand(e, r, rt);
    const bool ok = left_ok && right_ok;
    if (!ok) return Type{};
    return join(e, l, lt, r, rt, Join::AddSub);
  }

  Type mul_div(Expr& e) {
    Expr& l = *e.args[0];
    Expr& r = *e.args[1];
    const Type lt = infer(l), rt = infer(r);
    // Both sides are checked (each reports its own problem), then combined.
    const bool left_ok = arithmetic_operand(e, l, lt);
    const bool right_ok = arithmetic_operand(e, r, rt);
    const bool ok = left_ok && right_ok;
    if (!ok || !is_known(lt) || !is_known(rt)) return Type{};
    const bool mul = e.op == Op::Mul;
    const auto bad = [&](std::string why, std::string help) {
      type_error(e, "cannot " + std::string(mul ? "multiply " : "divide ") + describe(lt, p_) + (mul ? " by " : " by ") +
                        describe(rt, p_) + ": " + why,
                 std::move(help));
      return Type{};
    };
    if (is_plain(lt) && is_plain(rt)) return of(TypeKind::Number);
    if (lt.kind == TypeKind::Quantity && rt.kind == TypeKind::Quantity) {
      if (mul) return bad("the result would have no unit of the language", "multiply by a plain number, such as 1.05");
      if (dimension_of(lt.unit) != dimension_of(rt.unit)) {
        unit_mismatch(e, l, lt, r, rt);
        return Type{};
      }
      return of(TypeKind::Number);  // a ratio of like quantities
    }
    if (lt.kind == TypeKind::Quantity && is_plain(rt)) return lt;
    if (is_plain(lt) && rt.kind == TypeKind::Quantity) {
      if (mul) return rt;
      return bad("the result would have no unit of the language", "divide the quantity by the number instead");
    }
    if (lt.kind == TypeKind::Percent && rt.kind == TypeKind::Percent) {
      if (!mul) return of(TypeKind::Number);
      return bad("a percent of a percent is ambiguous", "write the factor as a plain number, such as 0.5");
    }
    if (lt.kind == TypeKind::Percent && is_plain(rt)) return lt;
    if (is_plain(lt) && rt.kind == TypeKind::Percent) {
      if (mul) return rt;
      return bad("the result would have no unit of the language", "divide the percent by the number instead");
    }
    // Percent with a quantity.
    return bad("percent and " + std::string(to_string(dimension_of(lt.kind == TypeKind::Quantity ? lt.unit : rt.unit))) +
                   " do not mix",
               "write the factor as a plain number: 105% of x is 1.05 * x");
  }

  Type streak(Expr& e) {
    if (e.args.size() != 1 || !e.args[0]) return Type{};
    const Type t = infer(*e.args[0]);
    if (is_known(t) && t.kind != TypeKind::Boolean) {
      type_error(*e.args[0], "`for N sessions` needs a condition; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_),
                 "compare it, for example: " + example_comparison(*e.args[0], t) + " for 2 sessions");
    }
    const auto& n = e.streak;
    if (!is_whole(n.value) || n.value < 1 || n.value > kMaxCount) {
      cx_.report(error(cx_.source(), n.span.valid() ? n.span : e.span, "G0210",
                       "expected a whole number of sessions from 1 to 3650, found " + number_text(n))
                     .label("streak length")
                     .help("for example: worst_pain == 0 for 2 sessions"));
    }
    return of(TypeKind::Boolean);
  }

  // ------------------------------------------------------------ calls
  void args_error(const Expr& at, const BuiltinFunctionInfo& f, std::string message) {
    cx_.report(error(cx_.source(), at.span, "G0207", std::move(message))
                   .label("wrong arguments")
                   .help("write " + function_form(f.function)));
  }

  void infer_all(Expr& e) {
    for (auto& arg : e.args) {
      if (arg) infer(*arg);
    }
  }

  bool arity(Expr& e, const BuiltinFunctionInfo& f, std::size_t n) {
    if (e.args.size() == n) return true;
    args_error(e, f,
               e.name + " takes " + std::to_string(n) + (n == 1 ? " argument" : " arguments") + ", found " +
                   std::to_string(e.args.size()));
    infer_all(e);
    return false;
  }

  void check_window(const Expr& e, const BuiltinFunctionInfo& f) {
    const auto& w = *e.window;
    const char* unit = w.unit == ast::WindowUnit::Days ? "days" : "sessions";
    if (!is_whole(w.length.value) || w.length.value < 1 || w.length.value > kMaxCount) {
      cx_.report(error(cx_.source(), w.length.span.valid() ? w.length.span : w.span, "G0207",
                       std::string("a window must be a whole number of ") + unit + " from 1 to 3650, found " +
                           number_text(w.length))
                     .label("window length")
                     .help("write " + function_form(f.function)));
    }
    if (w.offset && (!is_whole(w.offset->value) || w.offset->value < 0 || w.offset->value > kMaxCount)) {
      cx_.report(error(cx_.source(), w.offset->span.valid() ? w.offset->span : w.span, "G0207",
                       "a window's offset must be a whole number from 0 to 3650, found " + number_text(*w.offset))
                     .label("how long ago")
                     .help("for example: mean(pain_morning over 7 days, 7 days ago)"));
    }
  }

  Type call(Expr& e) {
    const BuiltinFunctionInfo* f = find_builtin_function(e.name);
    const bool complete = std::all_of(e.args.begin(), e.args.end(), [](const ExprPtr& a) { return a != nullptr; });
    if (!f || !complete) {  // reported by the names pass (or the parser)
      infer_all(e);
      return Type{};
    }
    if (e.window) {
      if (!f->window) {
        cx_.report(error(cx_.source(), e.window->span.valid() ? e.window->span : e.span, "G0207",
                         e.name + " takes no window")
                       .label("`over ...` not allowed here")
                       .help("write " + function_form(f->function)));
        infer_all(e);
        return Type{};
      }
      check_window(e, *f);
    } else if (f->needs_window) {
      args_error(e, *f, e.name + " needs a window (`over N days` or `over N sessions`)");
      infer_all(e);
      return Type{};
    }

    switch (f->function) {
      case BuiltinFunction::Max:
      case BuiltinFunction::Min:
        return e.window ? window_extreme(e, *f) : extreme(e, *f);
      case BuiltinFunction::Mean:
      case BuiltinFunction::Sum: {
        if (!arity(e, *f, 1)) return Type{};
        const Type t = infer(*e.args[0]);
        if (!is_known(t)) return t;
        if (!is_numeric(t)) {
          args_error(*e.args[0], *f, e.name + " needs a number; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_));
          return Type{};
        }
        if (f->function == BuiltinFunction::Mean) return t.kind == TypeKind::Count ? of(TypeKind::Number) : t;
        return t.kind == TypeKind::Score ? of(TypeKind::Number) : t;
      }
      case BuiltinFunction::Count:
      case BuiltinFunction::All:
      case BuiltinFunction::Any: {
        if (!arity(e, *f, 1)) return Type{};
        const Type t = infer(*e.args[0]);
        if (is_known(t) && t.kind != TypeKind::Boolean) {
          args_error(*e.args[0], *f, e.name + " needs a condition; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_));
          return Type{};
        }
        return of(f->function == BuiltinFunction::Count ? TypeKind::Count : TypeKind::Boolean);
      }
      case BuiltinFunction::Abs: {
        if (!arity(e, *f, 1)) return Type{};
        Type t = infer(*e.args[0]);
        if (!is_known(t)) return t;
        if (!is_numeric(t)) {
          args_error(*e.args[0], *f, "abs needs a number; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_));
          return Type{};
        }
        if (t.kind == TypeKind::Score && t.lo < 0) {
          t.hi = std::max(std::fabs(t.lo), std::fabs(t.hi));
          t.lo = 0;
        }
        return t;
      }
      case BuiltinFunction::Missing:
      case BuiltinFunction::Baseline:
      case BuiltinFunction::Latest:
      case BuiltinFunction::Previous: {
        if (!arity(e, *f, 1)) return Type{};
        Expr& x = *e.args[0];
        const Type t = infer(x);
        if (x.kind != ExprKind::Name || x.symbol.kind != SymbolKind::Input) {
          if (x.kind == ExprKind::Name && x.symbol.kind == SymbolKind::Unresolved) return Type{};  // reported
          std::string what = x.kind != ExprKind::Name ? "an expression"
                             : x.symbol.kind == SymbolKind::Let ? "a let"
                                                                : "a built-in series";
          args_error(x, *f, e.name + " takes the name of an input; " + cx_.quote(x.span) + " is " + what);
          return Type{};
        }
        return f->function == BuiltinFunction::Missing ? of(TypeKind::Boolean) : t;
      }
      case BuiltinFunction::Acwr:
      case BuiltinFunction::AcwrUncoupled:
      case BuiltinFunction::AcwrEwma:
      case BuiltinFunction::Monotony:
      case BuiltinFunction::Strain: {
        if (!arity(e, *f, 1)) return Type{};
        const Type t = infer(*e.args[0]);
        if (is_known(t) && !is_numeric(t)) {
          args_error(*e.args[0], *f, e.name + " needs a numeric series; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_));
          return Type{};
        }
        return is_known(t) ? of(TypeKind::Number) : t;
      }
      case BuiltinFunction::AdvancesIn: {
        if (!arity(e, *f, 1)) return Type{};
        Expr& x = *e.args[0];
        infer(x);
        if (x.kind != ExprKind::Number || x.number.unit != Unit::Day) {
          args_error(x, *f, "advances_in takes a number of days, found " + cx_.quote(x.span));
          return Type{};
        }
        if (!is_whole(x.number.value) || x.number.value < 1 || x.number.value > kMaxCount) {
          args_error(x, *f, "advances_in needs a whole number of days from 1 to 3650, found " + number_text(x.number));
          return Type{};
        }
        return of(TypeKind::Count);
      }
    }
    return Type{};
  }

  // max(x over W) / min(x over W): the window's largest value, of x's type.
  Type window_extreme(Expr& e, const BuiltinFunctionInfo& f) {
    if (!arity(e, f, 1)) return Type{};
    const Type t = infer(*e.args[0]);
    if (!is_known(t)) return t;
    if (!is_numeric(t) && t.kind != TypeKind::Grade) {
      args_error(*e.args[0], f, e.name + " needs a number or a grade; " + cx_.quote(e.args[0]->span) + " is " + describe(t, p_));
      return Type{};
    }
    return t;
  }

  // max(a, b, ...) / min(a, b, ...): all of one kind; bare numbers take it.
  Type extreme(Expr& e, const BuiltinFunctionInfo& f) {
    if (e.args.size() < 2) {
      args_error(e, f, e.name + " takes two or more values, or one value with a window; found " +
                           std::to_string(e.args.size()));
      infer_all(e);
      return Type{};
    }
    std::vector<Type> types;
    for (auto& arg : e.args) types.push_back(infer(*arg));
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (!is_known(types[i])) return Type{};
      if (!is_numeric(types[i]) && types[i].kind != TypeKind::Grade) {
        args_error(*e.args[i], f, e.name + " needs numbers or grades; " + cx_.quote(e.args[i]->span) + " is " +
                                      describe(types[i], p_));
        return Type{};
      }
    }
    // Grades: all of the same input.
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i].kind != TypeKind::Grade) continue;
      for (std::size_t j = 0; j < types.size(); ++j) {
        if (types[j].kind != TypeKind::Grade || types[j].input != types[i].input) {
          cx_.report(error(cx_.source(), e.span, "G0208",
                           e.name + " of a grade and " + describe(types[j], p_) + " cannot be compared")
                         .label("mixed kinds")
                         .help("take " + e.name + " of grades of one input only"));
          return Type{};
        }
      }
      return types[i];
    }
    // Bare numbers take the type of the first argument that is not one.
    std::size_t anchor = types.size();
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (!is_bare_literal(*e.args[i])) {
        anchor = i;
        break;
      }
    }
    if (anchor == types.size()) return of(TypeKind::Number);
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i != anchor && is_bare_literal(*e.args[i])) {
        adopt(*e.args[i], types[anchor]);
        types[i] = e.args[i]->type;
      }
    }
    Type acc = types[anchor];
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i == anchor) continue;
      acc = join(e, *e.args[anchor], acc, *e.args[i], types[i], Join::MaxMin);
      if (!is_known(acc)) return acc;
    }
    return acc;
  }

  PassContext& cx_;
  ast::Protocol& p_;
  std::vector<Type> let_types_;
};

}  // namespace

void pass_types(PassContext& cx) { TypeChecker(cx).run(); }

}  // namespace gradus::check

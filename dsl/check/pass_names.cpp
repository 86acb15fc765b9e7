// Pass "names": every name is defined once and not a reserved word, and every
// name used in an expression resolves (Expr::symbol) to an input, a let or a
// built-in series. Grade and choice words (`effusion >= mild`) can only be
// resolved once the other side's type is known, so an unknown name that is a
// direct operand of a comparison is left for the types pass, which reports it.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/check/builtins.hpp"
#include "dsl/check/pass_context.hpp"
#include "dsl/check/type_rules.hpp"
#include "dsl/diag/suggest.hpp"

namespace gradus::check {
namespace {

struct Definition {
  std::string_view name;
  Span span;
  const char* kind;  // "input" or "let"
};

void check_reserved(PassContext& cx, const Definition& d) {
  std::string why;
  if (find_builtin_series(d.name)) {
    why = "is a built-in series";
  } else if (find_builtin_function(d.name)) {
    why = "is a built-in function";
  } else if (is_keyword(d.name)) {
    why = "is a keyword";
  } else if (is_unit_word(d.name)) {
    why = "is a unit";
  } else {
    return;
  }
  cx.report(error(cx.source(), d.span, "G0202", std::string(d.kind) + " name '" + std::string(d.name) + "' " + why)
                .label("reserved")
                .help("choose another name, for example '" + std::string(d.name) + "_value'"));
}

void check_duplicates(PassContext& cx) {
  std::vector<Definition> defs;
  for (const auto& in : cx.protocol.inputs) defs.push_back({in.name, in.name_span, "input"});
  for (const auto& let : cx.protocol.lets) defs.push_back({let.name, let.name_span, "let"});
  std::stable_sort(defs.begin(), defs.end(), [](const Definition& a, const Definition& b) {
    return a.span.begin < b.span.begin;
  });
  std::unordered_map<std::string_view, const Definition*> seen;
  for (const auto& d : defs) {
    check_reserved(cx, d);
    auto [it, fresh] = seen.emplace(d.name, &d);
    if (fresh) continue;
    const Definition& first = *it->second;
    cx.report(error(cx.source(), d.span, "G0202",
                    "duplicate name '" + std::string(d.name) + "': already defined as " +
                        (std::string_view(first.kind) == "input" ? "an input" : "a let"))
                  .label("defined again here")
                  .secondary(first.span, "first defined here")
                  .help("rename one of them"));
  }
  // Grade and choice names within one input.
  for (const auto& in : cx.protocol.inputs) {
    std::unordered_map<std::string_view, std::size_t> listed;
    const auto& names = in.type.names;
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto [at, fresh] = listed.emplace(names[i], i);
      if (fresh) continue;
      const std::size_t j = at->second;
      const Span here = i < in.type.name_spans.size() ? in.type.name_spans[i] : in.type.span;
      const Span first = j < in.type.name_spans.size() ? in.type.name_spans[j] : in.type.span;
      cx.report(error(cx.source(), here, "G0202",
                      "duplicate " + std::string(in.type.kind == ast::InputKind::Levels ? "grade" : "choice") + " '" +
                          names[i] + "' in input '" + in.name + "'")
                    .label("listed again here")
                    .secondary(first, "first listed here")
                    .help("remove one of them"));
    }
  }
}

class Resolver {
 public:
  explicit Resolver(PassContext& cx) : cx_(cx) {
    // The first definition wins; a duplicate was reported above.
    const auto& p = cx.protocol;
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
      names_.emplace(p.inputs[i].name, ast::Symbol{ast::SymbolKind::Input, static_cast<int>(i)});
    }
    for (std::size_t i = 0; i < p.lets.size(); ++i) {
      names_.emplace(p.lets[i].name, ast::Symbol{ast::SymbolKind::Let, static_cast<int>(i)});
    }
    for (const auto& s : builtin_series()) {
      names_.emplace(std::string(s.name), ast::Symbol{ast::SymbolKind::Builtin, static_cast<int>(s.series)});
    }
    for (const auto& f : builtin_functions()) functions_.push_back(f.name);
  }

  void resolve(ast::Expr& e, bool comparison_operand) {
    switch (e.kind) {
      case ast::ExprKind::Name: {
        auto it = names_.find(e.name);
        if (it != names_.end()) {
          e.symbol = it->second;
        } else if (!comparison_operand) {
          report_unknown_name(cx_, e);
        }
        return;
      }
      case ast::ExprKind::Call:
        if (!find_builtin_function(e.name)) report_unknown_function(e);
        for (auto& arg : e.args) {
          if (arg) resolve(*arg, false);
        }
        return;
      case ast::ExprKind::Binary: {
        const bool compare = is_comparison(e.op);
        for (auto& arg : e.args) {
          if (arg) resolve(*arg, compare);
        }
        return;
      }
      default:
        for (auto& arg : e.args) {
          if (arg) resolve(*arg, false);
        }
        return;
    }
  }

 private:
  void report_unknown_function(const ast::Expr& e) {
    const Span at = e.name_span.valid() ? e.name_span : e.span;
    auto it = names_.find(e.name);
    if (it != names_.end()) {
      cx_.report(error(cx_.source(), at, "G0201", "'" + e.name + "' is not a function")
                     .label("a value, not a function")
                     .help("write it without parentheses, or use a function such as max(" + e.name + " over 7 days)"));
      return;
    }
    auto d = error(cx_.source(), at, "G0201", "unknown function '" + e.name + "'").label("not a built-in function");
    if (auto guess = cx_.suggest(e.name, functions_)) {
      d.help("did you mean '" + *guess + "'?");
    } else {
      d.help("the functions are max, min, abs, mean, sum, count, all, any, missing, baseline, latest, previous, "
             "acwr, acwr_uncoupled, acwr_ewma, monotony, strain, advances_in");
    }
    cx_.report(std::move(d));
  }

  PassContext& cx_;
  std::unordered_map<std::string, ast::Symbol> names_;
  std::vector<std::string_view> functions_;
};

}  // namespace

// Shared with the types pass: a deferred comparison operand that turned out
// not to be a grade or choice word is reported with the same message.
void report_unknown_name(PassContext& cx, const ast::Expr& e) {
  auto d = error(cx.source(), e.span, "G0201", "unknown name '" + e.name + "'")
               .label("not an input, a let or a built-in series");
  if (auto guess = cx.suggest(e.name, cx.value_names())) {
    d.help("did you mean '" + *guess + "'?");
  } else if (find_builtin_function(e.name)) {
    d.help("'" + e.name + "' is a function: write " + e.name + "(...)");
  } else {
    d.help("declare it with an `input` or `let` line above its first use");
  }
  cx.report(std::move(d));
}

void pass_names(PassContext& cx) {
  check_duplicates(cx);
  Resolver resolver(cx);
  for_each_root(cx.protocol, [&](ast::Expr& root) { resolver.resolve(root, false); });
}

}  // namespace gradus::check

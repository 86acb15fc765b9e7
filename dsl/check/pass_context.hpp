#pragma once
// What every checker pass sees: the protocol being checked (annotated in
// place), the options, and the list its findings go to. Also the walks over
// rules and expressions that several passes share, so each pass is only its
// own logic.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/check/checker.hpp"

namespace gradus::check {

class PassContext {
 public:
  PassContext(ast::Protocol& p, const CheckOptions& o, Diagnostics& d) : protocol(p), options(o), out(d) {}

  ast::Protocol& protocol;
  const CheckOptions& options;
  Diagnostics& out;

  const SourcePtr& source() const { return protocol.source; }
  void report(Diagnostic diagnostic) { out.push_back(std::move(diagnostic)); }
  // For a chained builder: error(...).help(...) is an lvalue.
  void report(DiagnosticBuilder& builder) { out.push_back(std::move(builder.d)); }
  // The source text under a span, for messages ("cadence", "30 min"); empty
  // when the span is unknown.
  std::string_view text(Span span) const;
  // Like text(), but long expressions are shortened so a message stays on a line.
  std::string quote(Span span) const;
  // A span covering [first.begin, last.end).
  Span join(Span first, Span last) const;

  // Did-you-mean within a budget: a hostile file with thousands of unknown
  // names and thousands of inputs must not cost millions of edit distances.
  // Past the budget, findings simply come without a suggestion.
  std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates);
  std::optional<std::string> suggest(std::string_view word, const std::vector<std::string_view>& candidates);
  // Inputs, lets and built-in series: what a name in an expression may be.
  const std::vector<std::string>& value_names();

 private:
  std::size_t suggestion_budget_ = 200'000;  // candidate comparisons per check
  std::optional<std::vector<std::string>> value_names_;
};

// One named pass of the checker (like OPA's compiler stages).
struct Pass {
  std::string_view name;
  void (*run)(PassContext&);
};

// In the order they run (see checker.cpp for why this order).
void pass_structure(PassContext& cx);
void pass_names(PassContext& cx);
void pass_stages(PassContext& cx);
void pass_lets(PassContext& cx);
void pass_types(PassContext& cx);
void pass_ranges(PassContext& cx);

std::span<const Pass> checker_passes();

// Where a rule sits: in the safety block (stage == nullptr) or in a stage.
using RuleVisitor = std::function<void(ast::Rule& rule, ast::Stage* stage)>;
void for_each_rule(ast::Protocol& protocol, const RuleVisitor& visit);

// Pre-order walk of an expression tree.
void for_each_expr(ast::Expr& expr, const std::function<void(ast::Expr&)>& visit);
// Every expression of the protocol: let values, then safety rules, then stage rules.
void for_each_root(ast::Protocol& protocol, const std::function<void(ast::Expr&)>& visit);

// G0201 for a name that resolves to nothing (pass_names.cpp); the types pass
// uses it for comparison operands that were not grade or choice words either.
void report_unknown_name(PassContext& cx, const ast::Expr& name);

bool is_comparison(ast::Op op);
bool is_arithmetic(ast::Op op);

}  // namespace gradus::check

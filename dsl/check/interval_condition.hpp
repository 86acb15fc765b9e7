#pragma once
// A rule's condition as a disjunction of conjunctions (DNF) of literals, for
// G0407 (can the condition ever be true?) and G0408 (can an advance and a
// regress condition be true together?). A literal is either an atom, one
// term compared with a constant (`pain_during > 10`, `x - 2 <= 3` becomes
// `x <= 5`, `not swelling` becomes `swelling == 0`), or an opaque boolean we
// only know can or cannot be true (a streak, a window, `missing(x)`, a
// comparison of two non-constant sides).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dsl/check/interval_eval.hpp"

namespace gradus::lint {

struct Atom {
  const ast::Expr* term = nullptr;  // the non-constant side
  std::string key;                  // canonical text of the term: atoms with equal keys constrain the same value
  ast::Op op = ast::Op::Eq;         // term op value
  double value = 0;                 // base units
  bool exact = true;                // false when moving constants across involved inexact arithmetic
};

struct Literal {
  const ast::Expr* source = nullptr;  // the comparison or boolean as written
  std::optional<Atom> atom;           // empty: opaque
  bool possible = true;               // opaque: can it be true at all
  int missing_input = -1;             // opaque `missing(x)` of input x (not negated): x is missing
};

using Conjunction = std::vector<Literal>;

// Empty when the expansion would exceed `cap` conjunctions (then say nothing).
std::optional<std::vector<Conjunction>> to_dnf(const ast::Expr& condition, const RangeAnalyzer& ranges, std::size_t cap = 64);

// Why a conjunction can never be true.
struct Contradiction {
  const Literal* literal = nullptr;  // impossible by itself, or the later of a pair
  const Literal* other = nullptr;    // the earlier literal it contradicts, if one suffices
  std::string key;                   // the term, for atoms
  Interval term_range;               // every value the term can take
  // `other` is `missing(x)` and `literal` compares x itself: while x is
  // missing it takes its whole declared range, so the comparison is unknown
  // (a rule fires only when known true).
  bool unknown_when_missing = false;
};

std::optional<Contradiction> contradiction(const Conjunction& conjunction, const RangeAnalyzer& ranges);

// The values each term can still take when every atom of the conjunction holds.
std::map<std::string, Interval> feasible_bands(const Conjunction& conjunction, const RangeAnalyzer& ranges);

// What a term depends on, for telling whether two terms vary independently
// ("input:3", "baseline:input:3", "series:load"), and whether its range is
// exact (every dependency read once, no division: interval arithmetic is then exact).
struct TermShape {
  std::set<std::string> variables;
  bool exact_range = true;
};

TermShape shape_of(const ast::Expr& term, const ast::Protocol& protocol);

}  // namespace gradus::lint

#pragma once
// The abstract syntax tree of a gradus protocol. Every node carries the Span
// it was parsed from; statements keep their comments for the formatter.
//
// The parser fills the syntax fields. The checker (dsl/check) then annotates
// the tree in place: `Expr::type`, `Expr::symbol` and, for bare numbers,
// `Expr::inferred_unit`. The engine's planner relies on those annotations and
// only ever sees a protocol that checked without errors.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/source/source.hpp"
#include "dsl/syntax/units.hpp"

namespace gradus::ast {

struct Comment {
  std::string text;  // including the leading '#', without the line ending
  Span span;
};

// Comments that belong to a statement: whole-line comments just above it and
// a comment at the end of its line. `blank_before` records that the source
// had an empty line before the statement (or before its first comment).
struct Trivia {
  std::vector<Comment> leading;
  std::optional<Comment> trailing;
  bool blank_before = false;
};

// A number as written, with its unit. `text` is the digits exactly as written
// (the formatter prints it back; decimal comparisons use it).
struct Quantity {
  double value = 0;
  std::string text;
  Unit unit = Unit::None;
  Span span;
};

// ---------------------------------------------------------------- types
// Filled in by the checker.
enum class TypeKind {
  Unknown,    // not yet checked, or an error was reported
  Number,     // plain number (ratios such as acwr)
  Score,      // bounded score; see Type::lo/hi
  Count,
  Percent,
  Quantity,   // a dimensioned value; see Type::unit (the declared unit)
  Grade,      // ordered `levels`; Type::input names the input
  Choice,     // unordered `one of`; Type::input names the input
  Boolean,
};

struct Type {
  TypeKind kind = TypeKind::Unknown;
  Unit unit = Unit::None;   // Quantity: the unit values of this expression are written in
  double lo = 0, hi = 0;    // Score: the declared range
  int input = -1;           // Grade/Choice: index into Protocol::inputs
};

// ---------------------------------------------------------------- inputs
enum class InputKind { Score, Flag, Count, Percent, Quantity, Levels, OneOf };

struct InputType {
  InputKind kind = InputKind::Score;
  Quantity lo, hi;                 // Score
  Unit unit = Unit::None;          // Quantity
  std::vector<std::string> names;  // Levels (in order, lowest first) / OneOf
  std::vector<Span> name_spans;
  Span span;
};

struct Input {
  std::string name;
  Span name_span;
  InputType type;
  std::optional<std::string> description;
  Span span;  // whole statement
  Trivia trivia;
};

// ---------------------------------------------------------------- expressions
enum class ExprKind {
  Number,  // a literal: quantity
  Grade,   // a grade literal that is not a plain word, e.g. `2+`; text in `name`
  Name,    // an input, let, built-in series, or a grade/choice word
  Unary,   // op, args[0]
  Binary,  // op, args[0], args[1]
  Call,    // name(args...), optionally with a window: max(x over 7 days)
  Streak,  // args[0] for N sessions
};

enum class Op {
  None,
  Neg, Not,                       // unary
  Mul, Div, Add, Sub,             // arithmetic
  Lt, Le, Gt, Ge, Eq, Ne,         // comparison
  And, Or,                        // logic
};

const char* to_string(Op op);

enum class WindowUnit { Days, Sessions };

struct Window {
  Quantity length;                       // `over N days|sessions`; N in length.value
  WindowUnit unit = WindowUnit::Days;
  std::optional<Quantity> offset;        // `, M days ago`
  WindowUnit offset_unit = WindowUnit::Days;
  Span span;                             // from `over` to the end of the window
};

// What a Name resolves to (checker).
enum class SymbolKind { Unresolved, Input, Let, Builtin, GradeValue, ChoiceValue };

struct Symbol {
  SymbolKind kind = SymbolKind::Unresolved;
  int index = -1;  // Input: Protocol::inputs index; Let: Protocol::lets index;
                   // Builtin: see dsl/check/builtins.hpp; Grade/ChoiceValue: position in the input's names
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::Number;
  Span span;
  bool parenthesized = false;  // written in parentheses; the formatter keeps them

  Quantity number;             // Number
  std::string name;            // Name, Call (function name), Grade
  Span name_span;
  Op op = Op::None;            // Unary, Binary
  std::vector<ExprPtr> args;   // operands / call arguments
  std::optional<Window> window;  // Call with `over ...`
  Quantity streak;             // Streak: `for N sessions`, N in streak.value

  // Checker annotations.
  Type type;
  Symbol symbol;
  Unit inferred_unit = Unit::None;  // Number with no unit beside a dimensioned value: that value's unit
};

// ---------------------------------------------------------------- rules
enum class RuleKind { Advance, Hold, Regress, Refer, Discharge, Cue };

const char* to_string(RuleKind kind);

struct Rule {
  RuleKind kind = RuleKind::Hold;
  Span span;          // whole statement
  Span keyword_span;
  std::optional<std::string> target;  // `advance to X` / `regress to X`
  Span target_span;
  std::optional<Quantity> stages;     // `regress N stages`
  ExprPtr condition;
  std::optional<Quantity> rest_days;  // `then rest N days`
  std::optional<std::string> message;
  Span message_span;
  Trivia trivia;
};

// ---------------------------------------------------------------- sessions
enum class IntensityKind { Easy, Moderate, Hard, Rpe, Zone };

struct Intensity {
  IntensityKind kind = IntensityKind::Easy;
  Quantity level;  // Rpe / Zone
  Span span;
};

enum class Activity { Run, Walk, Jog, CrossTrain, Strides };

const char* to_string(Activity activity);

struct Block {
  bool repeat = false;          // `N x (children)`
  Activity activity = Activity::Run;
  Quantity amount;              // time or distance (unit has dimension Time or Length)
  Quantity count;               // repeat count
  std::vector<Block> children;  // repeat group
  std::optional<Intensity> intensity;  // `at INTENSITY` bound to this block
  Span span;
};

struct Session {
  bool rest = false;                  // `session rest` or `session rest N days`
  std::optional<Quantity> rest_days;  // `rest N days`
  std::vector<Block> blocks;
  Span span;
  Trivia trivia;
};

struct Frequency {
  std::optional<Quantity> per_week;  // `N per week`
  bool every_other_day = false;
  bool daily = false;
  Span span;
  Trivia trivia;
};

struct MinDays {
  Quantity days;
  Span span;
  Trivia trivia;
};

struct Stage {
  std::string id;
  Span id_span;
  std::optional<std::string> title;
  Span span;  // the `stage` line
  std::optional<Session> session;
  std::optional<Frequency> frequency;
  std::optional<MinDays> min_days;
  std::vector<Rule> rules;  // in source order, cues included
  Trivia trivia;
};

struct Phase {
  std::string name;  // empty for stages written before any `phase`
  Span span;         // invalid for the implicit phase
  std::vector<Stage> stages;
  Trivia trivia;
};

struct Let {
  std::string name;
  Span name_span;
  ExprPtr value;
  Span span;
  Trivia trivia;
};

enum class OrderDimension { Duration, Intensity, Frequency };

// ---------------------------------------------------------------- header
template <typename T>
struct HeaderField {
  T value{};
  Span span;
  Trivia trivia;
};

struct MaxAdvances {
  Quantity count;
  Quantity days;
};

struct Protocol {
  SourcePtr source;

  // `protocol ID "Title"`
  std::string id;
  Span id_span;
  std::optional<std::string> title;
  Span span;  // the `protocol` line
  Trivia trivia;

  std::optional<HeaderField<std::string>> version;
  std::optional<HeaderField<std::string>> citation;  // `source "..."`
  std::optional<HeaderField<std::vector<OrderDimension>>> order;
  std::optional<HeaderField<Quantity>> max_weekly_increase;  // percent
  std::optional<HeaderField<MaxAdvances>> max_advances;

  std::vector<Input> inputs;
  std::vector<Let> lets;

  bool has_safety = false;
  Span safety_span;
  Trivia safety_trivia;
  std::vector<Rule> safety;

  std::vector<Phase> phases;

  std::vector<Comment> trailing_comments;  // after the last statement
};

// Counts and lookups used by several passes.
std::size_t stage_count(const Protocol& protocol);
// Stages in file order across phases: (phase index, stage index) pairs.
std::vector<std::pair<std::size_t, std::size_t>> stage_order(const Protocol& protocol);
const Stage* find_stage(const Protocol& protocol, std::string_view id);

}  // namespace gradus::ast

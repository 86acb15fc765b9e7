#pragma once
// The Plan: a checked protocol lowered once into flat, slot-resolved code.
// Every instruction writes its own register (SSA), so after a rule has been
// evaluated the value of each of its sub-expressions is still in the
// register file: explanations read them instead of re-evaluating.
//
// Evaluation does no name lookup and no allocation: inputs, lets, windows,
// streaks and load metrics are indices; window histories are rings sized
// here. A Plan is immutable after make_plan and shared between threads.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/check/builtins.hpp"
#include "dsl/syntax/ast.hpp"
#include "engine/eval/bounds.hpp"
#include "engine/eval/value.hpp"

namespace gradus::eval {

enum class OpCode : std::uint8_t {
  Latest,        // a: input index; the most recent known value so far
  Missing,       // a: register; true unless that value is known
  Neg, Not, Abs, // a: register
  Add, Sub, Mul, Div, Max, Min,
  Lt, Le, Gt, Ge, Eq, Ne, And, Or,  // a, b: registers
  WindowPush,    // a: window, b: element register (context decides whether it is pushed)
  WindowRead,    // a: window
  StreakPush,    // a: streak, b: element register (sessions only)
  StreakRead,    // a: streak
  PreviousPush,  // a: previous, b: element register (sessions only)
  PreviousRead,  // a: previous
  MetricPush,    // a: metric, b: element register (every day; 0 when not a session)
  MetricRead,    // a: metric
  AdvancesIn,    // a: days
  // Today's value of input a, or (LoadMissing) whether it is missing, into
  // the register; b: the Load in Plan::loads.numbers, .flags or .missing.
  // Unwatched programs (Plan::session_code) only: each input is loaded just
  // before the first instruction that reads it, so a session decided early
  // does not load what only later rules read.
  LoadNumber, LoadFlag, LoadMissing,
  // Session programs only: if register a (a rule's condition) holds, rule b
  // decides the session and the program ends there. Writes no register.
  Decide,
};

// Slots in a ring that must hold `n` stamps: a power of two, so that
// `stamp & (capacity - 1)` places a stamp (window lengths are capped at 3650).
inline std::uint32_t ring_capacity(std::uint32_t n) { return std::bit_ceil(std::max(n, 1u)); }
inline std::size_t ring_slot(std::int32_t stamp, std::uint32_t capacity) {
  return static_cast<std::uint32_t>(stamp) & (capacity - 1);
}

struct Instr {
  OpCode op{};
  std::uint32_t dst = 0;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

// A contiguous run of Plan::code.
struct Segment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct InputPlan {
  std::string name;
  ast::InputKind kind = ast::InputKind::Score;
  Value missing;  // the range a missing value may take
};

// `fn(element over N days|sessions[, M days|sessions ago])`.
struct WindowPlan {
  BuiltinFunction function = BuiltinFunction::Max;
  bool days = true;             // over days (else sessions)
  std::uint32_t length = 1;     // N
  std::uint32_t offset = 0;     // M, in the window's own unit
  std::uint32_t element = 0;    // register
  bool reads_entry = true;      // the element needs a log entry (skipped on days without one)
  std::uint32_t ring = 0;       // first slot in the runtime's ring storage
  std::uint32_t capacity = 1;   // N + M slots, rounded up to a power of two
};

// `COND for N sessions`: true on each of the last N sessions of this stage.
struct StreakPlan {
  const ast::Expr* expr = nullptr;  // the `COND for N sessions` node
  std::uint32_t length = 1;
  std::uint32_t element = 0;
  std::uint32_t ring = 0;
  std::uint32_t capacity = 1;  // length rounded up to a power of two
};

// `previous(x)`: the value of x at the session before.
struct PreviousPlan {
  std::uint32_t element = 0;
  Bounds absent;  // before the second session
  std::uint32_t ring = 0;  // two slots
};

// acwr / acwr_uncoupled / acwr_ewma / monotony / strain over a day series.
struct MetricPlan {
  BuiltinFunction function = BuiltinFunction::Acwr;
  std::uint32_t element = 0;
};

// One node of a rule's condition, for explanations: its canonical text, its
// register, and how deep it sits (pre-order).
struct TraceNode {
  const ast::Expr* expr = nullptr;
  std::uint32_t reg = 0;
  std::uint16_t depth = 0;
  bool read = false;  // an input, let, series or lookup the rule read (reported with a fired rule)
  std::string text;
};

// Precedence tiers: the most conservative decision of the day wins.
enum class Tier : std::uint8_t { Refer = 0, Regress = 1, Hold = 2, Progress = 3, Cue = 4 };

struct RulePlan {
  std::string id;          // "safety:3", "r1:advance", "r1:advance:2" (docs/advice.md)
  ast::RuleKind kind = ast::RuleKind::Hold;
  Tier tier = Tier::Hold;
  const ast::Rule* rule = nullptr;
  int stage = -1;          // -1: a safety rule
  int target = -1;         // advance to / regress to
  int regress_by = 1;
  int rest_days = 0;       // then rest N days
  std::uint32_t line = 0;
  std::uint32_t order = 0; // source order (byte offset)
  std::string head;        // format_rule_head
  std::string condition;   // format_expr of the condition
  std::string message;
  Segment code;
  std::uint32_t result = 0;  // register of the condition
  std::vector<TraceNode> nodes;
};

// Today's value of an input, or `missing(x)` of an input x (filled with x
// rather than computed), into its register.
struct Load {
  std::uint32_t index = 0;  // input
  std::uint32_t reg = 0;
  Bounds missing;           // the register on a day the input is not logged
};
// Numbers and flags apart, so the loading loop does not branch on the kind.
struct LoadSet {
  std::vector<Load> numbers, flags, missing;
};

struct StagePlan {
  std::string id;
  std::string title;
  int phase = 0;
  bool recovery = false;
  int recovery_days = 0;
  std::optional<std::string> session;  // format_session, when the stage has one
  Value run_seconds = Value::number(0);    // prescribed running time (a range when given by distance)
  Value total_seconds = Value::number(0);
  bool all_run = false;       // every block is running: a logged `minutes` is all running
  int per_week = 0;           // 0: no weekly cap
  bool every_other_day = false;
  bool daily = false;
  int min_days = 0;
  std::vector<int> rules;     // this stage's rules
  std::vector<int> evaluated; // safety rules and this stage's rules, in source order
  std::vector<Segment> judge_code;  // the code of `evaluated`, adjacent segments merged
  // A judged session of this stage with no observer, in one run (in
  // Plan::session_code): the update program less the lets nothing here needs
  // (a let only another stage's rules read); then what must run at every
  // session (each streak's push and its element); then each rule that
  // decides (not the cues: a cue changes no decision, and a streak inside a
  // cue is read only by that cue), most conservative tier first and source
  // order within a tier, its condition followed by a Decide. The first rule
  // that holds decides, so the code of the rules after it never runs.
  Segment session_program;
  // `evaluated` as the judge reads it: a few bytes per rule, not a RulePlan.
  struct Judged {
    std::uint32_t result = 0;  // register of the condition
    Tier tier = Tier::Hold;
    int rule = 0;
  };
  std::vector<Judged> judged;
};

struct Plan {
  ast::Protocol ast;  // owned: spans, names and trace nodes point into it

  std::string id, title, version;
  std::string source_sha256;  // of the protocol file's bytes, hashed once here (the audit trail)
  std::vector<std::string> phases;
  std::vector<InputPlan> inputs;
  int rpe_input = -1;  // the input named `rpe`, for srpe

  std::vector<Instr> code;
  // Copies of code's instructions, laid out per stage (StagePlan::session_program):
  // each is also in `code`, whose every register has one writer.
  std::vector<Instr> session_code;
  // What an entry that is not judged needs when nobody observes it (a
  // measurement day, a session while referred, a day without an entry):
  // only the pushes into the whole log's histories and what they read.
  Segment history_program;
  // The protocol's constants: registers filled once per replay, not instructions.
  struct Constant {
    std::uint32_t reg = 0;
    Bounds value;
    // A finite number, and so a comparison with it takes its threshold.
    bool comparable = false;
    Threshold threshold;
  };
  std::vector<Constant> constants;
  // The kind of each register, fixed here: a register holds Bounds, and this
  // says whether they are a boolean's (for explanations, which read Values).
  std::vector<std::uint8_t> boolean_register;
  // Registers the replay fills before running any code, not instructions:
  // each built-in series read (once per day) and each baseline (once per log).
  struct Preload {
    std::uint32_t index = 0;  // BuiltinSeries, or input
    std::uint32_t reg = 0;
  };
  std::vector<Preload> series_registers;
  std::vector<Preload> baseline_registers;
  // Today's value of each input read, loaded once per day however many rules
  // read it: all of them before any code, for a replay an observer watches;
  // by Load instructions in the unwatched programs.
  LoadSet loads;
  std::uint32_t registers = 0;
  Segment update;          // lets, window/streak/previous/metric elements and pushes
  std::vector<std::uint32_t> let_registers;
  std::vector<std::vector<TraceNode>> let_nodes;  // each let's definition, for explanations
  std::vector<bool> let_reads_entry;

  std::vector<WindowPlan> windows;
  std::vector<StreakPlan> streaks;
  std::vector<PreviousPlan> previous;
  std::vector<MetricPlan> metrics;
  std::uint32_t ring_slots = 0;
  bool needs_empty_days = false;  // some window or metric must see days without an entry
  bool has_recovery = false;      // some stage is a recovery stage (`session rest`)
  std::uint32_t series_read = 0;  // bit per BuiltinSeries the code reads (series_registers)
  std::vector<std::uint32_t> latest_read;  // inputs read through latest()

  std::vector<RulePlan> rules;    // safety rules first, then stages' rules
  std::vector<int> safety;
  std::vector<StagePlan> stages;  // file order across phases

  int max_advances = 0;           // `max N advances per D days` (0: none)
  int max_advances_days = 0;

  int stage_index(std::string_view id) const;
};

// Lowers a protocol that checked without errors. The Plan takes ownership.
std::shared_ptr<const Plan> make_plan(ast::Protocol checked);

}  // namespace gradus::eval

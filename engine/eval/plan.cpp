#include "engine/eval/plan.hpp"

#include <algorithm>
#include <cmath>

#include "dsl/format/format_expr.hpp"
#include "engine/io/sha256.hpp"

namespace gradus::eval {
namespace {

using ast::Expr;
using ast::ExprKind;

Value missing_range(const ast::Input& input) {
  switch (input.type.kind) {
    case ast::InputKind::Score: return Value::range(input.type.lo.value, input.type.hi.value);
    case ast::InputKind::Flag: return Value::boolean(Truth::Unknown);
    case ast::InputKind::Count: return Value::range(0, kInf);
    case ast::InputKind::Percent:
    case ast::InputKind::Quantity: return Value::unbounded();
    case ast::InputKind::Levels:
    case ast::InputKind::OneOf:
      return Value::range(0, input.type.names.empty() ? 0 : static_cast<double>(input.type.names.size() - 1));
  }
  return Value::unbounded();
}

// A literal in the engine's representation: dimensioned values in their
// dimension's base unit; a bare number beside a quantity in that quantity's unit.
double literal_value(const Expr& expr) {
  const ast::Quantity& q = expr.number;
  if (q.unit != Unit::None) return q.value * info(q.unit).to_base;
  if (expr.inferred_unit != Unit::None) return q.value * info(expr.inferred_unit).to_base;
  return q.value;
}

std::uint32_t whole(double v) { return v <= 0 ? 0u : static_cast<std::uint32_t>(std::llround(v)); }

bool is_running(ast::Activity a) {
  return a == ast::Activity::Run || a == ast::Activity::Jog || a == ast::Activity::Strides;
}

struct Minutes {
  Value run = Value::number(0);
  Value total = Value::number(0);
  bool all_run = true;
};

// Seconds of running and in all, from a session's blocks. A block given by
// distance has an unknown duration (a range from 0).
void add_blocks(const std::vector<ast::Block>& blocks, Minutes& out) {
  for (const auto& block : blocks) {
    if (block.repeat) {
      Minutes inner;
      add_blocks(block.children, inner);
      const Value n = Value::number(block.count.value);
      out.run = add(out.run, mul(inner.run, n));
      out.total = add(out.total, mul(inner.total, n));
      out.all_run = out.all_run && inner.all_run;
      continue;
    }
    Value seconds = Value::range(0, kInf);
    if (dimension_of(block.amount.unit) == Dimension::Time) {
      seconds = Value::number(block.amount.value * info(block.amount.unit).to_base);
    }
    out.total = add(out.total, seconds);
    if (is_running(block.activity)) {
      out.run = add(out.run, seconds);
    } else {
      out.all_run = false;
    }
  }
}

Tier tier_of(ast::RuleKind kind) {
  switch (kind) {
    case ast::RuleKind::Refer: return Tier::Refer;
    case ast::RuleKind::Regress: return Tier::Regress;
    case ast::RuleKind::Hold: return Tier::Hold;
    case ast::RuleKind::Advance:
    case ast::RuleKind::Discharge: return Tier::Progress;
    case ast::RuleKind::Cue: return Tier::Cue;
  }
  return Tier::Hold;
}

class Compiler {
 public:
  explicit Compiler(Plan& plan) : plan_(plan) {}

  void run();

 private:
  std::uint32_t emit(std::vector<Instr>& out, OpCode op, std::uint32_t a = 0, std::uint32_t b = 0) {
    const std::uint32_t reg = plan_.registers++;
    out.push_back(Instr{op, reg, a, b});
    return reg;
  }
  // Constants get a register filled once per replay, not an instruction.
  std::uint32_t constant(std::vector<Instr>&, Value v) {
    const std::uint32_t reg = plan_.registers++;
    Plan::Constant c;
    c.reg = reg;
    plan_.constants.push_back(c);
    constant_values_.push_back(v);
    return reg;
  }
  // One register per input (series, baseline) however often it is read,
  // filled by the replay before any code runs.
  std::uint32_t preload(std::vector<Plan::Preload>& list, std::uint32_t index) {
    for (const auto& p : list) {
      if (p.index == index) return p.reg;
    }
    const std::uint32_t reg = plan_.registers++;
    Plan::Preload p;
    p.index = index;
    p.reg = reg;
    list.push_back(p);
    return reg;
  }
  // Rings hold a power of two of slots, so a stamp finds its slot with a
  // mask rather than a division (the evaluator's inner loop).
  std::uint32_t ring(std::uint32_t slots) {
    const std::uint32_t first = plan_.ring_slots;
    plan_.ring_slots += ring_capacity(slots);
    return first;
  }

  bool reads_entry(const Expr& expr) const;
  // Compiles `expr` into `out` (the update program's elements always go to
  // update_); records trace nodes when `trace` is set.
  std::uint32_t compile(const Expr& expr, std::vector<Instr>& out, std::vector<TraceNode>* trace, int depth);
  std::uint32_t compile_call(const Expr& expr, std::vector<Instr>& out, std::vector<TraceNode>* trace, int depth);
  std::uint32_t compile_window(const Expr& expr, BuiltinFunction fn, std::vector<Instr>& out);
  void build_stages();
  void compile_stage_rules();
  RulePlan compile_rule(const ast::Rule& rule, int stage, std::string id);
  void assign_register_kinds();
  void lay_out_sessions();
  std::vector<Instr> deciding_code(const StagePlan& stage) const;
  Segment lay_out_program(const std::vector<Instr>& rules);

  Plan& plan_;
  std::vector<Instr> update_;
  std::vector<std::vector<Instr>> rule_code_;
  // What the Plan holds as Bounds, kept as Values until each register's kind
  // is known (assign_register_kinds): parallel to plan_.constants and plan_.previous.
  std::vector<Value> constant_values_;
  std::vector<Value> previous_absent_;
  // The inputs read and the `missing(input)`s, one register each: they
  // become the Plan's Load lists.
  std::vector<Plan::Preload> inputs_read_;
  std::vector<Plan::Preload> missing_read_;
};

bool Compiler::reads_entry(const Expr& expr) const {
  if (expr.kind == ExprKind::Name) {
    if (expr.symbol.kind == ast::SymbolKind::Input) return true;
    if (expr.symbol.kind == ast::SymbolKind::Let) {
      const auto i = static_cast<std::size_t>(expr.symbol.index);
      return i < plan_.let_reads_entry.size() && plan_.let_reads_entry[i];
    }
    return false;
  }
  if (expr.kind == ExprKind::Call) {
    // Lookups and windows read the replay's state, not today's entry.
    const auto* fn = find_builtin_function(expr.name);
    if (fn && (expr.window || fn->function == BuiltinFunction::Baseline || fn->function == BuiltinFunction::Latest ||
               fn->function == BuiltinFunction::Previous || fn->function == BuiltinFunction::AdvancesIn ||
               fn->function == BuiltinFunction::Acwr || fn->function == BuiltinFunction::AcwrUncoupled ||
               fn->function == BuiltinFunction::AcwrEwma || fn->function == BuiltinFunction::Monotony ||
               fn->function == BuiltinFunction::Strain)) {
      return false;
    }
  }
  if (expr.kind == ExprKind::Streak) return false;
  for (const auto& arg : expr.args) {
    if (arg && reads_entry(*arg)) return true;
  }
  return false;
}

bool is_read(const Expr& expr) {
  if (expr.kind == ExprKind::Name) {
    return expr.symbol.kind == ast::SymbolKind::Input || expr.symbol.kind == ast::SymbolKind::Let ||
           expr.symbol.kind == ast::SymbolKind::Builtin;
  }
  if (expr.kind == ExprKind::Call) {
    const auto* fn = find_builtin_function(expr.name);
    if (!fn) return false;
    switch (fn->function) {
      case BuiltinFunction::Max:
      case BuiltinFunction::Min: return expr.window.has_value();
      case BuiltinFunction::Abs:
      case BuiltinFunction::Missing: return false;
      default: return true;
    }
  }
  return false;
}

std::uint32_t Compiler::compile(const Expr& expr, std::vector<Instr>& out, std::vector<TraceNode>* trace, int depth) {
  // Literals and grade/choice names are not worth a line in an explanation.
  const bool literal = expr.kind == ExprKind::Number || expr.kind == ExprKind::Grade ||
                       (expr.kind == ExprKind::Name && (expr.symbol.kind == ast::SymbolKind::GradeValue ||
                                                        expr.symbol.kind == ast::SymbolKind::ChoiceValue));
  std::size_t slot = 0;
  if (trace && !literal) {
    slot = trace->size();
    trace->push_back(TraceNode{&expr, 0, static_cast<std::uint16_t>(depth), is_read(expr), format_expr(expr)});
  }
  std::uint32_t reg = 0;
  switch (expr.kind) {
    case ExprKind::Number:
      reg = constant(out, Value::number(literal_value(expr)));
      break;
    case ExprKind::Grade:
      reg = constant(out, Value::number(static_cast<double>(std::max(expr.symbol.index, 0))));
      break;
    case ExprKind::Name:
      switch (expr.symbol.kind) {
        case ast::SymbolKind::Input:
          reg = preload(inputs_read_, static_cast<std::uint32_t>(expr.symbol.index));
          break;
        case ast::SymbolKind::Let:
          reg = plan_.let_registers.at(static_cast<std::size_t>(expr.symbol.index));
          break;
        case ast::SymbolKind::Builtin:
          reg = preload(plan_.series_registers, static_cast<std::uint32_t>(expr.symbol.index));
          break;
        case ast::SymbolKind::GradeValue:
        case ast::SymbolKind::ChoiceValue:
          reg = constant(out, Value::number(static_cast<double>(expr.symbol.index)));
          break;
        case ast::SymbolKind::Unresolved:
          reg = constant(out, Value::undefined());
          break;
      }
      break;
    case ExprKind::Unary: {
      const std::uint32_t a = compile(*expr.args.at(0), out, trace, depth + 1);
      reg = emit(out, expr.op == ast::Op::Not ? OpCode::Not : OpCode::Neg, a);
      break;
    }
    case ExprKind::Binary: {
      const std::uint32_t a = compile(*expr.args.at(0), out, trace, depth + 1);
      const std::uint32_t b = compile(*expr.args.at(1), out, trace, depth + 1);
      OpCode op = OpCode::Add;
      switch (expr.op) {
        case ast::Op::Mul: op = OpCode::Mul; break;
        case ast::Op::Div: op = OpCode::Div; break;
        case ast::Op::Add: op = OpCode::Add; break;
        case ast::Op::Sub: op = OpCode::Sub; break;
        case ast::Op::Lt: op = OpCode::Lt; break;
        case ast::Op::Le: op = OpCode::Le; break;
        case ast::Op::Gt: op = OpCode::Gt; break;
        case ast::Op::Ge: op = OpCode::Ge; break;
        case ast::Op::Eq: op = OpCode::Eq; break;
        case ast::Op::Ne: op = OpCode::Ne; break;
        case ast::Op::And: op = OpCode::And; break;
        case ast::Op::Or: op = OpCode::Or; break;
        default: break;
      }
      reg = emit(out, op, a, b);
      break;
    }
    case ExprKind::Streak: {
      // The rule reads whether the condition held at each of the last N
      // sessions of this stage. A streak only counts sessions of the stage
      // its rule is evaluated in, and a rule is evaluated at every judged
      // session of its stage, so the condition is recorded by the rule's own
      // code (a streak inside a let or window element: by the update program).
      StreakPlan streak;
      streak.expr = &expr;
      streak.length = std::max(1u, whole(expr.streak.value));
      streak.element = compile(*expr.args.at(0), out, trace, depth + 1);
      streak.capacity = ring_capacity(streak.length);
      streak.ring = ring(streak.length);
      const auto index = static_cast<std::uint32_t>(plan_.streaks.size());
      plan_.streaks.push_back(streak);
      emit(out, OpCode::StreakPush, index, streak.element);
      reg = emit(out, OpCode::StreakRead, index);
      break;
    }
    case ExprKind::Call:
      reg = compile_call(expr, out, trace, depth);
      break;
  }
  if (trace && !literal) (*trace)[slot].reg = reg;
  return reg;
}

std::uint32_t Compiler::compile_window(const Expr& expr, BuiltinFunction fn, std::vector<Instr>& out) {
  WindowPlan w;
  w.function = fn;
  w.days = expr.window->unit == ast::WindowUnit::Days;
  w.length = std::max(1u, whole(expr.window->length.value));
  w.offset = expr.window->offset ? whole(expr.window->offset->value) : 0;
  w.element = compile(*expr.args.at(0), update_, nullptr, 0);
  w.reads_entry = reads_entry(*expr.args.at(0));
  w.capacity = ring_capacity(w.length + w.offset);
  w.ring = ring(w.capacity);
  if (w.days && !w.reads_entry) plan_.needs_empty_days = true;
  const auto index = static_cast<std::uint32_t>(plan_.windows.size());
  plan_.windows.push_back(w);
  emit(update_, OpCode::WindowPush, index, w.element);
  return emit(out, OpCode::WindowRead, index);
}

std::uint32_t Compiler::compile_call(const Expr& expr, std::vector<Instr>& out, std::vector<TraceNode>* trace,
                                     int depth) {
  const BuiltinFunctionInfo* fn_info = find_builtin_function(expr.name);
  if (!fn_info) return constant(out, Value::undefined());
  const BuiltinFunction fn = fn_info->function;
  if (expr.window) return compile_window(expr, fn, out);

  auto input_of = [&](const Expr& arg) -> int {
    return arg.kind == ExprKind::Name && arg.symbol.kind == ast::SymbolKind::Input ? arg.symbol.index : -1;
  };

  switch (fn) {
    case BuiltinFunction::Max:
    case BuiltinFunction::Min: {
      if (expr.args.empty()) return constant(out, Value::undefined());
      std::uint32_t acc = compile(*expr.args[0], out, trace, depth + 1);
      for (std::size_t i = 1; i < expr.args.size(); ++i) {
        const std::uint32_t next = compile(*expr.args[i], out, trace, depth + 1);
        acc = emit(out, fn == BuiltinFunction::Max ? OpCode::Max : OpCode::Min, acc, next);
      }
      if (expr.args.size() == 1) acc = emit(out, OpCode::Max, acc, acc);  // own register for the trace
      return acc;
    }
    case BuiltinFunction::Abs:
      return emit(out, OpCode::Abs, compile(*expr.args.at(0), out, trace, depth + 1));
    case BuiltinFunction::Missing: {
      const std::uint32_t arg = compile(*expr.args.at(0), out, trace, depth + 1);
      const int input = input_of(*expr.args.at(0));
      if (input >= 0) return preload(missing_read_, static_cast<std::uint32_t>(input));
      return emit(out, OpCode::Missing, arg);
    }
    case BuiltinFunction::Baseline:
    case BuiltinFunction::Latest: {
      const int input = expr.args.empty() ? -1 : input_of(*expr.args[0]);
      if (input < 0) return constant(out, Value::undefined());
      if (fn == BuiltinFunction::Baseline) return preload(plan_.baseline_registers, static_cast<std::uint32_t>(input));
      return emit(out, OpCode::Latest, static_cast<std::uint32_t>(input));
    }
    case BuiltinFunction::Previous: {
      if (expr.args.empty()) return constant(out, Value::undefined());
      PreviousPlan p;
      p.element = compile(*expr.args[0], update_, nullptr, 0);
      const ast::Type& t = expr.args[0]->type;
      const int input = input_of(*expr.args[0]);
      previous_absent_.push_back(input >= 0 ? plan_.inputs[static_cast<std::size_t>(input)].missing
                                 : t.kind == ast::TypeKind::Boolean ? Value::boolean(Truth::Unknown)
                                 : t.kind == ast::TypeKind::Score   ? Value::range(t.lo, t.hi)
                                                                    : Value::unbounded());
      p.ring = ring(2);
      const auto index = static_cast<std::uint32_t>(plan_.previous.size());
      plan_.previous.push_back(p);
      emit(update_, OpCode::PreviousPush, index, p.element);
      return emit(out, OpCode::PreviousRead, index);
    }
    case BuiltinFunction::Acwr:
    case BuiltinFunction::AcwrUncoupled:
    case BuiltinFunction::AcwrEwma:
    case BuiltinFunction::Monotony:
    case BuiltinFunction::Strain: {
      if (expr.args.empty()) return constant(out, Value::undefined());
      MetricPlan m;
      m.function = fn;
      m.element = compile(*expr.args[0], update_, nullptr, 0);
      plan_.needs_empty_days = true;
      const auto index = static_cast<std::uint32_t>(plan_.metrics.size());
      plan_.metrics.push_back(m);
      emit(update_, OpCode::MetricPush, index, m.element);
      return emit(out, OpCode::MetricRead, index);
    }
    case BuiltinFunction::AdvancesIn: {
      std::uint32_t days = 7;
      if (!expr.args.empty() && expr.args[0]->kind == ExprKind::Number) {
        const ast::Quantity& q = expr.args[0]->number;
        days = whole(q.unit == Unit::None ? q.value : q.value * info(q.unit).to_base / info(Unit::Day).to_base);
      }
      return emit(out, OpCode::AdvancesIn, std::max(1u, days));
    }
    default:
      // Window-only functions without a window never pass the checker.
      return constant(out, Value::undefined());
  }
}

RulePlan Compiler::compile_rule(const ast::Rule& rule, int stage, std::string id) {
  RulePlan r;
  r.id = std::move(id);
  r.kind = rule.kind;
  r.tier = tier_of(rule.kind);
  r.rule = &rule;
  r.stage = stage;
  r.line = rule.span.line;
  r.order = rule.span.begin;
  r.head = format_rule_head(rule);
  r.message = rule.message.value_or("");
  if (rule.target) r.target = plan_.stage_index(*rule.target);
  if (rule.stages) r.regress_by = static_cast<int>(whole(rule.stages->value));
  if (rule.rest_days) r.rest_days = static_cast<int>(whole(rule.rest_days->value));
  std::vector<Instr> code;
  if (rule.condition) {
    r.condition = format_expr(*rule.condition);
    r.result = compile(*rule.condition, code, &r.nodes, 0);
  } else {
    r.result = constant(code, Value::boolean(Truth::Unknown));
  }
  rule_code_.push_back(std::move(code));
  return r;
}

void Compiler::build_stages() {
  for (const auto& [p, s] : ast::stage_order(plan_.ast)) {
    const ast::Stage& stage = plan_.ast.phases[p].stages[s];
    StagePlan sp;
    sp.id = stage.id;
    sp.title = stage.title.value_or("");
    sp.phase = static_cast<int>(p);
    if (stage.session) {
      sp.session = format_session(*stage.session);
      if (stage.session->rest) {
        sp.recovery = true;
        plan_.has_recovery = true;
        sp.recovery_days = stage.session->rest_days ? std::max(1, static_cast<int>(whole(stage.session->rest_days->value))) : 1;
      }
      Minutes m;
      add_blocks(stage.session->blocks, m);
      sp.run_seconds = m.run;
      sp.total_seconds = m.total;
      sp.all_run = m.all_run && !stage.session->blocks.empty();
    }
    if (stage.frequency) {
      if (stage.frequency->per_week) sp.per_week = static_cast<int>(whole(stage.frequency->per_week->value));
      sp.every_other_day = stage.frequency->every_other_day;
      sp.daily = stage.frequency->daily;
    }
    if (stage.min_days) sp.min_days = static_cast<int>(whole(stage.min_days->days.value));
    plan_.stages.push_back(std::move(sp));
  }
}

// Rules after all stages exist, so `advance to X` resolves forward too.
void Compiler::compile_stage_rules() {
  std::size_t index = 0;
  for (const auto& [p, s] : ast::stage_order(plan_.ast)) {
    const ast::Stage& stage = plan_.ast.phases[p].stages[s];
    StagePlan& sp = plan_.stages[index];
    std::vector<int> seen(6, 0);
    for (const auto& rule : stage.rules) {
      const int n = ++seen[static_cast<std::size_t>(rule.kind)];
      std::string id = stage.id + ":" + ast::to_string(rule.kind);
      if (n > 1) id += ":" + std::to_string(n);
      sp.rules.push_back(static_cast<int>(plan_.rules.size()));
      plan_.rules.push_back(compile_rule(rule, static_cast<int>(index), std::move(id)));
    }
    sp.evaluated = plan_.safety;
    sp.evaluated.insert(sp.evaluated.end(), sp.rules.begin(), sp.rules.end());
    std::stable_sort(sp.evaluated.begin(), sp.evaluated.end(), [&](int a, int b) {
      return plan_.rules[static_cast<std::size_t>(a)].order < plan_.rules[static_cast<std::size_t>(b)].order;
    });
    ++index;
  }
}

void Compiler::run() {
  const ast::Protocol& p = plan_.ast;
  plan_.id = p.id;
  plan_.title = p.title.value_or("");
  plan_.version = p.version ? p.version->value : "";
  for (const auto& phase : p.phases) plan_.phases.push_back(phase.name);
  for (const auto& input : p.inputs) {
    if (input.name == "rpe") plan_.rpe_input = static_cast<int>(plan_.inputs.size());
    plan_.inputs.push_back(InputPlan{input.name, input.type.kind, missing_range(input)});
  }
  if (p.max_advances) {
    plan_.max_advances = static_cast<int>(whole(p.max_advances->value.count.value));
    plan_.max_advances_days = static_cast<int>(whole(p.max_advances->value.days.value));
  }
  build_stages();
  for (const auto& let : p.lets) {
    const bool entry = let.value && reads_entry(*let.value);
    std::vector<TraceNode> nodes;
    const std::uint32_t reg = let.value ? compile(*let.value, update_, &nodes, 0) : constant(update_, Value::undefined());
    plan_.let_nodes.push_back(std::move(nodes));
    plan_.let_registers.push_back(reg);
    plan_.let_reads_entry.push_back(entry);
  }
  for (std::size_t i = 0; i < p.safety.size(); ++i) {
    plan_.safety.push_back(static_cast<int>(plan_.rules.size()));
    plan_.rules.push_back(compile_rule(p.safety[i], -1, "safety:" + std::to_string(i + 1)));
  }
  compile_stage_rules();

  // Lay the code out: the update program, then each rule's own code.
  plan_.code = std::move(update_);
  plan_.update = Segment{0, static_cast<std::uint32_t>(plan_.code.size())};
  for (std::size_t i = 0; i < plan_.rules.size(); ++i) {
    auto& code = rule_code_[i];
    const auto begin = static_cast<std::uint32_t>(plan_.code.size());
    plan_.code.insert(plan_.code.end(), code.begin(), code.end());
    plan_.rules[i].code = Segment{begin, static_cast<std::uint32_t>(plan_.code.size())};
  }
  // What a watched session of each stage runs after the update program: its
  // rules' code, cues included, adjacent segments merged (the safety rules'
  // code is one run).
  const auto merged = [&](const StagePlan& stage) {
    std::vector<Segment> segments, out;
    for (const int r : stage.evaluated) segments.push_back(plan_.rules[static_cast<std::size_t>(r)].code);
    std::sort(segments.begin(), segments.end(), [](Segment a, Segment b) { return a.begin < b.begin; });
    for (const Segment segment : segments) {
      if (segment.begin == segment.end) continue;
      if (!out.empty() && out.back().end == segment.begin) {
        out.back().end = segment.end;
      } else {
        out.push_back(segment);
      }
    }
    return out;
  };
  for (auto& stage : plan_.stages) stage.judge_code = merged(stage);
  // Which built-in series and which latest() inputs the code reads: the
  // replay keeps only those up to date.
  for (const auto& series : plan_.series_registers) plan_.series_read |= 1u << series.index;
  for (const auto& read : inputs_read_) {
    const InputPlan& input = plan_.inputs[read.index];
    (input.kind == ast::InputKind::Flag ? plan_.loads.flags : plan_.loads.numbers)
        .push_back(Load{read.index, read.reg, to_bounds(input.missing)});
  }
  for (const auto& read : missing_read_) {
    // missing(x) on a day x is not logged: true, unless x's missing range is
    // a single value (then it is as good as known).
    const bool never_known = !is_known(to_bounds(plan_.inputs[read.index].missing));
    plan_.loads.missing.push_back(Load{read.index, read.reg, truth_bounds(never_known, never_known)});
  }
  lay_out_sessions();
  assign_register_kinds();
  for (const Instr& in : plan_.code) {
    if (in.op == OpCode::Latest &&
        std::find(plan_.latest_read.begin(), plan_.latest_read.end(), in.a) == plan_.latest_read.end()) {
      plan_.latest_read.push_back(in.a);
    }
  }
}

// The registers an instruction reads (constants and preloads are registers
// no instruction writes, so they need nothing).
template <typename F>
void for_each_operand(const Instr& in, F&& use) {
  switch (in.op) {
    case OpCode::Missing: case OpCode::Neg: case OpCode::Not: case OpCode::Abs:
      use(in.a);
      break;
    case OpCode::Add: case OpCode::Sub: case OpCode::Mul: case OpCode::Div: case OpCode::Max: case OpCode::Min:
    case OpCode::Lt: case OpCode::Le: case OpCode::Gt: case OpCode::Ge: case OpCode::Eq: case OpCode::Ne:
    case OpCode::And: case OpCode::Or:
      use(in.a);
      use(in.b);
      break;
    case OpCode::WindowPush: case OpCode::StreakPush: case OpCode::PreviousPush: case OpCode::MetricPush:
      use(in.b);
      break;
    case OpCode::Decide:
      use(in.a);
      break;
    default:
      break;
  }
}

bool is_push(OpCode op) {
  return op == OpCode::WindowPush || op == OpCode::StreakPush || op == OpCode::PreviousPush || op == OpCode::MetricPush;
}

// The update program less what `rules` does not read (`rules` is code laid
// out after it), appended to Plan::session_code, then `rules`.
Segment Compiler::lay_out_program(const std::vector<Instr>& rules) {
  std::vector<bool> needed(plan_.registers, false);
  std::vector<bool> keep(plan_.update.end - plan_.update.begin, false);
  for (const Instr& in : rules) for_each_operand(in, [&](std::uint32_t r) { needed[r] = true; });
  // Backwards over the update program: a push always runs (the history is
  // the whole log's), anything else only when something kept reads it.
  for (std::uint32_t i = plan_.update.end; i-- > plan_.update.begin;) {
    const Instr& in = plan_.code[i];
    keep[i - plan_.update.begin] = is_push(in.op) || needed[in.dst];
    if (keep[i - plan_.update.begin]) for_each_operand(in, [&](std::uint32_t r) { needed[r] = true; });
  }
  std::vector<Instr> program;
  for (std::uint32_t i = plan_.update.begin; i < plan_.update.end; ++i) {
    if (keep[i - plan_.update.begin]) program.push_back(plan_.code[i]);
  }
  program.insert(program.end(), rules.begin(), rules.end());
  // Each input's load just before the first instruction that reads it.
  std::vector<Instr> load(plan_.registers, Instr{});
  std::vector<bool> loaded(plan_.registers, true);
  const auto loads = [&](const std::vector<Load>& list, OpCode op) {
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      load[list[i].reg] = Instr{op, list[i].reg, list[i].index, i};
      loaded[list[i].reg] = false;
    }
  };
  loads(plan_.loads.numbers, OpCode::LoadNumber);
  loads(plan_.loads.flags, OpCode::LoadFlag);
  loads(plan_.loads.missing, OpCode::LoadMissing);
  const auto begin = static_cast<std::uint32_t>(plan_.session_code.size());
  for (const Instr& in : program) {
    for_each_operand(in, [&](std::uint32_t r) {
      if (loaded[r]) return;
      plan_.session_code.push_back(load[r]);
      loaded[r] = true;
    });
    plan_.session_code.push_back(in);
  }
  return Segment{begin, static_cast<std::uint32_t>(plan_.session_code.size())};
}

// The code after the update program in a stage's session program
// (StagePlan::session_program): first what runs at every session whatever
// decides it, a streak's push and the code of its element (a streak counts
// every session of its stage); then the rules in the order they take
// precedence, each its remaining code and a Decide.
std::vector<Instr> Compiler::deciding_code(const StagePlan& stage) const {
  std::vector<int> deciding;
  for (const int r : stage.evaluated) {
    if (plan_.rules[static_cast<std::size_t>(r)].tier != Tier::Cue) deciding.push_back(r);
  }
  std::vector<bool> always(plan_.code.size(), false);
  std::vector<bool> needed(plan_.registers, false);
  std::vector<Instr> out;
  for (const int r : deciding) {
    const Segment code = plan_.rules[static_cast<std::size_t>(r)].code;
    for (std::uint32_t i = code.end; i-- > code.begin;) {
      const Instr& in = plan_.code[i];
      always[i] = in.op == OpCode::StreakPush || needed[in.dst];
      if (always[i]) for_each_operand(in, [&](std::uint32_t reg) { needed[reg] = true; });
    }
    for (std::uint32_t i = code.begin; i < code.end; ++i) {
      if (always[i]) out.push_back(plan_.code[i]);
    }
  }
  std::stable_sort(deciding.begin(), deciding.end(), [&](int a, int b) {
    return plan_.rules[static_cast<std::size_t>(a)].tier < plan_.rules[static_cast<std::size_t>(b)].tier;
  });
  for (const int r : deciding) {
    const RulePlan& rule = plan_.rules[static_cast<std::size_t>(r)];
    for (std::uint32_t i = rule.code.begin; i < rule.code.end; ++i) {
      if (!always[i]) out.push_back(plan_.code[i]);
    }
    out.push_back(Instr{OpCode::Decide, 0, rule.result, static_cast<std::uint32_t>(r)});
  }
  return out;
}

void Compiler::lay_out_sessions() {
  for (auto& stage : plan_.stages) stage.session_program = lay_out_program(deciding_code(stage));
  plan_.history_program = lay_out_program({});
}

// Each register's kind, from what writes it: the evaluator keeps bare Bounds,
// and explanations turn them back into Values with this.
void Compiler::assign_register_kinds() {
  std::vector<std::uint8_t>& boolean = plan_.boolean_register;
  boolean.assign(plan_.registers, 0);
  const auto flag = [&](std::uint32_t input) { return plan_.inputs[input].kind == ast::InputKind::Flag; };
  for (std::size_t i = 0; i < plan_.constants.size(); ++i) {
    boolean[plan_.constants[i].reg] = constant_values_[i].is_boolean();
  }
  for (const auto& p : plan_.loads.flags) boolean[p.reg] = true;
  for (const auto& p : plan_.baseline_registers) boolean[p.reg] = flag(p.index);
  for (const auto& p : plan_.loads.missing) boolean[p.reg] = true;
  for (const Instr& in : plan_.code) {
    switch (in.op) {
      case OpCode::Missing: case OpCode::Not:
      case OpCode::Lt: case OpCode::Le: case OpCode::Gt: case OpCode::Ge:
      case OpCode::Eq: case OpCode::Ne: case OpCode::And: case OpCode::Or:
      case OpCode::StreakRead:
        boolean[in.dst] = true;
        break;
      case OpCode::WindowRead: {
        const BuiltinFunction f = plan_.windows[in.a].function;
        boolean[in.dst] = f == BuiltinFunction::All || f == BuiltinFunction::Any;
        break;
      }
      case OpCode::PreviousRead: boolean[in.dst] = boolean[plan_.previous[in.a].element]; break;
      case OpCode::Latest: boolean[in.dst] = flag(in.a); break;
      default: break;
    }
  }
  // A boolean is never undefined in a register: an undefined boolean reads as unknown.
  for (std::size_t i = 0; i < plan_.constants.size(); ++i) {
    Plan::Constant& c = plan_.constants[i];
    const Value& v = constant_values_[i];
    c.value = boolean[c.reg] && v.is_undefined() ? Bounds{0, 1} : to_bounds(v);
    c.comparable = is_known(c.value) && std::isfinite(c.value.lo);
    if (c.comparable) c.threshold = threshold_of(c.value.lo);
  }
  for (std::size_t i = 0; i < plan_.previous.size(); ++i) {
    PreviousPlan& p = plan_.previous[i];
    const Value& absent = previous_absent_[i];
    p.absent = boolean[p.element] && absent.is_undefined() ? Bounds{0, 1} : to_bounds(absent);
  }
  for (auto& stage : plan_.stages) {
    for (const int r : stage.evaluated) {
      const RulePlan& rule = plan_.rules[static_cast<std::size_t>(r)];
      stage.judged.push_back(StagePlan::Judged{rule.result, rule.tier, r});
    }
  }
}

}  // namespace

int Plan::stage_index(std::string_view stage_id) const {
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].id == stage_id) return static_cast<int>(i);
  }
  return -1;
}

std::shared_ptr<const Plan> make_plan(ast::Protocol checked) {
  auto plan = std::make_shared<Plan>();
  plan->ast = std::move(checked);
  Compiler(*plan).run();
  if (plan->ast.source) plan->source_sha256 = sha256_hex(plan->ast.source->text());
  return plan;
}

}  // namespace gradus::eval

// The parser's driver: refuses hostile files (size, encoding), splits the
// text into statement lines, separates comments, picks each statement's rule
// by its first word (parser_statements.cpp) and places the results in the
// protocol: a stage belongs to the last phase, a clause to the last stage,
// rules right after `safety` to safety. A bad line is reported and skipped,
// so one run reports several errors.
#include "dsl/syntax/parser.hpp"

#include <algorithm>
#include <cstdio>

#include "dsl/diag/suggest.hpp"
#include "dsl/source/encoding.hpp"
#include "dsl/syntax/parser_internal.hpp"

namespace gradus {
namespace {

using namespace parser_detail;

constexpr std::size_t kMaxSyntaxErrors = 25;

void add(Diagnostics& out, DiagnosticBuilder& d) { out.push_back(std::move(d.d)); }

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string describe_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// Where parentheses first nest deeper than `limit` on this line (outside
// strings and comments), if they do. Checked before anything else so a line
// of 100,000 '(' is refused in one linear scan.
std::optional<std::size_t> too_deep(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      in_string = !in_string;
    } else if (in_string) {
      continue;
    } else if (c == '#') {
      break;
    } else if (c == '(') {
      if (++depth > limit) return i;
    } else if (c == ')' && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

class Driver {
 public:
  Driver(SourcePtr source, const ParseLimits& limits, Diagnostics& diagnostics)
      : source_(source), limits_(limits), diagnostics_(diagnostics), context_(source, limits, diagnostics) {
    protocol_.source = std::move(source);
  }

  ast::Protocol run() {
    const std::uint32_t lines = source_->line_count();
    for (std::uint32_t line = 1; line <= lines && !stopped_; ++line) read_line(line);
    protocol_.trailing_comments = std::move(pending_);
    if (!protocol_seen_ && !protocol_failed_ && !stopped_) {
      const Span at = first_statement_.valid() ? first_statement_ : source_->span(0, 0);
      add(diagnostics_, error(source_, at, "G0105", "missing the 'protocol' line")
                                 .label(first_statement_.valid() ? "expected 'protocol ID \"Title\"' before this" : "")
                                 .help("start the file with a line like: protocol my_protocol \"Title\""));
    }
    return std::move(protocol_);
  }

 private:
  enum class Scope { Top, Safety, Stage, Lost };

  void read_line(std::uint32_t line) {
    std::size_t start = source_->line_start(line);
    std::string_view text = source_->line_text(line);
    if (line == 1) {
      const std::size_t bom = bom_size(text);
      start += bom;
      text.remove_prefix(bom);
    }
    std::size_t word = 0;
    while (word < text.size() && is_blank(text[word])) ++word;
    const std::size_t word_begin = word;
    while (word < text.size() && word - word_begin < 32 && is_word_byte(text[word])) ++word;
    if (auto at = too_deep(text, limits_.max_expression_depth)) {
      const bool session = text.substr(word_begin, word - word_begin) == "session";
      report(error(source_, source_->span(start + *at, start + *at + 1), "G0004",
                   std::string(session ? "session" : "expression") + " nested too deeply (limit " + std::to_string(limits_.max_expression_depth) + ")")
                 .label("this '(' is one level too deep")
                 .help(session ? "nest fewer repeat groups" : "split it into `let` definitions"));
      failed(text.substr(word_begin, word - word_begin));
      return;
    }
    if (text.size() > limits_.max_line_bytes) {
      report(error(source_, source_->span(start, start), "G0005",
                   "line is " + std::to_string(text.size()) + " bytes long; the limit is " +
                       describe_size(limits_.max_line_bytes))
                 .help("a statement fits on one line of ordinary length; is this the right file?"));
      failed(text.substr(word_begin, word - word_begin));
      return;
    }

    // Find the code and the comment: '#' outside a string starts a comment.
    std::size_t code_begin = 0;
    while (code_begin < text.size() && is_blank(text[code_begin])) ++code_begin;
    std::size_t hash = text.size();
    std::size_t open_quote = std::string_view::npos;
    for (std::size_t i = code_begin; i < text.size(); ++i) {
      if (text[i] == '"') {
        open_quote = open_quote == std::string_view::npos ? i : std::string_view::npos;
      } else if (text[i] == '#' && open_quote == std::string_view::npos) {
        hash = i;
        break;
      }
    }
    std::size_t code_end = hash;
    while (code_end > code_begin && is_blank(text[code_end - 1])) --code_end;
    std::size_t word_end = code_begin;
    // Non-ASCII letters count as part of a word, so `étape` is an unknown keyword.
    while (word_end < code_end && (is_word_byte(text[word_end]) || static_cast<unsigned char>(text[word_end]) >= 0x80)) {
      ++word_end;
    }
    const std::string_view keyword = text.substr(code_begin, word_end - code_begin);

    if (open_quote != std::string_view::npos) {
      std::size_t end = text.size();
      while (end > open_quote && is_blank(text[end - 1])) --end;
      report(error(source_, source_->span(start + open_quote, start + end), "G0102", "unterminated string")
                 .label("this string has no closing '\"'")
                 .help("strings end on their line: add '\"' at the end of the text"));
      failed(keyword);
      return;
    }

    std::optional<ast::Comment> comment;
    if (hash < text.size()) {
      std::size_t end = text.size();
      while (end > hash && is_blank(text[end - 1])) --end;
      comment = ast::Comment{std::string(text.substr(hash, end - hash)), source_->span(start + hash, start + end)};
    }
    if (code_begin == code_end) {
      if (comment) {
        pending_.push_back(std::move(*comment));
      } else if (pending_.empty()) {
        pending_blank_ = true;
      }
      return;
    }

    StatementLine statement{line, start + code_begin, start + code_end, keyword, start};
    if (!first_statement_.valid()) first_statement_ = source_->span(statement.begin, statement.begin + keyword.size());
    const auto& keywords = statement_keywords();
    if (std::find(keywords.begin(), keywords.end(), keyword) == keywords.end()) {
      unknown_keyword(statement);
      failed(keyword);
      return;
    }
    const std::size_t before = diagnostics_.size();
    auto parsed = parse_statement(statement, context_);
    if (!parsed) {
      count_errors(before);
      failed(keyword);
      return;
    }
    ast::Trivia trivia{std::move(pending_), std::move(comment), pending_blank_};
    pending_.clear();
    pending_blank_ = false;
    place(std::move(*parsed), statement, std::move(trivia));
  }

  void unknown_keyword(const StatementLine& statement) {
    const std::string_view text = source_->text();
    if (statement.keyword.empty()) {
      std::size_t end = statement.begin + 1;
      while (end < statement.end && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      report(error(source_, source_->span(statement.begin, end), "G0101", "expected a statement keyword")
                 .label("found '" + printable(text.substr(statement.begin, end - statement.begin)) + "'")
                 .help("a statement starts with a word such as protocol, input, let, stage, session or advance"));
      return;
    }
    const std::string word(statement.keyword);
    auto d = error(source_, source_->span(statement.begin, statement.begin + word.size()), "G0103",
                   "unknown keyword '" + printable(word) + "'")
                 .label("a statement cannot start with this");
    if (auto match = closest_match(word, statement_keywords())) {
      d.help("did you mean '" + *match + "'?");
    } else {
      d.help("a statement starts with one of: protocol, version, source, order, max, input, let, safety, phase, stage, "
             "session, frequency, min days, advance, hold, regress, refer, discharge, cue");
    }
    report(d);
  }

  // A statement that could not be parsed: forget its comments, and if it
  // opened a scope, drop the clauses that follow instead of misplacing them.
  void failed(std::string_view keyword) {
    pending_.clear();
    pending_blank_ = false;
    if (keyword == "stage" || keyword == "phase" || keyword == "safety") scope_ = Scope::Lost;
    if (keyword == "protocol") protocol_failed_ = true;
  }

  void report(DiagnosticBuilder& d) {
    const std::size_t before = diagnostics_.size();
    diagnostics_.push_back(std::move(d.d));
    count_errors(before);
  }
  void report(DiagnosticBuilder&& d) { report(d); }

  void count_errors(std::size_t before) {
    syntax_errors_ += diagnostics_.size() - before;
    if (syntax_errors_ >= kMaxSyntaxErrors && !diagnostics_.empty()) {
      diagnostics_.back().notes.push_back("stopped after " + std::to_string(kMaxSyntaxErrors) +
                                          " syntax errors; fix these and run again");
      stopped_ = true;
    }
  }

  Span keyword_span(const StatementLine& s) const { return source_->span(s.begin, s.begin + s.keyword.size()); }

  template <typename T>
  void header(std::optional<ast::HeaderField<T>>& slot, ast::HeaderField<T>&& field, const StatementLine& s,
              ast::Trivia&& trivia) {
    if (slot) {
      report(error(source_, field.span, "G0104", "'" + std::string(s.keyword) + "' is given twice")
                 .secondary(slot->span, "first given here")
                 .help("keep one of the two lines"));
      return;
    }
    field.trivia = std::move(trivia);
    slot = std::move(field);
  }

  ast::Stage* current_stage() {
    return scope_ == Scope::Stage ? &protocol_.phases.back().stages.back() : nullptr;
  }

  // A stage clause outside a stage, or reports and returns null.
  ast::Stage* stage_for_clause(const StatementLine& s, std::string what) {
    if (scope_ == Scope::Lost) return nullptr;  // the stage line itself was wrong and is reported
    ast::Stage* stage = current_stage();
    if (!stage) {
      report(error(source_, keyword_span(s), "G0106", what + " is outside a stage")
                 .help("write it under a line like: stage r1 \"Run 1, walk 4\""));
    }
    return stage;
  }

  template <typename T>
  void clause(std::optional<T>& slot, T&& value, const StatementLine& s) {
    if (slot) {
      const ast::Stage* stage = current_stage();
      report(error(source_, keyword_span(s), "G0107",
                   "stage '" + stage->id + "' has two '" + std::string(s.keyword == "min" ? "min days" : s.keyword) +
                       "' lines")
                 .secondary(slot->span, "the first one")
                 .help("a stage has one; keep the right one"));
      return;
    }
    slot = std::move(value);
  }

  void place(Statement&& statement, const StatementLine& s, ast::Trivia&& trivia) {
    if (auto* p = std::get_if<ProtocolLine>(&statement)) {
      if (protocol_seen_) {
        report(error(source_, p->span, "G0104", "'protocol' is given twice")
                   .secondary(protocol_.span, "first given here")
                   .help("a file holds one protocol"));
        return;
      }
      protocol_seen_ = true;
      protocol_.id = std::move(p->id);
      protocol_.id_span = p->id_span;
      protocol_.title = std::move(p->title);
      protocol_.span = p->span;
      protocol_.trivia = std::move(trivia);
    } else if (auto* v = std::get_if<VersionLine>(&statement)) {
      header(protocol_.version, std::move(v->field), s, std::move(trivia));
    } else if (auto* c = std::get_if<SourceLine>(&statement)) {
      header(protocol_.citation, std::move(c->field), s, std::move(trivia));
    } else if (auto* o = std::get_if<OrderLine>(&statement)) {
      header(protocol_.order, std::move(o->field), s, std::move(trivia));
    } else if (auto* w = std::get_if<MaxWeeklyLine>(&statement)) {
      header(protocol_.max_weekly_increase, std::move(w->field), s, std::move(trivia));
    } else if (auto* a = std::get_if<MaxAdvancesLine>(&statement)) {
      header(protocol_.max_advances, std::move(a->field), s, std::move(trivia));
    } else if (auto* input = std::get_if<ast::Input>(&statement)) {
      input->trivia = std::move(trivia);
      protocol_.inputs.push_back(std::move(*input));
    } else if (auto* let = std::get_if<ast::Let>(&statement)) {
      let->trivia = std::move(trivia);
      protocol_.lets.push_back(std::move(*let));
    } else if (auto* safety = std::get_if<SafetyLine>(&statement)) {
      if (protocol_.has_safety) {
        report(error(source_, safety->span, "G0104", "'safety' is given twice")
                   .secondary(protocol_.safety_span, "first given here")
                   .help("put all safety rules under one 'safety' line"));
        scope_ = Scope::Lost;
        return;
      }
      protocol_.has_safety = true;
      protocol_.safety_span = safety->span;
      protocol_.safety_trivia = std::move(trivia);
      scope_ = Scope::Safety;
    } else if (auto* phase = std::get_if<PhaseLine>(&statement)) {
      ast::Phase added;
      added.name = std::move(phase->name);
      added.span = phase->span;
      added.trivia = std::move(trivia);
      protocol_.phases.push_back(std::move(added));
      scope_ = Scope::Top;
    } else if (auto* stage_line = std::get_if<StageLine>(&statement)) {
      if (protocol_.phases.empty()) protocol_.phases.emplace_back();  // implicit phase, empty name
      ast::Stage stage;
      stage.id = std::move(stage_line->id);
      stage.id_span = stage_line->id_span;
      stage.title = std::move(stage_line->title);
      stage.span = stage_line->span;
      stage.trivia = std::move(trivia);
      protocol_.phases.back().stages.push_back(std::move(stage));
      scope_ = Scope::Stage;
    } else if (auto* session = std::get_if<ast::Session>(&statement)) {
      session->trivia = std::move(trivia);
      if (ast::Stage* stage = stage_for_clause(s, "'session'")) clause(stage->session, std::move(*session), s);
    } else if (auto* frequency = std::get_if<ast::Frequency>(&statement)) {
      frequency->trivia = std::move(trivia);
      if (ast::Stage* stage = stage_for_clause(s, "'frequency'")) clause(stage->frequency, std::move(*frequency), s);
    } else if (auto* min_days = std::get_if<ast::MinDays>(&statement)) {
      min_days->trivia = std::move(trivia);
      if (ast::Stage* stage = stage_for_clause(s, "'min days'")) clause(stage->min_days, std::move(*min_days), s);
    } else if (auto* rule = std::get_if<ast::Rule>(&statement)) {
      rule->trivia = std::move(trivia);
      if (scope_ == Scope::Safety) {
        protocol_.safety.push_back(std::move(*rule));
      } else if (scope_ == Scope::Stage) {
        protocol_.phases.back().stages.back().rules.push_back(std::move(*rule));
      } else if (scope_ == Scope::Top) {
        report(error(source_, rule->keyword_span, "G0106", "'" + std::string(s.keyword) + "' rule is outside a stage")
                   .help("write rules under a stage, or under 'safety' to check them in every stage"));
      }
    }
  }

  SourcePtr source_;
  const ParseLimits& limits_;
  Diagnostics& diagnostics_;
  Context context_;
  ast::Protocol protocol_;

  Scope scope_ = Scope::Top;
  std::vector<ast::Comment> pending_;
  bool pending_blank_ = false;
  bool protocol_seen_ = false;
  bool protocol_failed_ = false;
  bool stopped_ = false;
  std::size_t syntax_errors_ = 0;
  Span first_statement_;
};

}  // namespace

namespace {

// Counts are checked after parsing (parsing is linear); the AST is dropped so
// no later pass works on a protocol above the limits.
void enforce_count_limits(ParseResult& result, const ParseLimits& limits) {
  const ast::Protocol& p = *result.protocol;
  std::size_t stages = 0, rules = p.safety.size();
  const ast::Stage* over_stage = nullptr;
  const ast::Rule* over_rule = rules > limits.max_rules ? &p.safety[limits.max_rules] : nullptr;
  for (const auto& phase : p.phases) {
    for (const auto& stage : phase.stages) {
      if (++stages == limits.max_stages + 1) over_stage = &stage;
      for (const auto& rule : stage.rules) {
        if (++rules == limits.max_rules + 1 && !over_rule) over_rule = &rule;
      }
    }
  }
  if (over_stage) {
    add(result.diagnostics, error(p.source, over_stage->span, "G0006",
                                  "too many stages: " + std::to_string(stages) + "; the limit is " +
                                      std::to_string(limits.max_stages))
                                .help("split the protocol into smaller ones, or raise ParseLimits::max_stages"));
  }
  if (over_rule) {
    add(result.diagnostics, error(p.source, over_rule->span, "G0006",
                                  "too many rules: " + std::to_string(rules) + "; the limit is " +
                                      std::to_string(limits.max_rules))
                                .help("split the protocol into smaller ones, or raise ParseLimits::max_rules"));
  }
  if (over_stage || over_rule) result.protocol.reset();
}

}  // namespace

ParseResult parse_protocol(SourcePtr source, const ParseLimits& limits) {
  ParseResult result;
  const std::string& text = source->text();
  if (text.size() > limits.max_file_bytes) {
    add(result.diagnostics, error(source, Span{}, "G0003",
                                       "file is too large: " + std::to_string(text.size()) + " bytes; the limit is " +
                                           describe_size(limits.max_file_bytes))
                                     .help("a protocol is a few kilobytes; check that this is the right file"));
    return result;
  }
  const auto problems = find_encoding_problems(text);
  if (!problems.empty()) {
    for (const auto& p : problems) {
      if (p.kind == EncodingProblemKind::Nul) {
        add(result.diagnostics, error(source, source->span(p.offset, p.offset + 1), "G0002", "NUL byte in text")
                                         .help("the file looks binary or was saved with a UTF-16 encoding; save it as UTF-8"));
      } else {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[p.offset]));
        add(result.diagnostics, error(source, source->span(p.offset, p.offset + 1), "G0001",
                                           std::string("invalid UTF-8: byte ") + hex + " does not start a valid character")
                                         .help("save the file as UTF-8"));
      }
    }
    return result;
  }
  Driver driver(source, limits, result.diagnostics);
  result.protocol = driver.run();
  if (result.protocol) enforce_count_limits(result, limits);
  return result;
}

}  // namespace gradus

#pragma once
// Shared between the parser's files: one statement line as the driver hands
// it to the statement parsers, and the statement values they hand back.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "dsl/syntax/parser.hpp"

namespace tao::pegtl::parse_tree {
struct node;
}

namespace gradus::parser_detail {

using Node = tao::pegtl::parse_tree::node;

// One statement: the code of one line, without its comment and the blanks
// around it. Offsets are bytes into Source::text().
struct StatementLine {
  std::uint32_t line = 0;
  std::size_t begin = 0;  // first byte of the statement's code
  std::size_t end = 0;    // one past its last non-blank byte before any comment
  std::string_view keyword;
  std::size_t line_start = 0;  // first byte of the line (after a BOM on line 1)
};

struct ProtocolLine {
  std::string id;
  Span id_span;
  std::optional<std::string> title;
  Span span;
};
struct VersionLine { ast::HeaderField<std::string> field; };
struct SourceLine { ast::HeaderField<std::string> field; };
struct OrderLine { ast::HeaderField<std::vector<ast::OrderDimension>> field; };
struct MaxWeeklyLine { ast::HeaderField<ast::Quantity> field; };
struct MaxAdvancesLine { ast::HeaderField<ast::MaxAdvances> field; };
struct SafetyLine { Span span; };
struct PhaseLine { std::string name; Span span; };
struct StageLine { std::string id; Span id_span; std::optional<std::string> title; Span span; };

using Statement = std::variant<ProtocolLine, VersionLine, SourceLine, OrderLine, MaxWeeklyLine, MaxAdvancesLine, ast::Input,
                               ast::Let, SafetyLine, PhaseLine, StageLine, ast::Session, ast::Frequency, ast::MinDays, ast::Rule>;

// Everything a statement parser needs: where the text is and where to report.
struct Context {
  Context(SourcePtr source_in, const ParseLimits& limits_in, Diagnostics& diagnostics_in)
      : source(std::move(source_in)), limits(limits_in), diagnostics(diagnostics_in) {}

  SourcePtr source;
  const ParseLimits& limits;
  Diagnostics& diagnostics;

  std::uint32_t line = 0;
  std::size_t line_start = 0;
  std::vector<std::uint32_t> columns;  // columns[i]: the column of byte line_start + i
  // Set when an operator chain is longer than 4 x max_expression_depth; the
  // chain is then not built out (a tree that deep would endanger later passes).
  bool expression_too_long = false;
  // Set to the first operator past the limit in a chain like `- - - x`.
  std::optional<std::size_t> prefix_too_deep_at;
  std::size_t max_tree_depth() const { return 4 * limits.max_expression_depth; }

  const char* base() const { return source->text().data(); }
  // Span of a parse-tree node, without the blanks a token rule consumed after it.
  Span span_of(const Node& node) const;
  // Spans inside the current statement come from a per-line column table:
  // Source::span counts columns from the line start, which is quadratic when
  // a long line has thousands of nodes.
  Span span(std::size_t begin, std::size_t end) const;
  void begin_statement(const StatementLine& line);
  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - base()); }
  void report(DiagnosticBuilder& d) { diagnostics.push_back(std::move(d.d)); }
  void report(DiagnosticBuilder&& d) { diagnostics.push_back(std::move(d.d)); }
};

// Parses one statement. On a syntax error reports it and returns nothing.
std::optional<Statement> parse_statement(const StatementLine& line, Context& context);

// Parse tree -> AST pieces (parser_build.cpp / parser_expr.cpp).
ast::Quantity make_quantity(const Node& number, const Node* unit, Context& context);
ast::ExprPtr build_expr(const Node& node, Context& context);

// A token as a message shows it: control characters escaped, long tokens cut.
std::string printable(std::string_view token);

// The statement keywords, for did-you-mean.
const std::vector<std::string_view>& statement_keywords();

}  // namespace gradus::parser_detail

#include "engine/log/log_prescan.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "engine/log/log_diag.hpp"

namespace gradus {

namespace {

// Length of the valid UTF-8 sequence starting at i, or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
  else return 0;
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

// Tracks nesting while walking the text once: flow brackets outside quoted
// scalars and comments, and block levels from indentation (including the
// compact `- - - x` form, where each `- ` opens a level on the same line).
class DepthScanner {
 public:
  DepthScanner(std::string_view text, std::size_t max_depth) : text_(text), max_(max_depth) {}

  // Byte offset where the limit is first exceeded, or npos.
  std::size_t scan() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const std::size_t end = line_end(i);
      const std::size_t hit = scan_line(i, end);
      if (hit != npos) return hit;
      i = end < text_.size() ? end + 1 : end;
    }
    return npos;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::size_t line_end(std::size_t i) const {
    const std::size_t nl = text_.find('\n', i);
    return nl == std::string_view::npos ? text_.size() : nl;
  }

  std::size_t scan_line(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    // Inside a multi-line quoted scalar: only look for its end.
    if (quote_ != 0) {
      i = skip_quoted(i, end);
      if (quote_ != 0) return npos;
    } else {
      std::size_t indent = 0;
      while (i < end && text_[i] == ' ') { ++indent; ++i; }
      const bool blank = i >= end || text_[i] == '\r' || text_[i] == '#';
      if (block_scalar_indent_ != npos) {
        if (blank || indent > block_scalar_indent_) return npos;  // text of a `|` or `>` scalar
        block_scalar_indent_ = npos;
      }
      if (blank) return npos;
      if (flow_ == 0) {
        // Block structure: pop levels indented at least as deep, then push
        // this line's level and one more per compact `- `/`? ` indicator.
        while (!indents_.empty() && indents_.back() >= indent) indents_.pop_back();
        indents_.push_back(indent);
        std::size_t col = indent;
        while (i + 1 < end && (text_[i] == '-' || text_[i] == '?') && text_[i + 1] == ' ') {
          i += 2;
          col += 2;
          while (i < end && text_[i] == ' ') { ++i; ++col; }
          indents_.push_back(col);
          if (depth() > max_) return i;
        }
        if (depth() > max_) return i;
        line_indent_ = indent;
      }
    }
    char prev = ' ';  // last significant character on this line
    for (; i < end; ++i) {
      const char c = text_[i];
      if (c == '#' && (i == begin || text_[i - 1] == ' ' || text_[i - 1] == '\t')) break;
      if ((c == '"' || c == '\'') && starts_scalar(prev)) {
        quote_ = c;
        i = skip_quoted(i + 1, end);
        if (quote_ != 0) return npos;
        prev = 'x';
        --i;
        continue;
      }
      if (c == '[' || c == '{') {
        ++flow_;
        if (depth() > max_) return i;
      } else if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
      } else if ((c == '|' || c == '>') && flow_ == 0 && starts_scalar(prev) && rest_is_header(i + 1, end)) {
        block_scalar_indent_ = line_indent_;
        return npos;
      }
      if (c != ' ' && c != '\t' && c != '\r') prev = c;
    }
    return npos;
  }

  // A quote opens a quoted scalar only where a scalar can start; elsewhere
  // (`don't`) it is part of a plain scalar.
  static bool starts_scalar(char prev) {
    return prev == ' ' || prev == ':' || prev == '-' || prev == '[' || prev == '{' || prev == ',' || prev == '?';
  }

  // After `|` or `>`: only indicators, spaces and a comment.
  bool rest_is_header(std::size_t i, std::size_t end) const {
    for (; i < end; ++i) {
      const char c = text_[i];
      if (c == '#') return true;
      if (c != '+' && c != '-' && c != ' ' && c != '\r' && (c < '1' || c > '9')) return false;
    }
    return true;
  }

  // From i, find the closing quote of the open scalar; returns the index after it
  // (and clears quote_), or `end` if the scalar continues on the next line.
  std::size_t skip_quoted(std::size_t i, std::size_t end) {
    for (; i < end; ++i) {
      const char c = text_[i];
      if (quote_ == '"' && c == '\\') { ++i; continue; }
      if (c == quote_) {
        if (quote_ == '\'' && i + 1 < end && text_[i + 1] == '\'') { ++i; continue; }
        quote_ = 0;
        return i + 1;
      }
    }
    return end;
  }

  std::size_t depth() const { return indents_.size() + flow_; }

  std::string_view text_;
  std::size_t max_;
  std::vector<std::size_t> indents_;
  std::size_t flow_ = 0;
  char quote_ = 0;
  std::size_t line_indent_ = 0;
  std::size_t block_scalar_indent_ = npos;
};

}  // namespace

bool prescan_log(const SourcePtr& source, const LogPrescanLimits& limits, Diagnostics& out) {
  const std::string_view text = source->text();
  if (text.size() > limits.max_bytes) {
    out.push_back(take(error(source, Span{}, "G0003",
                        "log is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                            std::to_string(limits.max_bytes))
                      .help("split the log, or raise the limit if this log is genuine")));
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      out.push_back(take(error(source, source->span(i, i + 1), "G0002", "NUL byte in the log").label("here")));
      return false;
    }
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out.push_back(take(error(source, source->span(i, i + 1), "G0001", "invalid UTF-8 in the log")
                        .help("save the log as UTF-8")));
      return false;
    }
    i += n;
  }
  DepthScanner scanner(text, limits.max_depth);
  const std::size_t at = scanner.scan();
  if (at != DepthScanner::npos) {
    out.push_back(take(error(source, source->span(at, at + 1), "G0004",
                        "log is nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)")
                      .help("a log is a map of entries, each a map of values: it needs 3 levels")));
    return false;
  }
  return true;
}

}  // namespace gradus

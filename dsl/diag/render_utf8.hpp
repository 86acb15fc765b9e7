#pragma once
// Making file text safe to print: diagnostics quote user files, which may hold
// invalid UTF-8 (that is what G0001 reports), NUL bytes or terminal escape
// sequences. Renderers print text through these helpers so a hostile or
// damaged file can neither corrupt the output encoding nor drive the terminal.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gradus {

// The text with every invalid byte and every control character (other than
// tab, which becomes a space) replaced by U+FFFD.
std::string printable(std::string_view text);

// One source line as it is shown under a gutter: tabs expanded to the next
// multiple of tab_width, invalid bytes and control characters shown as U+FFFD,
// and for every code-point column (the columns of a Span) where it starts on
// screen, so carets can be placed under the right characters.
class DisplayLine {
 public:
  DisplayLine(std::string_view line, unsigned tab_width);

  const std::string& text() const { return text_; }
  // 0-based screen column where 1-based code-point column `column` starts;
  // columns past the end of the line map to the end.
  std::uint32_t screen_column(std::uint32_t column) const;
  std::uint32_t width() const { return starts_.back(); }
  // The text shown in screen columns [from, to).
  std::string slice(std::uint32_t from, std::uint32_t to) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> starts_;  // starts_[c - 1] for code point c; back() is the end of the line
  std::vector<std::size_t> cells_;     // byte offset in text_ of each screen column, then text_.size()
};

}  // namespace gradus

#include "dsl/diag/render_utf8.hpp"

#include <algorithm>

namespace gradus {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

bool is_control(unsigned char b) { return b < 0x20 || b == 0x7F; }

// Length of the valid UTF-8 sequence starting at text[i], or 0 when the
// bytes there are not one (overlong forms and surrogates are invalid).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return 0;
  }
  return length;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = sequence_length(text, i);
    if (b == '\t') {
      out += ' ';
      i += 1;
    } else if (n == 0 || (n == 1 && is_control(b))) {
      out += kReplacement;
      i += 1;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

DisplayLine::DisplayLine(std::string_view line, unsigned tab_width) {
  if (tab_width == 0) tab_width = 1;
  std::uint32_t screen = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
    // Source counts a column for every byte that is not a continuation byte;
    // follow the same rule so span columns and screen columns agree even on
    // damaged text. A stray continuation byte gets screen space but no column.
    if (!is_continuation(b)) starts_.push_back(screen);
    const std::size_t n = sequence_length(line, i);
    // Every screen column is one cell of text_: a space of an expanded
    // tab, a replacement character or one character of the line.
    if (b == '\t') {
      const std::uint32_t next = (screen / tab_width + 1) * tab_width;
      for (; screen < next; ++screen) {
        cells_.push_back(text_.size());
        text_ += ' ';
      }
      i += 1;
    } else if (n == 0 || (n == 1 && is_control(b))) {
      cells_.push_back(text_.size());
      text_ += kReplacement;
      screen += 1;
      i += 1;
    } else {
      cells_.push_back(text_.size());
      text_.append(line.substr(i, n));
      screen += 1;
      i += n;
    }
  }
  starts_.push_back(screen);
  cells_.push_back(text_.size());
}

std::string DisplayLine::slice(std::uint32_t from, std::uint32_t to) const {
  const std::uint32_t w = width();
  to = std::min(to, w);
  from = std::min(from, to);
  return text_.substr(cells_[from], cells_[to] - cells_[from]);
}

std::uint32_t DisplayLine::screen_column(std::uint32_t column) const {
  if (column == 0) column = 1;
  if (column > starts_.size()) return starts_.back();
  return starts_[column - 1];
}

}  // namespace gradus

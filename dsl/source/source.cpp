#include "dsl/source/source.hpp"

#include <algorithm>

namespace gradus {

Source::Source(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  line_multibyte_.push_back(false);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      line_starts_.push_back(i + 1);
      line_multibyte_.push_back(false);
    } else if (c >= 0x80) {
      line_multibyte_.back() = true;
    }
  }
}

std::size_t Source::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::pair<std::uint32_t, std::uint32_t> Source::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  if (!line_multibyte_[line - 1]) return {line, static_cast<std::uint32_t>(offset - start + 1)};
  // A byte order mark is not a character of line 1.
  if (line == 1 && offset >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  // Count code points: every byte that is not a UTF-8 continuation byte.
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

Span Source::span(std::size_t begin, std::size_t end) const {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  Span s;
  s.begin = static_cast<std::uint32_t>(begin);
  s.end = static_cast<std::uint32_t>(end);
  std::tie(s.line, s.column) = position(begin);
  std::tie(s.end_line, s.end_column) = position(end);
  return s;
}

std::string_view Source::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t stop = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view view(text_.data() + start, stop - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

}  // namespace gradus

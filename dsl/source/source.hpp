#pragma once
// A protocol or log file held in memory, with a line index so spans can be
// turned into line:column and the source line quoted in diagnostics.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gradus {

// A half-open byte range [begin, end) in one Source, with the 1-based
// line/column of both ends. Columns count Unicode characters (code points),
// not bytes, so carets line up under non-ASCII text (docs/diagnostics.md).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t line = 0;  // 0 means "no position" (e.g. a whole-file finding)
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  bool valid() const { return line != 0; }
  std::uint32_t size() const { return end - begin; }
};

class Source {
 public:
  Source(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Span for a byte range; clamps to the text.
  Span span(std::size_t begin, std::size_t end) const;
  // 1-based line and column (code points) of a byte offset.
  std::pair<std::uint32_t, std::uint32_t> position(std::size_t offset) const;
  // The text of a 1-based line without its line ending (CR or LF).
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // Byte offset where a 1-based line starts.
  std::size_t line_start(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  // Lines with a multi-byte character: elsewhere a column is the byte
  // distance (a log of a thousand entries asks for thousands of positions).
  std::vector<bool> line_multibyte_;
};

using SourcePtr = std::shared_ptr<const Source>;

}  // namespace gradus

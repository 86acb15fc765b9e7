#include "dsl/source/encoding.hpp"

namespace gradus {

std::size_t bom_size(std::string_view text) {
  return text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t offset) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(offset);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 == 0xE0) {
    length = 3, lo = 0xA0;  // no overlong three-byte forms
  } else if (b0 >= 0xE1 && b0 <= 0xEC) {
    length = 3;
  } else if (b0 == 0xED) {
    length = 3, hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xEE && b0 <= 0xEF) {
    length = 3;
  } else if (b0 == 0xF0) {
    length = 4, lo = 0x90;  // no overlong four-byte forms
  } else if (b0 >= 0xF1 && b0 <= 0xF3) {
    length = 4;
  } else if (b0 == 0xF4) {
    length = 4, hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // continuation byte, C0/C1 (overlong), F5..FF
  }
  if (offset + length > text.size()) return 0;  // truncated
  const unsigned char b1 = byte(offset + 1);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(offset + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::vector<EncodingProblem> find_encoding_problems(std::string_view text, std::size_t max_problems) {
  std::vector<EncodingProblem> problems;
  std::size_t i = bom_size(text);
  while (i < text.size() && problems.size() < max_problems) {
    const char c = text[i];
    std::optional<EncodingProblemKind> kind;
    std::size_t length = 1;
    if (c == '\0') {
      kind = EncodingProblemKind::Nul;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      length = utf8_sequence_length(text, i);
      if (length == 0) kind = EncodingProblemKind::InvalidUtf8;
    }
    if (!kind) {
      i += length;
      continue;
    }
    problems.push_back({*kind, i});
    // One problem per line is enough to point at; go to the next line.
    const auto newline = text.find('\n', i);
    if (newline == std::string_view::npos) break;
    i = newline + 1;
  }
  return problems;
}

}  // namespace gradus

#pragma once
// Checks that a text file is what the language accepts: UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
// sequences) with no NUL bytes. A leading byte order mark is allowed.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace gradus {

enum class EncodingProblemKind { InvalidUtf8, Nul };

struct EncodingProblem {
  EncodingProblemKind kind;
  std::size_t offset;  // byte offset of the first bad byte
};

// 3 when `text` starts with the UTF-8 byte order mark EF BB BF, else 0.
std::size_t bom_size(std::string_view text);

// Length of the valid UTF-8 sequence at `offset`, or 0 when the bytes there
// are not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view text, std::size_t offset);

// The first problem on each line, in file order, at most `max_problems`.
std::vector<EncodingProblem> find_encoding_problems(std::string_view text, std::size_t max_problems = 20);

}  // namespace gradus

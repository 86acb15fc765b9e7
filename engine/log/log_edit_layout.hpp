#pragma once
// Where a loaded log's entries sit in its text, so an edit can touch only the
// lines of one entry and keep everything else byte for byte (comments, blank
// lines, key order, quoting, other entries). Only the block layout that
// docs/logs.md shows is understood: a top-level `entries:` followed by
// `- key: value` items (or `entries: []`). Anything else (a flow list
// `entries: [{...}]`, an entry written as `- {date: ...}`) is reported as not
// editable and the caller writes nothing.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/log/log.hpp"

namespace gradus {

struct TextLine {
  std::size_t begin = 0;     // first byte (after a BOM on line 1)
  std::size_t end = 0;       // before the line ending
  std::size_t next = 0;      // start of the next line (end of text on the last)
};

struct KeyLine {
  std::string key;
  std::size_t line = 0;       // index into LogLayout::lines
  std::size_t last_line = 0;  // last line of its value (block or multi-line scalars)
  std::size_t after_colon = 0;  // byte just after the key's colon
};

struct EntryBlock {
  std::size_t start = 0;        // line of the `-`
  std::size_t content_end = 0;  // one past the last line that is not blank or a comment
  std::size_t key_column = 0;   // column of the entry's keys
  std::vector<KeyLine> keys;
};

struct LogLayout {
  std::vector<TextLine> lines;
  std::string eol = "\n";        // the file's line ending ("\r\n" kept)
  std::size_t entries_line = 0;  // the `entries:` line
  bool empty_flow = false;       // `entries: []`
  std::size_t empty_flow_begin = 0, empty_flow_end = 0;  // bytes of ` []` to remove
  std::size_t item_indent = 2;   // column of the `-`
  std::size_t key_offset = 2;    // key column minus dash column
  bool blank_between = false;    // entries are separated by a blank line
  std::vector<EntryBlock> entries;  // one per Log entry, same order
};

// The layout of `log`'s text, or nullopt with `why` set when the text is not
// in the block layout this editor understands.
std::optional<LogLayout> scan_log_layout(const Log& log, std::string& why);

// The value part of a key's single line: [begin, end) bytes, after `key:` and
// spaces, before a trailing comment. begin == end for a key with no value.
std::pair<std::size_t, std::size_t> value_extent(std::string_view text, const TextLine& line, std::size_t after_colon);

}  // namespace gradus

#include "engine/log/log_edit_layout.hpp"

namespace gradus {

namespace {

struct Scanner {
  std::string_view text;
  const std::vector<TextLine>& lines;

  std::string_view at(std::size_t i) const { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); }
  std::size_t indent(std::size_t i) const {
    const auto s = at(i);
    std::size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
  }
  bool blank(std::size_t i) const { return indent(i) == at(i).size(); }
  bool comment(std::size_t i) const {
    const auto s = at(i);
    const std::size_t n = indent(i);
    return n < s.size() && s[n] == '#';
  }
  bool content(std::size_t i) const { return !blank(i) && !comment(i); }
  // A `-` item marker at `column` (followed by a space or the end of the line).
  bool dash_at(std::size_t i, std::size_t column) const {
    const auto s = at(i);
    return indent(i) == column && column < s.size() && s[column] == '-' &&
           (column + 1 == s.size() || s[column + 1] == ' ');
  }
};

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
    std::size_t end = stop;
    if (end > pos && text[end - 1] == '\r') --end;
    lines.push_back({pos, end, nl == std::string_view::npos ? text.size() : nl + 1});
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return lines;
}

// `key:` at byte `column` of a line: the key and the byte just after the colon.
std::optional<std::pair<std::string, std::size_t>> key_at(std::string_view line, std::size_t column) {
  if (column >= line.size()) return std::nullopt;
  std::size_t i = column;
  std::string key;
  if (line[i] == '"' || line[i] == '\'') {
    const char q = line[i++];
    while (i < line.size() && line[i] != q) {
      if (q == '"' && line[i] == '\\') return std::nullopt;  // escapes in keys: not worth guessing
      key += line[i++];
    }
    if (i >= line.size()) return std::nullopt;
    ++i;
    if (i >= line.size() || line[i] != ':') return std::nullopt;
  } else {
    if (line[i] == '{' || line[i] == '[' || line[i] == '#' || line[i] == '-' || line[i] == '&' || line[i] == '*' ||
        line[i] == '?')
      return std::nullopt;
    while (i < line.size() && !(line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' '))) ++i;
    if (i >= line.size()) return std::nullopt;
    key = std::string(line.substr(column, i - column));
    while (!key.empty() && key.back() == ' ') key.pop_back();
  }
  return std::pair{key, i + 1};
}

bool starts_block_scalar(std::string_view text, const TextLine& line, std::size_t after_colon) {
  std::size_t i = after_colon;
  while (i < line.end && text[i] == ' ') ++i;
  return i < line.end && (text[i] == '|' || text[i] == '>');
}

}  // namespace

std::pair<std::size_t, std::size_t> value_extent(std::string_view text, const TextLine& line, std::size_t after_colon) {
  std::size_t i = after_colon;
  while (i < line.end && (text[i] == ' ' || text[i] == '\t')) ++i;
  const std::size_t begin = i;
  if (i >= line.end || text[i] == '#') return {begin, begin};
  if (text[i] == '"' || text[i] == '\'') {
    const char q = text[i++];
    while (i < line.end) {
      if (q == '"' && text[i] == '\\') { i += 2; continue; }
      if (text[i] == q) {
        if (q == '\'' && i + 1 < line.end && text[i + 1] == '\'') { i += 2; continue; }
        return {begin, i + 1};
      }
      ++i;
    }
    return {begin, line.end};
  }
  std::size_t end = begin;
  while (i < line.end) {
    if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    ++i;
    if (text[i - 1] != ' ' && text[i - 1] != '\t') end = i;
  }
  return {begin, end};
}

std::optional<LogLayout> scan_log_layout(const Log& log, std::string& why) {
  const std::string_view text = log.source->text();
  LogLayout layout;
  layout.lines = split_lines(text);
  const Scanner sc{text, layout.lines};
  const std::size_t n = layout.lines.size();
  if (!layout.lines.empty() && text.substr(layout.lines[0].end, 2) == "\r\n") layout.eol = "\r\n";

  // The top-level `entries:` key.
  std::optional<std::size_t> entries_line;
  for (std::size_t i = 0; i < n; ++i) {
    const auto s = sc.at(i);
    if (s.starts_with("entries:") && (s.size() == 8 || s[8] == ' ' || s[8] == '\t')) {
      if (entries_line) {
        why = "`entries:` appears twice at the top level";
        return std::nullopt;
      }
      entries_line = i;
    }
  }
  if (!entries_line) {
    why = "no top-level `entries:` line (is the log indented or written in flow style?)";
    return std::nullopt;
  }
  layout.entries_line = *entries_line;
  {
    const TextLine& l = layout.lines[*entries_line];
    std::size_t i = l.begin + 8;
    while (i < l.end && text[i] == ' ') ++i;
    if (i < l.end && text[i] == '[') {
      std::size_t j = i + 1;
      while (j < l.end && text[j] == ' ') ++j;
      std::size_t k = j < l.end && text[j] == ']' ? j + 1 : l.end + 1;
      while (k < l.end && text[k] == ' ') ++k;
      if (k <= l.end && (k == l.end || text[k] == '#') && log.entries.empty()) {
        layout.empty_flow = true;
        layout.empty_flow_begin = l.begin + 8;
        layout.empty_flow_end = k;  // up to a trailing comment or the line end
        return layout;
      }
      why = "`entries:` is written as a flow list `[...]`";
      return std::nullopt;
    }
    if (i < l.end && text[i] != '#') {
      why = "`entries:` has its list on the same line";
      return std::nullopt;
    }
  }

  // The items of the block list.
  std::size_t first = *entries_line + 1;
  while (first < n && !sc.content(first)) ++first;
  if (first >= n || !sc.dash_at(first, sc.indent(first))) {
    why = "the entries are not a block list of `- date: ...` items";
    return std::nullopt;
  }
  layout.item_indent = sc.indent(first);
  const std::size_t item_col = layout.item_indent;
  std::vector<std::size_t> starts;
  std::size_t list_end = n;
  for (std::size_t i = first; i < n; ++i) {
    if (!sc.content(i)) continue;
    const std::size_t ind = sc.indent(i);
    if (sc.dash_at(i, item_col)) {
      starts.push_back(i);
    } else if (ind <= item_col) {
      list_end = i;
      break;
    }
  }
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t s = starts[k];
    const std::size_t e = k + 1 < starts.size() ? starts[k + 1] : list_end;
    EntryBlock block;
    block.start = s;
    block.content_end = s + 1;
    const auto first_line = sc.at(s);
    std::size_t after_dash = item_col + 1;
    while (after_dash < first_line.size() && first_line[after_dash] == ' ') ++after_dash;
    bool in_block_scalar = false;
    std::size_t from = s + 1;
    if (after_dash < first_line.size() && first_line[after_dash] != '#') {
      block.key_column = after_dash;
      const auto key = key_at(first_line, after_dash);
      if (!key) {
        why = "entry " + std::to_string(k + 1) + " is not written as `- key: value` lines";
        return std::nullopt;
      }
      block.keys.push_back({key->first, s, s, layout.lines[s].begin + key->second});
      in_block_scalar = starts_block_scalar(text, layout.lines[s], layout.lines[s].begin + key->second);
    } else {
      std::size_t c = s + 1;
      while (c < e && !sc.content(c)) ++c;
      if (c >= e) {
        why = "entry " + std::to_string(k + 1) + " is empty";
        return std::nullopt;
      }
      block.key_column = sc.indent(c);
      from = c;
    }
    for (std::size_t i = from; i < e; ++i) {
      if (sc.blank(i)) continue;
      const std::size_t ind = sc.indent(i);
      if (in_block_scalar && ind > block.key_column) {
        block.keys.back().last_line = i;
        block.content_end = i + 1;
        continue;
      }
      in_block_scalar = false;
      if (sc.comment(i)) continue;
      if (ind == block.key_column) {
        const auto key = key_at(sc.at(i), ind);
        if (!key) {
          why = "line " + std::to_string(i + 1) + " is not a `key: value` line";
          return std::nullopt;
        }
        block.keys.push_back({key->first, i, i, layout.lines[i].begin + key->second});
        in_block_scalar = starts_block_scalar(text, layout.lines[i], layout.lines[i].begin + key->second);
      } else if (ind > block.key_column && !block.keys.empty()) {
        block.keys.back().last_line = i;
      } else {
        why = "line " + std::to_string(i + 1) + " is indented unlike the other keys of its entry";
        return std::nullopt;
      }
      block.content_end = i + 1;
    }
    if (block.keys.empty()) {
      why = "entry " + std::to_string(k + 1) + " has no keys";
      return std::nullopt;
    }
    layout.entries.push_back(std::move(block));
  }

  // The blocks must be the loaded entries, one for one.
  if (layout.entries.size() != log.entries.size()) {
    why = "the entries list is not laid out one `-` item per entry";
    return std::nullopt;
  }
  for (std::size_t k = 0; k < layout.entries.size(); ++k) {
    const auto& b = layout.entries[k];
    const std::size_t begin = layout.lines[b.start].begin;
    const std::size_t end = layout.lines[b.content_end - 1].next;
    if (log.entries[k].span.begin < begin || log.entries[k].span.begin >= end) {
      why = "entry " + std::to_string(k + 1) + "'s date is not inside its `-` item";
      return std::nullopt;
    }
  }
  if (!layout.entries.empty()) layout.key_offset = layout.entries[0].key_column - item_col;
  if (layout.entries.size() >= 2) {
    for (std::size_t i = layout.entries[0].content_end; i < layout.entries[1].start; ++i) {
      if (sc.blank(i)) layout.blank_between = true;
    }
  }
  return layout;
}

}  // namespace gradus

#include "engine/log/log_edit.hpp"

#include <algorithm>

#include "engine/log/log_diag.hpp"
#include "engine/log/log_edit_layout.hpp"
#include "engine/log/log_values.hpp"

namespace gradus {

namespace {

struct Replacement {
  std::size_t begin, end;
  std::string text;
};

std::string apply(std::string_view text, std::vector<Replacement> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size() + 256);
  std::size_t pos = 0;
  for (const auto& e : edits) {
    out.append(text.substr(pos, e.begin - pos));
    out += e.text;
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

// Where to insert whole lines before line `i` (or at the end of the text).
std::pair<std::size_t, std::string> line_insert_point(std::string_view text, const LogLayout& layout, std::size_t i) {
  if (i < layout.lines.size()) return {layout.lines[i].begin, ""};
  const bool open_last_line = !text.empty() && text.back() != '\n';
  return {text.size(), open_last_line ? layout.eol : ""};
}

std::string entry_lines(const LogLayout& layout, Date date, const std::vector<std::pair<std::string, std::string>>& kv,
                        std::size_t indent, std::size_t key_offset) {
  // The keys line up at indent + key_offset, the date too: `-   date:` when the entries are laid out wider.
  std::string out = std::string(indent, ' ') + "-" + std::string(std::max<std::size_t>(key_offset, 2) - 1, ' ') +
                    "date: " + to_string(date) + layout.eol;
  key_offset = std::max<std::size_t>(key_offset, 2);
  for (const auto& [k, v] : kv) out += std::string(indent + key_offset, ' ') + k + ": " + v + layout.eol;
  return out;
}

bool same_values(const std::vector<LogValue>& a, const std::vector<LogValue>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].present != b[i].present || (a[i].present && a[i].value != b[i].value)) return false;
  }
  return true;
}

bool same_entry(const LogEntry& a, const LogEntry& b) {
  return a.date == b.date && a.stage == b.stage && a.minutes == b.minutes && a.cleared == b.cleared &&
         a.rest == b.rest && a.note == b.note && same_values(a.values, b.values);
}

// The loaded entry must hold exactly what was asked for, and everything else
// must mean what it meant before: a guard against an edit that produced
// valid YAML meaning something else.
std::optional<std::string> verify(const Log& before, const Log& after, const ast::Protocol& protocol, const LogEdit& edit) {
  if (before.athlete != after.athlete || before.protocol != after.protocol || !same_values(before.baseline, after.baseline)) {
    return "the top of the log would change";
  }
  std::size_t j = 0;
  for (const auto& old : before.entries) {
    if (old.date == edit.date) continue;
    while (j < after.entries.size() && after.entries[j].date == edit.date) ++j;
    if (j >= after.entries.size() || !same_entry(old, after.entries[j])) return "the entry of " + to_string(old.date) + " would change";
    ++j;
  }
  const bool is_new = std::none_of(before.entries.begin(), before.entries.end(), [&](const LogEntry& e) { return e.date == edit.date; });
  if (after.entries.size() != before.entries.size() + (is_new ? 1 : 0)) return "the number of entries would be wrong";
  const auto named = [&](std::string_view name) {
    return std::any_of(edit.fields.fields.begin(), edit.fields.fields.end(), [&](const EntryField& f) { return f.name == name; });
  };
  const auto day = [&](const Log& l) {
    return std::find_if(l.entries.begin(), l.entries.end(), [&](const LogEntry& e) { return e.date == edit.date; });
  };
  if (!is_new && day(after) != after.entries.end()) {
    // An amended day keeps what was not given.
    const LogEntry& a = *day(before);
    const LogEntry& b = *day(after);
    for (std::size_t i = 0; i < protocol.inputs.size(); ++i) {
      if (named(protocol.inputs[i].name)) continue;
      if (!same_values({a.values[i]}, {b.values[i]})) return "`" + protocol.inputs[i].name + "` would change";
    }
    if ((!named("stage") && a.stage != b.stage) || (!named("minutes") && a.minutes != b.minutes) ||
        (!named("cleared") && a.cleared != b.cleared) || (!named("rest") && a.rest != b.rest) ||
        (!named("note") && a.note != b.note)) {
      return "a value not given would change";
    }
  }
  const auto it = std::find_if(after.entries.begin(), after.entries.end(), [&](const LogEntry& e) { return e.date == edit.date; });
  if (it == after.entries.end()) return "the edited log has no entry for " + to_string(edit.date);
  for (const auto& f : edit.fields.fields) {
    for (std::size_t i = 0; i < protocol.inputs.size(); ++i) {
      if (protocol.inputs[i].name != f.name) continue;
      Diagnostics ignored;
      const auto want = convert_log_value(protocol.inputs[i], LogScalar{f.value, true, f.value_span}, edit.fields.source, ignored);
      const LogValue& got = it->values[i];
      if (want && (!got.present || got.value != *want)) return "`" + f.name + "` does not read back as '" + f.value + "'";
    }
    if (f.name == "note" && it->note != f.value) return "the note does not read back as written";
    if (f.name == "stage" && it->stage != f.value) return "the stage does not read back as written";
  }
  return std::nullopt;
}

}  // namespace

LogEditResult edit_log(const Log& log, const ast::Protocol& protocol, const LogEdit& edit, const LogLimits& limits) {
  LogEditResult result;
  result.diagnostics = validate_entry_fields(protocol, edit.fields);
  if (has_errors(result.diagnostics)) return result;

  std::string why;
  const auto layout = scan_log_layout(log, why);
  if (!layout) {
    result.diagnostics.push_back(
        take(error(log.source, Span{}, "G0502", "cannot edit this log without rewriting it: " + why)
                 .note("gradus edits a log in place only in the block layout of docs/logs.md, so that comments and layout are kept")
                 .help("write `entries:` as a list of `- date: ...` items, one key per line, then try again")));
    return result;
  }

  const std::string_view text = log.source->text();
  std::vector<std::pair<std::string, std::string>> kv;
  for (const auto& f : edit.fields.fields) {
    kv.emplace_back(f.name, yaml_field_text(protocol, f));
    result.changes.push_back({f.name, std::nullopt, kv.back().second});
  }

  std::vector<Replacement> edits;
  const auto same_day = std::find_if(log.entries.begin(), log.entries.end(), [&](const LogEntry& e) { return e.date == edit.date; });
  if (same_day != log.entries.end()) {
    result.amended = true;
    const EntryBlock& block = layout->entries[static_cast<std::size_t>(same_day - log.entries.begin())];
    std::string appended;
    for (std::size_t k = 0; k < kv.size(); ++k) {
      // Named references, not structured bindings: clang 14 cannot capture those in a lambda.
      const std::string& name = kv[k].first;
      const std::string& value = kv[k].second;
      const auto key = std::find_if(block.keys.begin(), block.keys.end(), [&](const KeyLine& kl) { return kl.key == name; });
      if (key == block.keys.end()) {
        appended += std::string(block.key_column, ' ') + name + ": " + value + layout->eol;
        continue;
      }
      const TextLine& line = layout->lines[key->line];
      const auto [vb, ve] = value_extent(text, line, key->after_colon);
      const bool one_line = key->last_line == key->line && ve <= line.end && (vb == ve || (text[vb] != '|' && text[vb] != '>'));
      if (one_line) {
        result.changes[k].before = std::string(text.substr(vb, ve - vb));
        if (vb == ve) {
          edits.push_back({key->after_colon, key->after_colon, " " + value});
        } else {
          edits.push_back({vb, ve, value});
        }
      } else {
        // A block or multi-line value: the key's lines become one line.
        const std::size_t from = key->after_colon;
        const std::size_t to = layout->lines[key->last_line].end;
        result.changes[k].before = std::string(text.substr(vb, std::min(to, line.end) - vb));
        edits.push_back({from, to, " " + value});
      }
    }
    if (!appended.empty()) {
      auto [at, prefix] = line_insert_point(text, *layout, block.content_end);
      edits.push_back({at, at, prefix + appended});
    }
  } else if (layout->empty_flow) {
    const TextLine& line = layout->lines[layout->entries_line];
    const bool comment = layout->empty_flow_end < line.end;
    edits.push_back({layout->empty_flow_begin, layout->empty_flow_end, comment ? "  " : ""});
    auto [at, prefix] = line_insert_point(text, *layout, layout->entries_line + 1);
    edits.push_back({at, at, prefix + entry_lines(*layout, edit.date, kv, 2, 2)});
  } else {
    const std::size_t j = static_cast<std::size_t>(
        std::find_if(log.entries.begin(), log.entries.end(), [&](const LogEntry& e) { return e.date > edit.date; }) -
        log.entries.begin());
    const std::string lines = entry_lines(*layout, edit.date, kv, layout->item_indent, layout->key_offset);
    const std::string sep = layout->blank_between ? layout->eol : "";
    if (j == 0) {
      const std::size_t at = layout->lines[layout->entries[0].start].begin;
      edits.push_back({at, at, lines + sep});
    } else {
      // After the entry before it, ahead of any comment introducing the next one.
      auto [at, prefix] = line_insert_point(text, *layout, layout->entries[j - 1].content_end);
      edits.push_back({at, at, prefix + sep + lines});
    }
  }

  std::string new_text = apply(text, std::move(edits));
  auto source = std::make_shared<const Source>(log.source->path(), new_text);
  LogLoadResult reloaded = load_log(source, protocol, limits);
  if (!reloaded.log) {
    for (auto& d : reloaded.diagnostics) {
      d.notes.push_back("in the log as it would be after this edit; nothing was written");
      result.diagnostics.push_back(std::move(d));
    }
    return result;
  }
  if (auto problem = verify(log, *reloaded.log, protocol, edit)) {
    result.diagnostics.push_back(take(error(log.source, Span{}, "G0502", "cannot edit this log safely: " + *problem)
                                          .note("nothing was written")
                                          .help("please report this log layout; meanwhile edit the file by hand")));
    return result;
  }
  result.text = std::move(new_text);
  result.log = std::move(reloaded.log);
  return result;
}

}  // namespace gradus

#include "engine/log/load.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <array>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_diag.hpp"
#include "engine/log/log_prescan.hpp"
#include "engine/log/log_values.hpp"

namespace gradus {

namespace {

// Thrown from the event handler to stop parsing (error cap, entry cap).
struct StopLoading {};

enum class NodeKind { Null, Alias, Scalar, Sequence, Map };

struct NodeEvent {
  NodeKind kind;
  const YAML::Mark& mark;
  const std::string* tag = nullptr;    // Scalar: "?" when written plain
  const std::string* value = nullptr;  // Scalar
};

const char* describe(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null: return "nothing";
    case NodeKind::Alias: return "an alias";
    case NodeKind::Scalar: return "a value";
    case NodeKind::Sequence: return "a list";
    case NodeKind::Map: return "a map";
  }
  return "something else";
}

enum class TopKey { Athlete, Protocol, Baseline, Entries, Count };
constexpr std::array<std::string_view, 4> kTopKeys{"athlete", "protocol", "baseline", "entries"};

enum class EntryKey { Date, Stage, Minutes, Cleared, Rest, Note, Count };
constexpr std::array<std::string_view, 6> kEntryKeys{"date", "stage", "minutes", "cleared", "rest", "note"};

enum class FrameKind { Top, Baseline, Entries, Entry, Skip };

struct Frame {
  explicit Frame(FrameKind k) : kind(k) {}
  FrameKind kind;
  bool expect_key = true;
  int slot = -1;          // what the pending key names (a TopKey, EntryKey or input index); -1 = skip the value
  bool slot_is_input = false;
  std::string key;
  Span key_span;
  std::size_t skip_depth = 0;  // Skip: open collections still to close
  Span start;                  // where the map or list began
};

class LogBuilder final : public YAML::EventHandler {
 public:
  LogBuilder(SourcePtr source, const ast::Protocol& protocol, const LogLimits& limits, Diagnostics& out)
      : source_(std::move(source)), protocol_(protocol), limits_(limits), out_(out) {
    for (std::size_t i = 0; i < protocol_.inputs.size(); ++i) input_index_.emplace(protocol_.inputs[i].name, i);
    for (const auto& [p, s] : ast::stage_order(protocol_)) stage_ids_.push_back(protocol_.phases[p].stages[s].id);
    for (const auto& input : protocol_.inputs) entry_candidates_.push_back(input.name);
    for (const auto k : kEntryKeys) entry_candidates_.emplace_back(k);
    for (const auto k : kTopKeys) top_candidates_.emplace_back(k);
    log_.source = source_;
    log_.baseline.resize(protocol_.inputs.size());
    bom_ = source_->text().starts_with("\xEF\xBB\xBF") ? 3 : 0;
  }

  Log take_log() { return std::move(log_); }
  bool saw_root() const { return saw_root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node({NodeKind::Null, mark}); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node({NodeKind::Alias, mark}); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    node({NodeKind::Scalar, mark, &tag, &value});
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node({NodeKind::Sequence, mark});
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node({NodeKind::Map, mark});
  }
  void OnSequenceEnd() override { end_collection(); }
  void OnMapEnd() override { end_collection(); }

  // A yaml-cpp mark (0-based line, byte column) as a byte offset into the source.
  std::size_t offset_of(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return 0;
    const std::size_t line_start = source_->line_start(static_cast<std::uint32_t>(mark.line) + 1);
    const std::size_t skip = mark.line == 0 ? bom_ : 0;
    return std::min(source_->text().size(), line_start + skip + static_cast<std::size_t>(mark.column));
  }
  Span point(const YAML::Mark& mark) const {
    const std::size_t at = offset_of(mark);
    return source_->span(at, at + 1);
  }

  void report(Diagnostic d) {
    const bool is_error = d.severity == Severity::Error;
    out_.push_back(std::move(d));
    if (is_error && ++errors_ >= limits_.max_errors) {
      out_.push_back(take(error(source_, Span{}, "G0502",
                                "stopped after " + std::to_string(errors_) + " errors; the rest of the log was not checked")
                              .help("fix these and load the log again")));
      throw StopLoading{};
    }
  }
  void report(DiagnosticBuilder& b) { report(take(b)); }
  void report(DiagnosticBuilder&& b) { report(take(b)); }
  void report_all(Diagnostics& ds) {
    for (auto& d : ds) report(std::move(d));
    ds.clear();
  }

 private:
  // ------------------------------------------------------------ dispatch
  void node(const NodeEvent& e) {
    if (stack_.empty()) return root(e);
    Frame& f = stack_.back();
    switch (f.kind) {
      case FrameKind::Skip:
        if (e.kind == NodeKind::Sequence || e.kind == NodeKind::Map) ++f.skip_depth;
        return;
      case FrameKind::Entries: return entry_item(e);
      case FrameKind::Top:
      case FrameKind::Baseline:
      case FrameKind::Entry:
        if (f.expect_key) return key(f, e);
        f.expect_key = true;
        return value(f, e);
    }
  }

  void end_collection() {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (f.kind == FrameKind::Skip && --f.skip_depth > 0) return;
    const Frame done = std::move(stack_.back());
    stack_.pop_back();
    if (done.kind == FrameKind::Entry) finish_entry(done);
    if (done.kind == FrameKind::Top) finish_top(done);
  }

  void skip(const NodeEvent& e) {
    if (e.kind == NodeKind::Sequence || e.kind == NodeKind::Map) {
      Frame f(FrameKind::Skip);
      f.skip_depth = 1;
      stack_.push_back(std::move(f));
    }
  }

  void push_map(FrameKind kind, const NodeEvent& e) {
    Frame f(kind);
    f.start = point(e.mark);
    stack_.push_back(std::move(f));
  }

  // Aliases are refused outright: a log has no use for them, and they are
  // how a "billion laughs" file expands.
  void alias_error(const NodeEvent& e) {
    report(error(source_, point(e.mark), "G0502", "YAML aliases (*name) are not allowed in a log")
               .label("alias")
               .help("write the value out in full"));
  }

  // ------------------------------------------------------------ root
  void root(const NodeEvent& e) {
    if (saw_root_) return;  // a second document is reported by load_log
    saw_root_ = true;
    if (e.kind == NodeKind::Map) return push_map(FrameKind::Top, e);
    report(error(source_, e.kind == NodeKind::Null ? Span{} : point(e.mark), "G0509",
                 std::string("a log must be a map with `entries:`, but this document is ") + describe(e.kind))
               .help("start from: `protocol: <id>`, `baseline: {}`, `entries: []`"));
    skip(e);
  }

  // ------------------------------------------------------------ keys
  Span scalar_span(const NodeEvent& e) const {
    const std::string_view text = source_->text();
    const std::size_t begin = offset_of(e.mark);
    std::size_t end = begin;
    const std::size_t line_end = std::min(text.size(), text.find('\n', begin));
    if (begin < text.size() && (text[begin] == '"' || text[begin] == '\'')) {
      const char q = text[begin];
      end = begin + 1;
      while (end < text.size()) {
        if (q == '"' && text[end] == '\\') { end += 2; continue; }
        if (text[end] == q) {
          if (q == '\'' && end + 1 < text.size() && text[end + 1] == '\'') { end += 2; continue; }
          ++end;
          break;
        }
        ++end;
      }
      end = std::min(end, text.size());
    } else if (begin < text.size() && (text[begin] == '|' || text[begin] == '>')) {
      end = line_end;
    } else {
      end = std::min(line_end, begin + (e.value ? e.value->size() : 0));
      while (end > begin && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
    }
    if (end == begin) end = std::min(text.size(), begin + 1);
    return source_->span(begin, end);
  }

  void key(Frame& f, const NodeEvent& e) {
    f.expect_key = false;
    f.slot = -1;
    f.slot_is_input = false;
    if (e.kind != NodeKind::Scalar) {
      if (e.kind == NodeKind::Alias) {
        alias_error(e);
      } else {
        report(error(source_, point(e.mark), "G0502", std::string("a key must be a name, not ") + describe(e.kind))
                   .label("expected a name"));
      }
      return skip(e);
    }
    f.key = *e.value;
    f.key_span = scalar_span(e);
    switch (f.kind) {
      case FrameKind::Top: return top_key(f);
      case FrameKind::Baseline: return baseline_key(f);
      case FrameKind::Entry: return entry_key(f);
      default: return;
    }
  }

  // Reports a key given twice in one map; returns false if it was.
  bool first_time(Span& seen, const Frame& f, std::string_view where) {
    if (seen.valid()) {
      report(error(source_, f.key_span, "G0502", "`" + f.key + "` is given twice " + std::string(where))
                 .label("second time")
                 .secondary(seen, "first given here")
                 .help("keep one of them"));
      return false;
    }
    seen = f.key_span;
    return true;
  }

  void unknown_key(const Frame& f, const std::vector<std::string>& candidates, std::string what) {
    auto d = error(source_, f.key_span, "G0503", "unknown key `" + f.key + "` " + what).label("unknown");
    if (auto guess = closest_match(f.key, candidates)) d.help("did you mean `" + *guess + "`?");
    report(std::move(d));
  }

  void top_key(Frame& f) {
    for (std::size_t k = 0; k < kTopKeys.size(); ++k) {
      if (f.key == kTopKeys[k]) {
        if (first_time(top_seen_[k], f, "in the log")) f.slot = static_cast<int>(k);
        return;
      }
    }
    unknown_top_key_ = true;
    unknown_key(f, top_candidates_, "at the top of the log (expected athlete, protocol, baseline, entries)");
  }

  bool input_key(Frame& f, std::vector<Span>& seen, std::string_view where) {
    const auto it = input_index_.find(f.key);
    if (it == input_index_.end()) return false;
    if (first_time(seen[it->second], f, where)) {
      f.slot = static_cast<int>(it->second);
      f.slot_is_input = true;
    }
    return true;
  }

  void baseline_key(Frame& f) {
    if (input_key(f, baseline_seen_, "in the baseline")) return;
    std::vector<std::string> names;
    for (const auto& input : protocol_.inputs) names.push_back(input.name);
    unknown_key(f, names, "in the baseline: " + protocol_.id + " has no input of that name");
  }

  void entry_key(Frame& f) {
    for (std::size_t k = 0; k < kEntryKeys.size(); ++k) {
      if (f.key == kEntryKeys[k]) {
        if (first_time(entry_reserved_seen_[k], f, "in this entry")) f.slot = static_cast<int>(k);
        return;
      }
    }
    if (input_key(f, entry_input_seen_, "in this entry")) return;
    unknown_key(f, entry_candidates_, "in a log entry: not an input of " + protocol_.id + " nor a reserved key");
  }

  // ------------------------------------------------------------ values
  // A slot that holds one value: returns the scalar, or nullopt for null
  // (missing) and for anything else (reported and skipped).
  std::optional<LogScalar> scalar_slot(const Frame& f, const NodeEvent& e, bool& is_null) {
    is_null = e.kind == NodeKind::Null;
    if (e.kind == NodeKind::Scalar) return LogScalar{*e.value, *e.tag == "?", scalar_span(e)};
    if (e.kind == NodeKind::Alias) {
      alias_error(e);
    } else if (!is_null) {
      report(error(source_, point(e.mark), "G0502",
                   "`" + f.key + "` takes a single value, not " + describe(e.kind))
                 .label(std::string("found ") + describe(e.kind))
                 .secondary(f.key_span, "for this key"));
      skip(e);
    }
    return std::nullopt;
  }

  void value(Frame& f, const NodeEvent& e) {
    if (f.slot < 0) return skip(e);
    switch (f.kind) {
      case FrameKind::Top: return top_value(f, e);
      case FrameKind::Baseline: return input_value(f, e, log_.baseline);
      case FrameKind::Entry:
        if (f.slot_is_input) return input_value(f, e, entry_.values);
        return entry_value(f, e);
      default: return;
    }
  }

  void input_value(const Frame& f, const NodeEvent& e, std::vector<LogValue>& values) {
    bool is_null = false;
    const auto scalar = scalar_slot(f, e, is_null);
    if (!scalar) return;  // null: missing, the default
    Diagnostics found;
    const auto& input = protocol_.inputs[static_cast<std::size_t>(f.slot)];
    if (const auto v = convert_log_value(input, *scalar, source_, found)) {
      values[static_cast<std::size_t>(f.slot)] = LogValue{true, *v, scalar->span};
    }
    report_all(found);
  }

  void top_value(const Frame& f, const NodeEvent& e) {
    const auto slot = static_cast<TopKey>(f.slot);
    if (slot == TopKey::Baseline || slot == TopKey::Entries) {
      const bool want_map = slot == TopKey::Baseline;
      if (want_map && e.kind == NodeKind::Map) return push_map(FrameKind::Baseline, e);
      if (!want_map && e.kind == NodeKind::Sequence) {
        Frame list(FrameKind::Entries);
        stack_.push_back(std::move(list));
        return;
      }
      if (e.kind == NodeKind::Alias) return alias_error(e);
      auto d = error(source_, e.kind == NodeKind::Null ? f.key_span : point(e.mark), "G0502",
                     "`" + f.key + "` must be " + (want_map ? "a map of input: value" : "a list of entries") +
                         ", not " + describe(e.kind));
      d.help(want_map ? "write `baseline: {pain_morning: 0}`, or leave it out"
                      : "write `entries: []` for a log with no sessions yet");
      report(std::move(d));
      return skip(e);
    }
    bool is_null = false;
    const auto scalar = scalar_slot(f, e, is_null);
    if (!scalar) return;
    if (slot == TopKey::Athlete) {
      log_.athlete = std::string(scalar->text);
      return;
    }
    log_.protocol = std::string(scalar->text);
    if (scalar->text != protocol_.id) {
      auto d = error(source_, scalar->span, "G0508",
                     "this log is for protocol `" + std::string(scalar->text) + "`, not `" + protocol_.id + "`")
                   .label("another protocol");
      if (protocol_.id_span.valid() && protocol_.source) {
        d.note("the protocol given is " + protocol_.id + " (" + protocol_.source->path() + ":" +
               std::to_string(protocol_.id_span.line) + ")");
      }
      d.help("load the log with the protocol it was written for");
      report(std::move(d));
    }
  }

  void entry_value(const Frame& f, const NodeEvent& e) {
    bool is_null = false;
    const auto scalar = scalar_slot(f, e, is_null);
    const auto slot = static_cast<EntryKey>(f.slot);
    if (!scalar) {
      if (is_null && slot == EntryKey::Date) {
        report(error(source_, f.key_span, "G0506", "`date:` has no value").help("write the day as YYYY-MM-DD"));
        entry_bad_date_ = true;
      }
      return;
    }
    switch (slot) {
      case EntryKey::Date: {
        entry_.span = source_->span(f.key_span.begin, scalar->span.end);
        entry_date_span_ = scalar->span;
        if (const auto d = parse_date(scalar->text)) {
          entry_.date = *d;
          entry_has_date_ = true;
        } else {
          entry_bad_date_ = true;
          report(error(source_, scalar->span, "G0506",
                       "invalid date '" + std::string(scalar->text) + "'")
                     .label("not a calendar day as YYYY-MM-DD")
                     .help("dates are written YYYY-MM-DD with a real day, e.g. 2026-10-05"));
        }
        return;
      }
      case EntryKey::Stage: {
        const std::string id(scalar->text);
        if (ast::find_stage(protocol_, id)) {
          entry_.stage = id;
          return;
        }
        auto d = error(source_, scalar->span, "G0510", "unknown stage `" + id + "`: " + protocol_.id + " has no such stage")
                     .label("unknown stage");
        if (auto guess = closest_match(id, stage_ids_)) d.help("did you mean `" + *guess + "`?");
        report(std::move(d));
        return;
      }
      case EntryKey::Minutes: {
        const auto v = parse_log_number(*scalar);
        if (!v) {
          report(error(source_, scalar->span, "G0504", "`minutes` must be a number of minutes, not '" +
                                                          std::string(scalar->text) + "'")
                     .label("not a number"));
        } else if (*v < 0) {
          report(error(source_, scalar->span, "G0505", "`minutes` cannot be negative").label("out of range"));
        } else {
          entry_.minutes = *v;
        }
        return;
      }
      case EntryKey::Cleared:
      case EntryKey::Rest: {
        const auto b = parse_log_bool(*scalar);
        if (!b) {
          report(error(source_, scalar->span, "G0504",
                       "`" + f.key + "` must be true or false, not '" + std::string(scalar->text) + "'")
                     .label("not true or false"));
        } else if (slot == EntryKey::Cleared) {
          entry_.cleared = *b;
        } else {
          entry_.rest = *b;
        }
        return;
      }
      case EntryKey::Note: entry_.note = std::string(scalar->text); return;
      case EntryKey::Count: return;
    }
  }

  // ------------------------------------------------------------ entries
  void entry_item(const NodeEvent& e) {
    if (e.kind != NodeKind::Map) {
      if (e.kind == NodeKind::Alias) {
        alias_error(e);
      } else {
        report(error(source_, e.kind == NodeKind::Scalar ? scalar_span(e) : point(e.mark), "G0502",
                     std::string("each entry must be a map with a `date:`, not ") + describe(e.kind))
                   .label("expected `date: YYYY-MM-DD` and values"));
      }
      return skip(e);
    }
    if (entry_count_ >= limits_.max_entries) {
      report(error(source_, point(e.mark), "G0003",
                   "log has more than " + std::to_string(limits_.max_entries) + " entries; the rest was not read")
                 .help("split the log"));
      throw StopLoading{};
    }
    ++entry_count_;
    entry_ = LogEntry{};
    entry_.values.resize(protocol_.inputs.size());
    entry_reserved_seen_.fill(Span{});
    entry_input_seen_.assign(protocol_.inputs.size(), Span{});
    entry_has_date_ = entry_bad_date_ = false;
    entry_date_span_ = Span{};
    push_map(FrameKind::Entry, e);
  }

  void finish_entry(const Frame& f) {
    if (!entry_has_date_) {
      if (!entry_bad_date_) {
        report(error(source_, f.start, "G0506", "entry has no `date:`")
                   .label("this entry")
                   .help("every entry starts with `- date: YYYY-MM-DD`"));
      }
      return;
    }
    if (last_date_span_.valid() && !(entry_.date > last_date_)) {
      const bool same = entry_.date == last_date_;
      report(error(source_, entry_date_span_, "G0507",
                   same ? "date " + to_string(entry_.date) + " is repeated"
                        : "date " + to_string(entry_.date) + " is before the entry above it (" + to_string(last_date_) + ")")
                 .label(same ? "same day again" : "out of order")
                 .secondary(last_date_span_, "the entry before")
                 .help(same ? "put everything about one day in one entry" : "entries are in date order, oldest first"));
    }
    last_date_ = entry_.date;
    last_date_span_ = entry_date_span_;
    if (errors_ == 0) log_.entries.push_back(std::move(entry_));  // once there is an error the log is not returned
  }

  void finish_top(const Frame& f) {
    // After an unknown top-level key (`entires:`) the typo is the whole story.
    if (!top_seen_[static_cast<std::size_t>(TopKey::Entries)].valid() && !unknown_top_key_) {
      report(error(source_, f.start, "G0502", "log has no `entries:` list")
                 .help("add `entries: []` for a log with no sessions yet"));
    }
  }

  SourcePtr source_;
  const ast::Protocol& protocol_;
  const LogLimits& limits_;
  Diagnostics& out_;
  std::size_t errors_ = 0;
  std::size_t bom_ = 0;
  bool saw_root_ = false;
  bool unknown_top_key_ = false;

  std::unordered_map<std::string, std::size_t> input_index_;
  std::vector<std::string> stage_ids_;
  std::vector<std::string> entry_candidates_;
  std::vector<std::string> top_candidates_;

  std::vector<Frame> stack_;
  Log log_;
  std::array<Span, kTopKeys.size()> top_seen_{};
  std::vector<Span> baseline_seen_ = std::vector<Span>(protocol_.inputs.size());

  LogEntry entry_;
  std::size_t entry_count_ = 0;
  std::array<Span, kEntryKeys.size()> entry_reserved_seen_{};
  std::vector<Span> entry_input_seen_;
  bool entry_has_date_ = false;
  bool entry_bad_date_ = false;
  Span entry_date_span_;
  Date last_date_;
  Span last_date_span_;
};

// Consumes a second document only to find where it starts.
class DocumentFinder final : public YAML::EventHandler {
 public:
  YAML::Mark start;
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Reads the Source's text in place: an istringstream would copy the whole file.
class TextBuf final : public std::streambuf {
 public:
  explicit TextBuf(const std::string& text) {
    char* begin = const_cast<char*>(text.data());  // only read: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

LogLoadResult load_log(SourcePtr source, const ast::Protocol& protocol, const LogLimits& limits) {
  LogLoadResult result;
  if (!prescan_log(source, LogPrescanLimits{limits.max_bytes, limits.max_depth}, result.diagnostics)) return result;

  // yaml-cpp's event parser, not YAML::Load: the log is validated as it
  // streams past, so memory stays proportional to the Log built, not to a
  // node tree several times the file's size, and aliases are never expanded.
  TextBuf buffer(source->text());
  std::istream in(&buffer);
  LogBuilder builder(source, protocol, limits, result.diagnostics);
  try {
    YAML::Parser parser(in);
    const bool any = parser.HandleNextDocument(builder);
    if (!any || !builder.saw_root()) {
      builder.report(error(source, Span{}, "G0509", "log is empty: a log is a map with at least `entries:`")
                         .help("start from: `protocol: <id>`, `baseline: {}`, `entries: []`"));
    } else {
      DocumentFinder rest;
      if (parser.HandleNextDocument(rest)) {
        builder.report(error(source, builder.point(rest.start), "G0502", "a log is one YAML document; a second one starts here")
                           .help("remove the `---` and merge the entries into one list"));
      }
    }
  } catch (const StopLoading&) {
    // The reason is already in the diagnostics.
  } catch (const YAML::Exception& e) {
    try {
      builder.report(error(source, builder.point(e.mark), "G0501", "log is not valid YAML: " + e.msg).label("here"));
    } catch (const StopLoading&) {
    }
  }
  if (!has_errors(result.diagnostics)) result.log = builder.take_log();
  return result;
}

}  // namespace gradus

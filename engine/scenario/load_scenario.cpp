#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_prescan.hpp"
#include "engine/scenario/scenario.hpp"

namespace gradus {
namespace {

constexpr std::size_t kMaxLogFileBytes = 16u << 20;

class Loader {
 public:
  Loader(SourcePtr source, const ScenarioLimits& limits) : source_(std::move(source)), limits_(limits) {}

  ScenarioLoadResult run() {
    ScenarioLoadResult result;
    LogPrescanLimits prescan{limits_.max_bytes, limits_.max_depth};
    if (!prescan_log(source_, prescan, diagnostics_)) {
      result.diagnostics = std::move(diagnostics_);
      return result;
    }
    YAML::Node root;
    try {
      root = YAML::Load(source_->text());
    } catch (const YAML::Exception& e) {
      report(e.mark, "G0701", "scenario file is not valid YAML: " + e.msg, "");
      result.diagnostics = std::move(diagnostics_);
      return result;
    }
    ScenarioFile file;
    file.source = source_;
    if (!root.IsMap()) {
      report(root.IsDefined() ? root.Mark() : YAML::Mark(), "G0701",
             "a scenario file is a map with `protocol:` and `cases:`", "start with `protocol: NAME.gradus`");
      result.diagnostics = std::move(diagnostics_);
      return result;
    }
    collect_top_marks(root);
    bool have_protocol = false, have_cases = false;
    for (const auto& kv : root) {
      const std::string key = scalar(kv.first);
      if (key == "protocol") {
        have_protocol = true;
        if (!kv.second.IsScalar()) {
          report(kv.second.Mark(), "G0701", "`protocol` must be the protocol file's path", "");
          continue;
        }
        file.protocol_span = span_at(kv.second.Mark(), kv.second.Scalar().size());
        file.protocol_path = resolve(kv.second.Scalar());
      } else if (key == "cases") {
        have_cases = true;
        load_cases(kv.second, file);
      } else {
        unknown_key(kv.first, key, {"protocol", "cases"}, "a scenario file");
      }
    }
    if (!have_protocol) report(root.Mark(), "G0701", "scenario file has no `protocol:`", "add `protocol: NAME.gradus`");
    if (!have_cases) report(root.Mark(), "G0701", "scenario file has no `cases:`", "add a list of cases under `cases:`");
    result.diagnostics = std::move(diagnostics_);
    if (!has_errors(result.diagnostics)) result.scenario = std::move(file);
    return result;
  }

 private:
  SourcePtr source_;
  ScenarioLimits limits_;
  Diagnostics diagnostics_;
  std::vector<std::size_t> top_marks_;  // byte offsets where top-level keys start

  std::size_t offset(const YAML::Mark& mark) const {
    if (mark.line < 0 || mark.column < 0) return 0;
    return source_->line_start(static_cast<std::uint32_t>(mark.line + 1)) + static_cast<std::size_t>(mark.column);
  }

  Span span_at(const YAML::Mark& mark, std::size_t length) const {
    const std::size_t begin = offset(mark);
    return source_->span(begin, begin + length);
  }

  void report(const YAML::Mark& mark, const std::string& code, std::string message, std::string help,
              std::size_t length = 1) {
    auto d = error(source_, span_at(mark, length), code, std::move(message));
    if (!help.empty()) d.help(std::move(help));
    diagnostics_.push_back(std::move(d));
  }

  static std::string scalar(const YAML::Node& node) { return node.IsScalar() ? node.Scalar() : std::string(); }

  void unknown_key(const YAML::Node& key_node, const std::string& key, std::vector<std::string_view> known,
                   const char* where) {
    std::string help;
    if (auto best = closest_match(key, known)) help = "did you mean `" + *best + "`?";
    else {
      help = "the fields of " + std::string(where) + " are:";
      for (auto k : known) help += " " + std::string(k);
    }
    report(key_node.Mark(), "G0702", "unknown field `" + key + "` in " + where, help, std::max<std::size_t>(key.size(), 1));
  }

  std::string resolve(const std::string& relative) const {
    namespace fs = std::filesystem;
    const fs::path base = fs::path(source_->path()).parent_path();
    return (base / relative).lexically_normal().string();
  }

  void collect_top_marks(const YAML::Node& root) {
    for (const auto& kv : root) top_marks_.push_back(offset(kv.first.Mark()));
  }

  void load_cases(const YAML::Node& cases, ScenarioFile& file) {
    if (!cases.IsSequence()) {
      report(cases.Mark(), "G0701", "`cases` must be a list of cases", "write each case as `- name: ...`");
      return;
    }
    if (cases.size() > limits_.max_cases) {
      report(cases.Mark(), "G0701", "too many cases (limit " + std::to_string(limits_.max_cases) + ")", "");
      return;
    }
    std::vector<std::size_t> case_marks;
    for (const auto& c : cases) case_marks.push_back(offset(c.Mark()));
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const YAML::Node c = cases[i];
      if (!c.IsMap()) {
        report(c.Mark(), "G0701", "a case must be a map with `name`, `log` and `expect`", "");
        continue;
      }
      load_case(c, i + 1 < case_marks.size() ? case_marks[i + 1] : std::numeric_limits<std::size_t>::max(), file);
    }
  }

  void load_case(const YAML::Node& c, std::size_t next_case, ScenarioFile& file) {
    ScenarioCase sc;
    sc.span = span_at(c.Mark(), 1);
    std::vector<std::size_t> boundaries = top_marks_;
    boundaries.push_back(next_case);
    for (const auto& kv : c) boundaries.push_back(offset(kv.first.Mark()));
    bool have_log = false, have_expect = false;
    for (const auto& kv : c) {
      const std::string key = scalar(kv.first);
      if (key == "name") {
        sc.name = scalar(kv.second);
        sc.span = span_at(kv.second.Mark(), std::max<std::size_t>(sc.name.size(), 1));
      } else if (key == "log") {
        have_log = true;
        load_log_value(kv.first, kv.second, boundaries, sc);
      } else if (key == "expect") {
        have_expect = true;
        if (kv.second.IsSequence()) {
          for (const auto& e : kv.second) load_expectation(e, sc);
        } else {
          load_expectation(kv.second, sc);
        }
      } else {
        unknown_key(kv.first, key, {"name", "log", "expect"}, "a case");
      }
    }
    if (sc.name.empty()) report(c.Mark(), "G0701", "a case needs a `name`", "");
    if (!have_log) report(c.Mark(), "G0701", "case `" + sc.name + "` has no `log`", "add `log:` with the entries");
    if (!have_expect) {
      report(c.Mark(), "G0701", "case `" + sc.name + "` has no `expect`", "add `expect:` with a date and a decision");
    }
    file.cases.push_back(std::move(sc));
  }

  void load_log_value(const YAML::Node& key, const YAML::Node& value, const std::vector<std::size_t>& boundaries,
                      ScenarioCase& sc) {
    const std::size_t key_at = offset(key.Mark());
    if (value.IsScalar()) {
      const std::string path = resolve(value.Scalar());
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        report(value.Mark(), "G0701", "cannot read the log file `" + value.Scalar() + "`", "",
               std::max<std::size_t>(value.Scalar().size(), 1));
        return;
      }
      std::ostringstream text;
      text << in.rdbuf();
      if (text.str().size() > kMaxLogFileBytes) {
        report(value.Mark(), "G0701", "the log file `" + value.Scalar() + "` is too large", "");
        return;
      }
      sc.log_source = std::make_shared<const Source>(path, text.str());
      return;
    }
    if (!value.IsMap()) {
      report(value.Mark(), "G0701", "`log` must be a log (a map with `entries`) or a log file's path", "");
      return;
    }
    const std::size_t begin = offset(value.Mark());
    if (begin <= key_at) {
      // The value starts before its own key: a YAML alias to a log written elsewhere.
      report(key.Mark(), "G0701", "a case's log cannot be a YAML alias", "write the log out, or put it in a file", 3);
      return;
    }
    std::size_t end = source_->text().size();
    for (std::size_t b : boundaries) {
      if (b > begin && b < end) end = b;
    }
    sc.log_source = std::make_shared<const Source>(source_->path(), isolate_text(source_->text(), begin, end));
  }

  std::optional<std::string> string_field(const YAML::Node& node, const char* what) {
    if (node.IsNull()) return std::nullopt;
    if (!node.IsScalar()) {
      report(node.Mark(), "G0701", std::string("`") + what + "` must be a single value", "");
      return std::nullopt;
    }
    return node.Scalar();
  }

  void load_expectation(const YAML::Node& e, ScenarioCase& sc) {
    if (!e.IsMap()) {
      report(e.Mark(), "G0701", "an expectation is a map with `date` and what to expect", "");
      return;
    }
    Expectation x;
    bool have_date = false, date_key = false;
    for (const auto& kv : e) {
      const std::string key = scalar(kv.first);
      const YAML::Node& v = kv.second;
      if (key == "date") {
        date_key = true;
        const std::string text = scalar(v);
        auto date = parse_date(text);
        if (!date) {
          report(v.Mark(), "G0701", "`date` must be a real day written YYYY-MM-DD, not `" + text + "`", "",
                 std::max<std::size_t>(text.size(), 1));
          continue;
        }
        have_date = true;
        x.date = *date;
        x.span = span_at(v.Mark(), text.size());
      } else if (key == "decision") {
        x.decision = string_field(v, "decision");
        x.decision_span = span_at(v.Mark(), x.decision ? x.decision->size() : 1);
        static const std::vector<std::string_view> kDecisions = {"start", "advance", "hold", "regress",
                                                                 "refer", "discharge", "rest"};
        if (x.decision && std::find(kDecisions.begin(), kDecisions.end(), *x.decision) == kDecisions.end()) {
          std::string help = "a decision is one of start, advance, hold, regress, refer, discharge, rest";
          if (auto best = closest_match(*x.decision, kDecisions)) help = "did you mean `" + *best + "`?";
          report(v.Mark(), "G0702", "unknown decision `" + *x.decision + "`", help, x.decision->size());
        }
      } else if (key == "stage") {
        x.stage = string_field(v, "stage");
        x.stage_span = span_at(v.Mark(), x.stage ? x.stage->size() : 1);
      } else if (key == "phase") {
        x.phase = string_field(v, "phase");
      } else if (key == "session") {
        x.has_session = true;
        x.session = string_field(v, "session");
      } else if (key == "session_day") {
        bool b = false;
        if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) {
          report(v.Mark(), "G0701", "`session_day` must be true or false", "");
          continue;
        }
        x.session_day = b;
      } else if (key == "rest_days_left") {
        int n = 0;
        if (!v.IsScalar() || !YAML::convert<int>::decode(v, n) || n < 0) {
          report(v.Mark(), "G0701", "`rest_days_left` must be a whole number, 0 or more", "");
          continue;
        }
        x.rest_days_left = n;
      } else if (key == "cues" || key == "fired") {
        if (!v.IsSequence()) {
          report(v.Mark(), "G0701", "`" + key + "` must be a list", "write `" + key + ": []` for none");
          continue;
        }
        std::vector<std::string> items;
        for (const auto& item : v) {
          if (!item.IsScalar()) {
            report(item.Mark(), "G0701", "each of `" + key + "` must be a single value", "");
            continue;
          }
          items.push_back(item.Scalar());
        }
        if (key == "cues") x.cues = std::move(items);
        else {
          x.fired = std::move(items);
          x.fired_span = span_at(v.Mark(), 1);
        }
      } else {
        unknown_key(kv.first, key, {"date", "decision", "stage", "phase", "session", "session_day", "rest_days_left",
                                    "cues", "fired"},
                    "an expectation");
      }
    }
    if (!have_date) {
      if (date_key) return;  // already reported as an invalid date
      report(e.Mark(), "G0701", "an expectation needs a `date`", "add `date: YYYY-MM-DD`, the day to advise on");
      return;
    }
    sc.expectations.push_back(std::move(x));
  }
};

}  // namespace

std::string isolate_text(const std::string& text, std::size_t begin, std::size_t end) {
  std::string out = text;
  end = std::min(end, text.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if ((i < begin || i >= end) && out[i] != '\n' && out[i] != '\r') out[i] = ' ';
  }
  return out;
}

ScenarioLoadResult load_scenario(SourcePtr source, const ScenarioLimits& limits) {
  return Loader(std::move(source), limits).run();
}

}  // namespace gradus

#include "dsl/diag/codes.hpp"

#include <array>

namespace gradus {
namespace {

constexpr std::array kCodes = {
    // Files and limits.
    CodeInfo{"G0001", Severity::Error, "invalid UTF-8"},
    CodeInfo{"G0002", Severity::Error, "NUL byte in text"},
    CodeInfo{"G0003", Severity::Error, "file too large"},
    CodeInfo{"G0004", Severity::Error, "nesting too deep"},
    CodeInfo{"G0005", Severity::Error, "line too long"},
    CodeInfo{"G0006", Severity::Error, "too many stages or rules"},
    // Syntax.
    CodeInfo{"G0101", Severity::Error, "syntax error"},
    CodeInfo{"G0102", Severity::Error, "unterminated string"},
    CodeInfo{"G0103", Severity::Error, "unknown keyword"},
    CodeInfo{"G0104", Severity::Error, "header given twice"},
    CodeInfo{"G0105", Severity::Error, "missing protocol header"},
    CodeInfo{"G0106", Severity::Error, "clause outside a stage"},
    CodeInfo{"G0107", Severity::Error, "clause given twice in a stage"},
    // Names, types, units.
    CodeInfo{"G0201", Severity::Error, "unknown name"},
    CodeInfo{"G0202", Severity::Error, "duplicate name"},
    CodeInfo{"G0203", Severity::Error, "unit mismatch"},
    CodeInfo{"G0204", Severity::Error, "score literal out of range"},
    CodeInfo{"G0205", Severity::Error, "range written backwards"},
    CodeInfo{"G0206", Severity::Error, "cyclic or forward let"},
    CodeInfo{"G0207", Severity::Error, "wrong arguments to a function"},
    CodeInfo{"G0208", Severity::Error, "grade or choice compared wrongly"},
    CodeInfo{"G0209", Severity::Warning, "number without its unit"},
    CodeInfo{"G0210", Severity::Error, "type mismatch"},
    CodeInfo{"G0211", Severity::Error, "unknown grade or choice name"},
    // Stages and structure.
    CodeInfo{"G0301", Severity::Error, "unknown stage"},
    CodeInfo{"G0302", Severity::Error, "duplicate stage"},
    CodeInfo{"G0303", Severity::Error, "protocol has no stages"},
    CodeInfo{"G0304", Severity::Error, "stage has no session"},
    CodeInfo{"G0305", Severity::Error, "rule not allowed here"},
    // Lints.
    CodeInfo{"G0401", Severity::Warning, "missing source"},
    CodeInfo{"G0402", Severity::Warning, "unreachable stage"},
    CodeInfo{"G0403", Severity::Warning, "stage with no way out"},
    CodeInfo{"G0404", Severity::Warning, "safety input can be missing"},
    CodeInfo{"G0405", Severity::Warning, "progression breaks the declared order"},
    CodeInfo{"G0406", Severity::Warning, "weekly running minutes rise too fast"},
    CodeInfo{"G0407", Severity::Warning, "rule can never fire"},
    CodeInfo{"G0408", Severity::Warning, "advance and regress overlap"},
    CodeInfo{"G0409", Severity::Warning, "stage has no frequency"},
    CodeInfo{"G0410", Severity::Warning, "rule rewards worse symptoms"},
    // Logs.
    CodeInfo{"G0501", Severity::Error, "log is not valid YAML"},
    CodeInfo{"G0502", Severity::Error, "log has the wrong shape"},
    CodeInfo{"G0503", Severity::Error, "unknown key in log entry"},
    CodeInfo{"G0504", Severity::Error, "value of the wrong type"},
    CodeInfo{"G0505", Severity::Error, "value out of range"},
    CodeInfo{"G0506", Severity::Error, "invalid date"},
    CodeInfo{"G0507", Severity::Error, "date repeated or out of order"},
    CodeInfo{"G0508", Severity::Error, "log is for another protocol"},
    CodeInfo{"G0509", Severity::Error, "log is empty"},
    CodeInfo{"G0510", Severity::Error, "unknown stage in log entry"},
    // Imports.
    CodeInfo{"G0601", Severity::Error, "FIT file is damaged"},
    CodeInfo{"G0602", Severity::Warning, "FIT file decoded up to damage"},
    CodeInfo{"G0603", Severity::Error, "CSV row is malformed"},
    CodeInfo{"G0604", Severity::Error, "import mapping is invalid"},
    // Scenario test files.
    CodeInfo{"G0701", Severity::Error, "scenario file has the wrong shape"},
    CodeInfo{"G0702", Severity::Error, "unknown field in scenario"},
    CodeInfo{"G0703", Severity::Error, "scenario names an unknown stage"},
};

}  // namespace

std::span<const CodeInfo> all_codes() { return kCodes; }

const CodeInfo* find_code(std::string_view code) {
  for (const auto& c : kCodes) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

}  // namespace gradus

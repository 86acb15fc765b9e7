#pragma once
// Adding or amending one day's entry of an athlete's log, as text: the new
// log is the old text with only that entry's lines changed (a new entry's
// lines inserted in date order, or an existing entry's values replaced and
// new keys appended to it), so comments, blank lines, key order, quoting and
// every other entry stay byte for byte (docs/data.md says exactly what is
// kept). The new text is then loaded against the protocol: it is returned
// only when it loads without an error and holds the values asked for.
#include <optional>
#include <string>
#include <vector>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "engine/log/date.hpp"
#include "engine/log/load.hpp"
#include "engine/log/log.hpp"
#include "engine/log/log_edit_values.hpp"

namespace gradus {

struct LogEdit {
  Date date;
  EntryFields fields;  // validated here (validate_entry_fields) before any text is made
};

struct FieldChange {
  std::string name;
  std::optional<std::string> before;  // the text it had; nullopt when the key is new
  std::string after;                  // the text written
};

struct LogEditResult {
  std::optional<std::string> text;  // the whole new log; absent when diagnostics hold an error
  std::optional<Log> log;           // `text` loaded against the protocol (its source is the new text)
  bool amended = false;             // the day already had an entry
  std::vector<FieldChange> changes;
  Diagnostics diagnostics;          // into the fields' source, or into the log
};

// `log` must have loaded against `protocol` without errors.
LogEditResult edit_log(const Log& log, const ast::Protocol& protocol, const LogEdit& edit, const LogLimits& limits = {});

}  // namespace gradus

#pragma once
// Which imported value goes to which protocol input. A watch's session
// metrics have fixed keys (the ones `gradus import --dry-run` prints, units in
// the name: cadence_spm, ground_contact_ms, ...); each has a default input
// name (cadence, gct, ...), written only when the protocol declares that
// input, converted to the input's declared unit. `--map INPUT=FIELD`
// overrides or adds a mapping (`--map INPUT=none` drops one); for a CSV,
// FIELD is a column name of the header. docs/data.md has the table.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "dsl/syntax/units.hpp"
#include "engine/log/log_edit_values.hpp"

namespace gradus {

struct MapOption {
  std::string input;
  std::string field;  // "none": the input takes nothing
  Span input_span, field_span;  // into ImportMap::source
};

struct ImportMap {
  SourcePtr source;  // "--map a=b --map c=d", for diagnostics
  std::vector<MapOption> options;
  // The field `input` takes by --map, if any ("none" included).
  std::optional<std::string> field_for(std::string_view input) const;
};

struct ImportMapResult {
  ImportMap map;
  Diagnostics diagnostics;  // G0604: not INPUT=FIELD, or an input mapped twice
};

ImportMapResult parse_import_map(const std::vector<std::string>& options);

// A session-level metric from a watch, its unit, and the input it fills by default.
struct MetricInfo {
  std::string_view field;
  Unit unit;
  std::string_view default_input;  // empty: written only when mapped
  std::string_view what;
};

std::span<const MetricInfo> fit_metric_fields();

struct MetricValue {
  std::string field;  // a fit_metric_fields() key
  double value;       // in the field's unit
};

// G0604 errors for --map options naming an input the protocol lacks (the
// reserved key `minutes` is allowed) or an unknown metric field.
Diagnostics check_fit_map(const ImportMap& map, const ast::Protocol& protocol);

// The entry fields for one session: every input of `protocol` (and
// `minutes`) that takes a field present in `values`, converted to the
// input's unit. A mapping that cannot be written (a metric in spm for an
// input declared as a score) is a G0604 warning in `warnings`, and skipped.
EntryFields fit_entry_fields(std::string origin, const std::vector<MetricValue>& values, const ast::Protocol& protocol,
                             const ImportMap& map, Diagnostics& warnings);

// A number as a log writes it: at most 2 decimals, no trailing zeros.
std::string log_number_text(double value);

}  // namespace gradus

#pragma once
// A clinic's spreadsheet as day edits of a log: the header names a `date`
// column and input names (or reserved keys: stage, minutes, cleared, rest,
// note), or other names mapped with `--map INPUT=COLUMN`. An empty cell is a
// value not measured (nothing written). Every row is validated before any
// edit is returned; each error points at its cell and names the row and
// column.
#include <vector>

#include "dsl/diag/diagnostic.hpp"
#include "dsl/syntax/ast.hpp"
#include "engine/log/csv.hpp"
#include "engine/log/import_map.hpp"
#include "engine/log/log_edit.hpp"

namespace gradus {

struct CsvImportResult {
  std::vector<LogEdit> edits;  // one per row, in the CSV's order; empty when diagnostics hold an error
  Diagnostics diagnostics;
};

CsvImportResult csv_log_edits(const SourcePtr& csv, const CsvTable& table, const ast::Protocol& protocol,
                              const ImportMap& map);

}  // namespace gradus

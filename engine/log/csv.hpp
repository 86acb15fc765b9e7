#pragma once
// Reading a spreadsheet export (RFC 4180): comma-separated cells, a cell may
// be double-quoted (then it may hold commas, line breaks and "" for a
// quote), CRLF or LF line endings, a UTF-8 BOM allowed. The first row is the
// header. Every cell keeps its span in the CSV's Source, so an error is shown
// at its row and column with a caret. Rows with a different number of cells
// than the header are errors (G0603), never padded or cut silently.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

struct CsvCell {
  std::string text;  // quotes removed, "" unescaped
  Span span;         // the cell as written (with its quotes)
};

struct CsvRow {
  std::size_t number = 0;  // 1-based record number; the header is row 1
  Span span;               // the whole row (for a row-level error)
  std::vector<CsvCell> cells;
};

struct CsvTable {
  CsvRow header;
  std::vector<CsvRow> rows;  // blank lines skipped
};

struct CsvLimits {
  std::size_t max_rows = 100000;  // as many as a log's entries
  std::size_t max_columns = 256;
  std::size_t max_errors = 200;
};

struct CsvReadResult {
  std::optional<CsvTable> table;  // present exactly when there is no error
  Diagnostics diagnostics;
};

CsvReadResult read_csv(const SourcePtr& source, const CsvLimits& limits = {});

}  // namespace gradus

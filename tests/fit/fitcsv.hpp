#pragma once
// A reader for Garmin FitCSVTool output (see /work/shared/data/fit/README.md):
// rows "Type,Local Number,Message" followed by (field, value, units)
// triplets; values are quoted, arrays are '|'-joined, invalid fields omitted.
#include <string>
#include <vector>

namespace gradus::fit::testing {

struct CsvField {
  std::string name;
  std::string value;
  std::string units;
};

struct CsvRow {
  bool data = false;  // "Data" (else "Definition")
  int local = 0;
  std::string message;
  std::vector<CsvField> fields;
};

// Splits one CSV line (RFC 4180 quoting).
std::vector<std::string> split_csv_line(const std::string& line);
// The Data rows of a FitCSVTool file, in order; throws std::runtime_error when unreadable.
std::vector<CsvRow> read_fitcsv_data_rows(const std::string& path);

}  // namespace gradus::fit::testing

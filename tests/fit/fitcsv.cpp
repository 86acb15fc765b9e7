#include "tests/fit/fitcsv.hpp"

#include <fstream>
#include <stdexcept>

namespace gradus::fit::testing {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return cells;
}

std::vector<CsvRow> read_fitcsv_data_rows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<CsvRow> rows;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {  // the header line (with a UTF-8 BOM)
      first = false;
      continue;
    }
    if (line.rfind("Data,", 0) != 0) continue;
    auto cells = split_csv_line(line);
    if (cells.size() < 3) throw std::runtime_error("short row in " + path + ": " + line);
    CsvRow row;
    row.data = true;
    row.local = std::stoi(cells[1]);
    row.message = cells[2];
    for (std::size_t i = 3; i < cells.size(); i += 3) {
      CsvField f;
      f.name = cells[i];
      f.value = i + 1 < cells.size() ? cells[i + 1] : "";
      f.units = i + 2 < cells.size() ? cells[i + 2] : "";
      if (f.name.empty()) continue;
      row.fields.push_back(std::move(f));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gradus::fit::testing

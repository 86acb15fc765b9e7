#include "engine/log/csv_import.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "dsl/diag/suggest.hpp"
#include "engine/log/log_diag.hpp"

namespace gradus {

namespace {

bool is_input_or_reserved(const ast::Protocol& protocol, const std::string& name) {
  for (const auto& input : protocol.inputs) {
    if (input.name == name) return true;
  }
  for (const auto& k : reserved_entry_keys()) {
    if (k == name) return true;
  }
  return false;
}

std::string column_letter(std::size_t index) {
  std::string out;
  std::size_t n = index + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

}  // namespace

CsvImportResult csv_log_edits(const SourcePtr& csv, const CsvTable& table, const ast::Protocol& protocol,
                              const ImportMap& map) {
  CsvImportResult result;
  Diagnostics& out = result.diagnostics;
  const auto& header = table.header.cells;

  // The header: which input each column fills.
  std::optional<std::size_t> date_column;
  std::vector<std::optional<std::string>> column_input(header.size());
  std::vector<std::string> candidates{"date"};
  for (const auto& input : protocol.inputs) candidates.push_back(input.name);
  for (const auto& k : reserved_entry_keys()) candidates.push_back(k);
  std::map<std::string, Span> filled;  // input -> the column that fills it
  for (std::size_t c = 0; c < header.size(); ++c) {
    const CsvCell& cell = header[c];
    const bool date_mapped = std::any_of(map.options.begin(), map.options.end(),
                                         [&](const MapOption& o) { return o.input == "date" && o.field == cell.text; });
    if (date_mapped || (cell.text == "date" && !map.field_for("date"))) {
      if (date_column) {
        out.push_back(take(error(csv, cell.span, "G0604", "the header has two `date` columns")
                               .label("second date column")
                               .secondary(header[*date_column].span, "first here")));
      }
      date_column = c;
      continue;
    }
    std::optional<std::string> input;
    for (const auto& o : map.options) {
      if (o.field == cell.text) input = o.input;
    }
    if (!input && is_input_or_reserved(protocol, cell.text)) input = cell.text;
    if (!input) {
      auto d = error(csv, cell.span, "G0604",
                     "column " + column_letter(c) + " `" + cell.text + "` is not an input of " + protocol.id + " nor a reserved key")
                   .label("unknown column");
      if (auto guess = closest_match(cell.text, candidates)) d.help("did you mean `" + *guess + "`? (or map it: --map INPUT=" + cell.text + ")");
      else d.help("rename the column to an input name, or map it: --map INPUT=" + cell.text);
      out.push_back(take(d));
      continue;
    }
    if (const auto [it, fresh] = filled.emplace(*input, cell.span); !fresh) {
      out.push_back(take(error(csv, cell.span, "G0604", "two columns fill `" + *input + "`")
                             .label("second column for " + *input)
                             .secondary(it->second, "first here")));
      continue;
    }
    column_input[c] = input;
  }
  for (const auto& o : map.options) {
    if (o.input != "date" && !is_input_or_reserved(protocol, o.input)) {
      auto d = error(map.source, o.input_span, "G0604", "`" + o.input + "` is not an input of " + protocol.id).label("unknown input");
      if (auto guess = closest_match(o.input, candidates)) d.help("did you mean `" + *guess + "`?");
      out.push_back(take(d));
    }
    bool found = false;
    for (const auto& cell : header) found = found || cell.text == o.field;
    if (!found) {
      out.push_back(take(error(map.source, o.field_span, "G0604", "the CSV has no column `" + o.field + "`")
                             .label("no such column")
                             .note("the header is: " + std::string(csv->line_text(table.header.span.line)))));
    }
  }
  if (!date_column) {
    out.push_back(take(error(csv, table.header.span, "G0604", "the header has no `date` column")
                           .label("header row")
                           .help("name one column `date`, with days written YYYY-MM-DD")));
  }
  if (has_errors(out)) return result;

  // The rows.
  std::map<Date, std::size_t> seen;  // date -> row number
  std::map<Date, Span> seen_span;
  for (const CsvRow& row : table.rows) {
    const CsvCell& date_cell = row.cells[*date_column];
    const auto date = parse_date(date_cell.text);
    const std::string where = "row " + std::to_string(row.number) + ", column " + column_letter(*date_column) + " `date`";
    if (!date) {
      out.push_back(take(error(csv, date_cell.span, "G0506", "invalid date '" + date_cell.text + "'")
                             .label("not a calendar day as YYYY-MM-DD")
                             .note(where)
                             .help("dates are written YYYY-MM-DD with a real day, e.g. 2026-10-05")));
      continue;
    }
    if (const auto [it, fresh] = seen.emplace(*date, row.number); !fresh) {
      out.push_back(take(error(csv, date_cell.span, "G0507", "date " + to_string(*date) + " is repeated (rows " +
                                                                  std::to_string(it->second) + " and " +
                                                                  std::to_string(row.number) + ")")
                             .label("same day again")
                             .secondary(seen_span[*date], "first here")
                             .help("put everything about one day in one row")));
      continue;
    }
    seen_span[*date] = date_cell.span;
    EntryFields fields;
    fields.source = csv;
    std::vector<std::size_t> field_column;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (!column_input[c] || row.cells[c].text.empty()) continue;
      fields.fields.push_back({*column_input[c], row.cells[c].text, header[c].span, row.cells[c].span});
      field_column.push_back(c);
    }
    Diagnostics found = validate_entry_fields(protocol, fields);
    for (auto& d : found) {
      // Name the row and column: the line number alone is not the row when a quoted cell spans lines.
      for (std::size_t k = 0; k < fields.fields.size(); ++k) {
        if (fields.fields[k].value_span.begin == d.span.begin) {
          const std::size_t c = field_column[k];
          d.notes.push_back("row " + std::to_string(row.number) + ", column " + column_letter(c) + " `" + header[c].text + "`");
        }
      }
      out.push_back(std::move(d));
    }
    result.edits.push_back(LogEdit{*date, std::move(fields)});
  }
  if (has_errors(out)) result.edits.clear();
  return result;
}

}  // namespace gradus

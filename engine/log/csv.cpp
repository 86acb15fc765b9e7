#include "engine/log/csv.hpp"

#include "engine/log/log_diag.hpp"

namespace gradus {

namespace {

class CsvParser {
 public:
  CsvParser(const SourcePtr& source, const CsvLimits& limits, Diagnostics& out)
      : source_(source), text_(source->text()), limits_(limits), out_(out) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  bool failed() const { return stop_; }

  // One record; nullopt for a blank line.
  std::optional<CsvRow> record(std::size_t number) {
    CsvRow row;
    row.number = number;
    const std::size_t row_start = pos_;
    for (;;) {
      CsvCell cell = this->cell(number);
      if (stop_) return std::nullopt;
      row.cells.push_back(std::move(cell));
      if (row.cells.size() > limits_.max_columns) {
        report(take(error(source_, row.cells.back().span, "G0603",
                          "row " + std::to_string(number) + " has more than " + std::to_string(limits_.max_columns) + " cells")
                        .label("too many cells")));
        stop_ = true;
        return std::nullopt;
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      break;
    }
    std::size_t row_end = pos_;
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    if (row_end > row_start && text_[row_end - 1] == '\r') --row_end;
    row.span = source_->span(row_start, row_end);
    if (row.cells.size() == 1 && row.cells[0].span.size() == 0) return std::nullopt;  // blank line
    return row;
  }

 private:
  void report(Diagnostic d) {
    out_.push_back(std::move(d));
    if (++errors_ >= limits_.max_errors) stop_ = true;
  }

  bool cell_end(std::size_t i) const {
    return i >= text_.size() || text_[i] == ',' || text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] == '\n'));
  }

  CsvCell cell(std::size_t number) {
    CsvCell cell;
    std::size_t start = pos_;
    while (start < text_.size() && text_[start] == ' ') ++start;  // spaces before an opening quote
    if (start < text_.size() && text_[start] == '"') {
      pos_ = start + 1;
      for (;;) {
        if (pos_ >= text_.size()) {
          report(take(error(source_, source_->span(start, start + 1), "G0603",
                            "row " + std::to_string(number) + ": a quoted cell is never closed")
                          .label("this quote has no closing quote")
                          .help("close the cell with \", and write a quote inside it as \"\"")));
          stop_ = true;
          return cell;
        }
        if (text_[pos_] == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            cell.text += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        cell.text += text_[pos_++];
      }
      const std::size_t close = pos_;
      while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
      if (!cell_end(pos_)) {
        const std::size_t bad = pos_;
        while (!cell_end(pos_)) ++pos_;
        report(take(error(source_, source_->span(bad, pos_), "G0603",
                          "row " + std::to_string(number) + ": text after the closing quote of a cell")
                        .label("after the closing quote")
                        .help("put the whole cell inside the quotes")));
      }
      cell.span = source_->span(start, close);
      return cell;
    }
    pos_ = start;
    while (!cell_end(pos_)) {
      if (text_[pos_] == '"') {
        report(take(error(source_, source_->span(pos_, pos_ + 1), "G0603",
                          "row " + std::to_string(number) + ": a quote inside a cell that does not start with one")
                        .label("stray quote")
                        .help("quote the whole cell (\"...\") and write the quote as \"\"")));
      }
      ++pos_;
    }
    std::size_t end = pos_;
    while (end > start && text_[end - 1] == ' ') --end;
    cell.text = std::string(text_.substr(start, end - start));
    cell.span = source_->span(start, end);
    return cell;
  }

  SourcePtr source_;
  std::string_view text_;
  const CsvLimits& limits_;
  Diagnostics& out_;
  std::size_t pos_ = 0;
  std::size_t errors_ = 0;
  bool stop_ = false;
};

}  // namespace

CsvReadResult read_csv(const SourcePtr& source, const CsvLimits& limits) {
  CsvReadResult result;
  const std::string_view text = source->text();
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    result.diagnostics.push_back(take(error(source, source->span(nul, nul + 1), "G0002", "the CSV file holds a NUL byte")
                                          .label("NUL")
                                          .help("export the spreadsheet as CSV text (UTF-8)")));
    return result;
  }
  CsvParser parser(source, limits, result.diagnostics);
  CsvTable table;
  bool have_header = false;
  std::size_t number = 0;
  while (!parser.at_end() && !parser.failed()) {
    auto row = parser.record(number + 1);
    if (parser.failed()) break;
    if (!row) continue;
    ++number;
    if (!have_header) {
      table.header = std::move(*row);
      have_header = true;
      continue;
    }
    if (table.rows.size() >= limits.max_rows) {
      result.diagnostics.push_back(take(error(source, row->span, "G0003",
                                              "the CSV has more than " + std::to_string(limits.max_rows) + " rows; the rest was not read")
                                            .help("split the file")));
      break;
    }
    const std::size_t want = table.header.cells.size();
    if (row->cells.size() != want) {
      const bool extra = row->cells.size() > want;
      const Span at = extra ? row->cells[want].span
                            : source->span(row->span.end, row->span.end + 1);
      std::string missing;
      for (std::size_t c = row->cells.size(); c < want; ++c) missing += (missing.empty() ? "" : ", ") + table.header.cells[c].text;
      auto d = error(source, at, "G0603",
                     "row " + std::to_string(row->number) + " has " + std::to_string(row->cells.size()) + " cells, but the header has " +
                         std::to_string(want) + " columns")
                   .label(extra ? "a cell beyond the last column" : "cells missing here");
      if (!extra) d.note("missing: " + missing);
      d.help("every row has one cell per column; leave a cell empty for a value not measured");
      result.diagnostics.push_back(take(d));
      continue;
    }
    table.rows.push_back(std::move(*row));
  }
  if (!have_header && !has_errors(result.diagnostics)) {
    result.diagnostics.push_back(take(error(source, Span{}, "G0603", "the CSV file is empty: it needs a header row")
                                          .help("the first row names the columns: date, then input names")));
  }
  if (!has_errors(result.diagnostics)) result.table = std::move(table);
  return result;
}

}  // namespace gradus

#pragma once
// `gradus import ... --log LOG`: FIT sessions and CSV rows written into an
// athlete's log through the same validated, atomic path as `log add`
// (cli_log_write.hpp). FIT metrics are mapped onto input names by
// engine/log/import_map.hpp; CSV columns by engine/log/csv_import.hpp.
#include <optional>
#include <string>
#include <vector>

namespace gradus::cli {

struct ImportArgs {
  std::vector<std::string> files;  // *.fit and *.csv (by extension, any case)
  std::string log;
  std::string protocol;            // empty: found beside the log
  std::optional<std::string> date; // overrides each FIT session's local date
  std::vector<std::string> map;    // INPUT=FIELD
  bool dry_run = false;            // print the new log, change nothing
};

// Returns the exit status (0 written, 1 the log could not be written,
// 2 bad arguments, files or values: nothing written).
int import_into_log(const ImportArgs& args);

}  // namespace gradus::cli

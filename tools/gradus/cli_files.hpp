#pragma once
// Turning the PATH arguments of a subcommand into the files it works on:
// a file named explicitly is taken whatever its extension; a folder means
// every file with the extension below it (hidden folders such as .git
// skipped, symlinked folders not followed), sorted by path.
#include <string>
#include <string_view>
#include <vector>

namespace gradus::cli {

struct FileList {
  std::vector<std::string> files;     // in argument order, each folder's files sorted; no repeats
  std::vector<std::string> problems;  // "PATH: no such file or folder", one per unusable argument
  bool ok() const { return problems.empty(); }
};

// A folder with no matching file is a problem too: checking nothing is more
// likely a wrong path than a success.
FileList collect_files(const std::vector<std::string>& paths, std::string_view extension = ".gradus");

}  // namespace gradus::cli

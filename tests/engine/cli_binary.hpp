#pragma once
// For engine tests that run the real gradus binary (crash, import and
// size-limit tests): where it is, and how to put an argument in a shell
// command line.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace cli_binary {

// $GRADUS_BIN, or tools/gradus in the build tree beside this test binary.
inline std::string gradus_binary() {
  if (const char* env = std::getenv("GRADUS_BIN")) return env;
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / ".." / "tools" / "gradus")
      .lexically_normal()
      .string();
}

// `s` in single quotes for /bin/sh.
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace cli_binary

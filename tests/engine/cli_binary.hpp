#pragma once
// For engine tests that run the real gradus binary (crash, import and
// size-limit tests): where it is, how to quote an argument for the shell,
// running it for its output and exit status, and reading what it wrote.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// The whole file, as bytes.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int status = -1;     // exit status; -1 when it did not exit normally
  std::string output;  // stdout, and stderr when merged
};

enum class Stderr { Merged, Discarded };

// Runs `prefix gradus ARGS...` through /bin/sh (prefix: e.g. `setpriv ...`).
inline Run run_gradus(const std::vector<std::string>& args, Stderr err = Stderr::Merged, const std::string& prefix = "") {
  std::string command = prefix + quote(gradus_binary());
  for (const auto& a : args) command += " " + quote(a);
  command += err == Stderr::Merged ? " 2>&1" : " 2>/dev/null";
  Run r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace cli_binary

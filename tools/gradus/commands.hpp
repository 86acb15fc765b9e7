#pragma once
// The subcommand table. Each cmd_*.cpp defines its `run` function and
// registers it with a file-scope `const CommandRegistration`, so adding a
// subcommand touches no other file. `run` gets argv starting at the
// subcommand's name.
#include <ostream>
#include <string_view>

namespace gradus::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

struct CommandRegistration {
  CommandRegistration(std::string_view name, std::string_view summary, int (*run)(int, char**));
};

const Command* find_command(std::string_view name);
void print_usage(std::ostream& out);

// Exit codes shared by every subcommand (spec/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

}  // namespace gradus::cli

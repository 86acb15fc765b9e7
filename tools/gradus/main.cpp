// gradus: the command-line front door. Each subcommand lives in its own file
// (cmd_*.cpp) and registers itself in commands.hpp's table; this file only
// dispatches.
#include <cstring>
#include <iostream>
#include <string_view>

#include "tools/gradus/commands.hpp"

int main(int argc, char** argv) {
  using namespace gradus::cli;
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h" ||
      std::string_view(argv[1]) == "help") {
    if (argc < 2) {
      // With no arguments gradus runs the bundled example (see README).
      if (const Command* advise = find_command("advise")) return advise->run(argc - 1, argv + 1);
    }
    print_usage(std::cout);
    return argc < 2 ? 2 : 0;
  }
  if (std::string_view(argv[1]) == "--version") {
    std::cout << "gradus " << GRADUS_VERSION << "\n";
    return 0;
  }
  const Command* command = find_command(argv[1]);
  if (!command) {
    std::cerr << "gradus: unknown command '" << argv[1] << "'\n";
    print_usage(std::cerr);
    return 2;
  }
  return command->run(argc - 1, argv + 1);
}

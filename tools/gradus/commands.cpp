#include "tools/gradus/commands.hpp"

#include <algorithm>
#include <vector>

namespace gradus::cli {
namespace {

std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace

CommandRegistration::CommandRegistration(std::string_view name, std::string_view summary, int (*run)(int, char**)) {
  auto& commands = registry();
  commands.push_back({name, summary, run});
  std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
}

const Command* find_command(std::string_view name) {
  for (const auto& c : registry()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

void print_usage(std::ostream& out) {
  out << "usage: gradus <command> [options]\n\ncommands:\n";
  for (const auto& c : registry()) out << "  " << c.name << std::string(std::max<std::size_t>(10 - c.name.size(), 1), ' ') << c.summary << "\n";
  out << "\nRun 'gradus <command> --help' for a command's options and an example.\n"
         "With no command, gradus runs 'advise' on the bundled example.\n";
}

}  // namespace gradus::cli

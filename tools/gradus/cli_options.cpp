#include "tools/gradus/cli_options.hpp"

#include <iostream>

#include "tools/gradus/commands.hpp"

namespace gradus::cli {

namespace po = boost::program_options;

void print_usage_error(std::ostream& err, std::string_view command, std::string_view message) {
  err << "gradus " << command << ": " << message << "\nRun 'gradus " << command
      << " --help' for the options and an example.\n";
}

int usage_error(std::string_view command, std::string_view message) {
  print_usage_error(std::cerr, command, message);
  return kExitUsage;
}

std::optional<int> parse_options(std::string_view command, const char* usage, int argc, char** argv,
                                 const po::options_description& named, const po::positional_options_description& positional,
                                 po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(argc, argv).options(named).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(command, e.what());
  }
  if (vm.count("help")) {
    std::cout << usage;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace gradus::cli

#pragma once
// How every subcommand reads its options and says what was wrong with them:
//
//   gradus CMD: MESSAGE
//   Run 'gradus CMD --help' for the options and an example.
//
// then exit 2 (spec/cli.md). One spelling for all commands, so scripts and
// people see the same shape whichever command they mistyped.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <boost/program_options.hpp>

namespace gradus::cli {

// Writes the two lines above to `err`.
void print_usage_error(std::ostream& err, std::string_view command, std::string_view message);
// Writes them to stderr and returns kExitUsage.
int usage_error(std::string_view command, std::string_view message);

// Parses argv (starting at the subcommand's name) against the named and
// positional options into `vm`. Returns an exit code when the command is
// done: kExitOk after printing `usage` for -h/--help, kExitUsage after a
// usage error (an unknown option, a missing value). Nullopt: carry on.
std::optional<int> parse_options(std::string_view command, const char* usage, int argc, char** argv,
                                 const boost::program_options::options_description& named,
                                 const boost::program_options::positional_options_description& positional,
                                 boost::program_options::variables_map& vm);

}  // namespace gradus::cli

#include "tools/gradus/cli_colour.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace gradus::cli {

bool colour_for(int fd) {
  // cli.md: never when NO_COLOR is set, even to an empty value.
  if (std::getenv("NO_COLOR") != nullptr) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fd) != 0;
}

bool colour_on_stderr() { return colour_for(STDERR_FILENO); }

}  // namespace gradus::cli

#pragma once
// Whether to colour what goes to a stream: only on a terminal, never when
// NO_COLOR is set (to anything, even empty) or TERM is "dumb".
namespace gradus::cli {

bool colour_for(int fd);
bool colour_on_stderr();

}  // namespace gradus::cli

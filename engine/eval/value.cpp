#include "engine/eval/value.hpp"

namespace gradus::eval {

const char* to_string(Truth truth) {
  switch (truth) {
    case Truth::True: return "true";
    case Truth::False: return "false";
    case Truth::Unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace gradus::eval

#pragma once
// The fixed protocol the log, advise and scenario fuzz targets run against:
// the bundled example, compiled once per process.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/eval/protocol.hpp"

inline const gradus::Protocol& fuzz_protocol() {
  static const gradus::Protocol protocol = [] {
    const std::string path = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    gradus::ProtocolCompileResult compiled = gradus::Protocol::compile(path, text.str());
    if (!compiled.protocol) std::abort();
    return *compiled.protocol;
  }();
  return protocol;
}

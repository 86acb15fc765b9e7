#pragma once
// The protocols the log, advise and scenario fuzz targets run against,
// compiled once per process: the bundled example, and every shipped protocol
// for the targets that pick one by the log's `protocol:` line.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/eval/protocol.hpp"

inline gradus::Protocol fuzz_compile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  gradus::ProtocolCompileResult compiled = gradus::Protocol::compile(path, text.str());
  if (!compiled.protocol) std::abort();
  return *compiled.protocol;
}

inline const gradus::Protocol& fuzz_protocol() {
  static const gradus::Protocol protocol = fuzz_compile(std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus");
  return protocol;
}

// protocols/*.gradus by id.
inline const std::map<std::string, gradus::Protocol, std::less<>>& fuzz_shipped_protocols() {
  static const auto protocols = [] {
    std::map<std::string, gradus::Protocol, std::less<>> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(GRADUS_SOURCE_DIR) + "/protocols")) {
      if (e.path().extension() != ".gradus") continue;
      gradus::Protocol p = fuzz_compile(e.path().string());
      out.emplace(p.id(), std::move(p));
    }
    return out;
  }();
  return protocols;
}

// The shipped protocol whose id follows the first `protocol:` at the start of
// a line, or the bundled example (which then refuses a log for another id).
// A plain scan, not YAML: the fuzzer steers it with the same bytes the
// loader reads.
inline const gradus::Protocol& fuzz_protocol_named_in(std::string_view text) {
  std::size_t at = text.starts_with("protocol:") ? 0 : text.find("\nprotocol:");
  if (at != std::string_view::npos) {
    at = text.find(':', at) + 1;
    while (at < text.size() && (text[at] == ' ' || text[at] == '"' || text[at] == '\'')) ++at;
    std::size_t end = at;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    const auto& shipped = fuzz_shipped_protocols();
    if (auto it = shipped.find(text.substr(at, end - at)); it != shipped.end()) return it->second;
  }
  return fuzz_protocol();
}

#pragma once
// Where the shared FIT corpus lives, and file reading for the tests.
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradus::fit::testing {

inline std::string corpus_dir() { return std::string(GRADUS_SHARED_DIR) + "/data/fit"; }

inline std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace gradus::fit::testing

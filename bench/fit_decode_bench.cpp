// Decodes the largest FIT file of the shared corpus N times and prints the
// throughput. Usage: fit_decode_bench [FILE.fit] [N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/fit/decoder.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::string path;
  if (argc > 1) {
    path = argv[1];
  } else {
    // The largest valid file of the corpus (invalid/ is a subfolder, not scanned).
    std::uintmax_t best = 0;
    for (const auto& e : fs::directory_iterator(std::string(GRADUS_SHARED_DIR) + "/data/fit")) {
      if (e.path().extension() == ".fit" && e.file_size() > best) {
        best = e.file_size();
        path = e.path().string();
      }
    }
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fit_decode_bench: cannot open '%s'\n", path.c_str());
    return 2;
  }
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t messages = 0;
  {
    const auto warm = gradus::fit::decode(bytes);
    if (!warm.ok()) {
      std::fprintf(stderr, "fit_decode_bench: %s at byte %zu\n", warm.error->message.c_str(), warm.error->offset);
      return 1;
    }
    messages = warm.file.messages.size();
  }
  std::size_t checksum = 0;
  // CPU time as well as wall time: on a shared, loaded machine the wall
  // figure measures the other processes too.
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) checksum += gradus::fit::decode(bytes).file.fields.size();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double mb = static_cast<double>(bytes.size()) * runs / 1e6;
  std::printf("file: %s (%zu bytes, %zu messages)\n", path.c_str(), bytes.size(), messages);
  std::printf("runs: %d, wall %.3f s, cpu %.3f s (checksum %zu)\n", runs, seconds, cpu_seconds, checksum);
  std::printf("throughput: %.1f MB/s per CPU second, %.1f MB/s wall; %.0f messages per CPU second\n",
              mb / cpu_seconds, mb / seconds, static_cast<double>(messages) * runs / cpu_seconds);
  return 0;
}

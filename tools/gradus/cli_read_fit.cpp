#include "tools/gradus/cli_read_fit.hpp"

#include <iostream>
#include <memory>

#include "engine/fit/decoder.hpp"
#include "engine/fit/read_fit.hpp"

namespace gradus::cli {

std::optional<std::vector<std::uint8_t>> read_fit_for_import(const std::string& path, Diagnostics& diagnostics) {
  const std::size_t limit = fit::DecodeOptions{}.max_bytes;
  fit::FitRead read = fit::read_fit_file(path, limit);
  if (!read.error.empty()) {
    std::cerr << "gradus import: " << read.error << "\n";
    return std::nullopt;
  }
  if (read.too_large) {
    const std::string size =
        read.size ? std::to_string(*read.size) + " bytes" : "more than " + std::to_string(limit) + " bytes";
    // A FIT file has no lines to quote: the Source carries the path only.
    auto placeholder = std::make_shared<const Source>(path, std::string());
    auto d = error(placeholder, Span{}, "G0003",
                   "file is too large: " + size + "; the limit for a FIT file is " + std::to_string(limit) +
                       " bytes (" + std::to_string(limit >> 20) + " MiB)");
    d.help("a watch activity file is under 10 MB; check that this is the right file");
    diagnostics.push_back(std::move(d.d));
    return std::nullopt;
  }
  return std::move(read.bytes);
}

}  // namespace gradus::cli

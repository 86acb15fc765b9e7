#pragma once
// A FIT file for `gradus import`, read with the decoder's size cap
// (fit::DecodeOptions::max_bytes, docs/limits.md): a file that cannot be
// opened is printed as "gradus import: cannot read ..."; a file over the cap
// is a G0003 diagnostic naming the file, its size and the limit. Either way
// nullopt, and the command exits 2.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dsl/diag/diagnostic.hpp"

namespace gradus::cli {

std::optional<std::vector<std::uint8_t>> read_fit_for_import(const std::string& path, Diagnostics& diagnostics);

}  // namespace gradus::cli

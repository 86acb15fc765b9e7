#pragma once
// Replace a file so that a crash or power cut at any instant leaves either
// the old or the new content: write a temporary file in the same folder,
// fsync it, rename it over the target, fsync the folder.
#include <string>
#include <string_view>

namespace gradus {

struct WriteResult {
  bool ok = true;
  std::string error;  // what failed, with the OS's reason
};

WriteResult atomic_write(const std::string& path, std::string_view content);

}  // namespace gradus

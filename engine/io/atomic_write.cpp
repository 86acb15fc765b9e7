#include "engine/io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gradus {
namespace {

WriteResult failure(const std::string& what, const std::string& path) {
  return {false, what + " " + path + ": " + std::strerror(errno)};
}

}  // namespace

WriteResult atomic_write(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();

  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return failure("cannot create a temporary file beside", path);

  // Keep the permissions of the file being replaced.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);
  else ::fchmod(fd, 0644);

  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      WriteResult r = failure("cannot write", tmpl);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return r;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    WriteResult r = failure("cannot flush", tmpl);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return r;
  }
  if (::close(fd) != 0) {
    WriteResult r = failure("cannot close", tmpl);
    ::unlink(tmpl.c_str());
    return r;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    WriteResult r = failure("cannot replace", path);
    ::unlink(tmpl.c_str());
    return r;
  }
  int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

}  // namespace gradus

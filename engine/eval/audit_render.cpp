#include "engine/eval/audit_render.hpp"

#include <string>

namespace gradus::eval {
namespace {

std::string file_text(const std::string& path, const std::string& sha256) {
  if (path.empty()) return "(not read from a file)";
  return path + " sha256 " + sha256;
}

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json date_or_null(const std::optional<Date>& d) {
  return d ? nlohmann::json(to_string(*d)) : nlohmann::json(nullptr);
}

}  // namespace

void render_audit_text(std::ostream& out, const ReplayAudit& au) {
  out << "\nAudit:\n";
  out << "  protocol " << au.protocol_id;
  if (!au.protocol_version.empty()) out << " " << au.protocol_version;
  out << ", " << file_text(au.protocol_path, au.protocol_sha256) << "\n";
  out << "  log " << file_text(au.log_path, au.log_sha256);
  if (au.athlete) out << ", athlete \"" << *au.athlete << "\"";
  out << "\n";
  if (au.entries_used == 0) {
    out << "  no entries used";
    if (au.used_before) out << " (none dated before " << to_string(*au.used_before) << ")";
  } else {
    out << "  " << (au.entries_used == 1 ? "1 entry" : std::to_string(au.entries_used) + " entries") << " used, "
        << to_string(*au.first_used);
    if (au.last_used != au.first_used) out << " to " << to_string(*au.last_used);
  }
  if (au.entries_ignored > 0 && au.used_before) {
    out << " (" << au.entries_ignored << " dated on or after " << to_string(*au.used_before) << " ignored)";
  }
  out << "\n";
  if (!au.gradus_version.empty()) out << "  gradus " << au.gradus_version << "\n";
}

nlohmann::json audit_json(const ReplayAudit& au) {
  using nlohmann::json;
  return json{{"gradus_version", text_or_null(au.gradus_version)},
              {"protocol_id", au.protocol_id},
              {"protocol_version", au.protocol_version},
              {"protocol_path", text_or_null(au.protocol_path)},
              {"protocol_sha256", text_or_null(au.protocol_sha256)},
              {"log_path", text_or_null(au.log_path)},
              {"log_sha256", text_or_null(au.log_sha256)},
              {"athlete", au.athlete ? json(*au.athlete) : json(nullptr)},
              {"entries_used", au.entries_used},
              {"first_entry_used", date_or_null(au.first_used)},
              {"last_entry_used", date_or_null(au.last_used)},
              {"entries_ignored", au.entries_ignored}};
}

}  // namespace gradus::eval

#include "tests/fit/compare.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "engine/fit/profile.hpp"

namespace gradus::fit::testing {
namespace {

struct Alias {
  std::uint16_t mesg;
  const char* main;
  const char* alias;
  bool same_scale;  // compare the value, else only presence
};

// Subfields FitCSVTool prints under their own names (FIT profile 21.x).
constexpr Alias kAliases[] = {
    {0, "product", "garmin_product", true},
    {0, "product", "favero_product", true},
    {23, "product", "garmin_product", true},
    {23, "product", "favero_product", true},
    {23, "device_type", "antplus_device_type", true},
    {23, "device_type", "ant_device_type", true},
    {23, "device_type", "local_device_type", true},
    {23, "device_type", "ble_device_type", true},
    {18, "total_cycles", "total_strides", true},
    {18, "total_cycles", "total_strokes", true},
    {18, "avg_cadence", "avg_running_cadence", true},
    {18, "max_cadence", "max_running_cadence", true},
    {19, "total_cycles", "total_strides", true},
    {19, "total_cycles", "total_strokes", true},
    {19, "avg_cadence", "avg_running_cadence", true},
    {19, "max_cadence", "max_running_cadence", true},
    {21, "data", "timer_trigger", true},
    {21, "data", "course_point_index", true},
    {21, "data", "battery_level", false},
    {21, "data", "virtual_partner_speed", false},
    {21, "data", "hr_high_alert", true},
    {21, "data", "hr_low_alert", true},
    {21, "data", "speed_high_alert", false},
    {21, "data", "speed_low_alert", false},
    {21, "data", "cad_high_alert", true},
    {21, "data", "cad_low_alert", true},
    {21, "data", "power_high_alert", true},
    {21, "data", "power_low_alert", true},
    {21, "data", "time_duration_alert", false},
    {21, "data", "distance_duration_alert", false},
    {21, "data", "calorie_duration_alert", true},
    {21, "data", "fitness_equipment_state", true},
    {21, "data", "sport_point", false},
    {21, "data", "gear_change_data", false},
    {21, "data", "rider_position", true},
    {21, "data", "comm_timeout", true},
    {21, "data", "dive_alert", true},
    {21, "data", "auto_activity_detect_duration", true},
    {21, "data", "radar_threat_alert", false},
};

// Expansions FitCSVTool performs and our decoder does not: target <- source.
struct Expansion {
  std::uint16_t mesg;
  const char* target;
  const char* source;
};
constexpr Expansion kExpansions[] = {
    {20, "enhanced_speed", "speed"},
    {20, "enhanced_altitude", "altitude"},
    {18, "enhanced_avg_speed", "avg_speed"},
    {18, "enhanced_max_speed", "max_speed"},
    {19, "enhanced_avg_speed", "avg_speed"},
    {19, "enhanced_max_speed", "max_speed"},
    {21, "data", "data16"},
};

std::vector<std::string> split_bars(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == '|') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

bool close(double ours, double theirs) {
  if (ours == theirs || (std::isnan(ours) && std::isnan(theirs))) return true;
  return std::fabs(ours - theirs) <= 1e-6 * std::max(1.0, std::fabs(theirs));
}

class Comparer {
 public:
  Comparer(const FitFile& file, Comparison& out, std::size_t max, const std::set<std::string>& ignored)
      : file_(file), out_(out), max_(max), ignored_(ignored) {}

  void mismatch(std::size_t index, const std::string& what) {
    ++out_.mismatch_total;
    if (out_.mismatches.size() < max_) out_.mismatches.push_back("message " + std::to_string(index) + ": " + what);
  }

  // Our values of a field as FitCSVTool would print them: scaled valid
  // elements, raw invalid ones.
  std::vector<double> our_numbers(const Message& m, const Field& f) const {
    std::vector<double> v;
    for (std::size_t i = 0; i < f.count; ++i)
      v.push_back(file_.element_valid(f, i) ? file_.scaled(m, f, i) : file_.element_number(f, i));
    return v;
  }

  void compare_value(std::size_t index, const Message& m, const Field& f, const std::string& name,
                     const std::string& csv_value, bool developer) {
    if (f.type == BaseType::String) {
      const std::string first = split_bars(csv_value).front();
      if (std::string(file_.string(f)) != first)
        mismatch(index, name + ": ours '" + std::string(file_.string(f)) + "', CSV '" + csv_value + "'");
      (developer ? out_.developer_values_compared : out_.values_compared)++;
      return;
    }
    const auto ours = our_numbers(m, f);
    const auto parts = split_bars(csv_value);
    // The CSV may append expanded elements; ours must be a prefix of it.
    if (parts.size() < ours.size()) {
      mismatch(index, name + ": ours has " + std::to_string(ours.size()) + " elements, CSV '" + csv_value + "'");
      return;
    }
    for (std::size_t i = 0; i < ours.size(); ++i) {
      double theirs = 0;
      if (!parse_number(parts[i], theirs) || !close(ours[i], theirs)) {
        std::ostringstream s;
        s.precision(17);
        s << name << "[" << i << "]: ours " << ours[i] << ", CSV '" << csv_value << "'";
        mismatch(index, s.str());
        return;
      }
    }
    (developer ? out_.developer_values_compared : out_.values_compared)++;
  }

  void compare_message(std::size_t index, const Message& m, const CsvRow& row) {
    std::multimap<std::string, const CsvField*> csv;
    for (const auto& f : row.fields) csv.emplace(f.name, &f);
    auto first_csv = [&](const std::string& name) -> const CsvField* {
      const auto it = csv.find(name);
      return it == csv.end() ? nullptr : it->second;
    };
    const auto fields = file_.fields_of(m);
    const char* mname = message_name(m.global);
    std::map<std::string, bool> ours_named;  // profile names we hold valid (native)

    if (mname) {
      for (const Field& f : fields) {
        if (f.developer()) continue;
        const ProfileField* p = profile_field(m.global, f.number);
        if (!p) continue;
        if (!file_.field_valid(f)) continue;
        ours_named[p->name] = true;
        if (const CsvField* c = first_csv(p->name)) {
          compare_value(index, m, f, p->name, c->value, false);
          continue;
        }
        bool found = false;
        for (const Alias& a : kAliases) {
          if (a.mesg != m.global || std::string_view(a.main) != p->name) continue;
          if (const CsvField* c = first_csv(a.alias)) {
            found = true;
            ours_named[a.alias] = true;
            if (a.same_scale) compare_value(index, m, f, a.alias, c->value, false);
            else ++out_.values_compared;
            break;
          }
        }
        if (!found) mismatch(index, std::string(p->name) + " is valid in ours but absent from the CSV");
      }
      // Reverse direction: every CSV field with a profile (or alias) name must be ours.
      for (const auto& c : row.fields) {
        if (ours_named.count(c.name)) continue;
        bool known = false;
        for (const ProfileField& p : profile_fields(m.global)) known = known || c.name == p.name;
        for (const Alias& a : kAliases) known = known || (a.mesg == m.global && c.name == a.alias);
        if (!known) continue;
        if (c.name == "timestamp" && m.has_timestamp && m.compressed_header) {
          double theirs = 0;
          if (!parse_number(c.value, theirs) || theirs != static_cast<double>(m.timestamp))
            mismatch(index, "compressed timestamp: ours " + std::to_string(m.timestamp) + ", CSV " + c.value);
          ++out_.values_compared;
          continue;
        }
        bool expanded = false;
        for (const Expansion& e : kExpansions) {
          if (e.mesg != m.global || c.name != e.target) continue;
          for (const Field& f : fields) {
            const ProfileField* p = f.developer() ? nullptr : profile_field(m.global, f.number);
            if (p && std::string_view(p->name) == e.source && file_.field_valid(f)) {
              expanded = true;
              compare_value(index, m, f, c.name + " (expanded from " + e.source + ")", c.value, false);
            }
          }
        }
        if (!expanded && ignored_.count(row.message + "." + c.name)) {
          ++out_.ignored;
          continue;
        }
        if (!expanded) mismatch(index, "CSV has " + c.name + "='" + c.value + "', ours does not");
      }
    }

    // Developer fields by name, in every message type.
    std::multimap<std::string, const Field*> ours_dev;
    for (const Field& f : fields)
      if (f.developer() && file_.field_valid(f)) ours_dev.emplace(file_.developer_fields[f.description].name, &f);
    for (auto it = ours_dev.begin(); it != ours_dev.end();) {
      const std::string& name = it->first;
      auto [lo, hi] = csv.equal_range(name);
      auto range = ours_dev.equal_range(name);
      std::size_t n_ours = static_cast<std::size_t>(std::distance(range.first, range.second));
      std::size_t n_csv = static_cast<std::size_t>(std::distance(lo, hi));
      if (n_ours != n_csv) mismatch(index, "developer field '" + name + "': ours " + std::to_string(n_ours) +
                                              " value(s), CSV " + std::to_string(n_csv));
      auto o = range.first;
      for (auto c = lo; c != hi && o != range.second; ++c, ++o)
        compare_value(index, m, *o->second, name, c->second->value, true);
      it = range.second;
    }
    for (const auto& desc : file_.developer_fields) {
      if (csv.count(desc.name) && !ours_dev.count(desc.name) && !(mname && ours_named.count(desc.name)) &&
          !profile_name(m.global, desc.name))
        mismatch(index, "CSV has developer field '" + desc.name + "', ours does not");
    }
  }

  static bool profile_name(std::uint16_t mesg, const std::string& name) {
    for (const ProfileField& p : profile_fields(mesg))
      if (name == p.name) return true;
    return false;
  }

 private:
  const FitFile& file_;
  Comparison& out_;
  std::size_t max_;
  const std::set<std::string>& ignored_;
};

}  // namespace

Comparison compare_with_fitcsv(const FitFile& file, const std::vector<CsvRow>& rows,
                               const std::set<std::string>& ignored_csv_only, std::size_t max_mismatches) {
  Comparison out;
  Comparer cmp(file, out, max_mismatches, ignored_csv_only);
  for (const auto& r : rows) ++out.csv_counts[r.message];
  if (rows.size() != file.messages.size())
    cmp.mismatch(0, "message count: ours " + std::to_string(file.messages.size()) + ", CSV " +
                        std::to_string(rows.size()));
  const std::size_t n = std::min(rows.size(), file.messages.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Message& m = file.messages[i];
    const CsvRow& row = rows[i];
    const char* name = message_name(m.global);
    ++out.our_counts[name ? std::string(name) : row.message];
    if (name ? row.message != name : Comparer::profile_name(0xFFFF, row.message) ||
                                          row.message == "file_id" || row.message == "session" ||
                                          row.message == "lap" || row.message == "record" ||
                                          row.message == "event" || row.message == "device_info" ||
                                          row.message == "activity" || row.message == "field_description" ||
                                          row.message == "developer_data_id") {
      cmp.mismatch(i, "message " + std::to_string(m.global) + " is '" + (name ? name : "?") + "' in ours, '" +
                          row.message + "' in the CSV");
      // Out of step: stop rather than report every following message.
      break;
    }
    cmp.compare_message(i, m, row);
    ++out.messages_compared;
  }
  for (std::size_t i = n; i < file.messages.size(); ++i) {
    const char* name = message_name(file.messages[i].global);
    ++out.our_counts[name ? std::string(name) : "(unnamed " + std::to_string(file.messages[i].global) + ")"];
  }
  return out;
}

}  // namespace gradus::fit::testing

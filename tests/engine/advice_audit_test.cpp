// The audit trail of `gradus advise` (docs/advice.md): which protocol and log
// files, byte for byte, and which entries a decision came from.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>

#include "engine/eval/advice_render.hpp"
#include "engine/eval/audit_render.hpp"
#include "engine/eval/timeline_render.hpp"
#include "engine/io/sha256.hpp"
#include "tests/engine/eval_support.hpp"

using namespace gradus;
using test::compile_ok;
using test::day;
using test::load_ok;

namespace {

// The digest coreutils prints: the audit promises equality with it.
std::string sha256sum(const std::string& path) {
  FILE* pipe = ::popen(("sha256sum '" + path + "'").c_str(), "r");
  REQUIRE(pipe);
  char buf[65] = {};
  const std::size_t n = std::fread(buf, 1, 64, pipe);
  ::pclose(pipe);
  REQUIRE(n == 64);
  return std::string(buf, n);
}

const char* kProtocol = R"(protocol t "T"
version 2.1.0
input pain score 0..10
stage a "A"
  session run 10 min
  advance if pain == 0
stage b "B"
  session run 20 min
)";

std::string text_of(const eval::Advice& a, const eval::Plan& plan) {
  std::ostringstream out;
  eval::render_advice_text(out, a, plan);
  return out.str();
}

}  // namespace

TEST_CASE("the audit names both files by the SHA-256 sha256sum prints", "[advise][audit]") {
  const std::string protocol_path = std::string(GRADUS_SOURCE_DIR) + "/protocols/bsi-tibia.gradus";
  const std::string log_path = std::string(GRADUS_SOURCE_DIR) + "/protocols/examples/bsi-tibia.log.yaml";
  auto compiled = Protocol::compile(protocol_path, test::read_file(protocol_path));
  REQUIRE(compiled.protocol);
  const auto loaded = compiled.protocol->load_log(log_path, test::read_file(log_path));
  REQUIRE(loaded.log);
  const auto a = compiled.protocol->advise(*loaded.log, day("2026-10-08"));
  CHECK(a.audit.protocol_id == "bsi_tibia");
  CHECK(a.audit.protocol_version == "1.0.0");
  CHECK(a.audit.protocol_path == protocol_path);
  CHECK(a.audit.log_path == log_path);
  CHECK(a.audit.protocol_sha256 == sha256sum(protocol_path));
  CHECK(a.audit.log_sha256 == sha256sum(log_path));
  CHECK(a.audit.protocol_sha256 != a.audit.log_sha256);
  CHECK(a.audit.gradus_version.empty());  // only the CLI knows its version

  const auto j = eval::advice_json(a, compiled.protocol->plan());
  CHECK(j["audit"]["protocol_sha256"] == sha256sum(protocol_path));
  CHECK(j["audit"]["log_sha256"] == sha256sum(log_path));
  CHECK(j["audit"]["protocol_path"] == protocol_path);
  CHECK(j["audit"]["gradus_version"].is_null());
  const std::string text = text_of(a, compiled.protocol->plan());
  CHECK(text.find("\nAudit:\n  protocol bsi_tibia 1.0.0, " + protocol_path + " sha256 " + sha256sum(protocol_path) +
                  "\n") != std::string::npos);
}

TEST_CASE("the audit counts the entries used and those on or after the date", "[advise][audit]") {
  const Protocol p = compile_ok(kProtocol);
  const Log log = load_ok(p, "athlete: \"A. Runner\"\nentries:\n"
                             "  - {date: 2026-10-01, pain: 1}\n"
                             "  - {date: 2026-10-02, rest: true, pain: 0}\n"
                             "  - {date: 2026-10-04, pain: 0}\n"
                             "  - {date: 2026-10-06, pain: 0}\n");
  const auto a = p.advise(log, day("2026-10-04"));
  CHECK(a.audit.entries_used == 2);
  REQUIRE(a.audit.first_used);
  REQUIRE(a.audit.last_used);
  CHECK(*a.audit.first_used == day("2026-10-01"));
  CHECK(*a.audit.last_used == day("2026-10-02"));  // a rest entry is used too
  CHECK(a.audit.entries_ignored == 2);             // 10-04 (the advice date itself) and 10-06
  CHECK(a.audit.athlete == std::optional<std::string>("A. Runner"));
  CHECK(a.audit.protocol_id == "t");
  CHECK(a.audit.protocol_version == "2.1.0");
  CHECK(a.audit.protocol_path == "test.gradus");
  CHECK(a.audit.protocol_sha256 == sha256_hex(kProtocol));

  const auto j = eval::advice_json(a, p.plan());
  CHECK(j["audit"]["entries_used"] == 2);
  CHECK(j["audit"]["first_entry_used"] == "2026-10-01");
  CHECK(j["audit"]["last_entry_used"] == "2026-10-02");
  CHECK(j["audit"]["entries_ignored"] == 2);
  CHECK(j["audit"]["athlete"] == "A. Runner");
  const std::string text = text_of(a, p.plan());
  CHECK(text.find("  2 entries used, 2026-10-01 to 2026-10-02 (2 dated on or after 2026-10-04 ignored)\n") !=
        std::string::npos);

  // After the last entry nothing is ignored; one entry shows one date.
  const auto later = p.advise(log, day("2026-10-07"));
  CHECK(later.audit.entries_used == 4);
  CHECK(later.audit.entries_ignored == 0);
  const auto first = p.advise(log, day("2026-10-02"));
  CHECK(first.audit.entries_used == 1);
  CHECK(text_of(first, p.plan()).find("  1 entry used, 2026-10-01 (3 dated on or after 2026-10-02 ignored)\n") !=
        std::string::npos);
}

TEST_CASE("the audit of a log with no entries", "[advise][audit]") {
  const Protocol p = compile_ok(kProtocol);
  const Log log = load_ok(p, "entries: []\n");
  const auto a = p.advise(log, day("2026-10-04"));
  CHECK(a.audit.entries_used == 0);
  CHECK(a.audit.entries_ignored == 0);
  CHECK_FALSE(a.audit.first_used);
  CHECK_FALSE(a.audit.last_used);
  CHECK_FALSE(a.audit.athlete);
  const auto j = eval::advice_json(a, p.plan());
  CHECK(j["audit"]["entries_used"] == 0);
  CHECK(j["audit"]["first_entry_used"].is_null());
  CHECK(j["audit"]["last_entry_used"].is_null());
  CHECK(j["audit"]["athlete"].is_null());
  CHECK(text_of(a, p.plan()).find("  no entries used (none dated before 2026-10-04)\n") != std::string::npos);
}

TEST_CASE("the audit of a log built in code names no file", "[advise][audit]") {
  const Protocol p = compile_ok(kProtocol);
  Log log = load_ok(p, "entries:\n  - {date: 2026-10-01, pain: 0}\n");
  log.source = nullptr;  // as an embedder building entries in memory has it
  const auto a = p.advise(log, day("2026-10-03"));
  CHECK(a.audit.log_path.empty());
  CHECK(a.audit.log_sha256.empty());
  CHECK(a.audit.entries_used == 1);
  CHECK_FALSE(a.audit.protocol_sha256.empty());
  const auto j = eval::advice_json(a, p.plan());
  CHECK(j["audit"]["log_path"].is_null());
  CHECK(j["audit"]["log_sha256"].is_null());
  CHECK(text_of(a, p.plan()).find("  log (not read from a file)\n") != std::string::npos);
}

TEST_CASE("gradus explain carries the same audit: the entries replayed up to --to", "[explain][audit]") {
  const Protocol p = compile_ok(kProtocol);
  const Log log = load_ok(p, "entries:\n"
                             "  - {date: 2026-10-01, pain: 1}\n"
                             "  - {date: 2026-10-03, pain: 0}\n"
                             "  - {date: 2026-10-05, pain: 0}\n");
  const auto all = p.explain(log);
  CHECK(all.audit.entries_used == 3);
  CHECK(all.audit.entries_ignored == 0);
  CHECK_FALSE(all.audit.used_before);
  CHECK(all.audit.protocol_sha256 == sha256_hex(kProtocol));
  CHECK(all.audit.log_path == "test.log.yaml");

  // --from does not cut what is replayed (the earlier entries set the state); --to does.
  const auto part = p.explain(log, day("2026-10-03"), day("2026-10-03"));
  CHECK(part.audit.entries_used == 2);
  REQUIRE(part.audit.last_used);
  CHECK(*part.audit.last_used == day("2026-10-03"));
  CHECK(part.audit.entries_ignored == 1);
  std::ostringstream out;
  eval::render_audit_text(out, part.audit);
  CHECK(out.str().find("  2 entries used, 2026-10-01 to 2026-10-03 (1 dated on or after 2026-10-04 ignored)\n") !=
        std::string::npos);
  const auto j = eval::timeline_json(part, p.plan());
  CHECK(j["audit"]["entries_used"] == 2);
  CHECK(j["audit"]["entries_ignored"] == 1);
}

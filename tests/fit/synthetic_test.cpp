// FIT bytes built in the test, for the parts of the protocol the corpus
// covers thinly or not at all, and for every way the input can be damaged.
#include <catch2/catch.hpp>

#include <bit>
#include <cstring>
#include <string>

#include "engine/fit/decoder.hpp"
#include "engine/fit/profile.hpp"
#include "tests/fit/fit_builder.hpp"

using namespace gradus::fit;
using namespace gradus::fit::testing;

namespace {

constexpr std::uint8_t kEnum = 0x00, kSint8 = 0x01, kUint8 = 0x02, kSint16 = 0x83, kUint16 = 0x84, kSint32 = 0x85,
                       kUint32 = 0x86, kString = 0x07, kFloat32 = 0x88, kFloat64 = 0x89, kUint8z = 0x0A,
                       kUint16z = 0x8B, kUint32z = 0x8C, kByte = 0x0D, kSint64 = 0x8E, kUint64 = 0x8F,
                       kUint64z = 0x90;

Bytes developer_preamble(FitBuilder& b) {
  // developer_data_id: developer_data_index 0; field_description: index 0,
  // field 1, uint16, "Leg Spring Stiffness", scale 10, offset 0, units "kN/m".
  b.definition(0, mesg::kDeveloperDataId, {{3, 1, kUint8}});
  b.data(0, {0});
  b.definition(1, mesg::kFieldDescription,
               {{0, 1, kUint8}, {1, 1, kUint8}, {2, 1, kUint8}, {3, 24, kString}, {6, 1, kUint8}, {7, 1, kSint8},
                {8, 8, kString}});
  Bytes d = {0, 1, kUint16};
  std::string name = "Leg Spring Stiffness";
  name.resize(24, '\0');
  d.insert(d.end(), name.begin(), name.end());
  d.push_back(10);
  d.push_back(0);
  std::string units = "kN/m";
  units.resize(8, '\0');
  d.insert(d.end(), units.begin(), units.end());
  b.data(1, d);
  return d;
}

}  // namespace

TEST_CASE("big-endian and little-endian definitions decode the same values", "[fit][synthetic]") {
  for (bool big : {false, true}) {
    FitBuilder b;
    b.definition(0, mesg::kRecord, {{253, 4, kUint32}, {3, 1, kUint8}, {5, 4, kUint32}, {6, 2, kUint16}, {2, 2, kUint16}},
                 big);
    Bytes d;
    put_u32(d, 1000000000u, big);
    d.push_back(150);
    put_u32(d, 123456u, big);  // 1234.56 m
    put_u16(d, 2750, big);     // 2.75 m/s
    put_u16(d, 2600, big);     // 2600/5 - 500 = 20 m
    b.data(0, d);
    const auto r = decode(b.build());
    REQUIRE(r.ok());
    REQUIRE(r.file.messages.size() == 1);
    const auto v = r.file.view(0);
    CHECK(v.global() == mesg::kRecord);
    CHECK(v.message().timestamp == 1000000000u);
    CHECK(*v.number(3) == 150);
    CHECK(*v.number(5) == Approx(1234.56));
    CHECK(*v.number(6) == Approx(2.75));
    CHECK(*v.number(2) == Approx(20.0));
  }
}

TEST_CASE("compressed timestamps count from the last timestamp and roll over every 32 s", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{253, 4, kUint32}, {3, 1, kUint8}});
  b.definition(1, mesg::kRecord, {{3, 1, kUint8}});
  Bytes d;
  put_u32(d, 0x1000001Eu);  // low 5 bits = 30
  d.push_back(100);
  b.data(0, d);
  b.compressed(1, 31, {101});  // +1
  b.compressed(1, 2, {102});   // rolls over: 31 -> 2 is +3
  b.compressed(1, 2, {103});   // same offset: +0
  b.compressed(1, 1, {104});   // rolls over again: +31
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  REQUIRE(r.file.messages.size() == 5);
  const std::uint32_t base = 0x1000001Eu;
  const std::uint32_t expected[] = {base, base + 1, base + 4, base + 4, base + 35};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(r.file.messages[i].has_timestamp);
    CHECK(r.file.messages[i].timestamp == expected[i]);
    CHECK(r.file.messages[i].compressed_header == (i > 0));
    CHECK(*r.file.view(i).number(3) == 100 + static_cast<double>(i));
  }
}

TEST_CASE("a definition with 255 fields decodes, and a truncated one is an error", "[fit][synthetic]") {
  std::vector<FieldSpec> fields;
  Bytes d;
  for (int i = 0; i < 255; ++i) {
    fields.push_back({static_cast<std::uint8_t>(i), 1, kUint8});
    d.push_back(static_cast<std::uint8_t>(i % 200));
  }
  FitBuilder b;
  b.definition(3, 65280, fields);  // a manufacturer-specific message number
  b.data(3, d);
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  REQUIRE(r.file.messages.size() == 1);
  const auto v = r.file.view(0);
  CHECK(v.fields().size() == 255);
  CHECK(*v.raw(199) == 199);
  CHECK(*v.raw(254) == 54);

  // The same definition cut after 10 of its fields, with the header's data
  // size still claiming the full length.
  FitBuilder cut;
  cut.raw(Bytes(b.data_bytes().begin(), b.data_bytes().begin() + 6 + 30));
  FitBuilder::Framing framing;
  framing.data_size = static_cast<std::uint32_t>(b.data_bytes().size());
  auto bytes = cut.build(framing);
  bytes.resize(bytes.size() - 2);  // no CRC either
  const auto t = decode(bytes);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error->message.find("unexpected end of input inside a definition message") != std::string::npos);
  CHECK(t.error->offset == bytes.size());
}

TEST_CASE("a data size larger than the file keeps the whole messages and reports the truncation", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{3, 1, kUint8}, {4, 1, kUint8}});
  b.data(0, {120, 80});
  b.data(0, {121, 81});
  FitBuilder::Framing framing;
  framing.data_size = static_cast<std::uint32_t>(b.data_bytes().size() + 1000);
  auto bytes = b.build(framing);
  bytes.resize(bytes.size() - 2);  // a cut file has no CRC
  const auto r = decode(bytes);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->message.find("unexpected end of input: the header declares") != std::string::npos);
  CHECK(r.error->offset == bytes.size());
  REQUIRE(r.file.messages.size() == 2);
  CHECK(*r.file.view(1).number(3) == 121);
}

TEST_CASE("a message crossing the declared data end is an error even inside the file", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{3, 1, kUint8}, {4, 1, kUint8}});
  b.data(0, {120, 80});
  FitBuilder::Framing framing;
  framing.data_size = static_cast<std::uint32_t>(b.data_bytes().size() - 1);
  const auto r = decode(b.build(framing));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->message.find("past the end of the data declared") != std::string::npos);
}

TEST_CASE("developer fields are read by name with their units and scale", "[fit][synthetic]") {
  FitBuilder b;
  developer_preamble(b);
  b.definition(2, mesg::kRecord, {{3, 1, kUint8}}, false, {{1, 2, 0}});
  Bytes d = {140};
  put_u16(d, 105);  // 10.5 kN/m
  b.data(2, d);
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  REQUIRE(r.warnings.empty());
  REQUIRE(r.file.messages.size() == 3);
  const auto v = r.file.view(2);
  CHECK(*v.developer_number("Leg Spring Stiffness") == Approx(10.5));
  const Field* f = v.developer_field("Leg Spring Stiffness");
  REQUIRE(f);
  CHECK(r.file.description(*f)->units == "kN/m");
  CHECK(r.file.description(*f)->type == BaseType::Uint16);
  CHECK_FALSE(v.developer_number("Form Power"));
}

TEST_CASE("a developer field with an undefined developer index is skipped with a warning, in sync", "[fit][synthetic]") {
  FitBuilder b;
  developer_preamble(b);
  b.definition(2, mesg::kRecord, {{3, 1, kUint8}}, false, {{1, 2, 7}, {1, 2, 0}});
  Bytes d = {140};
  put_u16(d, 0xBEEF);  // index 7: never described
  put_u16(d, 99);
  b.data(2, d);
  b.data(2, d);
  b.definition(3, mesg::kEvent, {{0, 1, kEnum}});
  b.data(3, {42});
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  REQUIRE(r.warnings.size() == 1);  // once per definition, not per message
  CHECK(r.warnings[0].message.find("developer data index 7") != std::string::npos);
  REQUIRE(r.file.messages.size() == 5);
  CHECK(*r.file.view(2).developer_number("Leg Spring Stiffness") == Approx(9.9));
  CHECK(*r.file.view(4).number(0) == 42);
}

TEST_CASE("every base type decodes its values and recognises its invalid value", "[fit][synthetic]") {
  const std::vector<FieldSpec> fields = {
      {0, 1, kEnum},    {1, 1, kSint8},    {2, 1, kUint8},    {3, 2, kSint16},   {4, 2, kUint16},   {5, 4, kSint32},
      {6, 4, kUint32},  {7, 4, kString},   {8, 4, kFloat32},  {9, 8, kFloat64},  {10, 1, kUint8z},  {11, 2, kUint16z},
      {12, 4, kUint32z}, {13, 3, kByte},   {14, 8, kSint64},  {15, 8, kUint64},  {16, 8, kUint64z}};
  for (bool big : {false, true}) {
    FitBuilder b;
    b.definition(0, 65000, fields, big);
    Bytes v;
    v.push_back(3);
    v.push_back(static_cast<std::uint8_t>(-5));
    v.push_back(200);
    put_u16(v, static_cast<std::uint16_t>(-300), big);
    put_u16(v, 60000, big);
    put_u32(v, static_cast<std::uint32_t>(-70000), big);
    put_u32(v, 4000000000u, big);
    v.insert(v.end(), {'a', 'b', 'c', 0});
    put_u32(v, std::bit_cast<std::uint32_t>(1.5f), big);
    put_u64(v, std::bit_cast<std::uint64_t>(-2.25), big);
    v.push_back(7);
    put_u16(v, 8, big);
    put_u32(v, 9, big);
    v.insert(v.end(), {1, 2, 3});
    put_u64(v, static_cast<std::uint64_t>(-5000000000LL), big);
    put_u64(v, 0xFFFFFFFFFFFFFFFEull, big);
    put_u64(v, 11, big);
    b.data(0, v);
    Bytes inv;
    inv.push_back(0xFF);
    inv.push_back(0x7F);
    inv.push_back(0xFF);
    put_u16(inv, 0x7FFF, big);
    put_u16(inv, 0xFFFF, big);
    put_u32(inv, 0x7FFFFFFF, big);
    put_u32(inv, 0xFFFFFFFF, big);
    inv.insert(inv.end(), {0, 'x', 0, 0});
    put_u32(inv, 0xFFFFFFFF, big);
    put_u64(inv, 0xFFFFFFFFFFFFFFFFull, big);
    inv.push_back(0);
    put_u16(inv, 0, big);
    put_u32(inv, 0, big);
    inv.insert(inv.end(), {0xFF, 0xFF, 0xFF});
    put_u64(inv, 0x7FFFFFFFFFFFFFFFull, big);
    put_u64(inv, 0xFFFFFFFFFFFFFFFFull, big);
    put_u64(inv, 0, big);
    b.data(0, inv);
    DecodeOptions keep;
    keep.keep_invalid = true;
    const auto r = decode(b.build(), keep);
    REQUIRE(r.ok());
    REQUIRE(r.file.messages.size() == 2);
    const auto m = r.file.view(0);
    CHECK(*m.number(0) == 3);
    CHECK(*m.number(1) == -5);
    CHECK(*m.number(2) == 200);
    CHECK(*m.number(3) == -300);
    CHECK(*m.number(4) == 60000);
    CHECK(*m.number(5) == -70000);
    CHECK(*m.number(6) == 4000000000.0);
    CHECK(r.file.string(*m.field(7)) == "abc");
    CHECK(*m.number(8) == 1.5);
    CHECK(*m.number(9) == -2.25);
    CHECK(*m.number(10) == 7);
    CHECK(*m.number(11) == 8);
    CHECK(*m.number(12) == 9);
    CHECK(m.field(13)->count == 3);
    CHECK(*m.raw(13, 2) == 3);
    CHECK(*m.number(14) == -5000000000.0);
    CHECK(*m.raw(15) == 0xFFFFFFFFFFFFFFFEull);
    CHECK(*m.number(16) == 11);
    const auto n = r.file.view(1);
    for (std::uint8_t i = 0; i < 17; ++i) {
      INFO("base type " << to_string(static_cast<BaseType>(i)) << (big ? " BE" : " LE"));
      REQUIRE(n.field(i));
      CHECK(n.field(i)->type == static_cast<BaseType>(i));
      CHECK_FALSE(r.file.field_valid(*n.field(i)));
      CHECK_FALSE(n.number(i));
    }
    // By default a field whose every element is invalid is not stored.
    const auto dropped = decode(b.build());
    REQUIRE(dropped.ok());
    CHECK(dropped.file.view(0).fields().size() == 17);
    CHECK(dropped.file.view(1).fields().empty());
  }
}

TEST_CASE("arrays, and sizes that are not a multiple of the element size, keep sync", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{90, 6, kUint16}, {91, 5, kUint32}, {92, 1, kUint32}, {3, 1, kUint8}});
  Bytes d;
  put_u16(d, 1);
  put_u16(d, 0xFFFF);
  put_u16(d, 3);
  put_u32(d, 77);
  d.push_back(0xAA);  // the odd byte of the 5-byte uint32 field
  d.push_back(0x55);  // a 1-byte uint32 field: no whole element
  d.push_back(160);
  b.data(0, d);
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  const auto v = r.file.view(0);
  REQUIRE(v.field(90));
  CHECK(v.field(90)->count == 3);
  CHECK(*v.raw(90, 0) == 1);
  CHECK_FALSE(v.raw(90, 1));  // an invalid element inside an array
  CHECK(*v.raw(90, 2) == 3);
  CHECK(r.file.field_valid(*v.field(90)));
  CHECK(v.field(91)->count == 1);
  CHECK(*v.raw(91) == 77);
  CHECK(v.field(92) == nullptr);
  CHECK(*v.number(3) == 160);  // in sync after the odd sizes
}

TEST_CASE("chained files decode back to back, each with its own definitions", "[fit][synthetic]") {
  FitBuilder a;
  a.definition(0, mesg::kEvent, {{0, 1, kEnum}});
  a.data(0, {1});
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{3, 1, kUint8}});
  b.data(0, {2});
  auto bytes = a.build();
  FitBuilder::Framing twelve;
  twelve.header_size = 12;
  const auto second = b.build(twelve);
  bytes.insert(bytes.end(), second.begin(), second.end());
  const auto r = decode(bytes);
  REQUIRE(r.ok());
  CHECK(r.file.file_count == 2);
  REQUIRE(r.file.messages.size() == 2);
  CHECK(r.file.messages[0].global == mesg::kEvent);
  CHECK(r.file.messages[1].global == mesg::kRecord);

  // The second file may not use the first file's definitions.
  FitBuilder c;
  c.data(0, {3});
  auto reuse = a.build();
  const auto third = c.build();
  reuse.insert(reuse.end(), third.begin(), third.end());
  const auto u = decode(reuse);
  REQUIRE_FALSE(u.ok());
  CHECK(u.error->message.find("no definition") != std::string::npos);
}

TEST_CASE("damaged framing gives a clear error at the right byte", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kRecord, {{3, 1, kUint8}});
  b.data(0, {150});

  SECTION("empty and short input") {
    CHECK(decode(Bytes{}).error->message.find("empty") != std::string::npos);
    const auto r = decode(Bytes{14, 0x20, 0, 0});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->message.find("too short") != std::string::npos);
  }
  SECTION("header size below 12") {
    auto bytes = b.build();
    bytes[0] = 11;
    CHECK(decode(bytes).error->message.find("header size 11") != std::string::npos);
  }
  SECTION("not .FIT") {
    FitBuilder::Framing f;
    f.signature = ".GIT";
    const auto r = decode(b.build(f));
    CHECK(r.error->message.find("'.GIT'") != std::string::npos);
    CHECK(r.error->offset == 8);
  }
  SECTION("header CRC") {
    FitBuilder::Framing f;
    f.corrupt_header_crc = true;
    const auto r = decode(b.build(f));
    CHECK(r.error->message.find("header CRC") != std::string::npos);
    CHECK(r.error->offset == 12);
    DecodeOptions lax;
    lax.check_crc = false;
    CHECK(decode(b.build(f), lax).ok());
  }
  SECTION("a zero header CRC is not checked") {
    auto bytes = b.build();
    bytes[12] = bytes[13] = 0;
    // The file CRC covers the header, so recompute it.
    const std::uint16_t crc = crc16(bytes.data(), bytes.size() - 2);
    bytes[bytes.size() - 2] = static_cast<std::uint8_t>(crc);
    bytes[bytes.size() - 1] = static_cast<std::uint8_t>(crc >> 8);
    CHECK(decode(bytes).ok());
  }
  SECTION("file CRC") {
    FitBuilder::Framing f;
    f.corrupt_file_crc = true;
    const auto bytes = b.build(f);
    const auto r = decode(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->message.find("file CRC mismatch") != std::string::npos);
    CHECK(r.error->offset == bytes.size() - 2);
    CHECK(r.file.messages.size() == 1);  // decoded before the check, as FitCSVTool does
  }
  SECTION("missing CRC") {
    auto bytes = b.build();
    bytes.pop_back();
    CHECK(decode(bytes).error->message.find("file CRC is missing") != std::string::npos);
  }
  SECTION("undefined local message type") {
    FitBuilder c;
    c.data(5, {1});
    const auto r = decode(c.build());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->message.find("local message type 5") != std::string::npos);
    CHECK(r.error->offset == 14);
  }
  SECTION("architecture byte") {
    auto bytes = b.build();
    bytes[14 + 2] = 7;
    const auto r = decode(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->message.find("architecture byte 7") != std::string::npos);
  }
}

TEST_CASE("every prefix of a file decodes without reading out of bounds", "[fit][synthetic]") {
  FitBuilder b;
  developer_preamble(b);
  b.definition(2, mesg::kRecord, {{253, 4, kUint32}, {3, 1, kUint8}, {6, 4, kUint16}}, true, {{1, 2, 0}});
  Bytes d;
  put_u32(d, 1000, true);
  d.push_back(1);
  put_u16(d, 1, true);
  put_u16(d, 2, true);
  put_u16(d, 3, false);
  b.data(2, d);
  b.compressed(2, 9, d);
  const auto full = b.build();
  REQUIRE(decode(full).ok());
  for (std::size_t n = 0; n < full.size(); ++n) {
    const Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    const auto r = decode(prefix);
    INFO("prefix of " << n << " bytes");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->offset <= n);
  }
}

// Found by the long fuzz run (docs/testing.md): a field_description whose
// offset (field 7) is declared as a string was read as a number, past the
// end of the element table (ASan: heap-buffer-overflow). A string offset is
// not a number: the description keeps offset 0.
TEST_CASE("a field description with a string where its offset belongs keeps offset 0", "[fit][synthetic]") {
  FitBuilder b;
  b.definition(0, mesg::kDeveloperDataId, {{3, 1, kUint8}});
  b.data(0, {0});
  b.definition(1, mesg::kFieldDescription, {{0, 1, kUint8}, {1, 1, kUint8}, {2, 1, kUint8}, {6, 1, kUint8}, {7, 4, kString}});
  b.data(1, {0, 1, kUint16, 10, 'a', 'b', 'c', 0});
  const auto r = decode(b.build());
  REQUIRE(r.ok());
  REQUIRE(r.file.developer_fields.size() == 1);
  CHECK(r.file.developer_fields[0].offset == 0);
  CHECK(r.file.developer_fields[0].scale == 10);
}

#include <catch2/catch.hpp>

#include "dsl/source/source.hpp"

using gradus::Source;

TEST_CASE("Source maps offsets to line and code-point column") {
  Source src("x.gradus", "ab\r\nc\xC3\xA9x\nlast");
  auto [l1, c1] = src.position(1);
  CHECK(l1 == 1);
  CHECK(c1 == 2);
  auto [l2, c2] = src.position(7);  // 'x' after the two-byte e-acute
  CHECK(l2 == 2);
  CHECK(c2 == 3);
  CHECK(src.line_text(1) == "ab");
  CHECK(src.line_text(3) == "last");
  CHECK(src.line_text(4).empty());
  auto span = src.span(4, 100);
  CHECK(span.end == src.text().size());
}

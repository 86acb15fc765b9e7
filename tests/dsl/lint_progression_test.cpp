// G0405 progression against the declared order, G0406 weekly increase.
#include "tests/dsl/lint_test_support.hpp"

using namespace lint_test;

namespace {

std::string head(const std::string& extra) {
  return "protocol t \"Test\"\nversion 1.0.0\nsource \"A\"\n" + extra +
         "input pain score 0..10\n"
         "safety\n"
         "  hold if missing(pain)\n";
}

std::string stage(const std::string& id, const std::string& session, const std::string& frequency, bool last = false) {
  return "  stage " + id + " \"" + id + "\"\n    session " + session + "\n    frequency " + frequency + "\n    " +
         (last ? "discharge" : "advance") + " if pain <= 2\n";
}

const std::string kOrder = "order duration, intensity, frequency\n";

}  // namespace

TEST_CASE("G0405: a step that raises two dimensions at once") {
  const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 20 min at moderate", "3 per week", true);
  const auto d = expect_one(lint_text(text), "G0405", text, "stage b", "a -> b raises duration and intensity at once");
  CHECK_THAT(d.message, Catch::Matchers::Contains("running 10 -> 20 min per session"));
  CHECK_THAT(d.message, Catch::Matchers::Contains("easy -> moderate"));
}

TEST_CASE("G0405: one dimension per step, in the declared order, is clean") {
  const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 20 min at easy", "3 per week") + stage("c", "run 20 min at moderate", "3 per week") +
                           stage("d", "run 20 min at easy", "4 per week", true);
  // d lowers intensity (always allowed) and raises frequency, the last dimension.
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0405: raising an earlier dimension after a later one in the same phase") {
  const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 10 min at moderate", "3 per week") + stage("c", "run 20 min at moderate", "3 per week", true);
  const auto d = expect_one(lint_text(text), "G0405", text, "stage c", "b -> c raises duration");
  CHECK_THAT(d.message, Catch::Matchers::Contains("after a -> b already raised intensity"));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].span.line == position_of(text, "stage b").line);
}

TEST_CASE("G0405: the order is the one declared, whatever the permutation") {
  const std::string order = "order intensity, duration, frequency\n";
  const std::string bad = head(order) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                          stage("b", "run 20 min at easy", "3 per week") + stage("c", "run 20 min at hard", "3 per week", true);
  const auto d = expect_one(lint_text(bad), "G0405", bad, "stage c", "b -> c raises intensity (easy -> hard) after a -> b already raised duration");
  CHECK_THAT(d.message, Catch::Matchers::Contains("the declared order is intensity, duration, frequency"));
  const std::string good = head(order) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 10 min at hard", "3 per week") + stage("c", "run 20 min at hard", "3 per week", true);
  CHECK(lint_text(good).empty());
}

TEST_CASE("G0405: a new phase starts the order afresh") {
  const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 10 min at moderate", "3 per week") + "phase \"Q\"\n" +
                           stage("c", "run 20 min at moderate", "3 per week", true);
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0405: two dimensions at once is reported across a phase boundary too") {
  const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") + "phase \"Q\"\n" +
                           stage("b", "run 20 min at moderate", "3 per week", true);
  expect_one(lint_text(text), "G0405", text, "stage b", "a -> b raises duration and intensity at once");
}

TEST_CASE("G0405: no `order`, no finding") {
  const std::string text = head("") + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                           stage("b", "run 20 min at moderate", "3 per week", true);
  CHECK(with_code(lint_text(text), "G0405").empty());
}

TEST_CASE("G0405: measures: every other day is 3.5 a week, distances at 6 min/km, repeats multiply") {
  SECTION("every other day -> 3 per week with longer runs lowers frequency") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "6 x (run 2 min, walk 3 min) at easy", "every other day") +
                             stage("b", "run 30 min at easy", "3 per week", true);
    CHECK(lint_text(text).empty());
  }
  SECTION("every other day -> 4 per week, every other day is the same frequency") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 20 min", "every other day") +
                             stage("b", "run 30 min", "4 per week, every other day", true);
    CHECK(lint_text(text).empty());
  }
  SECTION("3 per week -> every other day raises frequency") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 20 min", "3 per week") +
                             stage("b", "run 30 min", "every other day", true);
    const auto d = expect_one(lint_text(text), "G0405", text, "stage b", "raises duration and frequency at once");
    CHECK_THAT(d.message, Catch::Matchers::Contains("3 -> 3.5 sessions per week"));
  }
  SECTION("jog 2 km is 12 running minutes") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                             stage("b", "jog 2 km at moderate", "3 per week", true);
    const auto d = expect_one(lint_text(text), "G0405", text, "stage b", "running 10 -> 12 min per session");
  }
  SECTION("rpe and the easy/moderate/hard scale are not compared") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                             stage("b", "run 12 min at rpe 7", "3 per week", true);
    CHECK(lint_text(text).empty());
  }
  SECTION("rpe compares numerically") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "3 x (walk 2 min, run 3 min at rpe 3)", "every other day") +
                             stage("b", "4 x (walk 2 min, run 3 min at rpe 4)", "every other day", true);
    const auto d = expect_one(lint_text(text), "G0405", text, "stage b", "rpe 3 -> rpe 4");
    CHECK_THAT(d.message, Catch::Matchers::Contains("running 9 -> 12 min per session"));
  }
  SECTION("a recovery stage between two stages is skipped") {
    const std::string text = head(kOrder) + "phase \"P\"\n" + stage("a", "run 10 min at easy", "3 per week") +
                             "  stage r \"r\"\n    session rest\n" + stage("b", "run 20 min at moderate", "3 per week", true);
    const auto d = expect_one(lint_text(text), "G0405", text, "stage b", "a -> b raises duration and intensity");
  }
}

TEST_CASE("G0406: weekly running minutes rise more than allowed") {
  const std::string text = head("max weekly increase 10%\n") + "phase \"P\"\n" + stage("a", "run 10 min", "3 per week") +
                           stage("b", "run 12 min", "3 per week", true);
  const auto d = expect_one(lint_text(text), "G0406", text, "stage b", "a -> b: 30 -> 36 running min/week, +20% > 10%");
  CHECK_THAT(d.help, Catch::Matchers::Contains("at most 33 running min/week"));
}

TEST_CASE("G0406: a rise of exactly the limit is allowed") {
  const std::string text = head("max weekly increase 10%\n") + "phase \"P\"\n" + stage("a", "run 10 min", "3 per week") +
                           stage("b", "run 11 min", "3 per week", true);
  CHECK(lint_text(text).empty());
}

TEST_CASE("G0406: weekly minutes are per-session minutes times sessions per week, across phases") {
  // 12 min x 3.5 = 42 -> 10 min x 5 = 50: +19%.
  const std::string text = head("max weekly increase 15%\n") + "phase \"P\"\n" + stage("a", "run 12 min", "every other day") +
                           "phase \"Q\"\n" + stage("b", "run 10 min", "5 per week", true);
  expect_one(lint_text(text), "G0406", text, "stage b", "a -> b: 42 -> 50 running min/week, +19% > 15%");
}

TEST_CASE("G0406: the first running stage after walking has no percentage") {
  const std::string text = head("max weekly increase 10%\n") + "phase \"P\"\n" + stage("a", "walk 30 min", "5 per week") +
                           stage("b", "run 10 min", "3 per week", true);
  CHECK(lint_text(text).empty());
}

// Load metrics against the published worked examples
// (/work/shared/research/clinical-sources.md section 5) and the incremental
// forms against the direct formulas.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "engine/metrics/load_history.hpp"
#include "engine/metrics/load_ratios.hpp"

using namespace gradus::metrics;

namespace {
// 21 days at 150 AU, then 7 days at 250 AU (Williams 2017 / Gabbett 2016 example).
std::vector<double> spike_series() {
  std::vector<double> s(21, 150.0);
  s.insert(s.end(), 7, 250.0);
  return s;
}
double round3(double v) { return std::round(v * 1000) / 1000; }
}  // namespace

TEST_CASE("srpe is rpe times minutes (Foster 2001)") {
  CHECK(srpe(6, 45) == 270);
  CHECK(srpe(0, 30) == 0);
}

TEST_CASE("coupled ACWR of the worked example is 1.429") {
  const auto s = spike_series();
  const auto r = acwr(s);
  REQUIRE(r);
  CHECK(round3(*r) == 1.429);
  CHECK(*r == Approx(1750.0 / (4900.0 / 4)));
}

TEST_CASE("uncoupled ACWR of the worked example is 1.667") {
  const auto r = acwr_uncoupled(spike_series());
  REQUIRE(r);
  CHECK(round3(*r) == 1.667);
  CHECK(*r == Approx(250.0 / 150.0));
}

TEST_CASE("EWMA ACWR of the worked example is 1.250 when seeded with the first day") {
  const auto r = acwr_ewma(spike_series());
  REQUIRE(r);
  CHECK(round3(*r) == 1.250);
  // Closed form: both averages sit at 150 through day 21, then close the gap
  // to 250 by (1 - lambda)^7.
  const double acute = 250 - 100 * std::pow(0.75, 7);
  const double chronic = 250 - 100 * std::pow(1 - 2.0 / 29, 7);
  CHECK(*r == Approx(acute / chronic));
}

TEST_CASE("EWMA seeded at zero does not reproduce 1.250") {
  // Documents why the seed matters: starting both averages at 0 gives 1.399.
  Ewma acute(7), chronic(28);
  acute.value = chronic.value = 0;
  acute.seeded = chronic.seeded = true;
  for (const double v : spike_series()) {
    acute.push(v);
    chronic.push(v);
  }
  CHECK(round3(acute.value / chronic.value) != 1.250);
}

TEST_CASE("monotony of alternating 300/0 is 1.1547 with the population SD") {
  const std::vector<double> week{300, 0, 300, 0, 300, 0, 300};
  const auto m = monotony(week);
  REQUIRE(m);
  CHECK(std::round(*m * 10000) / 10000 == 1.1547);
  // Sample SD (n - 1) would give 1.069: pin the choice.
  CHECK(*m != Approx(1.069).epsilon(0.001));
  const auto s = strain(week);
  REQUIRE(s);
  CHECK(*s == Approx(1200 * *m));
}

TEST_CASE("monotony and strain are undefined for a constant week") {
  CHECK_FALSE(monotony(std::vector<double>(7, 300.0)));
  CHECK_FALSE(strain(std::vector<double>(7, 300.0)));
  CHECK_FALSE(monotony(std::vector<double>(7, 0.0)));
  // 0.1 summed seven times is not 0.7 in binary: still constant.
  CHECK_FALSE(monotony(std::vector<double>(7, 0.1)));
  CHECK_FALSE(monotony(std::vector<double>(7, 0.3 * 100)));
}

TEST_CASE("metrics are undefined without enough days or chronic load") {
  CHECK_FALSE(monotony(std::vector<double>{1, 2, 3, 4, 5, 6}));
  CHECK(monotony(std::vector<double>{1, 2, 3, 4, 5, 6, 7}));
  CHECK_FALSE(acwr(std::vector<double>(27, 100.0)));
  CHECK_FALSE(acwr_uncoupled(std::vector<double>(27, 100.0)));
  CHECK_FALSE(acwr_ewma(std::vector<double>(27, 100.0)));
  CHECK(acwr(std::vector<double>(28, 100.0)) == 1.0);
  CHECK(acwr_ewma(std::vector<double>(28, 100.0)) == 1.0);
  CHECK_FALSE(acwr(std::vector<double>(40, 0.0)));
  CHECK_FALSE(acwr_ewma(std::vector<double>(40, 0.0)));
  // Nothing in the 21 days before this week: uncoupled is undefined, coupled is 4.
  std::vector<double> fresh(21, 0.0);
  fresh.insert(fresh.end(), 7, 50.0);
  CHECK_FALSE(acwr_uncoupled(fresh));
  CHECK(acwr(fresh) == 4.0);
  CHECK_FALSE(acwr(std::vector<double>{}));
  CHECK_FALSE(monotony(std::vector<double>{}));
}

TEST_CASE("windows use only the last 28 days") {
  auto s = spike_series();
  s.insert(s.begin(), 100, 9999.0);  // older days must not matter to the rolling forms
  CHECK(round3(*acwr(s)) == 1.429);
  CHECK(round3(*acwr_uncoupled(s)) == 1.667);
}

TEST_CASE("the incremental forms agree exactly with the direct formulas on random series") {
  std::mt19937 rng(20261121);
  std::uniform_real_distribution<double> load(0, 600);
  std::bernoulli_distribution rest(0.4);
  for (int run = 0; run < 20; ++run) {
    LoadHistory history;
    std::vector<double> series;
    const int days = 1 + static_cast<int>(rng() % 120);
    for (int d = 0; d < days; ++d) {
      const double v = rest(rng) ? 0.0 : std::round(load(rng));
      series.push_back(v);
      history.push(v);
      INFO("run " << run << " day " << d);
      REQUIRE(history.days() == series.size());
      CHECK(history.acwr() == acwr(series));
      CHECK(history.acwr_uncoupled() == acwr_uncoupled(series));
      CHECK(history.acwr_ewma() == acwr_ewma(series));
      CHECK(history.monotony() == monotony(series));
      CHECK(history.strain() == strain(series));
      double s7 = 0, s28 = 0;
      for (std::size_t i = 0; i < series.size(); ++i) {
        const std::size_t ago = series.size() - 1 - i;
        if (ago < 7) s7 += series[i];
        if (ago < 28) s28 += series[i];
      }
      CHECK(history.sum7() == Approx(s7));
      CHECK(history.sum28() == Approx(s28));
      CHECK(history.at(0) == v);
    }
  }
}

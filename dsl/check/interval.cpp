#include "dsl/check/interval.hpp"

#include <algorithm>
#include <cmath>

#include "dsl/check/lint_support.hpp"

namespace gradus::lint {

bool Interval::empty() const {
  const Interval n = normalized();
  if (n.lo > n.hi) return true;
  return n.lo == n.hi && (n.lo_open || n.hi_open);
}

bool Interval::is_point() const {
  const Interval n = normalized();
  return n.lo == n.hi && !n.lo_open && !n.hi_open;
}

Interval Interval::normalized() const {
  if (!integral) return *this;
  Interval n = *this;
  if (std::isfinite(lo)) {
    n.lo = lo_open ? std::floor(lo) + 1 : std::ceil(lo);
    n.lo_open = false;
  }
  if (std::isfinite(hi)) {
    n.hi = hi_open ? std::ceil(hi) - 1 : std::floor(hi);
    n.hi_open = false;
  }
  return n;
}

Interval Interval::intersect(const Interval& o) const {
  Interval r;
  r.integral = integral || o.integral;
  if (lo > o.lo || (lo == o.lo && lo_open)) {
    r.lo = lo;
    r.lo_open = lo_open;
  } else {
    r.lo = o.lo;
    r.lo_open = o.lo_open;
  }
  if (hi < o.hi || (hi == o.hi && hi_open)) {
    r.hi = hi;
    r.hi_open = hi_open;
  } else {
    r.hi = o.hi;
    r.hi_open = o.hi_open;
  }
  return r.normalized();
}

Interval Interval::hull(const Interval& o) const {
  if (empty()) return o;
  if (o.empty()) return *this;
  Interval r;
  r.integral = integral && o.integral;
  if (lo < o.lo || (lo == o.lo && !lo_open)) {
    r.lo = lo;
    r.lo_open = lo_open;
  } else {
    r.lo = o.lo;
    r.lo_open = o.lo_open;
  }
  if (hi > o.hi || (hi == o.hi && !hi_open)) {
    r.hi = hi;
    r.hi_open = hi_open;
  } else {
    r.hi = o.hi;
    r.hi_open = o.hi_open;
  }
  return r;
}

Interval Interval::widened() const {
  Interval r = *this;
  auto hair = [](double v) { return 1e-9 * (1 + std::fabs(v)); };
  if (std::isfinite(r.lo)) r.lo -= hair(r.lo);
  if (std::isfinite(r.hi)) r.hi += hair(r.hi);
  r.lo_open = r.hi_open = false;
  r.integral = false;
  return r;
}

Interval comparison_set(ast::Op op, double c) {
  switch (op) {
    case ast::Op::Lt: return {-kInf, c, false, true, false};
    case ast::Op::Le: return {-kInf, c, false, false, false};
    case ast::Op::Gt: return {c, kInf, true, false, false};
    case ast::Op::Ge: return {c, kInf, false, false, false};
    case ast::Op::Eq: return Interval::point(c);
    default: return Interval::all();
  }
}

bool can_compare_true(const Interval& a, ast::Op op, const Interval& b) {
  if (a.empty() || b.empty()) return false;
  const Interval na = a.normalized(), nb = b.normalized();
  switch (op) {
    case ast::Op::Lt: return na.lo < nb.hi;
    case ast::Op::Le: return na.lo < nb.hi || (na.lo == nb.hi && !na.lo_open && !nb.hi_open);
    case ast::Op::Gt: return na.hi > nb.lo;
    case ast::Op::Ge: return na.hi > nb.lo || (na.hi == nb.lo && !na.hi_open && !nb.lo_open);
    case ast::Op::Eq: return !na.intersect(nb).empty();
    case ast::Op::Ne: return !(na.is_point() && nb.is_point() && na.lo == nb.lo);
    default: return true;
  }
}

namespace {

// Ends of interval arithmetic; 0 * inf counts as 0 (a bounded factor of zero).
double times(double a, double b) {
  if (a == 0 || b == 0) return 0;
  return a * b;
}

Interval from_corners(std::initializer_list<double> corners) {
  const auto [lo, hi] = std::minmax(corners);
  Interval r = Interval::closed(lo, hi);
  return r.widened();
}

}  // namespace

Interval add(const Interval& a, const Interval& b) {
  if (a.empty() || b.empty()) return {1, 0};
  Interval r{a.lo + b.lo, a.hi + b.hi, a.lo_open || b.lo_open, a.hi_open || b.hi_open, a.integral && b.integral};
  if (std::isnan(r.lo)) r.lo = -kInf;
  if (std::isnan(r.hi)) r.hi = kInf;
  return r.integral ? r : r.widened();
}

Interval neg(const Interval& a) { return {-a.hi, -a.lo, a.hi_open, a.lo_open, a.integral}; }

Interval sub(const Interval& a, const Interval& b) { return add(a, neg(b)); }

Interval mul(const Interval& a, const Interval& b) {
  if (a.empty() || b.empty()) return {1, 0};
  Interval r = from_corners({times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)});
  if (std::isnan(r.lo)) r.lo = -kInf;
  if (std::isnan(r.hi)) r.hi = kInf;
  return r;
}

Interval div(const Interval& a, const Interval& b) {
  if (a.empty() || b.empty()) return {1, 0};
  // A divisor that can be zero (or near it) can make anything: give up.
  if (b.lo <= 0 && b.hi >= 0) return Interval::all();
  const Interval inv = from_corners({1 / b.lo, 1 / b.hi});
  return mul(a, inv);
}

Interval abs(const Interval& a) {
  if (a.empty()) return a;
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return neg(a);
  Interval r{0, std::max(-a.lo, a.hi), false, false, a.integral};
  r.hi_open = (-a.lo > a.hi) ? a.lo_open : (a.hi > -a.lo ? a.hi_open : (a.lo_open && a.hi_open));
  return r;
}

Interval max(const Interval& a, const Interval& b) {
  if (a.empty() || b.empty()) return {1, 0};
  Interval r;
  r.integral = a.integral && b.integral;
  if (a.lo > b.lo || (a.lo == b.lo && a.lo_open)) {
    r.lo = a.lo;
    r.lo_open = a.lo_open;
  } else {
    r.lo = b.lo;
    r.lo_open = b.lo_open;
  }
  if (a.hi > b.hi || (a.hi == b.hi && !a.hi_open)) {
    r.hi = a.hi;
    r.hi_open = a.hi_open;
  } else {
    r.hi = b.hi;
    r.hi_open = b.hi_open;
  }
  return r;
}

Interval min(const Interval& a, const Interval& b) { return neg(max(neg(a), neg(b))); }

ast::Op swap_comparison(ast::Op op) {
  switch (op) {
    case ast::Op::Lt: return ast::Op::Gt;
    case ast::Op::Le: return ast::Op::Ge;
    case ast::Op::Gt: return ast::Op::Lt;
    case ast::Op::Ge: return ast::Op::Le;
    default: return op;
  }
}

ast::Op negate_comparison(ast::Op op) {
  switch (op) {
    case ast::Op::Lt: return ast::Op::Ge;
    case ast::Op::Le: return ast::Op::Gt;
    case ast::Op::Gt: return ast::Op::Le;
    case ast::Op::Ge: return ast::Op::Lt;
    case ast::Op::Eq: return ast::Op::Ne;
    case ast::Op::Ne: return ast::Op::Eq;
    default: return op;
  }
}

bool is_comparison(ast::Op op) {
  return op == ast::Op::Lt || op == ast::Op::Le || op == ast::Op::Gt || op == ast::Op::Ge || op == ast::Op::Eq ||
         op == ast::Op::Ne;
}

std::string to_text(const Interval& interval) {
  const Interval n = interval.normalized();
  if (n.empty()) return "no value";
  if (n.is_point()) return number_text(n.lo);
  const bool has_lo = std::isfinite(n.lo), has_hi = std::isfinite(n.hi);
  if (has_lo && has_hi && !n.lo_open && !n.hi_open) return number_text(n.lo) + ".." + number_text(n.hi);
  if (has_lo && has_hi) {
    return (n.lo_open ? "above " : "from ") + number_text(n.lo) + (n.hi_open ? " and below " : " up to ") + number_text(n.hi);
  }
  if (has_lo) return n.lo_open ? "above " + number_text(n.lo) : number_text(n.lo) + " or more";
  if (has_hi) return n.hi_open ? "below " + number_text(n.hi) : number_text(n.hi) + " or less";
  return "any value";
}

}  // namespace gradus::lint

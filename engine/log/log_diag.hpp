#pragma once
// The builder's chained calls (.help(), .label()) return an lvalue, while its
// conversion to Diagnostic needs an rvalue: take() bridges the two.
#include "dsl/diag/diagnostic.hpp"

namespace gradus {

inline Diagnostic take(DiagnosticBuilder& b) { return std::move(b.d); }
inline Diagnostic take(DiagnosticBuilder&& b) { return std::move(b.d); }

}  // namespace gradus

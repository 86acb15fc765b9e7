#pragma once
// Which way is "worse" for an input: the one classification shared by the
// monotonicity lint (G0410, lint_monotone.cpp) and the safety-property test
// (tests/engine/safety_property_test.cpp). Decided from the input's name and
// type only, so it is predictable and listed in docs/testing.md:
//   symptom words in the name: pain, sore, stiff, swell, tender, effusion,
//   ache, numb, limp, red_flag
//   score/count/percent/quantity with such a name  higher is worse
//   levels with such a name                        a later (higher) grade is worse
//   flag with such a name                          true is worse
//   one of with such a name, first choice none/no  any other choice is worse than the first
// Everything else (rpe, completed, hop_lsi, cadence...) has no direction:
// effort and performance are not symptoms.
#include <string_view>

#include "dsl/syntax/ast.hpp"

namespace gradus {

enum class SymptomDirection {
  None,         // not a symptom
  HigherWorse,  // numbers and grades: a larger value is worse
  TrueWorse,    // flags: true is worse
  NotFirstWorse // one of: the first choice (none/no) is the symptom-free one
};

bool is_symptom_name(std::string_view name);
SymptomDirection symptom_direction(const ast::Input& input);

}  // namespace gradus

#pragma once
// Protocols in plain English for clinicians and athletes: conditions and
// rules read the way a physiotherapist would say them ("If bone pain during
// or after running is 1/10 or more: rest 1 day, then go back one stage").
// Works on a parsed protocol; checker annotations are used when present
// (grade and choice words) but not required.
#include <string>

#include "dsl/syntax/ast.hpp"

namespace gradus {

// A name as people say it: the input's description when it has one,
// otherwise the name with underscores as spaces.
std::string describe_name(const ast::Protocol& protocol, const std::string& name);
std::string describe_condition(const ast::Protocol& protocol, const ast::Expr& condition);
// What the rule makes happen: "rest 1 day, then go back one stage".
std::string describe_action(const ast::Rule& rule);
// "If ...: ...." with the rule's message, if any, after it.
std::string describe_rule(const ast::Protocol& protocol, const ast::Rule& rule);

}  // namespace gradus

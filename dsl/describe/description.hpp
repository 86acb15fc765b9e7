#pragma once
// A protocol as a document for people: the content of `gradus describe`,
// built once from the AST, then written as Markdown or HTML by the two
// renderers below (so both always say the same thing).
#include <string>
#include <vector>

#include "dsl/syntax/ast.hpp"

namespace gradus {

struct DescribedInput {
  std::string name, type, description;
};

struct DescribedStage {
  std::string phase, id, title, session, frequency, move_on;
  std::vector<std::string> rules;  // every rule of the stage, in plain English
};

struct Description {
  std::string id, title, version, citation;
  std::vector<std::string> header_notes;  // progression order, caps
  std::vector<DescribedInput> inputs;
  std::vector<std::string> terms;         // lets: "worst pain: the larger of ..."
  std::vector<std::string> safety;        // safety rules in plain English
  std::vector<DescribedStage> stages;
};

Description describe_protocol(const ast::Protocol& protocol);
std::string render_markdown(const Description& description);
// A single self-contained page (inline CSS, no scripts or external files) that prints well.
std::string render_html(const Description& description);

}  // namespace gradus

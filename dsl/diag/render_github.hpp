#pragma once
// Diagnostics as GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request:
//   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=G0203::message
#include <ostream>
#include <string>
#include <string_view>

#include "dsl/diag/diagnostic.hpp"

namespace gradus {

// GitHub's escaping: in the message % CR LF; in a property also : and ,.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// One workflow command line, without the newline.
std::string github_annotation(const Diagnostic& diagnostic);
void render_github(std::ostream& out, const Diagnostics& diagnostics);

}  // namespace gradus

// The intranet's page templates: HTML files under module/src/web/pages,
// compiled into the binary (igsgov_embed) and compiled once by the docs
// engine (HTML mode: every value is escaped for text and double-quoted
// attributes — templates must quote attributes with ", never '; {@content}
// is the only raw tag and only the layout uses it, for a page it rendered).
//
// A page renders its own template with its data, then layout.html with the
// same data plus "content". Data must hold every value tag it uses (a missing
// value is an error of the engine, on purpose: no silent empty cells).
//
// Immutable after construction; render() is thread-safe.
#pragma once

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <map>
#include <string>
#include <string_view>

namespace igsgov::web {

class Views {
public:
  // Compiles every page template; throws docs::TemplateErrors on a broken one.
  Views();
  // The page `name` (file pages/<name>.html) inside the layout.
  std::string page(const std::string& name, JsonObject data) const;
  std::string_view css() const { return css_; }

private:
  std::map<std::string, docs::Template> templates_;
  std::string_view css_;
};

}  // namespace igsgov::web

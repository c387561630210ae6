// Templates: finding the template a documents.generate call names.
//
// A name without '/' and without extension is a SHIPPED template: the files in
// templates/ (built by scripts/build-templates.py from templates/src/*.xml)
// are compiled into the library, so no data directory is needed at run time.
// Anything else is a path to the secretariat's own template file (DOCX, ODT,
// HTML or Markdown), which works exactly like a shipped one.
//
// Each shipped template has a data kind (DataContract.hpp): "lid" (one document
// per member, e.g. the engagementsverklaring) or "verband" (one per
// cooperation, e.g. the board composition). A custom template takes its kind
// from the call (`kind`), or "lid" when a member was asked for, else "verband".
// A shipped "lid" template names the member kinds its wording is written for
// (the intentieverklaring addresses a council, which a partner does not have):
// generating it for another kind is refused (requireHandles), never a letter
// that addresses the member wrongly. A custom template handles every kind.
//
// Output formats: docx, odt, html, md, pdf. PDF is made by LibreOffice from the
// DOCX variant (or from the ODT/DOCX custom template).
// Failures: Error(notFound) for an unknown shipped name or a missing file,
// Error(invalid) when the template cannot produce the requested format.
// Thread safety: pure functions over immutable data.
#pragma once

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::documents {

enum class OutputFormat { docx, odt, html, md, pdf };

OutputFormat parseOutputFormat(const std::string& s, const Place& place);  // Error(invalid) naming the field
const char* outputExtension(OutputFormat f);                                // "docx", ..., "pdf"

struct ShippedTemplate {
  std::string name{};   // "engagementsverklaring"
  std::string kind{};   // "lid" | "verband"
  std::string title{};  // Dutch, for `igsgov template list`
  std::vector<std::string> memberKinds{};  // "lid": the member kinds it is written for; {} for "verband"
};

const std::vector<ShippedTemplate>& shippedTemplates();
// The shipped file "<name>.<ext>" (docx, odt, html, md); empty when not shipped.
std::string_view shippedBytes(const std::string& fileName);

struct TemplateSource {
  std::string name;          // shipped name, or the custom file's base name without extension
  std::string path;          // custom file path ("" for shipped); an upload: its name with extension
  std::string bytes;
  docs::Format format = docs::Format::automatic;
  std::string kind;          // "lid" | "verband" | "" (custom: decided by the call)
  std::vector<std::string> memberKinds;  // empty: every member kind
  bool shipped = false;
};

// Whether the template is written for a member of this kind (gemeente, ocmw, partner).
bool handlesMemberKind(const TemplateSource& src, const std::string& memberKind);
// Error(invalid) naming the member and the template when it does not handle the member's kind.
void requireHandles(const TemplateSource& src, const std::string& memberId, const std::string& memberName,
                    const std::string& memberKind);

// The template for `nameOrPath` that produces `out`.
TemplateSource resolveTemplate(const std::string& nameOrPath, OutputFormat out);

// A template sent with the call (REST: template_base64) that produces `out`.
// Only DOCX and ODT are taken (decided by the bytes: a zip with
// word/document.xml, or an OpenDocument text); anything else is
// Error(invalid) naming field `field`. `name` labels it (registry, file
// names): a plain name of at most 100 bytes, no folder, no "..", no control
// character, no leading '.', optionally ending in .docx or .odt (which must
// agree with the bytes); empty: "eigen-sjabloon". Error(invalid) naming
// template_name otherwise. The template's own mistakes are found when it is
// compiled and rendered (TemplateErrors), as for any template.
TemplateSource uploadedTemplate(std::string bytes, const std::string& name, OutputFormat out, const std::string& field);

// Which template a call gives: `nameField` (a shipped name or a path) or
// "template_base64" (+ optional "template_name"), exactly one; Error(invalid)
// naming the field otherwise. Only reads the fields: the upload is decoded and
// checked by uploadedTemplate.
struct TemplateChoice {
  std::optional<std::string> named;
  std::optional<std::string> upload;      // base64
  std::optional<std::string> uploadName;
};
TemplateChoice chooseTemplate(const Reader& r, const std::string& nameField);

}  // namespace igsgov::documents

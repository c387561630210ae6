// The part of the template fuzz targets (template, tag_syntax, zip) that
// drives the whole engine once a template's bytes are there: check,
// compile, render with data made for its tags, and the properties every
// result must have (docs/dev/fuzzing.md).
//
// exercise() checks:
//  - checkTemplate() and Template::compile() agree (issues exactly when
//    compile throws TemplateErrors); every issue has an id and a message,
//    and JSON of it can be written;
//  - when `utf8` (the template's text is UTF-8), every message, snippet and
//    tag the engine reports is UTF-8 too (they end up in JSON and on a terminal);
//  - a compiled template renders (or refuses with a clean Error) with data
//    made for its tags, whose values hold markup characters ("<&>\"'{}"),
//    twice to equal bytes;
//  - a DOCX/ODT result is a readable zip, and each part that expat read as
//    well-formed XML in the template is still well-formed in the document.
//
// Thread safety: functions over caller-owned data.
#pragma once

#include "docs/Template.hpp"

#include <string>
#include <string_view>

namespace igsgov::fuzz {

// Data for a template: every value tag gets a text (or a date or a number,
// after the formatters that need one), every section a list of two objects.
Poco::Dynamic::Var dataFor(const std::vector<docs::TagUse>& tags);

// Expat's verdict on a part (namespaces off, no DTD).
bool wellFormedXml(std::string_view xml);

void exercise(const std::string& bytes, const docs::CompileOptions& options, bool utf8);

// The zip limits the fuzz targets compile with: low enough that one template
// stays far below libFuzzer's memory limit (docs/dev/templates.md, "Limits").
docs::ZipLimits fuzzZipLimits();

}  // namespace igsgov::fuzz

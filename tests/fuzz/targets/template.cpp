// Fuzz target "template": the template compiler and renderer on one part of
// a DOCX or ODT template (docs/Template, XmlPart, Assemble, Render).
//
// The input is the XML of the part that holds the body: when its first
// element's name starts with "office:" it is an ODT's content.xml, otherwise
// a DOCX's word/document.xml. It is packed into a small template of that kind
// (the rest as tests/unit/docs/DocFixtures makes it), compiled with the zip
// caps lowered for fuzzing, checked, and rendered with data made for its tags
// (TemplateHarness.hpp lists what must hold). Seeds: the body parts of the
// shipped templates (templates/) and small parts with tags split over runs,
// loops over table rows and paragraphs, and nested sections.
#include "DocFixtures.hpp"
#include "FuzzSupport.hpp"
#include "TemplateHarness.hpp"

using namespace igsgov;

namespace {

bool isOdtPart(std::string_view xml) {
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    if (i + 1 < xml.size() && xml[i + 1] != '?' && xml[i + 1] != '!') return xml.substr(i + 1, 7) == "office:";
    ++i;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string part(fuzz::text(data, size));
  bool odt = isOdtPart(part);
  std::string bytes = odt ? docs::test::makeOdt("", {{"content.xml", part}})
                          : docs::test::makeDocx("", {{"word/document.xml", part}});
  docs::CompileOptions options;
  options.limits = fuzz::fuzzZipLimits();
  options.source = odt ? "fuzz.odt" : "fuzz.docx";
  fuzz::exercise(bytes, options, fuzz::validUtf8(part));
  return 0;
}

// Fuzz target "record_text": a differential test of the import's fast path.
// records/RecordText (readRecordText for a person, readMandateText for a
// mandate) reads a plain record straight from its JSON text; for every text
// it accepts, the full path (parse the object, Reader::str("id"), readFields
// or readMandateFields) must accept it too and give the same id and the same
// fields (as canonical JSON). The fast path may decline anything (the full
// path then decides), but it never throws.
//
// Like the import (interchange/StreamedArrays), the fast path only sees text
// that checkJson with the text rules accepted; the input is one JSON value.
// Seeds: persons and mandates from config/sample/register.json and the plain
// and declined records of tests/unit/records/RecordTextTest.cpp.
#include "FuzzSupport.hpp"
#include "core/Json.hpp"
#include "core/JsonScanner.hpp"
#include "records/Entities.hpp"
#include "records/Mandates.hpp"
#include "records/RecordText.hpp"

using namespace igsgov;
using namespace igsgov::records;

namespace {

void compare(const char* kind, const std::optional<RecordText>& quick, const std::string& text, bool mandate) {
  if (!quick) return;
  std::string id, fields;
  bool full = fuzz::refuse("full path", [&] {
    auto o = parseJsonObject(text, "", JsonRules{.text = true});
    id = Reader(o, mandate ? "mandaat" : "persoon").str("id");
    JsonObject data = mandate ? readMandateFields(o, id, true) : readFields(personSpec(), Reader(o, "persoon", id));
    fields = canonicalJson(data);
  });
  fuzz::require(full, std::string("the fast path read a ") + kind + " that the full path refuses");
  fuzz::require(quick->id == id, std::string("fast and full path read different ids of a ") + kind);
  fuzz::require(canonicalJson(quick->data) == fields,
                std::string("fast and full path read different fields of a ") + kind + ":\n  fast " +
                    canonicalJson(quick->data) + "\n  full " + fields);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(fuzz::text(data, size));
  try {
    checkJson(text, "", JsonRules{.text = true});
  } catch (const Error&) {
    return 0;  // the import refuses the file before any record is read
  }
  // A BOM is skipped before the value, as JsonScanner::document() does for the import.
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  JsonScanner scanner(text, start, text.size(), JsonScanner::Level::grammar);
  scanner.ws();
  JsonSpan span;
  if (!scanner.value(&span)) fuzz::finding("checkJson accepted what the scanner cannot read");

  std::optional<RecordText> person, mandate;
  try {
    person = readRecordText(personSpec(), text, span);
    mandate = readMandateText(text, span);
  } catch (...) {
    fuzz::refuse("the fast path", [] { throw; });
    fuzz::finding("the fast path threw (it must decline instead)");
  }
  compare("person", person, text, false);
  compare("mandate", mandate, text, true);
  return 0;
}

// Fuzz target "zip": the zip reader of the template engine (docs/ZipPackage,
// libzip underneath) on any bytes, then the whole template pipeline on them
// as a DOCX or ODT file a secretariat might hand in.
//
// ZipReader with the fuzzing caps (TemplateHarness.hpp) lists the entries,
// then reads each one whole (read), checks it (verify) and streams it
// (stream): the three must agree (same bytes, or all three refuse it with a
// clean Error), and no entry may come out larger than the cap. Then
// Template::compile and render (TemplateHarness's checks). Seeds: the
// shipped DOCX and ODT templates and a few small archives (stored entries,
// an empty archive, a zip64 one).
#include "FuzzSupport.hpp"
#include "TemplateHarness.hpp"
#include "docs/ZipPackage.hpp"

#include <istream>

using namespace igsgov;
using namespace igsgov::docs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(fuzz::text(data, size));
  ZipLimits limits = fuzz::fuzzZipLimits();
  std::optional<ZipReader> zip;
  if (fuzz::refuse("ZipReader", [&] { zip.emplace(bytes, limits, "fuzz.docx"); })) {
    fuzz::require(zip->entries().size() <= limits.maxEntries, "more entries than the cap");
    for (const auto& e : zip->entries()) {
      fuzz::require(zip->find(e.name) != nullptr, "find() misses a listed entry");
      std::string whole;
      bool read = fuzz::refuse("read", [&] { whole = zip->read(e); });
      bool verified = fuzz::refuse("verify", [&] { zip->verify(e); });
      std::string streamed;
      bool streamOk = fuzz::refuse("stream", [&] {
        auto in = zip->stream(e);
        char buf[4096];
        while (in->read(buf, sizeof buf) || in->gcount() > 0) streamed.append(buf, static_cast<std::size_t>(in->gcount()));
      });
      fuzz::require(read == verified && read == streamOk, "read, verify and stream disagree on " + e.name);
      if (read) {
        fuzz::require(whole.size() <= limits.maxEntrySize, "an entry larger than the cap");
        fuzz::require(whole.size() == e.size, "an entry's size differs from the declared one");
        fuzz::require(streamed == whole, "stream and read give different bytes for " + e.name);
      }
    }
  }
  CompileOptions options;
  options.limits = limits;
  options.source = "fuzz.docx";
  fuzz::exercise(bytes, options, false);  // parts of any encoding
  return 0;
}

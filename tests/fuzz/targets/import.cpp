// Fuzz target "import": the interchange import (interchange/Interchange,
// StreamedArrays, the record readers and every validation an import runs)
// on any bytes as the file of `register.import {"path": ...}`, into a fresh
// register (one SQLite file made once; every import is rolled back).
//
// The same document is also imported as a value ({"register": {...}}, the
// path without streaming or the fast record reader). A differential check:
// both must succeed with the same register afterwards (the export, as
// canonical JSON) or both refuse with a clean Error. Seeds: excerpts of
// config/sample/register.json (persons, a cooperation with members, bodies
// and seats, mandates with decisions and predecessors, governance and
// finance parts) and the whole sample.
#include "FuzzSupport.hpp"
#include "core/Json.hpp"
#include "interchange/Interchange.hpp"
#include "records/Register.hpp"

#include <memory>

using namespace igsgov;

namespace {

struct Rollback {};

struct State {
  fuzz::TempDir dir;
  std::unique_ptr<records::Register> reg;
  std::string file;
};
State* state = nullptr;

// Imports `in` and returns the register's export, or nothing when refused; rolls back.
std::optional<std::string> importAndExport(const JsonObject& in, const char* what) {
  std::string exported;
  bool ok = fuzz::refuse(what, [&] {
    try {
      state->reg->write({"fuzz", "register.import", ""}, in, [&](records::Writer& w) -> JsonObject {
        interchange::importRegister(w, in);
        auto out = interchange::exportRegister(w.db(), newObject());
        out->remove("exported_at");
        out->remove("journal");
        exported = canonicalJson(out);
        throw Rollback{};
      });
    } catch (const Rollback&) {
    }
  });
  if (!ok) return std::nullopt;
  return exported;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  state = new State;
  state->reg = records::Register::create(state->dir.path() + "/register.db");
  state->file = state->dir.path() + "/import.json";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(fuzz::text(data, size));
  fuzz::writeFile(state->file, text);
  auto in = newObject();
  in->set("path", state->file);
  auto streamed = importAndExport(in, "import of the file");

  JsonObject doc;
  try {
    doc = parseJsonObject(text, state->file, JsonRules{.text = true});
  } catch (const Error&) {
    fuzz::require(!streamed, "the import read a file that the JSON parser refuses");
    return 0;
  }
  auto value = newObject();
  value->set("register", doc);
  auto whole = importAndExport(value, "import of the value");
  fuzz::require(streamed.has_value() == whole.has_value(),
                streamed ? "the file imports, the same register as a value does not"
                         : "the value imports, the same register as a file does not");
  if (streamed) fuzz::require(*streamed == *whole, "the file and the value import to different registers");
  return 0;
}

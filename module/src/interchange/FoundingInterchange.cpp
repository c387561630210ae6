#include "interchange/FoundingInterchange.hpp"
#include "interchange/FilePlaces.hpp"

#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "founding/CheckOffs.hpp"
#include "governance/FileStore.hpp"
#include "records/EntityTable.hpp"

namespace igsgov::interchange {
using namespace records;

namespace {

const char* const kKind = "afvinking";

// The actor of the journal entry that wrote a version ("" when unknown).
std::string actorOf(store::Database& db, long long seq) {
  auto& st = db.cached("SELECT actor FROM journal WHERE seq = ?");
  st.bind(1, seq);
  std::string actor = st.step() && !st.isNull(0) ? st.text(0) : "";
  st.reset();
  return actor;
}

JsonObject fileJson(store::Database& db, const std::string& sha) {
  auto info = governance::fileInfo(db, sha);
  auto f = newObject();
  f->set("sha256", sha);
  f->set("media_type", info.mediaType);
  f->set("size", info.size);
  f->set("content_base64", base64Encode(governance::getFile(db, sha)));
  return f;
}

// The embedded file of a version, stored; it must be the one the version names.
void storeFile(Writer& w, const JsonObject& f, const std::string& id, const std::string& named) {
  Reader rf(f, kKind, id);
  rf.rejectUnknown({"name", "sha256", "media_type", "size", "content_base64"});
  std::string bytes = base64Decode(rf.str("content_base64"), rf.place("content_base64"));
  std::string sha = sha256Hex(bytes);
  if (auto stated = rf.optStr("sha256"); stated && *stated != sha)
    rf.fail("sha256", "de inhoud heeft SHA-256 " + sha + ", niet " + *stated);
  if (sha != named) rf.fail("content_base64", "de bijlage heeft SHA-256 " + sha + ", de afvinking noemt " + (named.empty() ? "geen bijlage" : named));
  auto stored = governance::putFile(w, bytes, rf.optStr("name").value_or("bijlage van afvinking " + id));
  if (auto mt = rf.optStr("media_type"); mt && *mt != stored.mediaType)
    rf.fail("media_type", "de inhoud is " + stored.mediaType + ", niet " + *mt);
}

// The record-time kind of version `index` and its reason; checks the sequence
// the operations allow (check-off, corrections, retraction, check-off again).
std::pair<std::string, std::string> kindOf(const Reader& rec, std::size_t index, const JsonObject& data,
                                           const std::optional<Version>& prev) {
  std::string kind = rec.optStr("kind").value_or(index == 0 ? "create" : "");
  std::string reason = rec.optStr("reason").value_or("");
  bool retracted = data->optValue<bool>("retracted", false);
  if (index == 0) {
    if (kind != "create") rec.fail("kind", "de eerste versie van een afvinking is 'create', niet '" + kind + "'");
    if (retracted) rec.fail("kind", "een afvinking begint niet ingetrokken");
    return {kind, reason};
  }
  bool wasRetracted = prev->data->optValue<bool>("retracted", false);
  if (kind == "change") {
    if (!wasRetracted || retracted) rec.fail("kind", "opnieuw afvinken ('change') kan alleen na een intrekking");
  } else if (kind == "correction") {
    if (wasRetracted || retracted) rec.fail("kind", "een ingetrokken afvinking wordt niet verbeterd");
  } else if (kind == "retraction") {
    if (wasRetracted || !retracted) rec.fail("kind", "een intrekking maakt een geldige afvinking ingetrokken ('retracted': true)");
  } else {
    rec.fail("kind", "onbekende soort versie '" + kind + "' (create, change, correction, retraction)");
  }
  if (kind != "change" && reason.empty()) rec.fail("reason", "een verbetering of intrekking vraagt een reden");
  return {kind, reason};
}

}  // namespace

JsonArray importFounding(Writer& w, const JsonObject& doc, const std::string& file, JsonObject counts) {
  auto provenance = newArray();
  long long n = 0;
  auto part = objectField(doc, "founding", file, "");
  Reader(part, "founding").rejectUnknown({"check_offs"});
  auto list = arrayField(part, "check_offs", file, "founding.");
  std::vector<founding::Stappenplan> plans;
  if (list->size() > 0) plans = founding::loadStappenplannen();
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto path = "founding." + indexPath("check_offs", i);
    JsonObject co;
    std::string id;
    at(file, path, [&] {
      co = objectAt(list, i, file, path);
      Reader r(co, kKind);
      r.rejectUnknown({"id", "versions"});
      id = r.str("id");
    });
    auto versions = arrayField(co, "versions", file, path + ".");
    if (versions->size() == 0)
      at(file, path, [&] { Reader(co, kKind, id).fail("versions", "een afvinking heeft minstens één versie"); });
    std::optional<Version> prev;
    for (std::size_t j = 0; j < versions->size(); ++j) {
      auto vpath = path + "." + indexPath("versions", j);
      at(file, vpath, [&] {
        auto vo = objectAt(versions, j, file, vpath);
        Reader r(vo, kKind, id);
        auto data = readFields(founding::checkOffSpec(), r, {"recorded", "file"});
        if (!data->has("retracted")) data->set("retracted", false);
        founding::validateCheckOff(w.db(), plans, id, data, r);
        auto recorded = r.optObject("recorded");
        if (recorded.isNull()) recorded = newObject();
        Reader rec(recorded, kKind, id);
        rec.rejectUnknown({"kind", "reason", "at", "actor"});
        auto [kind, reason] = kindOf(rec, j, data, prev);
        std::string sha = textOf(data, "document_sha256").value_or("");
        if (auto f = r.optObject("file"); !f.isNull())
          storeFile(w, f, id, sha);
        else if (!sha.empty())
          governance::fileInfo(w.db(), sha);  // Error(notFound) when neither embedded nor stored
        if (j == 0) {
          create(w, founding::checkOffSpec(), id, data, reason);
        } else {
          revise(w, founding::checkOffSpec(), *prev, data, kind, reason);
        }
        prev = current(w.db(), founding::checkOffSpec(), id);
        auto p = newObject();
        p->set("id", id);
        p->set("version", static_cast<long long>(j + 1));
        p->set("kind", kind);
        if (auto a = rec.optStr("at")) p->set("at", *a);
        if (auto a = rec.optStr("actor")) p->set("actor", *a);
        provenance->add(p);
      });
    }
    ++n;
  }
  counts->set("check_offs", n);
  return provenance;
}

void exportFounding(store::Database& db, JsonObject out) {
  auto list = newArray();
  for (const auto& c : currentAll(db, founding::checkOffSpec())) {
    auto co = newObject();
    co->set("id", c.id);
    auto versions = newArray();
    std::string lastSha;
    for (const auto& v : history(db, founding::checkOffSpec(), c.id)) {
      auto vo = versionJson(v, false);
      vo->remove("id");
      auto rec = newObject();
      rec->set("kind", v.changeKind);
      if (!v.reason.empty()) rec->set("reason", v.reason);
      rec->set("at", v.recFrom);
      if (auto actor = actorOf(db, v.jseq); !actor.empty()) rec->set("actor", actor);
      vo->set("recorded", rec);
      std::string sha = textOf(v.data, "document_sha256").value_or("");
      if (!sha.empty() && sha != lastSha) vo->set("file", fileJson(db, sha));
      lastSha = sha;
      versions->add(vo);
    }
    co->set("versions", versions);
    list->add(co);
  }
  auto part = newObject();
  part->set("check_offs", list);
  out->set("founding", part);
}

}  // namespace igsgov::interchange

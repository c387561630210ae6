#include "governance/Documents.hpp"
#include "core/Date.hpp"

#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "governance/Approvals.hpp"
#include "governance/FileStore.hpp"
#include "governance/Vocabulary.hpp"
#include "model/Identifiers.hpp"
#include "records/Entities.hpp"
#include "records/Organisation.hpp"

#include <Poco/Path.h>

#include <cctype>

namespace igsgov::governance {

using records::Version;

namespace {

const std::string kDoc = "document", kVer = "documentversie", kAppr = "goedkeuring", kRule = "goedkeuringsregel";

Place field(const std::string& kind, const std::string& id, const std::string& f) { return recordField(kind, id, f); }

void checkDates(const JsonObject& d, const std::string& id) {
  auto from = records::dateOf(d, "effective_from"), until = records::dateOf(d, "valid_until");
  if (from && until && *until < *from)
    throwInvalid("de einddatum " + dutchLongDate(*until) + " ligt voor de datum van inwerkingtreding " + dutchLongDate(*from),
                 field(kVer, id, "valid_until"));
}

JsonObject withoutId(JsonObject d) {
  d->remove("id");
  return d;
}

// Approval ids are derived when the caller gives none.
std::string approvalId(const std::string& version, const std::string& who, const std::string& date) {
  std::string id = version + ":" + who + ":" + date;
  if (model::isRecordId(id)) return id;
  return "appr-" + sha256Hex(id).substr(0, 24);
}

}  // namespace

// ---- documents ----

void validateDocument(store::Database& db, const std::string& id, JsonObject d) {
  auto coop = records::requireCurrent(db, records::cooperationSpec(), records::textOf(d, "cooperation").value_or(""),
                                      field(kDoc, id, "cooperation"));
  std::string kind = records::textOf(d, "kind").value_or("");
  requireCode(documentKinds(), kind, "soort document", field(kDoc, id, "kind"));
  if (!records::textOf(d, "title")) {
    std::string label = documentKinds().label(kind);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    d->set("title", label + " " + text(coop, "name"));
  }
}

JsonObject documentCreate(records::Writer& w, const JsonObject& in) {
  std::string id = Reader(in, kDoc).str("id");
  auto data = records::readFields(documentSpec(), Reader(in, kDoc, id));
  validateDocument(w.db(), id, data);
  records::create(w, documentSpec(), id, data);
  return records::versionJson(*records::current(w.db(), documentSpec(), id), false);
}

// ---- versions ----

void validateVersion(store::Database& db, const std::string& id, JsonObject d) {
  records::requireCurrent(db, documentSpec(), records::textOf(d, "document").value_or(""), field(kVer, id, "document"));
  if (!records::textOf(d, "status")) d->set("status", std::string("ontwerp"));
  requireCode(versionStatuses(), *records::textOf(d, "status"), "status", field(kVer, id, "status"));
  auto sha = records::textOf(d, "file_sha256");
  if (!sha) throwInvalid("een documentversie heeft een bestand", field(kVer, id, "file_sha256"));
  auto& st = db.cached("SELECT 1 FROM gov_blob WHERE sha256 = ?");
  st.bind(1, *sha);
  bool known = st.step();
  st.reset();
  if (!known) throwNotFound("geen bestand met SHA-256 " + *sha + " in het register", field(kVer, id, "file_sha256"));
  checkDates(d, id);
}

std::string versionBytes(const Reader& r, std::string& bytes) {
  auto path = r.optStr("path");
  auto b64 = r.optStr("content_base64");
  if (path && b64) r.fail("path", "geef een bestand ('path') of de inhoud ('content_base64'), niet beide");
  if (path) {
    bytes = readLocalFile(*path);
    return Poco::Path(*path).getFileName();
  }
  if (b64) {
    bytes = base64Decode(*b64, r.place("content_base64"));
    return "";
  }
  r.fail("path", "het bestand van de versie ontbreekt (geef 'path' of 'content_base64')");
}

JsonObject versionAdd(records::Writer& w, const JsonObject& in) {
  std::string id = Reader(in, kVer).str("id");
  Reader r(in, kVer, id);
  for (const char* computed : {"file_sha256", "valid_until"})
    if (r.has(computed)) r.fail(computed, "wordt door het register bepaald, niet opgegeven");
  auto data = records::readFields(versionSpec(), r, {"path", "content_base64"});
  std::string status = records::textOf(data, "status").value_or("ontwerp");
  if (status != "ontwerp" && status != "voorgelegd")
    r.fail("status", "een nieuwe versie is 'ontwerp' of 'voorgelegd'; goedkeuring en inwerkingtreding volgen met 'document status'");
  std::string bytes;
  std::string fileName = versionBytes(r, bytes);
  if (!records::textOf(data, "file_name") && !fileName.empty()) data->set("file_name", fileName);
  std::string source = records::textOf(data, "file_name").value_or("versie " + id);
  auto stored = putFile(w, bytes, source);
  data->set("file_sha256", stored.sha256);
  validateVersion(w.db(), id, data);
  records::create(w, versionSpec(), id, data);
  auto out = records::versionJson(*records::current(w.db(), versionSpec(), id), false);
  auto f = newObject();
  f->set("sha256", stored.sha256);
  f->set("size", stored.size);
  f->set("media_type", stored.mediaType);
  out->set("file", f);
  return out;
}

namespace {

void reviseVersion(records::Writer& w, const Version& v, JsonObject data, const std::string& kind,
                   const std::string& reason) {
  records::revise(w, versionSpec(), v, withoutId(data), kind, reason);
}

// Why a version that is not goedgekeurd cannot come into force, in words a
// secretariat can act on: whose approval is missing as of the intended
// effective date (today when there is none).
std::string notYetApproved(store::Database& db, const records::Version& v, const std::string& status,
                           const std::optional<Date>& effective) {
  if (status == "ontwerp") return "deze versie is nog een ontwerp (leg ze eerst voor)";
  if (status == "in_werking") return "deze versie is al in werking";
  if (status == "vervangen") return "deze versie werd al vervangen";
  Date on = effective.value_or(Date::today());
  auto st = approvalStatus(db, v, on);
  if (st.approvers.empty())
    return "volgens de regel '" + st.rule.rule + "' is er op " + dutchLongDate(on) + " niemand die ze kan goedkeuren";
  if (st.complete) return "alle goedkeuringen zijn binnen op " + dutchLongDate(on) + ": zet de status eerst op 'goedgekeurd'";
  return "op " + dutchLongDate(on) + " ontbreekt nog de goedkeuring van " + missingApprovers(st);
}

}  // namespace

JsonObject versionSetStatus(records::Writer& w, const JsonObject& in) {
  Reader r0(in, kVer);
  std::string id = r0.str("version_id");
  Reader r(in, kVer, id);
  r.rejectUnknown({"version_id", "status", "date", "reason"});
  std::string to = r.str("status");
  requireCode(versionStatuses(), to, "status", r.place("status"));
  auto v = records::requireCurrent(w.db(), versionSpec(), id, r.place("version_id"));
  std::string from = text(v, "status");
  auto date = r.optDate("date");
  std::string reason = r.optStr("reason").value_or("");
  auto data = records::mergeFields(v.data, newObject());
  auto bad = [&](const std::string& why) {
    throwConflict("status '" + from + "' → '" + to + "' kan niet: " + why, r.place("status"));
  };
  if (to == "voorgelegd") {
    if (from != "ontwerp") bad("alleen een ontwerp wordt voorgelegd");
    data->set("submitted", date.value_or(Date::today()).iso());
  } else if (to == "goedgekeurd") {
    if (from != "voorgelegd") bad("alleen een voorgelegde versie wordt goedgekeurd");
    auto st = approvalStatus(w.db(), v, date.value_or(Date::today()));
    if (!st.complete)
      bad(std::to_string(st.missing()) + " goedkeuring(en) ontbreken nog: " + missingApprovers(st) +
          " (zie 'approval pending')");
  } else if (to == "in_werking") {
    auto eff = date ? date : records::dateOf(v.data, "effective_from");
    if (from != "goedgekeurd") bad("alleen een goedgekeurde versie treedt in werking; " + notYetApproved(w.db(), v, from, eff));
    if (!eff) r.fail("date", "de datum van inwerkingtreding ontbreekt");
    auto st = approvalStatus(w.db(), v, *eff);
    if (!st.complete)
      bad("op " + dutchLongDate(*eff) + " ontbreken nog " + std::to_string(st.missing()) + " goedkeuring(en): " +
          missingApprovers(st));
    data->set("effective_from", eff->iso());
    // The version in force before is replaced the day before.
    for (const auto& other : records::currentAll(w.db(), versionSpec(), "document_id", text(v, "document"))) {
      if (other.id == id || text(other, "status") != "in_werking") continue;
      auto oeff = records::dateOf(other.data, "effective_from");
      if (oeff && !(*oeff < *eff))
        throwConflict("versie '" + other.id + "' is in werking sinds " + dutchLongDate(*oeff) + ", niet voor " + dutchLongDate(*eff),
                      r.place("date"));
      auto od = records::mergeFields(other.data, newObject());
      od->set("status", std::string("vervangen"));
      od->set("valid_until", eff->addDays(-1).iso());
      reviseVersion(w, other, od, "change", "vervangen door " + id);
    }
  } else if (to == "vervangen") {
    if (from != "in_werking") bad("alleen een versie in werking wordt vervangen");
    if (!date) r.fail("date", "de laatste dag in werking ontbreekt");
    data->set("valid_until", date->iso());
  } else {
    bad("een versie gaat nooit terug naar ontwerp; verbeter met 'document correct' of voeg een nieuwe versie toe");
  }
  data->set("status", to);
  checkDates(data, id);
  reviseVersion(w, v, data, "change", reason);
  return records::versionJson(*records::current(w.db(), versionSpec(), id), true);
}

JsonObject versionCorrect(records::Writer& w, const JsonObject& in) {
  std::string id = Reader(in, kVer).str("id");
  Reader r(in, kVer, id);
  r.rejectUnknown({"id", "label", "file_name", "added_by", "submitted", "effective_from", "reason"});
  std::string reason = r.optStr("reason").value_or("");
  if (reason.empty()) r.fail("reason", "een correctie vraagt een reden");
  auto v = records::requireCurrent(w.db(), versionSpec(), id, r.place("id"));
  auto changes = records::readFields(versionSpec(), r, {"reason"}, false);
  auto data = records::mergeFields(v.data, changes);
  data->remove("id");
  validateVersion(w.db(), id, data);
  records::revise(w, versionSpec(), v, data, "correction", reason);
  return records::versionJson(*records::current(w.db(), versionSpec(), id), true);
}

// ---- approvals ----

void validateApproval(store::Database& db, const std::string& id, JsonObject d) {
  auto version = records::requireCurrent(db, versionSpec(), records::textOf(d, "version_id").value_or(""),
                                         field(kAppr, id, "version_id"));
  std::string coop = cooperationOfVersion(db, version);
  std::string council = records::textOf(d, "council").value_or("");
  requireCode(councils(), council, "raad", field(kAppr, id, "council"));
  requireCode(outcomes(), records::textOf(d, "outcome").value_or(""), "uitkomst", field(kAppr, id, "outcome"));
  if (auto uri = records::textOf(d, "decision_uri"))
    if (auto why = model::registerUriProblem(*uri)) throwInvalid(*why, field(kAppr, id, "decision_uri"));
  if (auto memberId = records::textOf(d, "member")) {
    auto m = records::requireCurrent(db, records::memberSpec(), *memberId, field(kAppr, id, "member"));
    if (text(m, "cooperation") != coop)
      throwInvalid("deelnemer '" + *memberId + "' hoort bij samenwerkingsverband '" + text(m, "cooperation") +
                       "', de versie '" + version.id + "' bij '" + coop + "'",
                   field(kAppr, id, "member"));
    std::string kind = text(m, "kind");
    // The college van burgemeester en schepenen is an organ of a gemeente only.
    bool ok = kind == "gemeente" ? (council == "gemeenteraad" || council == "ocmw_raad" || council == "college")
              : kind == "ocmw"   ? (council == "ocmw_raad" || council == "gemeenteraad")
                                 : (council != "gemeenteraad" && council != "ocmw_raad" && council != "college");
    if (!ok)
      throwInvalid("een " + records::textOf(m.data, "kind").value_or("") + " beslist niet via een " +
                       councils().label(council),
                   field(kAppr, id, "council"));
  } else if (council == "gemeenteraad" || council == "ocmw_raad" || council == "college") {
    throwInvalid("een besluit van een " + councils().label(council) + " noemt de deelnemer ('member')",
                 field(kAppr, id, "member"));
  }
  // A subsidieaanvraag (submitted through KIOSK) is decided by the Vlaamse overheid, and
  // the Vlaamse overheid decides nothing else in this register.
  auto doc = records::requireCurrent(db, documentSpec(), text(version, "document"), field(kAppr, id, "version_id"));
  bool application = text(doc, "kind") == "subsidieaanvraag";
  if (application != (council == "vlaamse_overheid"))
    throwInvalid(application ? "over een subsidieaanvraag beslist de Vlaamse overheid ('vlaamse_overheid'), niet een " +
                                   councils().label(council)
                             : "de Vlaamse overheid beslist alleen over een subsidieaanvraag, niet over een " +
                                   documentKinds().label(text(doc, "kind")),
                 field(kAppr, id, "council"));
  if (application && records::textOf(d, "member"))
    throwInvalid("een besluit van de Vlaamse overheid noemt geen deelnemer", field(kAppr, id, "member"));
  if (text(version, "status") == "ontwerp")
    throwConflict("versie '" + version.id + "' is nog een ontwerp: leg ze eerst voor ('document status --status voorgelegd')",
                  field(kAppr, id, "version_id"));
}

JsonObject approvalRecord(records::Writer& w, const JsonObject& in) {
  Reader r0(in, kAppr);
  auto idIn = r0.optStr("id");
  auto data = records::readFields(approvalSpec(), Reader(in, kAppr, idIn.value_or("")));
  std::string who = records::textOf(data, "member").value_or(records::textOf(data, "council").value_or(""));
  std::string id = idIn.value_or(approvalId(records::textOf(data, "version_id").value_or(""), who,
                                            records::textOf(data, "date").value_or("")));
  validateApproval(w.db(), id, data);
  records::create(w, approvalSpec(), id, data);
  auto out = records::versionJson(*records::current(w.db(), approvalSpec(), id), false);
  // The last approval completes a submitted version: it becomes goedgekeurd.
  auto v = *records::current(w.db(), versionSpec(), *records::textOf(data, "version_id"));
  auto st = approvalStatus(w.db(), v, *records::dateOf(data, "date"));
  if (st.complete && text(v, "status") == "voorgelegd") {
    auto vd = records::mergeFields(v.data, newObject());
    vd->set("status", std::string("goedgekeurd"));
    reviseVersion(w, v, vd, "change", "alle goedkeuringen binnen (" + id + ")");
  }
  out->set("version_status", text(*records::current(w.db(), versionSpec(), v.id), "status"));
  out->set("approvals_missing", st.missing());
  return out;
}

// ---- rule overrides ----

void validateRule(store::Database& db, const std::string& id, JsonObject d) {
  std::string coop = records::textOf(d, "cooperation").value_or("");
  records::requireCurrent(db, records::cooperationSpec(), coop, field(kRule, id, "cooperation"));
  std::string kind = records::textOf(d, "document_kind").value_or("");
  requireCode(documentKinds(), kind, "soort document", field(kRule, id, "document_kind"));
  requireCode(approvalRules(), records::textOf(d, "rule").value_or(""), "goedkeuringsregel", field(kRule, id, "rule"));
  if (id != coop + ":" + kind) throwInvalid("de id van een regel is '<samenwerkingsverband>:<soort>'", field(kRule, id, "id"));
}

JsonObject ruleSet(records::Writer& w, const JsonObject& in) {
  Reader r(in, kRule);
  r.rejectUnknown({"cooperation", "document_kind", "rule", "reason"});
  std::string reason = r.optStr("reason").value_or("");
  if (reason.empty()) r.fail("reason", "een afwijking van de regel van de rechtsvorm vraagt een reden");
  auto data = newObject();
  data->set("cooperation", r.str("cooperation"));
  data->set("document_kind", r.str("document_kind"));
  data->set("rule", r.str("rule"));
  std::string id = r.str("cooperation") + ":" + r.str("document_kind");
  validateRule(w.db(), id, data);
  if (auto prev = records::current(w.db(), ruleSpec(), id))
    records::revise(w, ruleSpec(), *prev, data, "change", reason);
  else
    records::create(w, ruleSpec(), id, data, reason);
  auto out = records::versionJson(*records::current(w.db(), ruleSpec(), id), true);
  out->set("default_rule", defaultRule(ruleFor(w.db(), r.str("cooperation"), r.str("document_kind")).legalForm,
                                       r.str("document_kind")));
  return out;
}

}  // namespace igsgov::governance

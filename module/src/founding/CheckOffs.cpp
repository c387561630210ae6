#include "founding/CheckOffs.hpp"

#include "core/AtomicFile.hpp"
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "governance/FileStore.hpp"
#include "model/Identifiers.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"

#include <Poco/Path.h>

namespace igsgov::founding {
namespace {

using records::FieldType;
using T = FieldType;
const char* const kKind = "afvinking";

std::string textOr(const JsonObject& o, const std::string& key) { return records::textOf(o, key).value_or(""); }

// The attached file, if any: stored in gov_blob through the writer; its SHA-256.
std::optional<std::string> attachment(records::Writer& w, const Reader& r) {
  auto path = r.optStr("path");
  auto b64 = r.optStr("content_base64");
  if (path && b64) r.fail("path", "geef een bestand ('path') of de inhoud ('content_base64'), niet beide");
  if (!path && !b64) return std::nullopt;
  std::string bytes = path ? governance::readLocalFile(*path) : base64Decode(*b64, r.place("content_base64"));
  std::string source = path ? Poco::Path(*path).getFileName() : "bijlage van de afvinking";
  return governance::putFile(w, bytes, source).sha256;
}

JsonObject withoutId(const JsonObject& data) {
  auto out = newObject();
  std::vector<std::string> names;
  data->getNames(names);
  for (const auto& n : names)
    if (n != "id") out->set(n, data->get(n));
  return out;
}

}  // namespace

const records::EntitySpec& checkOffSpec() {
  static const records::EntitySpec s{"founding_checkoff", kKind,
                                     {{"cooperation", "cooperation_id", T::text, true},
                                      {"stappenplan", "stappenplan", T::text, true},
                                      {"step", "step", T::text, true},
                                      {"condition", "condition_key", T::text, true},
                                      {"member", "member_id", T::text},
                                      {"date", "done_on", T::date, true},
                                      {"note", "note", T::text, true},
                                      {"document_sha256", "document_sha256", T::text},
                                      {"retracted", "retracted", T::boolean}}};
  return s;
}

std::string conditionKey(const Condition& c) { return c.subject.empty() ? c.evidence : c.evidence + ":" + c.subject; }

bool checkable(const Condition& c) {
  return c.evidence == "afvinken" || c.evidence == "indiening" || c.evidence == "subsidiebesluit";
}

std::string checkOffId(const std::string& coop, const std::string& plan, const std::string& step,
                       const std::string& condition, const std::string& member) {
  std::string id = coop + ":" + step + ":" + condition + (member.empty() ? "" : ":" + member);
  if (model::isRecordId(id)) return id;
  return "afv-" + sha256Hex(coop + "\n" + plan + "\n" + step + "\n" + condition + "\n" + member).substr(0, 24);
}

const Stappenplan* defaultPlan(const std::vector<Stappenplan>& plans, const std::string& domain) {
  const Stappenplan* found = nullptr;
  int n = 0;
  for (const auto& p : plans)
    if (!domain.empty() && p.domain == domain) found = &p, ++n;
  if (n == 1) return found;
  if (domain.empty() && plans.size() == 1) return &plans.front();
  return nullptr;
}

bool hasCheckOffs(store::Database& db, const std::string& cooperation) {
  auto& st = db.cached("SELECT 1 FROM founding_checkoff WHERE cooperation_id = ? LIMIT 1");
  st.bind(1, cooperation);
  bool any = st.step();
  st.reset();
  return any;
}

const Stappenplan& planFor(store::Database& db, const std::vector<Stappenplan>& plans, const std::string& coopId,
                           const std::optional<std::string>& name, const Place& place) {
  auto coop = records::requireCurrent(db, records::cooperationSpec(), coopId, place);
  if (name) {
    for (const auto& p : plans)
      if (p.name == *name) return p;
    throwNotFound("onbekend stappenplan '" + *name + "'", Place().set("field", "'stappenplan'"));
  }
  if (const auto* p = defaultPlan(plans, textOr(coop.data, "domain"))) return *p;
  std::string domain = textOr(coop.data, "domain");
  throwNotFound("geen stappenplan voor de oprichting van samenwerkingsverband '" + coopId + "'" +
                    (domain.empty() ? "" : " (beleidsdomein " + model::domains().label(domain) + ")") + "; kies er een met 'stappenplan'",
                Place().set("field", "'stappenplan'"));
}

void validateCheckOff(store::Database& db, const std::vector<Stappenplan>& plans, const std::string& id,
                      const JsonObject& data, const Reader& r) {
  std::string coop = textOr(data, "cooperation");
  records::requireCurrent(db, records::cooperationSpec(), coop, r.place("cooperation"));
  std::string planName = textOr(data, "stappenplan");
  const Stappenplan* plan = nullptr;
  for (const auto& p : plans)
    if (p.name == planName) plan = &p;
  if (!plan) r.fail("stappenplan", "onbekend stappenplan '" + planName + "'");
  std::string stepId = textOr(data, "step");
  const Step* step = plan->find(stepId);
  if (!step) r.fail("step", "stappenplan '" + plan->name + "' heeft geen stap '" + stepId + "'");
  std::string key = textOr(data, "condition");
  const Condition* cond = nullptr;
  for (const auto& c : step->doneWhen)
    if (conditionKey(c) == key) cond = &c;
  if (!cond) r.fail("condition", "stap '" + stepId + "' heeft geen voorwaarde '" + key + "'");
  if (!checkable(*cond))
    r.fail("condition", "voorwaarde '" + key + "' wordt bewezen door het register, niet door afvinken: " + cond->description);
  auto member = records::textOf(data, "member");
  if (step->perGemeente && !member)
    r.fail("member", "stap '" + stepId + "' wordt per gemeente gezet: noem de deelnemende gemeente ('member')");
  if (!step->perGemeente && member)
    r.fail("member", "stap '" + stepId + "' geldt voor het hele samenwerkingsverband, niet per gemeente");
  if (member) {
    auto m = records::requireCurrent(db, records::memberSpec(), *member, r.place("member"));
    if (textOr(m.data, "cooperation") != coop)
      r.fail("member", "deelnemer '" + *member + "' hoort niet bij samenwerkingsverband '" + coop + "'");
    if (textOr(m.data, "kind") != "gemeente") r.fail("member", "deelnemer '" + *member + "' is geen gemeente");
  }
  if (textOr(data, "note").empty()) r.fail("note", "zeg waarom de voorwaarde vervuld is ('note')");
  auto on = records::dateOf(data, "date");
  if (!on) r.fail("date", "de datum van de afvinking ontbreekt");
  if (Date::today() < *on) r.fail("date", "een afvinking ligt niet in de toekomst");
  if (id != checkOffId(coop, plan->name, stepId, key, member.value_or("")))
    r.fail("id", "de id van een afvinking is '" + checkOffId(coop, plan->name, stepId, key, member.value_or("")) +
                     "' (samenwerkingsverband, stap, voorwaarde en gemeente), niet '" + id + "'");
}

JsonObject checkOff(records::Writer& w, const std::vector<Stappenplan>& plans, const JsonObject& in) {
  Reader r(in, kKind);
  std::string coop = r.str("cooperation");
  const auto& plan = planFor(w.db(), plans, coop, r.optStr("stappenplan"), r.place("cooperation"));
  std::string stepId = r.str("step");
  const Step* step = plan.find(stepId);
  if (!step) r.fail("step", "stappenplan '" + plan.name + "' heeft geen stap '" + stepId + "'");
  // The condition: named, or the only one of the step a person may check off.
  std::vector<const Condition*> candidates;
  for (const auto& c : step->doneWhen)
    if (checkable(c)) candidates.push_back(&c);
  if (candidates.empty())
    r.fail("step", "stap '" + stepId + "' wordt bewezen door het register (besluiten, rechtsvorm, statuten), niet door afvinken");
  const Condition* cond = nullptr;
  if (auto key = r.optStr("condition")) {
    for (const auto& c : step->doneWhen)
      if (conditionKey(c) == *key) cond = &c;
    if (!cond) r.fail("condition", "stap '" + stepId + "' heeft geen voorwaarde '" + *key + "'");
    if (!checkable(*cond))
      r.fail("condition", "voorwaarde '" + *key + "' wordt bewezen door het register, niet door afvinken: " + cond->description);
  } else if (candidates.size() == 1) {
    cond = candidates.front();
  } else {
    std::string keys;
    for (const auto* c : candidates) keys += (keys.empty() ? "" : ", ") + conditionKey(*c);
    r.fail("condition", "stap '" + stepId + "' heeft meer dan één voorwaarde om af te vinken; kies er een (" + keys + ")");
  }
  auto member = r.optStr("member");
  std::string note = r.str("note");
  Date on = r.optDate("date").value_or(Date::today());

  std::string key = conditionKey(*cond);
  std::string id = checkOffId(coop, plan.name, stepId, key, member.value_or(""));
  auto data = newObject();
  data->set("cooperation", coop);
  data->set("stappenplan", plan.name);
  data->set("step", stepId);
  data->set("condition", key);
  if (member) data->set("member", *member);
  data->set("date", on.iso());
  data->set("note", note);
  data->set("retracted", false);
  validateCheckOff(w.db(), plans, id, data, r);
  if (auto sha = attachment(w, r)) data->set("document_sha256", *sha);
  std::string reason = r.optStr("reason").value_or("");
  if (auto prev = records::current(w.db(), checkOffSpec(), id)) {
    if (!prev->data->optValue<bool>("retracted", false))
      throwConflict("al afgevinkt op " + dutchLongDate(*records::dateOf(prev->data, "date")) +
                        "; verbeter met 'founding correct' of trek in met 'founding retract'",
                    Place().set("record", std::string(kKind) + " '" + id + "'"));
    records::revise(w, checkOffSpec(), *prev, data, "change", reason);
  } else {
    records::create(w, checkOffSpec(), id, data, reason);
  }
  return records::versionJson(*records::current(w.db(), checkOffSpec(), id), true);
}

namespace {

records::Version requireCheckOff(store::Database& db, const Reader& r) {
  return records::requireCurrent(db, checkOffSpec(), r.str("id"), r.place("id"));
}

}  // namespace

JsonObject correctCheckOff(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  auto prev = requireCheckOff(w.db(), r);
  if (prev.data->optValue<bool>("retracted", false))
    r.fail("id", "deze afvinking is ingetrokken; vink opnieuw af met 'founding check-off'");
  auto data = withoutId(prev.data);
  bool changed = false;
  if (auto note = r.optStr("note")) data->set("note", *note), changed = true;
  if (auto on = r.optDate("date")) {
    if (Date::today() < *on) r.fail("date", "een afvinking ligt niet in de toekomst");
    data->set("date", on->iso()), changed = true;
  }
  if (auto sha = attachment(w, r)) data->set("document_sha256", *sha), changed = true;
  if (!changed) r.fail("id", "niets te verbeteren: geef 'note', 'date' of een bijlage");
  records::revise(w, checkOffSpec(), prev, data, "correction", r.str("reason"));
  return records::versionJson(*records::current(w.db(), checkOffSpec(), prev.id), true);
}

JsonObject retractCheckOff(records::Writer& w, const JsonObject& in) {
  Reader r(in, kKind);
  auto prev = requireCheckOff(w.db(), r);
  if (prev.data->optValue<bool>("retracted", false)) r.fail("id", "deze afvinking is al ingetrokken");
  auto data = withoutId(prev.data);
  data->set("retracted", true);
  records::revise(w, checkOffSpec(), prev, data, "retraction", r.str("reason"));
  return records::versionJson(*records::current(w.db(), checkOffSpec(), prev.id), true);
}

JsonObject checkOffAttachment(store::Database& db, const JsonObject& in) {
  Reader r(in, kKind);
  r.rejectUnknown({"id", "path"});
  auto v = requireCheckOff(db, r);
  auto sha = records::textOf(v.data, "document_sha256");
  if (!sha) throwNotFound("deze afvinking heeft geen bijlage", r.place("id"));
  auto info = governance::fileInfo(db, *sha);
  std::string bytes = governance::getFile(db, *sha);
  auto kind = governance::fileKindOfMediaType(info.mediaType);
  std::string ext = kind == governance::FileKind::pdf ? "pdf" : kind == governance::FileKind::odt ? "odt" : "docx";
  auto out = newObject();
  out->set("id", v.id);
  out->set("sha256", *sha);
  out->set("media_type", info.mediaType);
  out->set("size", static_cast<long long>(bytes.size()));
  out->set("file_name", "bijlage-" + textOr(v.data, "step") + "." + ext);
  if (auto path = r.optStr("path")) {
    writeFileAtomically(*path, bytes);
    out->set("path", *path);
  } else {
    out->set("content_base64", base64Encode(bytes));
  }
  return out;
}

std::vector<records::Version> currentCheckOffs(store::Database& db, const std::string& cooperation) {
  std::vector<records::Version> out;
  for (auto& v : records::currentAll(db, checkOffSpec(), "cooperation_id", cooperation))
    if (!v.data->optValue<bool>("retracted", false)) out.push_back(std::move(v));
  return out;
}

}  // namespace igsgov::founding

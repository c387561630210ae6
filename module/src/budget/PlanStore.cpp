#include "budget/PlanStore.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "finance/PlanCsv.hpp"
#include "finance/PlanDiff.hpp"
#include "finance/PlanLinks.hpp"
#include "model/Identifiers.hpp"
#include "records/Entities.hpp"
#include "refdata/RefData.hpp"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>

#include <cstdio>
#include <map>

namespace igsgov::budget {

using namespace finance;
using records::FieldType;

namespace {
constexpr std::size_t kMaxCsv = 16u << 20;
const std::string kPlan = "meerjarenplan";

std::string readText(const std::string& path) {
  Poco::File f(path);
  if (!f.exists() || !f.isFile()) throwNotFound("bestand niet gevonden", Place().set("file", path));
  if (f.getSize() > kMaxCsv) throwInvalid("bestand te groot (maximum 16 MiB)", Place().set("file", path));
  try {
    Poco::FileInputStream is(path, std::ios::in | std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "bestand kan niet gelezen worden: " + e.displayText(), Place().set("file", path));
  }
}

PlanOwner readOwner(const Reader& r) {
  PlanOwner o;
  o.kind = r.optOneOf("owner_kind", {"igs", "lid"}).value_or("igs") == "igs" ? OwnerKind::igs : OwnerKind::member;
  o.id = r.str("owner");
  return o;
}

Plan planOfVersion(const records::Version& v) {
  std::string content = records::textOf(v.data, "content").value_or("");
  if (sha256Hex(content) != records::textOf(v.data, "content_sha256").value_or(""))
    throw Error(ErrorCode::integrity, "het bewaarde meerjarenplan komt niet overeen met zijn SHA-256",
                Place().set("record", "meerjarenplan " + v.id));
  return planFromJson(parseJsonObject(content, "meerjarenplan " + v.id));
}

JsonObject planRef(const records::Version& v) {
  auto o = newObject();
  for (const char* k : {"id", "owner_kind", "owner", "period", "version", "version_label", "source", "content_sha256"})
    if (v.data->has(k)) o->set(k, v.data->get(k));
  o->set("recorded_at", v.recFrom);
  return o;
}

std::optional<records::Version> storedVersion(store::Database& db, const std::string& ownerId, const PlanPeriod& period,
                                              std::optional<int> version) {
  auto st = db.prepare("SELECT id, version FROM fin_plan WHERE owner_id = ? AND period = ? AND rec_to IS NULL "
                       "ORDER BY version DESC");
  st.bind(1, ownerId).bind(2, period.text());
  while (st.step()) {
    if (version && st.integer(1) != *version) continue;
    return records::current(db, planSpec(), st.text(0));
  }
  return std::nullopt;
}

}  // namespace

const records::EntitySpec& planSpec() {
  static const records::EntitySpec s{"fin_plan", kPlan,
                                     {{"owner_kind", "owner_kind", FieldType::text, true},
                                      {"owner", "owner_id", FieldType::text, true},
                                      {"period", "period", FieldType::text, true},
                                      {"version", "version", FieldType::integer, true},
                                      {"version_label", "version_label", FieldType::text},
                                      {"source", "source", FieldType::text},
                                      {"content", "content", FieldType::text, true},
                                      {"content_sha256", "content_sha256", FieldType::text, true}}};
  return s;
}

std::string planId(const PlanOwner& owner, const PlanPeriod& period, int version) {
  return owner.id + ":" + period.text() + ":v" + std::to_string(version);
}

PlanPeriod parsePeriod(const std::string& text, const Place& place) {
  int first = 0, last = 0;
  char dash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &first, &dash, &last, &extra) != 3 || dash != '-')
    throwInvalid("periode 'JJJJ-JJJJ' verwacht (bv. 2026-2031): '" + text + "'", place);
  try {
    return PlanPeriod::of(first, last);
  } catch (const Error& e) {
    throwInvalid(e.message(), place);
  }
}

void validateOwner(store::Database& db, const PlanOwner& owner, const Place& place) {
  if (owner.kind == OwnerKind::igs) {
    if (!records::current(db, records::cooperationSpec(), owner.id))
      throwNotFound("onbekend samenwerkingsverband '" + owner.id + "' als eigenaar van het plan", place);
    return;
  }
  if (records::current(db, records::memberSpec(), owner.id)) return;
  if (model::isNisCode(owner.id) && refdata::findGemeente(db, owner.id)) return;
  throwNotFound("onbekende deelnemer '" + owner.id + "' als eigenaar van het plan (een deelnemer-id of een NIS-code)",
                place);
}

void storePlan(records::Writer& w, Plan plan, const std::string& source, const std::string& reason) {
  validatePlan(plan);
  std::string id = planId(plan.owner, plan.period, plan.version);
  if (!model::isRecordId(id))
    throwInvalid("de eigenaar-id is te lang voor een plan-id ('" + id + "')", recordField(kPlan, id, "owner"));
  if (records::exists(w.db(), planSpec(), id))
    throwConflict("versie " + std::to_string(plan.version) + " van dit plan bestaat al; een aanpassing is een nieuwe versie",
                  recordField(kPlan, id, "plan_version"));
  std::string content = canonicalJson(planToJson(plan));
  auto data = newObject();
  data->set("owner_kind", std::string(ownerKindName(plan.owner.kind)));
  data->set("owner", plan.owner.id);
  data->set("period", plan.period.text());
  data->set("version", static_cast<long long>(plan.version));
  if (!plan.versionLabel.empty()) data->set("version_label", plan.versionLabel);
  if (!source.empty()) data->set("source", source);
  data->set("content", content);
  data->set("content_sha256", sha256Hex(content));
  records::create(w, planSpec(), id, data, reason);
}

std::optional<int> latestVersion(store::Database& db, const std::string& ownerId, const PlanPeriod& period) {
  auto v = storedVersion(db, ownerId, period, std::nullopt);
  if (!v) return std::nullopt;
  return static_cast<int>(v->data->getValue<long long>("version"));
}

Plan loadPlan(store::Database& db, const std::string& ownerId, const PlanPeriod& period, std::optional<int> version) {
  auto v = storedVersion(db, ownerId, period, version);
  if (!v)
    throwNotFound("geen meerjarenplan " + period.text() + " van '" + ownerId + "'" +
                      (version ? " in versie " + std::to_string(*version) : ""),
                  Place().set("field", "'owner'"));
  return planOfVersion(*v);
}

std::vector<Plan> allPlans(store::Database& db) {
  std::vector<Plan> out;
  for (const auto& v : records::currentAll(db, planSpec())) out.push_back(planOfVersion(v));
  return out;
}

// ---- operations ----

JsonObject planImportCsv(records::Writer& w, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"path", "csv", "owner_kind", "owner", "period", "plan_version", "label", "reason"});
  PlanHeader h;
  h.owner = readOwner(r);
  h.period = parsePeriod(r.str("period"), r.place("period"));
  validateOwner(w.db(), h.owner, r.place("owner"));
  auto latest = latestVersion(w.db(), h.owner.id, h.period);
  h.version = static_cast<int>(r.optInteger("plan_version").value_or(latest ? *latest + 1 : 0));
  h.versionLabel = r.optStr("label").value_or(h.version == 0 ? "initieel plan" : "aanpassing " + std::to_string(h.version));
  std::string text, source;
  if (auto path = r.optStr("path")) {
    text = readText(*path);
    source = Poco::Path(*path).getFileName();
  } else if (auto csv = r.optStr("csv")) {
    text = *csv;
    source = "csv";
  } else {
    r.fail("path", "geef een CSV-bestand ('path')");
  }
  Plan plan = planFromCsv(text, h, r.optStr("path").value_or(source));
  storePlan(w, plan, source, r.optStr("reason").value_or(""));
  auto v = records::current(w.db(), planSpec(), planId(h.owner, h.period, h.version));
  auto out = planRef(*v);
  out->set("items", static_cast<long long>(plan.items.size()));
  auto ji = newObject();  // the journal keeps the header and the content hash, not the whole file
  for (const char* k : {"owner_kind", "owner", "period", "plan_version", "label", "reason"})
    if (in->has(k)) ji->set(k, in->get(k));
  ji->set("source", source);
  ji->set("sha256", sha256Hex(text));
  w.setJournalInput(ji);
  return out;
}

JsonObject planStore(records::Writer& w, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"plan", "reason"});
  auto po = r.optObject("plan");
  if (po.isNull()) r.fail("plan", "het plan ontbreekt");
  Plan plan = planFromJson(po);
  validateOwner(w.db(), plan.owner, r.place("plan"));
  storePlan(w, plan, "json", r.optStr("reason").value_or(""));
  return planRef(*records::current(w.db(), planSpec(), planId(plan.owner, plan.period, plan.version)));
}

namespace {
Plan planFromRequest(store::Database& db, const Reader& r, const std::string& versionField = "plan_version") {
  auto period = parsePeriod(r.str("period"), r.place("period"));
  std::optional<int> version;
  if (auto v = r.optInteger(versionField)) version = static_cast<int>(*v);
  return loadPlan(db, r.str("owner"), period, version);
}
}  // namespace

JsonObject planExportCsv(store::Database& db, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"owner", "period", "plan_version", "path"});
  Plan plan = planFromRequest(db, r);
  std::string csv = planToCsv(plan);
  auto out = newObject();
  out->set("id", planId(plan.owner, plan.period, plan.version));
  if (auto path = r.optStr("path")) {
    writeFileAtomically(*path, csv);
    out->set("path", *path);
  } else {
    out->set("csv", csv);
  }
  return out;
}

JsonObject planShow(store::Database& db, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"owner", "period", "plan_version"});
  return planToJson(planFromRequest(db, r));
}

JsonObject planList(store::Database& db, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"owner"});
  auto list = newArray();
  auto owner = r.optStr("owner");
  for (const auto& v : records::currentAll(db, planSpec(), owner ? "owner_id" : "", owner.value_or("")))
    list->add(planRef(v));
  auto out = newObject();
  out->set("plans", list);
  return out;
}

JsonObject planDiffOp(store::Database& db, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"owner", "period", "from", "to"});
  auto period = parsePeriod(r.str("period"), r.place("period"));
  std::string owner = r.str("owner");
  Plan after = loadPlan(db, owner, period, r.optInteger("to") ? std::optional<int>(static_cast<int>(*r.optInteger("to"))) : std::nullopt);
  std::optional<int> from;
  if (auto f = r.optInteger("from")) from = static_cast<int>(*f);
  else {
    // The stored version just before `after`.
    auto st = db.prepare("SELECT max(version) FROM fin_plan WHERE owner_id = ? AND period = ? AND rec_to IS NULL AND version < ?");
    st.bind(1, owner).bind(2, period.text()).bind(3, static_cast<long long>(after.version));
    if (!st.step() || st.isNull(0))
      throwNotFound("er is geen vorige versie van dit plan om mee te vergelijken", r.place("from"));
    from = static_cast<int>(st.integer(0));
  }
  Plan before = loadPlan(db, owner, period, from);
  auto d = diffPlans(before, after);
  auto out = diffToJson(d);
  out->set("text", diffToText(d));
  return out;
}

JsonObject planLinks(store::Database& db, const JsonObject& in) {
  Reader r(in, kPlan);
  r.rejectUnknown({"cooperation", "period", "code"});
  std::string coop = r.str("cooperation");
  records::requireCurrent(db, records::cooperationSpec(), coop, r.place("cooperation"));
  auto period = parsePeriod(r.str("period"), r.place("period"));
  Plan igsPlan = loadPlan(db, coop, period);
  std::vector<std::string> members;
  std::vector<Plan> memberPlans;
  std::map<std::string, std::string> names;
  for (const auto& m : records::currentAll(db, records::memberSpec(), "cooperation_id", coop)) {
    members.push_back(m.id);
    names[m.id] = records::textOf(m.data, "name").value_or(m.id);
    // A member's plan is stored under its member id or, for a gemeente/OCMW, its NIS code.
    for (const std::string& owner : {m.id, records::textOf(m.data, "nis").value_or("")}) {
      if (owner.empty()) continue;
      if (auto v = storedVersion(db, owner, period, std::nullopt)) {
        Plan p = planOfVersion(*v);
        p.owner.id = m.id;
        memberPlans.push_back(std::move(p));
      }
    }
  }
  auto missing = membersWithoutLink(igsPlan, members, memberPlans, r.optStr("code").value_or(""));
  auto list = newArray();
  for (const auto& mm : missing) {
    auto o = newObject();
    o->set("member", mm.member);
    o->set("name", names[mm.member]);
    o->set("reason", std::string(mm.reason == MissingLink::Reason::noPlan   ? "no_plan"
                                 : mm.reason == MissingLink::Reason::noLink ? "no_link"
                                                                            : "unknown_doelstelling"));
    o->set("reason_text", std::string(missingLinkReasonText(mm.reason)));
    list->add(o);
  }
  auto out = newObject();
  out->set("cooperation", coop);
  out->set("period", period.text());
  out->set("igs_plan_version", igsPlan.version);
  out->set("members", static_cast<long long>(members.size()));
  out->set("without_link", list);
  return out;
}

std::string planDiffText(const JsonObject& out) { return out->getValue<std::string>("text"); }

std::string planLinksText(const JsonObject& o) {
  std::string s = "Meerjarenplan " + o->getValue<std::string>("period") + " van " + o->getValue<std::string>("cooperation") +
                  ": deelnemers zonder gekoppelde doelstelling\n";
  auto list = o->getArray("without_link");
  if (list->size() == 0) s += "  (geen: elke deelnemer heeft een gekoppelde doelstelling)\n";
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto m = list->getObject(static_cast<unsigned>(i));
    s += "  - " + m->getValue<std::string>("name") + " (" + m->getValue<std::string>("member") + "): " +
         m->getValue<std::string>("reason_text") + "\n";
  }
  return s;
}

}  // namespace igsgov::budget

#include "interchange/GovernanceInterchange.hpp"
#include "core/Base64.hpp"
#include "interchange/FilePlaces.hpp"

#include "budget/Contributions.hpp"
#include "budget/PlanStore.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "finance/Plan.hpp"
#include "governance/Documents.hpp"
#include "governance/FileStore.hpp"
#include "governance/Specs.hpp"

namespace igsgov::interchange {
using namespace records;

namespace {

std::string idx(const std::string& base, std::size_t i) { return indexPath(base, i); }

JsonObject copyWithout(const JsonObject& o, std::initializer_list<const char*> drop) {
  auto c = newObject();
  std::vector<std::string> names;
  o->getNames(names);
  for (const auto& n : names) {
    bool skip = false;
    for (auto d : drop) skip = skip || n == d;
    if (!skip) c->set(n, o->get(n));
  }
  return c;
}

void importVersion(Writer& w, const JsonObject& vo, const std::string& docId, long long& nApprovals,
                   const std::string& file, const std::string& path) {
  using namespace governance;
  const std::string k = "documentversie";
  std::string id = Reader(vo, k).str("id");
  auto withDoc = copyWithout(vo, {});
  if (!withDoc->has("document")) withDoc->set("document", docId);
  Reader r(withDoc, k, id);
  auto data = readFields(versionSpec(), r, {"file", "approvals"});
  if (textOf(data, "document") != docId) r.fail("document", "de versie staat onder document '" + docId + "'");
  auto f = r.optObject("file");
  if (f.isNull()) r.fail("file", "het bestand van de versie ontbreekt");
  Reader rf(f, k, id);
  rf.rejectUnknown({"name", "sha256", "media_type", "size", "content_base64"});
  std::string bytes = base64Decode(rf.str("content_base64"), rf.place("content_base64"));
  std::string sha = sha256Hex(bytes);
  if (auto stated = rf.optStr("sha256"); stated && *stated != sha)
    rf.fail("sha256", "de inhoud heeft SHA-256 " + sha + ", niet " + *stated);
  auto stored = putFile(w, bytes, rf.optStr("name").value_or("versie " + id));
  if (auto mt = rf.optStr("media_type"); mt && *mt != stored.mediaType)
    rf.fail("media_type", "de inhoud is " + stored.mediaType + ", niet " + *mt);
  data->set("file_sha256", stored.sha256);
  if (auto name = rf.optStr("name"); name && !textOf(data, "file_name")) data->set("file_name", *name);
  validateVersion(w.db(), id, data);
  create(w, versionSpec(), id, data);
  auto approvals = arrayField(vo, "approvals", file, path + ".");
  for (std::size_t i = 0; i < approvals->size(); ++i) {
    auto apath = path + "." + idx("approvals", i);
    at(file, apath, [&] {
      auto ao = copyWithout(objectAt(approvals, i, file, apath), {});
      if (!ao->has("version_id")) ao->set("version_id", id);
      std::string aid = Reader(ao, "goedkeuring").str("id");
      auto ad = readFields(approvalSpec(), Reader(ao, "goedkeuring", aid));
      if (textOf(ad, "version_id") != id) throwInvalid("het besluit staat onder versie '" + id + "'", recordField("goedkeuring", aid, "version_id"));
      validateApproval(w.db(), aid, ad);
      create(w, approvalSpec(), aid, ad);
    });
    ++nApprovals;
  }
}

}  // namespace

void importGovernanceAndFinance(Writer& w, const JsonObject& doc, const std::string& file, JsonObject counts) {
  using namespace governance;
  long long nRules = 0, nDocs = 0, nVersions = 0, nApprovals = 0, nPlans = 0, nKeys = 0, nSchedules = 0;
  auto gov = objectField(doc, "governance", file, "");
  Reader(gov, "governance").rejectUnknown({"approval_rules", "documents"});
  auto rules = arrayField(gov, "approval_rules", file, "governance.");
  for (std::size_t i = 0; i < rules->size(); ++i) {
    auto path = "governance." + idx("approval_rules", i);
    at(file, path, [&] {
      auto ro = objectAt(rules, i, file, path);
      Reader r(ro, "goedkeuringsregel");
      r.rejectUnknown({"id", "cooperation", "document_kind", "rule", "reason"});
      std::string id = r.str("cooperation") + ":" + r.str("document_kind");
      auto data = readFields(ruleSpec(), r, {"reason"});
      std::string reason = r.optStr("reason").value_or("");
      if (reason.empty()) r.fail("reason", "een afwijking van de regel van de rechtsvorm vraagt een reden");
      validateRule(w.db(), id, data);
      create(w, ruleSpec(), id, data, reason);
    });
    ++nRules;
  }
  auto docs = arrayField(gov, "documents", file, "governance.");
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto path = "governance." + idx("documents", i);
    JsonObject d;
    std::string id;
    at(file, path, [&] {
      d = objectAt(docs, i, file, path);
      id = Reader(d, "document").str("id");
      auto data = readFields(documentSpec(), Reader(d, "document", id), {"versions"});
      validateDocument(w.db(), id, data);
      create(w, documentSpec(), id, data);
    });
    ++nDocs;
    auto versions = arrayField(d, "versions", file, path + ".");
    for (std::size_t j = 0; j < versions->size(); ++j) {
      auto vpath = path + "." + idx("versions", j);
      at(file, vpath, [&] { importVersion(w, objectAt(versions, j, file, vpath), id, nApprovals, file, vpath); });
      ++nVersions;
    }
  }

  auto fin = objectField(doc, "finance", file, "");
  Reader(fin, "finance").rejectUnknown({"plans", "contribution_keys", "contribution_schedules"});
  auto plans = arrayField(fin, "plans", file, "finance.");
  for (std::size_t i = 0; i < plans->size(); ++i) {
    auto path = "finance." + idx("plans", i);
    at(file, path, [&] {
      auto po = objectAt(plans, i, file, path);
      Reader r(po, "meerjarenplan");
      r.rejectUnknown({"source", "plan"});
      auto planObj = r.optObject("plan");
      if (planObj.isNull()) r.fail("plan", "het plan ontbreekt");
      auto plan = finance::planFromJson(planObj);
      budget::validateOwner(w.db(), plan.owner, r.place("plan"));
      budget::storePlan(w, plan, r.optStr("source").value_or(""));
    });
    ++nPlans;
  }
  auto keys = arrayField(fin, "contribution_keys", file, "finance.");
  for (std::size_t i = 0; i < keys->size(); ++i) {
    auto path = "finance." + idx("contribution_keys", i);
    at(file, path, [&] {
      auto ko = objectAt(keys, i, file, path);
      Reader r0(ko, "verdeelsleutel");
      std::string id = r0.str("id");
      Reader r(ko, "verdeelsleutel", id);
      r.rejectUnknown({"id", "cooperation", "title", "items"});
      auto items = r.optArray("items");
      if (items.isNull()) r.fail("items", "de kostenposten ontbreken");
      auto data = newObject();
      data->set("cooperation", r.str("cooperation"));
      data->set("title", r.optStr("title").value_or(id));
      data->set("items", canonicalJson(items));
      budget::validateKey(w.db(), id, data);
      create(w, budget::keySpec(), id, data);
    });
    ++nKeys;
  }
  auto schedules = arrayField(fin, "contribution_schedules", file, "finance.");
  for (std::size_t i = 0; i < schedules->size(); ++i) {
    auto path = "finance." + idx("contribution_schedules", i);
    at(file, path, [&] {
      auto so = objectAt(schedules, i, file, path);
      budget::importSchedule(w, Reader(so, "bijdrageschema").str("id"), so);
    });
    ++nSchedules;
  }
  counts->set("approval_rules", nRules);
  counts->set("documents", nDocs);
  counts->set("document_versions", nVersions);
  counts->set("approvals", nApprovals);
  counts->set("plans", nPlans);
  counts->set("contribution_keys", nKeys);
  counts->set("contribution_schedules", nSchedules);
}

void exportGovernanceAndFinance(store::Database& db, JsonObject out) {
  using namespace governance;
  auto gov = newObject();
  auto rules = newArray();
  for (const auto& r : currentAll(db, ruleSpec())) {
    auto o = copyWithout(versionJson(r, false), {"id"});
    o->set("reason", r.reason);
    rules->add(o);
  }
  gov->set("approval_rules", rules);
  auto docs = newArray();
  for (const auto& d : currentAll(db, documentSpec())) {
    auto dobj = versionJson(d, false);
    auto versions = newArray();
    for (const auto& v : currentAll(db, versionSpec(), "document_id", d.id)) {
      auto vo = copyWithout(versionJson(v, false), {"document", "file_sha256"});
      std::string sha = governance::text(v, "file_sha256");
      auto info = fileInfo(db, sha);
      auto f = newObject();
      if (auto name = textOf(v.data, "file_name")) f->set("name", *name);
      f->set("sha256", sha);
      f->set("media_type", info.mediaType);
      f->set("size", info.size);
      f->set("content_base64", base64Encode(getFile(db, sha)));
      vo->set("file", f);
      auto approvals = newArray();
      for (const auto& a : currentAll(db, approvalSpec(), "version_id", v.id))
        approvals->add(copyWithout(versionJson(a, false), {"version_id"}));
      vo->set("approvals", approvals);
      versions->add(vo);
    }
    dobj->set("versions", versions);
    docs->add(dobj);
  }
  gov->set("documents", docs);
  out->set("governance", gov);

  auto fin = newObject();
  auto plans = newArray();
  for (const auto& v : currentAll(db, budget::planSpec())) {
    auto po = newObject();
    if (auto s = textOf(v.data, "source")) po->set("source", *s);
    po->set("plan", parseJsonObject(textOf(v.data, "content").value_or("{}")));
    plans->add(po);
  }
  fin->set("plans", plans);
  auto keys = newArray();
  for (const auto& k : currentAll(db, budget::keySpec())) {
    auto ko = versionJson(k, false);
    ko->set("items", parseJson(textOf(k.data, "items").value_or("[]")));
    keys->add(ko);
  }
  fin->set("contribution_keys", keys);
  auto schedules = newArray();
  for (const auto& s : currentAll(db, budget::scheduleSpec())) {
    auto so = copyWithout(versionJson(s, false), {"schedule_sha256", "cooperation"});
    so->set("schedule", parseJsonObject(textOf(s.data, "schedule").value_or("{}")));
    schedules->add(so);
  }
  fin->set("contribution_schedules", schedules);
  out->set("finance", fin);
}

}  // namespace igsgov::interchange

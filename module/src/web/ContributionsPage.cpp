// The contributions pages (bijdragen) of an IGS:
//   GET  /intranet/igs/:igs/bijdragen                 the keys (contribution.list) with their years
//   GET  /intranet/igs/:igs/bijdragen/:key?jaar=       one key: its editor, the compute form and the
//                                                      schedule of a year (contribution.show) per member
//   POST /intranet/igs/:igs/bijdragen/:key             contribution.key (":key" = "nieuw": a new key,
//                                                      its id from the form) → 303 to the key
//   POST /intranet/igs/:igs/bijdragen/:key/berekenen   contribution.compute {jaar, peildatum} → 303 to
//                                                      the key with ?jaar=
// Every rule is the operation's (web/ContributionForm.hpp only carries what
// was typed); a refused form is shown again (400) with the Dutch message next
// to its field. Forms are offered only to roles that may call the operation.
#include "core/Error.hpp"
#include "finance/Money.hpp"
#include "web/ContributionForm.hpp"
#include "web/ExportLinks.hpp"
#include "web/FieldErrors.hpp"
#include "web/Pages.hpp"

namespace igsgov::web {

namespace {

constexpr const char* kNewKey = "nieuw";

std::string base(const std::string& igs) { return "/intranet/igs/" + segment(igs) + "/bijdragen"; }

std::vector<KeyMember> membersOf(const JsonObject& igs) {
  std::vector<KeyMember> out;
  each(arrayOf(igs, "members"), [&](JsonObject m) { out.push_back({text(m, "id"), text(m, "name")}); });
  return out;
}

JsonArray keysOf(PageRequest& r, const std::string& igs) {
  auto in = newObject();
  in->set("cooperation", igs);
  return arrayOf(call(r, "contribution.list", in), "keys");
}

JsonObject findKey(PageRequest& r, const std::string& igs, const std::string& id) {
  JsonObject found;
  each(keysOf(r, igs), [&](JsonObject k) {
    if (text(k, "id") == id) found = k;
  });
  return found;
}

std::string euro(long long cents) { return finance::formatEuro(finance::Cents(cents)); }

// The schedule of one year: a row per member (by name), a column per cost item.
void addSchedule(PageRequest& r, const std::string& key, int year, JsonObject data) {
  auto in = newObject();
  in->set("key", key);
  in->set("year", year);
  auto out = call(r, "contribution.show", in);
  auto schedule = out->getObject("schedule");
  auto inputs = schedule->getObject("inputs");
  std::map<std::string, std::string> names, why;
  each(arrayOf(inputs, "members"), [&](JsonObject m) { names[text(m, "id")] = text(m, "name"); });
  each(arrayOf(out, "exclusions"), [&](JsonObject e) {
    auto& t = why[text(e, "member")];
    t += (t.empty() ? "" : "; ") + text(e, "reason");
  });
  std::vector<std::string> itemIds;
  auto columns = newArray();
  each(arrayOf(arrayOf(inputs, "years")->getObject(0), "items"), [&](JsonObject it) {
    itemIds.push_back(text(it, "id"));
    auto c = newObject();
    c->set("title", text(it, "title").empty() ? text(it, "id") : text(it, "title"));
    columns->add(c);
  });
  auto y = arrayOf(schedule, "years")->getObject(0);
  auto rows = newArray();
  each(arrayOf(y, "members"), [&](JsonObject m) {
    auto row = newObject();
    std::string id = text(m, "member");
    row->set("name", names[id].empty() ? id : names[id]);
    auto cells = newArray();
    auto items = m->getObject("items");
    for (const auto& item : itemIds) {
      auto c = newObject();
      c->set("amount", euro(items && items->has(item) ? items->getValue<long long>(item) : 0));
      cells->add(c);
    }
    row->set("cells", cells);
    row->set("total", euro(m->getValue<long long>("total_cents")));
    row->set("why", m->getValue<long long>("total_cents") == 0 && why.count(id) ? "betaalt niets: " + why[id] : "");
    rows->add(row);
  });
  auto totals = newArray();
  auto itemTotals = y->getObject("item_totals");
  for (const auto& item : itemIds) {
    auto c = newObject();
    c->set("amount", euro(itemTotals && itemTotals->has(item) ? itemTotals->getValue<long long>(item) : 0));
    totals->add(c);
  }
  data->set("has_schedule", true);
  data->set("schedule_year", std::to_string(year));
  data->set("columns", columns);
  data->set("schedule_rows", rows);
  data->set("item_totals", totals);
  data->set("schedule_total", euro(y->getValue<long long>("total_cents")));
  data->set("population_date", dateNl(text(out, "population_date")));
  data->set("has_population_date", !text(out, "population_date").empty());
  data->set("schedule_version", text(out, "versions"));
}

struct ComputeForm {
  std::string year, populationDate;
  FieldError error;
};

PageResult keyPage(PageRequest& r, const JsonObject& igs, const std::string& keyId, const KeyForm& form,
                   const ComputeForm& compute, bool refused) {
  std::string igsId = text(igs, "id");
  bool isNew = keyId == kNewKey;
  auto key = isNew ? JsonObject() : findKey(r, igsId, keyId);
  PageResult p;
  p.view = "contribution";
  p.title = isNew ? "Nieuwe verdeelsleutel – " + text(igs, "name") : "Verdeelsleutel " + (form.title.empty() ? keyId : form.title);
  p.igs = igsId;
  p.tab = "bijdragen";
  p.status = refused ? 400 : 200;
  auto members = membersOf(igs);
  p.data = editorData(form, members);
  auto& data = p.data;
  data->set("igs_name", text(igs, "name"));
  data->set("csrf", r.csrf);
  data->set("is_new", isNew);
  data->set("saved", !refused && field(r.fields, "bewaard") == "1");
  data->set("back", base(igsId));
  data->set("action", base(igsId) + "/" + segment(keyId));
  data->set("compute_action", base(igsId) + "/" + segment(keyId) + "/berekenen");
  data->set("may_edit", mayCall(r, "contribution.key", igsId));
  data->set("may_compute", !isNew && mayCall(r, "contribution.compute", igsId));
  data->set("year", compute.year);
  data->set("population_input", compute.populationDate);
  setFieldErrors(data, {"jaar", "peildatum"}, compute.error);
  // setFieldErrors sets form_error for a compute error without field; keep the key form's own.
  data->set("compute_error", compute.error.field.empty() ? compute.error.message : std::string());
  data->set("has_compute_error", compute.error.field.empty() && !compute.error.message.empty());
  data->set("form_error", form.errors.count("") ? form.errors.at("") : std::string());
  data->set("has_form_error", form.errors.count("") > 0);

  auto years = newArray();
  int shown = 0;
  if (key) {
    auto ys = key->getArray("schedule_years");
    std::string wanted = field(r.fields, "jaar");
    for (std::size_t i = 0; ys && i < ys->size(); ++i) {
      int y = ys->getElement<int>(static_cast<unsigned>(i));
      if (std::to_string(y) == wanted || (wanted.empty() && y > shown)) shown = y;
    }
    for (std::size_t i = 0; ys && i < ys->size(); ++i) {
      int y = ys->getElement<int>(static_cast<unsigned>(i));
      auto o = newObject();
      o->set("year", std::to_string(y));
      o->set("href", base(igsId) + "/" + segment(keyId) + "?jaar=" + std::to_string(y) + "#schema");
      o->set("current", y == shown);
      years->add(o);
    }
  }
  data->set("years", years);
  data->set("has_years", years->size() > 0);
  data->set("has_schedule", false);
  if (shown) addSchedule(r, keyId, shown, data);
  return p;
}

}  // namespace

PageResult contributionsPage(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string id = text(igs, "id");
  auto rows = newArray();
  each(keysOf(r, id), [&](JsonObject k) {
    auto o = newObject();
    o->set("title", text(k, "title"));
    o->set("href", base(id) + "/" + segment(text(k, "id")));
    std::string items;
    each(arrayOf(k, "items"), [&](JsonObject it) {
      items += (items.empty() ? "" : "; ") + (text(it, "title").empty() ? text(it, "id") : text(it, "title")) + " (" +
               kindLabel(text(it->getObject("key"), "kind")) + ")";
    });
    o->set("items", items);
    std::string years;
    auto ys = k->getArray("schedule_years");
    for (std::size_t i = 0; ys && i < ys->size(); ++i) years += (i ? ", " : "") + ys->get(static_cast<unsigned>(i)).convert<std::string>();
    o->set("years", years.empty() ? "nog geen" : years);
    // The members with their contributions of the newest schedule (export.members).
    o->set("download", years.empty() ? Poco::Dynamic::Var(false) : downloadLinks(r, "deelnemers", {{"sleutel", text(k, "id")}}));
    rows->add(o);
  });
  PageResult p;
  p.view = "contributions";
  p.title = "Bijdragen – " + text(igs, "name");
  p.igs = id;
  p.tab = "bijdragen";
  p.data = newObject();
  p.data->set("igs_name", text(igs, "name"));
  p.data->set("keys", rows);
  p.data->set("none", rows->size() == 0);
  p.data->set("may_edit", mayCall(r, "contribution.key", id));
  p.data->set("new_href", base(id) + "/" + kNewKey);
  return p;
}

PageResult contributionKeyPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  const std::string& keyId = r.params.at("key");
  bool isNew = keyId == kNewKey;
  JsonObject key = isNew ? JsonObject() : findKey(r, igsId, keyId);
  if (!isNew && !key) throwNotFound("deze verdeelsleutel bestaat niet voor dit samenwerkingsverband", Place().set("record", "verdeelsleutel"));
  auto members = membersOf(igs);
  if (!post) {
    KeyForm form = isNew ? KeyForm{} : keyFormOf(key);
    if (isNew) form.items.emplace_back();
    ComputeForm compute;
    compute.year = field(r.fields, "jaar");
    return keyPage(r, igs, keyId, form, compute, false);
  }
  if (!mayCall(r, "contribution.key", igsId))
    throw Error(ErrorCode::denied, "uw rol mag geen verdeelsleutels vastleggen voor dit samenwerkingsverband",
                Place().set("operation", "contribution.key"));
  KeyForm form = keyFormFrom(r.fields, members);
  std::string id = isNew ? form.id : keyId;
  try {
    if (isNew && id.empty()) throwInvalid("geef de nieuwe verdeelsleutel een id", Place().set("field", "'id'"));
    if (isNew && findKey(r, igsId, id))
      throwInvalid("er bestaat al een verdeelsleutel '" + id + "'; kies een andere id", Place().set("field", "'id'"));
    auto in = newObject();
    in->set("id", id);
    in->set("cooperation", igsId);
    if (!form.title.empty()) in->set("title", form.title);
    in->set("items", itemsJson(form, members));
    if (!form.reason.empty()) in->set("reason", form.reason);
    r.caller.reason = form.reason.empty() ? "verdeelsleutel gewijzigd via het intranet" : form.reason;
    call(r, "contribution.key", in);
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::invalid && e.errorCode() != ErrorCode::notFound) throw;
    placeError(form, e);
    return keyPage(r, igs, keyId, form, ComputeForm{}, true);
  }
  PageResult p;
  p.redirect = base(igsId) + "/" + segment(id) + "?bewaard=1";
  return p;
}

PageResult computeAction(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  const std::string& keyId = r.params.at("key");
  auto key = findKey(r, igsId, keyId);
  if (!key) throwNotFound("deze verdeelsleutel bestaat niet voor dit samenwerkingsverband", Place().set("record", "verdeelsleutel"));
  if (!mayCall(r, "contribution.compute", igsId))
    throw Error(ErrorCode::denied, "uw rol mag geen bijdrageschema's berekenen voor dit samenwerkingsverband",
                Place().set("operation", "contribution.compute"));
  ComputeForm compute{field(r.fields, "jaar"), field(r.fields, "peildatum"), {}};
  try {
    std::size_t used = 0;
    long long year = 0;
    try {
      year = std::stoll(compute.year, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (compute.year.empty() || used != compute.year.size())
      throwInvalid("geef een boekjaar, bv. 2026", Place().set("field", "'year'"));
    auto in = newObject();
    in->set("key", keyId);
    in->set("year", year);
    if (auto d = dateField(r.fields, "peildatum")) in->set("population_date", *d);
    r.caller.reason = "bijdrageschema berekend via het intranet";
    call(r, "contribution.compute", in);
    PageResult p;
    p.redirect = base(igsId) + "/" + segment(keyId) + "?jaar=" + std::to_string(year) + "#schema";
    return p;
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::invalid && e.errorCode() != ErrorCode::notFound) throw;
    compute.error = fieldOf(e, {{"year", "jaar"}, {"population_date", "peildatum"}, {"peildatum", "peildatum"}});
    return keyPage(r, igs, keyId, keyFormOf(key), compute, true);
  }
}

}  // namespace igsgov::web

#include "budget/Contributions.hpp"
#include "core/Date.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "records/Entities.hpp"
#include "refdata/RefData.hpp"

#include <map>
#include <set>
#include <sstream>

namespace igsgov::budget {

using namespace finance;
using records::FieldType;
using records::Version;

namespace {
const std::string kKey = "verdeelsleutel", kSched = "bijdrageschema";

std::string text(const Version& v, const std::string& f) { return records::textOf(v.data, f).value_or(""); }

// Converts the Belgian-notation conveniences into the finance JSON fields.
JsonObject normaliseItem(const JsonObject& in, const std::string& keyId, std::size_t index) {
  auto item = newObject();
  std::vector<std::string> names;
  in->getNames(names);
  for (const auto& n : names) item->set(n, in->get(n));
  std::string itemId = in->optValue<std::string>("id", std::to_string(index + 1));
  Place place = recordField(kKey, keyId, "items[" + std::to_string(index) + "]." );
  auto amount = [&](JsonObject o, const std::string& from, const std::string& to, bool rate) {
    if (!o->has(from)) return;
    Place p = recordField(kKey, keyId, "kostenpost " + itemId + ", veld '" + from + "'");
    if (o->has(to)) throwInvalid("geef '" + from + "' of '" + to + "', niet allebei", p);
    auto v = o->get(from);
    if (!v.isString()) throwInvalid("bedrag als tekst verwacht (bv. \"€ 4.000\" of \"0,23\")", p);
    if (rate) o->set(to, parseRate(v.convert<std::string>(), p).microEuros());
    else o->set(to, parseAmount(v.convert<std::string>(), p).value());
    o->remove(from);
  };
  amount(item, "total", "total_cents", false);
  if (item->has("key")) {
    auto k = item->getObject("key");
    if (!k.isNull()) {
      auto key = newObject();
      k->getNames(names);
      for (const auto& n : names) key->set(n, k->get(n));
      amount(key, "fixed", "fixed_cents", false);
      amount(key, "rate", "rate_micro_eur", true);
      if (key->has("amounts")) {  // {"member": "2.500"} → amounts_cents
        auto a = key->getObject("amounts");
        Place p = recordField(kKey, keyId, "kostenpost " + itemId + ", veld 'amounts'");
        if (a.isNull()) throwInvalid("bedragen per deelnemer verwacht, bv. {\"dr-vzw\": \"2.500\"}", p);
        if (key->has("amounts_cents")) throwInvalid("geef 'amounts' of 'amounts_cents', niet allebei", p);
        auto cents = newObject();
        for (const auto& member : a->getNames()) {
          auto v = a->get(member);
          if (v.isString()) cents->set(member, parseAmount(v.convert<std::string>(), p).value());
          else throwInvalid("bedrag als tekst verwacht (bv. \"2.500\")", p);
        }
        key->set("amounts_cents", cents);
        key->remove("amounts");
      }
      item->set("key", key);
    }
  }
  return item;
}

std::vector<Member> membersInYear(store::Database& db, const std::string& coop, int year) {
  std::vector<Member> out;
  Date jan1 = Date::fromYmd(year, 1, 1), dec31 = Date::fromYmd(year, 12, 31);
  for (const auto& m : records::currentAll(db, records::memberSpec(), "cooperation_id", coop)) {
    auto from = records::dateOf(m.data, "from"), until = records::dateOf(m.data, "until");
    if ((from && dec31 < *from) || (until && *until < jan1)) continue;
    out.push_back({m.id, text(m, "name"), text(m, "kind")});
  }
  return out;
}

// `now` without the member kinds when `stored` recorded none (a schedule
// computed before kinds were kept is not out of date for that alone).
ScheduleInputs comparable(const ScheduleInputs& stored, ScheduleInputs now) {
  bool kindsRecorded = false;
  for (const auto& m : stored.members) kindsRecorded = kindsRecorded || !m.kind.empty();
  if (!kindsRecorded)
    for (auto& m : now.members) m.kind.clear();
  return now;
}

std::string figures(const Schedule& s) { return canonicalJson(scheduleToJson(s)->get("years")); }

// The stored schedule still follows from the register's current inputs.
bool upToDate(const Schedule& stored, const ScheduleInputs& now) {
  return comparable(stored.inputs, now) == stored.inputs && figures(computeSchedule(now)) == figures(stored);
}

Version requireKey(store::Database& db, const Reader& r) {
  return records::requireCurrent(db, keySpec(), r.str("key"), r.place("key"));
}

std::string scheduleId(const std::string& key, int year) { return key + ":" + std::to_string(year); }

JsonObject storedSchedule(const Version& v) {
  std::string s = text(v, "schedule");
  if (sha256Hex(s) != text(v, "schedule_sha256"))
    throw Error(ErrorCode::integrity, "het bewaarde bijdrageschema komt niet overeen met zijn SHA-256",
                Place().set("record", kSched + " " + v.id));
  return parseJsonObject(s, kSched + " " + v.id);
}

JsonObject scheduleData(const std::string& key, const std::string& coop, int year, const Schedule& s) {
  auto data = newObject();
  data->set("key", key);
  data->set("cooperation", coop);
  data->set("year", static_cast<long long>(year));
  const auto& pop = s.inputs.years.front().population;
  if (pop.referenceDate) data->set("population_date", pop.referenceDate->iso());
  std::string json = canonicalJson(scheduleToJson(s));
  data->set("schedule", json);
  data->set("schedule_sha256", sha256Hex(json));
  return data;
}

}  // namespace

const records::EntitySpec& keySpec() {
  static const records::EntitySpec s{"fin_key", kKey,
                                     {{"cooperation", "cooperation_id", FieldType::text, true},
                                      {"title", "title", FieldType::text, true},
                                      {"items", "items", FieldType::text, true}}};
  return s;
}

const records::EntitySpec& scheduleSpec() {
  static const records::EntitySpec s{"fin_schedule", kSched,
                                     {{"key", "key_id", FieldType::text, true},
                                      {"cooperation", "cooperation_id", FieldType::text, true},
                                      {"year", "year", FieldType::integer, true},
                                      {"population_date", "population_date", FieldType::date},
                                      {"schedule", "schedule", FieldType::text, true},
                                      {"schedule_sha256", "schedule_sha256", FieldType::text, true}}};
  return s;
}

std::vector<CostItem> readKeyItems(store::Database& db, const std::string& coop, const JsonArray& items,
                                   const std::string& keyId) {
  if (items.isNull() || items->size() == 0)
    throwInvalid("een verdeelsleutel heeft minstens één kostenpost", recordField(kKey, keyId, "items"));
  std::vector<Member> members;
  for (const auto& m : records::currentAll(db, records::memberSpec(), "cooperation_id", coop))
    members.push_back({m.id, text(m, "name"), text(m, "kind")});
  std::vector<CostItem> out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto o = items->getObject(static_cast<unsigned>(i));
    if (o.isNull()) throwInvalid("kostenpost (object) verwacht", recordField(kKey, keyId, "items[" + std::to_string(i) + "]"));
    CostItem item = costItemFromJson(normaliseItem(o, keyId, i));
    try {
      validateCostItem(item, members);
    } catch (const Error& e) {
      Place p = e.place();
      p.set("record", kKey + " " + keyId + ", kostenpost " + item.id);
      throw Error(e.errorCode(), e.message(), p);
    }
    if (!ids.insert(item.id).second)
      throwInvalid("kostenpost '" + item.id + "' komt twee keer voor", recordField(kKey, keyId, "items"));
    out.push_back(std::move(item));
  }
  return out;
}

void validateKey(store::Database& db, const std::string& id, JsonObject d) {
  std::string coop = records::textOf(d, "cooperation").value_or("");
  records::requireCurrent(db, records::cooperationSpec(), coop, recordField(kKey, id, "cooperation"));
  auto items = parseJson(records::textOf(d, "items").value_or("[]"), kKey + " " + id);
  if (items.type() != typeid(JsonArray)) throwInvalid("lijst van kostenposten verwacht", recordField(kKey, id, "items"));
  auto list = readKeyItems(db, coop, items.extract<JsonArray>(), id);
  auto canonical = newArray();
  for (const auto& item : list) canonical->add(costItemToJson(item));
  d->set("items", canonicalJson(canonical));
}

ScheduleInputs scheduleInputs(store::Database& db, const Version& key, int year, const Date& populationDate) {
  std::string coop = text(key, "cooperation");
  ScheduleInputs in;
  in.title = text(key, "title");
  in.members = membersInYear(db, coop, year);
  std::set<std::string> present;
  for (const auto& m : in.members) present.insert(m.id);
  auto items = parseJson(text(key, "items"), kKey + " " + key.id).extract<JsonArray>();
  YearInputs yi;
  yi.year = year;
  bool needsPopulation = false;
  std::set<std::string> byInhabitants;  // members some item counts by their inhabitants
  for (std::size_t i = 0; i < items->size(); ++i) {
    CostItem item = costItemFromJson(items->getObject(static_cast<unsigned>(i)));
    // Units and amounts of members that do not take part in this year are left out.
    for (auto it = item.key.units.begin(); it != item.key.units.end();)
      it = present.count(it->first) ? std::next(it) : item.key.units.erase(it);
    for (auto it = item.key.amounts.begin(); it != item.key.amounts.end();)
      it = present.count(it->first) ? std::next(it) : item.key.amounts.erase(it);
    needsPopulation = needsPopulation || item.key.kind == KeyKind::perInhabitant ||
                      item.key.kind == KeyKind::fixedPlusPerInhabitant;
    for (const auto& m : in.members)
      if (paysByInhabitants(item.key, m)) byInhabitants.insert(m.id);
    yi.items.push_back(std::move(item));
  }
  if (needsPopulation) {
    std::optional<Date> used;
    std::string methode;
    for (const auto& m : in.members) {
      if (!byInhabitants.count(m.id)) continue;
      auto mv = records::current(db, records::memberSpec(), m.id);
      auto nis = records::textOf(mv->data, "nis");
      if (!nis) continue;  // allocate() names the member without inhabitants
      auto p = refdata::population(db, *nis, populationDate);
      if (!p) throwInvalid("geen inwonersaantal voor NIS " + *nis + " in de referentiegegevens",
                           recordField("deelnemer", m.id, "nis"));
      if (used && *used != p->peildatum)
        throwInvalid("de inwonersaantallen hebben verschillende peildata (" + dutchLongDate(*used) + " en " + dutchLongDate(p->peildatum) +
                         "); kies een andere peildatum",
                     recordField(kKey, key.id, "population_date"));
      used = p->peildatum;
      methode = p->methode;
      yi.population.inhabitants[m.id] = p->inwoners;
    }
    yi.population.referenceDate = used ? used : std::optional<Date>(populationDate);
    yi.population.source = "referentiegegevens van het register" + (methode.empty() ? "" : " (" + methode + ")");
  }
  in.years.push_back(std::move(yi));
  return in;
}

JsonObject keyDefine(records::Writer& w, const JsonObject& in) {
  Reader r0(in, kKey);
  std::string id = r0.str("id");
  Reader r(in, kKey, id);
  r.rejectUnknown({"id", "cooperation", "title", "items", "reason"});
  auto data = newObject();
  data->set("cooperation", r.str("cooperation"));
  data->set("title", r.optStr("title").value_or(id));
  auto items = r.optArray("items");
  if (items.isNull()) r.fail("items", "de kostenposten ontbreken");
  data->set("items", canonicalJson(items));
  validateKey(w.db(), id, data);
  std::string reason = r.optStr("reason").value_or("");
  if (auto prev = records::current(w.db(), keySpec(), id)) {
    if (text(*prev, "cooperation") != r.str("cooperation"))
      r.fail("cooperation", "een verdeelsleutel verhuist niet naar een ander samenwerkingsverband");
    records::revise(w, keySpec(), *prev, data, "change", reason);
  } else {
    records::create(w, keySpec(), id, data, reason);
  }
  auto v = *records::current(w.db(), keySpec(), id);
  auto out = records::versionJson(v, true);
  out->set("items", parseJson(text(v, "items")));
  return out;
}

JsonObject scheduleCompute(records::Writer& w, const JsonObject& in) {
  Reader r(in, kSched);
  r.rejectUnknown({"key", "year", "population_date", "reason"});
  auto key = requireKey(w.db(), r);
  long long year = r.integer("year");
  if (year < 2000 || year > 2100) r.fail("year", "boekjaar tussen 2000 en 2100 verwacht");
  Date popDate = r.optDate("population_date").value_or(Date::fromYmd(static_cast<int>(year) - 1, 1, 1));
  Schedule s = computeSchedule(scheduleInputs(w.db(), key, static_cast<int>(year), popDate));
  std::string id = scheduleId(key.id, static_cast<int>(year));
  auto data = scheduleData(key.id, text(key, "cooperation"), static_cast<int>(year), s);
  bool unchanged = false;
  if (auto prev = records::current(w.db(), scheduleSpec(), id)) {
    unchanged = text(*prev, "schedule_sha256") == data->getValue<std::string>("schedule_sha256");
    if (!unchanged) {
      try {  // a schedule stored before member kinds were kept, with the same figures
        unchanged = upToDate(scheduleFromJson(storedSchedule(*prev)), s.inputs);
      } catch (const Error& e) {
        if (e.errorCode() != ErrorCode::integrity) throw;  // an edited one is replaced below
      }
    }
    if (!unchanged)
      records::revise(w, scheduleSpec(), *prev, data, "change", r.optStr("reason").value_or("herberekening"));
  } else {
    records::create(w, scheduleSpec(), id, data, r.optStr("reason").value_or(""));
  }
  auto out = scheduleShow(w.db(), [&] {
    auto q = newObject();
    q->set("key", key.id);
    q->set("year", year);
    return q;
  }());
  out->set("unchanged", unchanged);
  return out;
}

JsonObject scheduleShow(store::Database& db, const JsonObject& in) {
  Reader r(in, kSched);
  r.rejectUnknown({"key", "year"});
  auto key = requireKey(db, r);
  int year = static_cast<int>(r.integer("year"));
  std::string id = scheduleId(key.id, year);
  auto v = records::current(db, scheduleSpec(), id);
  if (!v) throwNotFound("nog geen bijdrageschema voor boekjaar " + std::to_string(year) + "; bereken het met 'contribution compute'",
                        r.place("year"));
  auto out = newObject();
  out->set("id", id);
  out->set("key", key.id);
  out->set("cooperation", text(*v, "cooperation"));
  out->set("year", year);
  if (v->data->has("population_date")) out->set("population_date", text(*v, "population_date"));
  out->set("versions", static_cast<long long>(records::history(db, scheduleSpec(), id).size()));
  out->set("recorded_at", v->recFrom);
  out->set("sha256", text(*v, "schedule_sha256"));
  auto stored = storedSchedule(*v);
  out->set("schedule", stored);
  auto computed = scheduleFromJson(stored);  // verifies the figures; the reasons follow from the inputs
  out->set("exclusions", exclusionsToJson(computed.years.front()));
  return out;
}

std::optional<StoredSchedule> latestSchedule(store::Database& db, const std::string& cooperationId, int year) {
  auto st = db.prepare("SELECT s.schedule, s.key_id, k.title FROM fin_schedule s "
                       "LEFT JOIN fin_key k ON k.id = s.key_id AND k.rec_to IS NULL "
                       "WHERE s.cooperation_id = ? AND s.year = ? AND s.rec_to IS NULL "
                       "ORDER BY s.rec_from DESC, s.row_id DESC LIMIT 1");
  st.bind(1, cooperationId).bind(2, static_cast<long long>(year));
  if (!st.step()) return std::nullopt;
  StoredSchedule out;
  std::string scheduleText = st.text(0);
  out.keyId = st.text(1);
  out.keyTitle = st.text(2) == out.keyId ? "" : st.text(2);
  out.schedule = scheduleFromJson(parseJsonObject(scheduleText, "verdeling " + out.keyId));
  return out;
}

JsonObject scheduleVerify(store::Database& db, const JsonObject& in) {
  Reader r(in, kSched);
  r.rejectUnknown({"key", "year"});
  auto filterKey = r.optStr("key");
  auto filterYear = r.optInteger("year");
  auto list = newArray();
  long long ok = 0, stale = 0;
  for (const auto& v : records::currentAll(db, scheduleSpec(), filterKey ? "key_id" : "", filterKey.value_or(""))) {
    int year = static_cast<int>(v.data->getValue<long long>("year"));
    if (filterYear && *filterYear != year) continue;
    Schedule stored;
    try {
      stored = scheduleFromJson(storedSchedule(v));  // recomputes from the stored inputs
    } catch (const Error& e) {
      Place p = e.place();
      p.set("record", kSched + " " + v.id + (p.fields.count("record") ? ", " + p.fields["record"] : ""));
      throw Error(ErrorCode::integrity, e.message(), p);
    }
    auto o = newObject();
    o->set("id", v.id);
    o->set("year", year);
    std::string status = "ok", why;
    auto key = records::current(db, keySpec(), text(v, "key"));
    try {
      Date popDate = records::dateOf(v.data, "population_date").value_or(Date::fromYmd(year - 1, 1, 1));
      auto now = scheduleInputs(db, *key, year, popDate);
      if (!upToDate(stored, now)) {
        status = "verouderd";
        why = comparable(stored.inputs, now).members != stored.inputs.members
                  ? "de deelnemers veranderden sinds de berekening"
                  : "de verdeelsleutel of de inwonersaantallen veranderden sinds de berekening";
      }
    } catch (const Error& e) {
      status = "verouderd";
      why = std::string("herberekenen met de huidige gegevens lukt niet: ") + e.what();
    }
    o->set("status", status);
    if (!why.empty()) o->set("reason", why);
    (status == "ok" ? ok : stale)++;
    list->add(o);
  }
  auto out = newObject();
  out->set("schedules", list);
  out->set("ok", ok);
  out->set("stale", stale);
  return out;
}

JsonObject keyList(store::Database& db, const JsonObject& in) {
  Reader r(in, kKey);
  r.rejectUnknown({"cooperation"});
  auto coop = r.optStr("cooperation");
  auto list = newArray();
  for (const auto& k : records::currentAll(db, keySpec(), coop ? "cooperation_id" : "", coop.value_or(""))) {
    auto o = records::versionJson(k, false);
    o->set("items", parseJson(text(k, "items")));
    auto years = newArray();
    for (const auto& s : records::currentAll(db, scheduleSpec(), "key_id", k.id)) years->add(s.data->get("year"));
    o->set("schedule_years", years);
    list->add(o);
  }
  auto out = newObject();
  out->set("keys", list);
  return out;
}

void importSchedule(records::Writer& w, const std::string& id, const JsonObject& d) {
  Reader r(d, kSched, id);
  r.rejectUnknown({"id", "key", "cooperation", "year", "population_date", "schedule"});
  auto key = records::requireCurrent(w.db(), keySpec(), r.str("key"), r.place("key"));
  int year = static_cast<int>(r.integer("year"));
  if (id != scheduleId(key.id, year)) r.fail("id", "de id van een bijdrageschema is '<sleutel>:<boekjaar>'");
  auto so = r.optObject("schedule");
  if (so.isNull()) r.fail("schedule", "het schema ontbreekt");
  Schedule s;
  try {
    s = scheduleFromJson(so);
  } catch (const Error& e) {
    Place p = e.place();
    p.set("record", kSched + " " + id);
    throw Error(e.errorCode(), e.message(), p);
  }
  if (s.years.size() != 1 || s.years.front().year != year) r.fail("schedule", "het schema hoort bij één boekjaar, " + std::to_string(year));
  auto data = scheduleData(key.id, text(key, "cooperation"), year, s);
  if (r.optStr("cooperation").value_or(text(key, "cooperation")) != text(key, "cooperation"))
    r.fail("cooperation", "hoort niet bij het samenwerkingsverband van de verdeelsleutel");
  records::create(w, scheduleSpec(), id, data);
}

std::string scheduleText(const JsonObject& o) {
  std::ostringstream os;
  auto s = o->getObject("schedule");
  auto inputs = s->getObject("inputs");
  std::map<std::string, std::string> names;
  auto members = inputs->getArray("members");
  for (std::size_t i = 0; i < members->size(); ++i) {
    auto m = members->getObject(static_cast<unsigned>(i));
    names[m->getValue<std::string>("id")] = m->optValue<std::string>("name", "");
  }
  std::map<std::string, std::string> why;  // member → "item: reason; ..."
  if (auto ex = o->getArray("exclusions"))
    for (std::size_t i = 0; i < ex->size(); ++i) {
      auto e = ex->getObject(static_cast<unsigned>(i));
      auto& text = why[e->getValue<std::string>("member")];
      text += (text.empty() ? "" : "; ") + e->getValue<std::string>("item") + ": " + e->getValue<std::string>("reason");
    }
  os << "Bijdragen " << inputs->optValue<std::string>("title", "") << ", boekjaar " << o->getValue<int>("year");
  if (o->has("population_date"))
    if (auto d = Date::parse(o->getValue<std::string>("population_date"))) os << " (inwoners op " << dutchLongDate(*d) << ")";
  os << ", versie " << o->getValue<long long>("versions") << "\n";
  auto years = s->getArray("years");
  for (std::size_t y = 0; y < years->size(); ++y) {
    auto yo = years->getObject(static_cast<unsigned>(y));
    auto lines = yo->getArray("members");
    for (std::size_t i = 0; i < lines->size(); ++i) {
      auto l = lines->getObject(static_cast<unsigned>(i));
      std::string id = l->getValue<std::string>("member");
      os << "  " << (names[id].empty() ? id : names[id]) << ": " << formatEuro(Cents(l->getValue<long long>("total_cents")));
      if (l->getValue<long long>("total_cents") == 0 && why.count(id)) {
        os << " – betaalt niets (" << why[id] << ")\n";
        continue;
      }
      auto items = l->getObject("items");
      std::vector<std::string> keys;
      items->getNames(keys);
      if (keys.size() > 1) {
        os << " (";
        for (std::size_t k = 0; k < keys.size(); ++k)
          os << (k ? ", " : "") << keys[k] << " " << formatEuro(Cents(items->getValue<long long>(keys[k])));
        os << ")";
      }
      os << "\n";
    }
    os << "  Totaal: " << formatEuro(Cents(yo->getValue<long long>("total_cents")))
       << (yo->getValue<bool>("exact") ? "" : " (bedragen per lid afgerond op de cent)") << "\n";
  }
  return os.str();
}

std::string scheduleVerifyText(const JsonObject& o) {
  std::ostringstream os;
  os << "Bijdrageschema's nagerekend: " << o->getValue<long long>("ok") << " in orde, " << o->getValue<long long>("stale")
     << " verouderd.\n";
  auto list = o->getArray("schedules");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto s = list->getObject(static_cast<unsigned>(i));
    if (s->getValue<std::string>("status") != "ok")
      os << "  " << s->getValue<std::string>("id") << ": " << s->optValue<std::string>("reason", "") << "\n";
  }
  return os.str();
}

}  // namespace igsgov::budget

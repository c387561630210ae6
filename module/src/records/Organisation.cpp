#include "records/Organisation.hpp"
#include "core/Date.hpp"

#include "core/Error.hpp"
#include "model/Identifiers.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"
#include "refdata/RefData.hpp"

#include <cctype>

namespace igsgov::records {
namespace {

void checkCode(const model::CodeList& list, const JsonObject& data, const std::string& field, const Place& place,
               const std::string& what) {
  auto v = textOf(data, field);
  if (v && !list.labels.count(*v)) {
    std::string allowed;
    for (const auto& c : list.codes()) allowed += (allowed.empty() ? "" : ", ") + c;
    throwInvalid("onbekende " + what + " '" + *v + "' (toegelaten: " + allowed + ")", place);
  }
}

void checkPeriod(const JsonObject& data, const std::string& fromKey, const std::string& untilKey,
                 const std::string& kind, const std::string& id) {
  auto from = dateOf(data, fromKey), until = dateOf(data, untilKey);
  if (from && until && *until < *from)
    throwInvalid("de einddatum " + dutchLongDate(*until) + " ligt voor de begindatum " + dutchLongDate(*from),
                 recordField(kind, id, untilKey));
}

std::string requireReason(const JsonObject& in, const std::string& kind, const std::string& id) {
  auto r = textOf(in, "reason");
  if (!r || r->empty()) throwInvalid("een correctie vraagt een reden", recordField(kind, id, "reason"));
  return *r;
}

JsonObject revised(Writer& w, const EntitySpec& spec, const JsonObject& in, const std::string& kind,
                   const std::function<void(const std::string&, JsonObject)>& validate) {
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  Reader rid(in, spec.kindNl, id);
  std::string reason = kind == "correction" ? requireReason(in, spec.kindNl, id) : r.optStr("reason").value_or("");
  auto prev = requireCurrent(w.db(), spec, id, recordField(spec.kindNl, id, "id"));
  auto changes = readFields(spec, rid, {"reason"}, false);  // only the given fields change
  auto data = mergeFields(prev.data, changes);
  data->remove("id");
  validate(id, data);
  revise(w, spec, prev, data, kind, reason);
  return versionJson(*current(w.db(), spec, id), true);
}

}  // namespace

JsonObject mergeFields(const JsonObject& base, const JsonObject& changes) {
  auto out = newObject();
  std::vector<std::string> names;
  base->getNames(names);
  for (const auto& n : names) out->set(n, base->get(n));
  changes->getNames(names);
  for (const auto& n : names)
    if (n != "id" && n != "reason") out->set(n, changes->get(n));
  return out;
}

// ---- cooperation ----

void validateCooperation(store::Database& db, const std::string& id, JsonObject d) {
  const std::string k = "samenwerkingsverband";
  checkCode(model::legalForms(), d, "legal_form", recordField(k, id, "legal_form"), "rechtsvorm");
  checkCode(model::domains(), d, "domain", recordField(k, id, "domain"), "beleidsdomein");
  if (auto kbo = textOf(d, "kbo")) {
    std::string why;
    auto norm = model::normaliseKbo(*kbo, why);
    if (!norm) throwInvalid("ongeldig KBO-nummer '" + *kbo + "': " + why, recordField(k, id, "kbo"));
    d->set("kbo", *norm);
  }
  checkPeriod(d, "founded", "term_end", k, id);
  Date on = dateOf(d, "founded").value_or(Date::today());
  if (auto nis = textOf(d, "seat_nis")) {
    auto g = refdata::requireGemeente(db, *nis, std::max(on, Date::fromYmd(2025, 1, 1)) , recordField(k, id, "seat_nis"));
    if (!textOf(d, "referentieregio") && !g.referentieregio.empty()) d->set("referentieregio", g.referentieregio);
  }
  if (auto region = textOf(d, "referentieregio")) {
    auto& st = db.cached("SELECT 1 FROM ref_gemeente WHERE referentieregio = ? LIMIT 1");
    st.bind(1, *region);
    if (!st.step()) throwInvalid("onbekende referentieregio '" + *region + "'", recordField(k, id, "referentieregio"));
  }
}

JsonObject cooperationCreate(Writer& w, const JsonObject& in) {
  const auto& spec = cooperationSpec();
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  auto data = readFields(spec, Reader(in, spec.kindNl, id));
  validateCooperation(w.db(), id, data);
  create(w, spec, id, data);
  return versionJson(*current(w.db(), spec, id), false);
}

JsonObject cooperationRevise(Writer& w, const JsonObject& in, const std::string& kind) {
  return revised(w, cooperationSpec(), in, kind,
                 [&](const std::string& id, JsonObject d) { validateCooperation(w.db(), id, d); });
}

JsonObject cooperationList(store::Database& db, const JsonObject& in) {
  auto out = newObject();
  auto list = newArray();
  for (const auto& v : currentAll(db, cooperationSpec())) {
    auto o = versionJson(v, false);
    o->set("legal_form_label", model::legalForms().label(textOf(v.data, "legal_form").value_or("")));
    list->add(o);
  }
  out->set("cooperations", list);
  return out;
}

JsonObject cooperationShow(store::Database& db, const JsonObject& in) {
  Reader r(in, "samenwerkingsverband");
  std::string id = r.str("id");
  auto v = requireCurrent(db, cooperationSpec(), id, recordField("samenwerkingsverband", id, "id"));
  auto out = versionJson(v, true);
  auto members = newArray();
  for (const auto& m : currentAll(db, memberSpec(), "cooperation_id", id)) members->add(versionJson(m, false));
  out->set("members", members);
  auto bodies = newArray();
  for (const auto& b : currentAll(db, bodySpec(), "cooperation_id", id)) {
    auto bo = versionJson(b, false);
    auto seats = newArray();
    for (const auto& s : currentAll(db, seatSpec(), "body_id", b.id)) seats->add(versionJson(s, false));
    bo->set("seats", seats);
    bodies->add(bo);
  }
  out->set("bodies", bodies);
  return out;
}

// ---- member ----

void validateMember(store::Database& db, const std::string& id, JsonObject d) {
  const std::string k = "deelnemer";
  auto coop = textOf(d, "cooperation").value_or("");
  requireCurrent(db, cooperationSpec(), coop, recordField(k, id, "cooperation"));
  checkCode(model::memberKinds(), d, "kind", recordField(k, id, "kind"), "soort deelnemer");
  checkCode(model::partnerKinds(), d, "partner_kind", recordField(k, id, "partner_kind"), "soort partner");
  checkPeriod(d, "from", "until", k, id);
  std::string kind = textOf(d, "kind").value_or("");
  if (kind == "gemeente" || kind == "ocmw") {
    auto nis = textOf(d, "nis");
    if (!nis) throwInvalid("een gemeente of OCMW heeft een NIS-code", recordField(k, id, "nis"));
    if (!model::isNisCode(*nis)) throwInvalid("een NIS-code telt 5 cijfers: '" + *nis + "'", recordField(k, id, "nis"));
    auto g = refdata::requireGemeente(db, *nis, *dateOf(d, "from"), recordField(k, id, "nis"));
    if (!textOf(d, "name")) d->set("name", kind == "ocmw" ? "OCMW " + g.name : g.name);
    if (!textOf(d, "partner_kind")) d->set("partner_kind", std::string("publiek"));
    if (textOf(d, "partner_kind") != "publiek")
      throwInvalid("een gemeente of OCMW is een publieke partner", recordField(k, id, "partner_kind"));
    // The same gemeente (or OCMW) cannot be a member twice at the same time.
    auto& st = db.cached(
        "SELECT id FROM member WHERE cooperation_id = ? AND kind = ? AND nis = ? AND rec_to IS NULL AND id <> ? "
        "AND valid_from <= coalesce(?, '9999-12-31') AND coalesce(valid_until, '9999-12-31') >= ?");
    st.bind(1, coop).bind(2, kind).bind(3, *nis).bind(4, id).bind(5, textOf(d, "until")).bind(6, *textOf(d, "from"));
    if (st.step())
      throwConflict(g.name + " is in die periode al deelnemer (" + st.text(0) + ")", recordField(k, id, "nis"));
  } else {
    if (!textOf(d, "name")) throwInvalid("verplicht veld ontbreekt", recordField(k, id, "name"));
    if (!textOf(d, "partner_kind")) throwInvalid("verplicht veld ontbreekt (publiek, privaat_zonder_winstoogmerk, privaat)", recordField(k, id, "partner_kind"));
  }
}

JsonObject memberAdd(Writer& w, const JsonObject& in) {
  const auto& spec = memberSpec();
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  auto data = readFields(spec, Reader(in, spec.kindNl, id));
  validateMember(w.db(), id, data);
  create(w, spec, id, data);
  return versionJson(*current(w.db(), spec, id), false);
}

JsonObject memberEnd(Writer& w, const JsonObject& in) {
  Reader r(in, "deelnemer");
  std::string id = r.str("id");
  Reader rid(in, "deelnemer", id);
  rid.rejectUnknown({"id", "until", "reason"});
  auto changes = newObject();
  changes->set("until", rid.date("until").iso());
  if (auto reason = rid.optStr("reason")) changes->set("reason", *reason);
  changes->set("id", id);
  return memberRevise(w, changes, "end");
}

JsonObject memberRevise(Writer& w, const JsonObject& in, const std::string& kind) {
  return revised(w, memberSpec(), in, kind,
                 [&](const std::string& id, JsonObject d) { validateMember(w.db(), id, d); });
}

// ---- body and seat ----

void validateBody(store::Database& db, const std::string& id, JsonObject d) {
  const std::string k = "orgaan";
  requireCurrent(db, cooperationSpec(), textOf(d, "cooperation").value_or(""), recordField(k, id, "cooperation"));
  checkCode(model::bodyTypes(), d, "type", recordField(k, id, "type"), "soort orgaan");
  checkPeriod(d, "from", "until", k, id);
  if (!textOf(d, "name")) {
    std::string label = model::bodyTypes().label(textOf(d, "type").value_or(""));
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    d->set("name", label);
  }
}

void validateSeat(store::Database& db, const std::string& id, JsonObject d) {
  const std::string k = "zetel";
  auto body = requireCurrent(db, bodySpec(), textOf(d, "body").value_or(""), recordField(k, id, "body"));
  if (!d->has("holders")) d->set("holders", 1LL);
  const long long holders = d->getValue<long long>("holders");
  if (holders < 1) throwInvalid("een zetel heeft minstens 1 houder", recordField(k, id, "holders"));
  if (holders > kMaxSeatHolders)
    throwInvalid("een zetel heeft hoogstens " + std::to_string(kMaxSeatHolders) + " houders tegelijk, niet " +
                     std::to_string(holders),
                 recordField(k, id, "holders"));
  if (!textOf(d, "label")) d->set("label", id);
  if (auto member = textOf(d, "member")) {
    auto m = requireCurrent(db, memberSpec(), *member, recordField(k, id, "member"));
    if (textOf(m.data, "cooperation") != textOf(body.data, "cooperation"))
      throwInvalid("deelnemer '" + *member + "' hoort niet bij het samenwerkingsverband van dit orgaan", recordField(k, id, "member"));
  }
}

JsonObject seatCreate(Writer& w, const JsonObject& in) {
  const auto& spec = seatSpec();
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  auto data = readFields(spec, Reader(in, spec.kindNl, id));
  validateSeat(w.db(), id, data);
  create(w, spec, id, data);
  return versionJson(*current(w.db(), spec, id), false);
}

JsonObject bodyCreate(Writer& w, const JsonObject& in) {
  const auto& spec = bodySpec();
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  Reader rid(in, spec.kindNl, id);
  auto data = readFields(spec, rid, {"seats"});
  validateBody(w.db(), id, data);
  create(w, spec, id, data);
  auto out = versionJson(*current(w.db(), spec, id), false);
  auto seats = newArray();
  if (auto list = rid.optArray("seats")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto s = list->getObject(static_cast<unsigned>(i));
      if (s.isNull()) rid.fail("seats", "lijst van zetels (objecten) verwacht");
      if (!s->has("body")) s->set("body", id);
      seats->add(seatCreate(w, s));
    }
  }
  out->set("seats", seats);
  return out;
}

JsonObject bodyRevise(Writer& w, const JsonObject& in, const std::string& kind) {
  return revised(w, bodySpec(), in, kind,
                 [&](const std::string& id, JsonObject d) { validateBody(w.db(), id, d); });
}

// ---- person ----

void validatePerson(const std::string& id, JsonObject d) {
  const std::string k = "persoon";
  checkCode(model::genders(), d, "gender", recordField(k, id, "gender"), "gender");
  for (const char* f : {"name", "uri"}) {
    if (auto v = textOf(d, f); v && model::looksLikeRijksregisternummer(*v))
      throwInvalid("een rijksregisternummer wordt nooit bewaard; laat het weg", recordField(k, id, f));
  }
  if (model::looksLikeRijksregisternummer(id))
    throwInvalid("een rijksregisternummer wordt nooit bewaard, ook niet als id", recordField(k, id, "id"));
  if (auto uri = textOf(d, "uri"))
    if (auto why = model::registerUriProblem(*uri)) throwInvalid(*why, recordField(k, id, "uri"));
  if (!d->has("fictitious")) d->set("fictitious", false);
}

std::string personInsert(Writer& w, const JsonObject& in) {
  const auto& spec = personSpec();
  Reader r(in, spec.kindNl);
  std::string id = r.str("id");
  personInsertRead(w, id, readFields(spec, Reader(in, spec.kindNl, id)));
  return id;
}

void personInsertRead(Writer& w, const std::string& id, JsonObject data) {
  validatePerson(id, data);
  create(w, personSpec(), id, data);
}

JsonObject personCreate(Writer& w, const JsonObject& in) {
  return versionJson(*current(w.db(), personSpec(), personInsert(w, in)), false);
}

JsonObject personRevise(Writer& w, const JsonObject& in, const std::string& kind) {
  return revised(w, personSpec(), in, kind, [&](const std::string& id, JsonObject d) { validatePerson(id, d); });
}

JsonObject personList(store::Database& db, const JsonObject& in) {
  auto out = newObject();
  auto list = newArray();
  for (const auto& v : currentAll(db, personSpec())) list->add(versionJson(v, false));
  out->set("persons", list);
  return out;
}

}  // namespace igsgov::records

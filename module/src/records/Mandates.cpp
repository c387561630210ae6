#include "records/Mandates.hpp"
#include "core/Date.hpp"

#include "core/Error.hpp"
#include "model/Identifiers.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"
#include "records/MandateLookup.hpp"
#include "records/Organisation.hpp"

#include <unordered_set>

namespace igsgov::records {
namespace {

const std::string K = "mandaat";

const std::vector<std::pair<std::string, std::string>>& decisionFields() {
  static const std::vector<std::pair<std::string, std::string>> f = {
      {"council", "decision_council"}, {"date", "decision_date"}, {"reference", "decision_ref"}, {"uri", "decision_uri"}};
  return f;
}

void checkCode(const model::CodeList& list, const JsonObject& d, const std::string& field, const std::string& id,
               const std::string& what) {
  auto v = textOf(d, field);
  if (v && !list.labels.count(*v)) {
    std::string allowed;
    for (const auto& c : list.codes()) allowed += (allowed.empty() ? "" : ", ") + c;
    throwInvalid("onbekende " + what + " '" + *v + "' (toegelaten: " + allowed + ")", recordField(K, id, field));
  }
}

std::string fmtPeriod(const std::optional<Date>& from, const std::optional<Date>& until) {
  return (from ? from->iso() : std::string("…")) + " – " + (until ? until->iso() : std::string("…"));
}

// A mandate's predecessor is another mandate the register already knows. Only
// a mandate that exists can close a loop (a new one is not yet anyone's
// predecessor), so only then is the chain walked back: a revision must not
// make the mandate its own ancestor.
void checkPredecessor(MandateLookup& lookup, const std::string& id, const JsonObject& d) {
  auto pred = textOf(d, "predecessor");
  if (!pred) return;
  const Place place = recordField(K, id, "predecessor");
  if (*pred == id) throwInvalid("een mandaat kan niet zijn eigen voorganger zijn", place);
  if (!lookup.exists(mandateSpec(), *pred)) throwNotFound("onbekend mandaat '" + *pred + "' als voorganger", place);
  if (!lookup.exists(mandateSpec(), id)) return;
  std::unordered_set<std::string> seen{id};
  std::vector<std::string> chain{id};
  for (std::optional<std::string> cur = pred; cur;) {
    chain.push_back(*cur);
    if (!seen.insert(*cur).second) throwInvalid(predecessorLoop(chain), place);
    const Version* v = lookup.current(mandateSpec(), *cur);
    cur = v ? textOf(v->data, "predecessor") : std::nullopt;
  }
}

}  // namespace

std::string predecessorLoop(const std::vector<std::string>& chain) {
  std::string out = "de voorgangers vormen een kring: '" + chain.front() + "'";
  for (std::size_t i = 1; i < chain.size(); ++i) out += (i == 1 ? " volgt op '" : ", dat volgt op '") + chain[i] + "'";
  return out;
}

std::optional<RecordText> readMandateText(std::string_view text, JsonSpan object) {
  static const NestedFields decision{"decision", decisionFields()};
  return readRecordText(mandateSpec(), text, object, &decision);
}

JsonObject readMandateFields(const JsonObject& in, const std::string& id, bool enforceRequired) {
  Reader r(in, K, id);
  if (!in->has("decision")) return readFields(mandateSpec(), r, {"reason", "new_id"}, enforceRequired);
  auto flat = newObject();
  std::vector<std::string> names;
  in->getNames(names);
  for (const auto& n : names)
    if (n != "decision") flat->set(n, in->get(n));
  if (auto d = r.optObject("decision")) {
    std::vector<std::string> given;
    d->getNames(given);
    for (const auto& g : given) {
      bool known = false;
      for (const auto& [json, col] : decisionFields()) known = known || g == json;
      if (!known) throwInvalid("onbekend veld", recordField(K, id, "decision." + g));
    }
    for (const auto& [json, col] : decisionFields())
      if (d->has(json)) flat->set(col, d->get(json));
  }
  return readFields(mandateSpec(), Reader(flat, K, id), {"reason", "new_id"}, enforceRequired);
}

JsonObject mandateJson(const JsonObject& flat) {
  auto out = newObject();
  auto decision = newObject();
  std::vector<std::string> names;
  flat->getNames(names);
  for (const auto& n : names) {
    bool isDecision = false;
    for (const auto& [json, col] : decisionFields())
      if (n == col) {
        decision->set(json, flat->get(n));
        isDecision = true;
      }
    if (!isDecision) out->set(n, flat->get(n));
  }
  if (decision->size() > 0) out->set("decision", decision);
  return out;
}

void validateMandate(MandateLookup& lookup, const std::string& id, JsonObject d) {
  checkCode(model::roles(), d, "role", id, "rol");
  checkCode(model::sides(), d, "side", id, "zijde");
  checkCode(model::statuses(), d, "status", id, "status");
  auto from = dateOf(d, "from");
  auto until = dateOf(d, "until");
  if (from && until && *until < *from)
    throwInvalid("de einddatum " + dutchLongDate(*until) + " ligt voor de begindatum " + dutchLongDate(*from), recordField(K, id, "until"));
  std::string role = textOf(d, "role").value_or("");
  bool advisoryRole = role == "bestuurder_raadgevend" || role == "deskundige";
  if (!d->has("voting")) d->set("voting", !advisoryRole);
  if (advisoryRole && d->getValue<bool>("voting"))
    throwInvalid("een " + model::roles().label(role) + " is niet stemgerechtigd", recordField(K, id, "voting"));
  if (!d->has("status")) d->set("status", std::string("effectief"));
  if (!d->has("retracted")) d->set("retracted", false);
  checkPredecessor(lookup, id, d);
  if (auto uri = textOf(d, "decision_uri"))
    if (auto why = model::registerUriProblem(*uri)) throwInvalid(*why, recordField(K, id, "decision_uri"));

  auto require = [&](const EntitySpec& spec, const std::string& ref, const std::string& field) -> const Version& {
    if (const Version* v = lookup.current(spec, ref)) return *v;
    throwNotFound("onbekend " + spec.kindNl + " '" + ref + "'", recordField(K, id, field));
  };
  if (std::string person = textOf(d, "person").value_or(""); !lookup.exists(personSpec(), person))
    throwNotFound("onbekend " + personSpec().kindNl + " '" + person + "'", recordField(K, id, "person"));
  const Version& body = require(bodySpec(), textOf(d, "body").value_or(""), "body");
  auto bodyFrom = dateOf(body.data, "from");
  auto bodyUntil = dateOf(body.data, "until");
  bool retracted = d->getValue<bool>("retracted");
  if (!retracted) {
    if ((bodyFrom && from && *from < *bodyFrom) || (bodyUntil && (!until || *until > *bodyUntil)))
      throwInvalid("het mandaat (" + fmtPeriod(from, until) + ") valt buiten de periode van orgaan '" + body.id + "' (" +
                       fmtPeriod(bodyFrom, bodyUntil) + ")",
                   recordField(K, id, bodyUntil && (!until || *until > *bodyUntil) ? "until" : "from"));
  }
  std::string coop = textOf(body.data, "cooperation").value_or("");
  if (auto member = textOf(d, "member")) {
    const Version& m = require(memberSpec(), *member, "member");
    if (textOf(m.data, "cooperation") != coop)
      throwInvalid("deelnemer '" + *member + "' hoort niet bij samenwerkingsverband '" + coop + "'",
                   recordField(K, id, "member"));
  }
  if (auto seat = textOf(d, "seat")) {
    const Version& s = require(seatSpec(), *seat, "seat");
    if (textOf(s.data, "body") != body.id)
      throwInvalid("zetel '" + *seat + "' hoort niet bij orgaan '" + body.id + "'", recordField(K, id, "seat"));
    if (!retracted) {
      long long holders = s.data->getValue<long long>("holders");
      auto taken = lookup.holders(*seat, id, *from, until);
      if (taken.count >= holders)
        throwConflict("zetel '" + *seat + "' is in die periode al bezet door " + taken.first, recordField(K, id, "seat"));
    }
  }
}

void validateMandate(store::Database& db, const std::string& id, JsonObject data) {
  DbLookup lookup(db);
  validateMandate(lookup, id, std::move(data));
}

JsonObject mandateAppoint(Writer& w, const JsonObject& in) {
  std::string id = Reader(in, K).str("id");
  JsonObject fields = in;
  if (auto newPerson = Reader(in, K, id).optObject("new_person")) {
    // A person designated for the first time is registered in the same
    // transaction, under the id given as "person": both or neither.
    fields = newObject();
    std::vector<std::string> names;
    in->getNames(names);
    for (const auto& n : names)
      if (n != "new_person") fields->set(n, in->get(n));
    auto person = newObject();
    std::vector<std::string> given;
    newPerson->getNames(given);
    for (const auto& g : given) {
      if (g != "name" && g != "gender") throwInvalid("onbekend veld", recordField(K, id, "new_person." + g));
      person->set(g, newPerson->get(g));
    }
    if (!textOf(person, "name")) throwInvalid("geef de naam van de nieuwe persoon", recordField(K, id, "new_person.name"));
    person->set("id", Reader(in, K, id).str("person"));
    personInsert(w, person);
  }
  auto data = readMandateFields(fields, id, true);
  if (data->has("retracted")) data->remove("retracted");
  validateMandate(w.db(), id, data);
  create(w, mandateSpec(), id, data);
  return mandateJson(versionJson(*current(w.db(), mandateSpec(), id), false));
}

namespace {
JsonObject reviseMandate(Writer& w, const JsonObject& in, const std::string& kind, bool reasonRequired,
                         const std::function<void(JsonObject&)>& adjust) {
  std::string id = Reader(in, K).str("id");
  Reader r(in, K, id);
  auto reason = r.optStr("reason").value_or("");
  if (reasonRequired && reason.empty()) r.fail("reason", "een reden is verplicht");
  auto prev = requireCurrent(w.db(), mandateSpec(), id, recordField(K, id, "id"));
  if (prev.data->has("retracted") && prev.data->getValue<bool>("retracted") && kind != "correction")
    throwConflict("dit mandaat werd ingetrokken", recordField(K, id, "id"));
  auto changes = readMandateFields(in, id, false);
  auto data = mergeFields(prev.data, changes);
  data->remove("id");
  adjust(data);
  validateMandate(w.db(), id, data);
  revise(w, mandateSpec(), prev, data, kind, reason);
  return mandateJson(versionJson(*current(w.db(), mandateSpec(), id), true));
}
}  // namespace

JsonObject mandateEnd(Writer& w, const JsonObject& in) {
  std::string id = Reader(in, K).str("id");
  Reader r(in, K, id);
  r.rejectUnknown({"id", "until", "reason", "status"});
  r.date("until");
  return reviseMandate(w, in, "end", false, [](JsonObject&) {});
}

JsonObject mandateCorrect(Writer& w, const JsonObject& in) {
  return reviseMandate(w, in, "correction", true, [](JsonObject&) {});
}

JsonObject mandateRetract(Writer& w, const JsonObject& in) {
  std::string id = Reader(in, K).str("id");
  Reader(in, K, id).rejectUnknown({"id", "reason"});
  return reviseMandate(w, in, "retraction", true, [](JsonObject& d) { d->set("retracted", true); });
}

JsonObject mandateChange(Writer& w, const JsonObject& in) {
  std::string id = Reader(in, K).str("id");
  Reader r(in, K, id);
  std::string newId = r.str("new_id");
  Date from = r.date("from");
  auto prev = requireCurrent(w.db(), mandateSpec(), id, recordField(K, id, "id"));
  auto prevFrom = dateOf(prev.data, "from");
  if (prevFrom && from <= *prevFrom)
    throwInvalid("de wijziging moet na de begindatum van het mandaat (" + dutchLongDate(*prevFrom) + ") ingaan",
                 recordField(K, id, "from"));
  // 1. End the old mandate the day before.
  auto end = newObject();
  end->set("id", id);
  end->set("until", from.addDays(-1).iso());
  if (auto reason = r.optStr("reason")) end->set("reason", *reason);
  auto oldUntil = dateOf(prev.data, "until");
  reviseMandate(w, end, "end", false, [](JsonObject&) {});
  // 2. Start the new one with the old values, the changes applied.
  auto changes = readMandateFields(in, newId, false);
  auto data = mergeFields(prev.data, changes);
  // A new designating decision replaces the old one as a whole: no reference
  // or URI of the old decision stays behind on the new mandate.
  bool newDecision = false;
  for (const auto& [json, column] : decisionFields()) newDecision = newDecision || changes->has(column);
  if (newDecision)
    for (const auto& [json, column] : decisionFields())
      if (!changes->has(column)) data->remove(column);
  data->remove("id");
  data->remove("new_id");
  data->set("from", from.iso());
  if (!changes->has("until")) {
    if (oldUntil) data->set("until", oldUntil->iso());
    else data->remove("until");
  }
  data->set("predecessor", id);
  data->set("retracted", false);
  validateMandate(w.db(), newId, data);
  create(w, mandateSpec(), newId, data, r.optStr("reason").value_or(""));
  auto out = newObject();
  out->set("ended", mandateJson(versionJson(*current(w.db(), mandateSpec(), id), false)));
  out->set("started", mandateJson(versionJson(*current(w.db(), mandateSpec(), newId), false)));
  return out;
}

namespace {
// A version as JSON with its record time, and in "recorded" who wrote it and
// why (the journal entry that wrote the row: actor, operation, reason; and
// actor_name when the actor is a personal account).
JsonObject versionWithActor(store::Database& db, const Version& v) {
  auto out = mandateJson(versionJson(v, true));
  auto recorded = out->getObject("recorded");
  auto& st = db.cached("SELECT actor, operation, reason FROM journal WHERE seq = ?");
  st.bind(1, v.jseq);
  if (recorded && st.step()) {
    recorded->set("actor", st.text(0));
    recorded->set("operation", st.text(1));
    if (!recorded->has("reason") && !st.isNull(2) && !st.text(2).empty()) recorded->set("reason", st.text(2));
  }
  st.reset();
  if (recorded && recorded->has("actor")) {
    // A personal account's name as people know it (the account as it is now).
    auto& name = db.cached("SELECT display_name FROM account WHERE id = ? AND rec_to IS NULL");
    name.bind(1, recorded->getValue<std::string>("actor"));
    if (name.step()) recorded->set("actor_name", name.text(0));
    name.reset();
  }
  return out;
}

// {"id", "versions": every version of the mandate, oldest first, with versionWithActor}.
JsonObject mandateVersions(store::Database& db, const std::string& id) {
  auto entry = newObject();
  entry->set("id", id);
  auto versions = newArray();
  for (const auto& v : history(db, mandateSpec(), id)) versions->add(versionWithActor(db, v));
  entry->set("versions", versions);
  return entry;
}
}  // namespace

JsonObject mandateHistory(store::Database& db, const JsonObject& in) {
  std::string id = Reader(in, K).str("id");
  if (!exists(db, mandateSpec(), id)) throwNotFound("onbekend mandaat '" + id + "'", recordField(K, id, "id"));
  // Walk back to the first mandate of the chain, then forward through successors.
  std::string first = id;
  for (int guard = 0; guard < 1000; ++guard) {
    auto v = current(db, mandateSpec(), first);
    auto pred = v ? textOf(v->data, "predecessor") : std::nullopt;
    if (!pred) break;
    first = *pred;
  }
  auto chain = newArray();
  std::string cur = first;
  for (int guard = 0; guard < 1000 && !cur.empty(); ++guard) {
    chain->add(mandateVersions(db, cur));
    auto& st = db.cached("SELECT id FROM mandate WHERE predecessor_id = ? AND rec_to IS NULL LIMIT 1");
    st.bind(1, cur);
    cur = st.step() ? st.text(0) : "";
  }
  auto out = newObject();
  out->set("mandate", id);
  out->set("chain", chain);
  return out;
}

JsonObject seatHistory(store::Database& db, const JsonObject& in) {
  std::string id = Reader(in, "zetel").str("id");
  auto seat = requireCurrent(db, seatSpec(), id, recordField("zetel", id, "id"));
  // Every mandate that ever named this seat in some version (also when a
  // correction moved it elsewhere since), oldest start first.
  auto& st = db.cached("SELECT id FROM mandate WHERE seat_id = ? GROUP BY id ORDER BY MIN(valid_from), id");
  st.bind(1, id);
  std::vector<std::string> ids;
  while (st.step()) ids.push_back(st.text(0));
  st.reset();
  auto mandates = newArray();
  for (const auto& m : ids) mandates->add(mandateVersions(db, m));
  auto out = versionJson(seat, false);
  out->set("seat", id);
  out->set("mandates", mandates);
  return out;
}

}  // namespace igsgov::records

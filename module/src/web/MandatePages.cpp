// The mandate pages: appointing after a council decision, one mandate's
// history with its correction / state change / end / retraction forms, and a
// seat's history. Every write is one catalogue operation (one transaction);
// the page only translates form fields to the operation's input and the
// operation's Error back to the field (web/FormState.hpp).
#include "core/Error.hpp"
#include "model/Vocabulary.hpp"
#include "web/ExportLinks.hpp"
#include "web/FormState.hpp"
#include "core/LocalTime.hpp"
#include "web/Pages.hpp"
#include "web/Sessions.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace igsgov::web {

namespace {

using Choices = std::vector<std::pair<std::string, std::string>>;

// Names of what a mandate refers to, from cooperation.show and person.list.
struct Names {
  std::map<std::string, std::string> body, seat, seatBody, member, person;
  Choices bodies, seats, members, persons;
};

Names namesOf(PageRequest& r, const JsonObject& igs) {
  Names n;
  each(arrayOf(igs, "members"), [&](JsonObject m) {
    n.member[text(m, "id")] = text(m, "name");
    n.members.emplace_back(text(m, "id"), text(m, "name"));
  });
  each(arrayOf(igs, "bodies"), [&](JsonObject b) {
    std::string name = text(b, "name").empty() ? model::bodyTypes().label(text(b, "type")) : text(b, "name");
    n.body[text(b, "id")] = name;
    n.bodies.emplace_back(text(b, "id"), name);
    each(arrayOf(b, "seats"), [&](JsonObject s) {
      std::string label = text(s, "label").empty() ? text(s, "id") : text(s, "label");
      n.seat[text(s, "id")] = label;
      n.seatBody[text(s, "id")] = text(b, "id");
      n.seats.emplace_back(text(s, "id"), name + " – " + label);
    });
  });
  each(arrayOf(call(r, "person.list", newObject()), "persons"), [&](JsonObject p) {
    n.person[text(p, "id")] = text(p, "name");
    n.persons.emplace_back(text(p, "id"), text(p, "name"));
  });
  std::sort(n.persons.begin(), n.persons.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return n;
}

std::string nameOr(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second;
}

Choices codeChoices(const model::CodeList& list, const std::string& emptyLabel) {
  Choices out;
  if (!emptyLabel.empty()) out.emplace_back("", emptyLabel);
  for (const auto& [code, label] : list.labels) out.emplace_back(code, label);
  return out;
}

Choices withEmpty(const std::string& label, Choices c) {
  c.insert(c.begin(), {"", label});
  return c;
}

const Choices kVoting = {{"", "volgens de rol"}, {"ja", "stemgerechtigd"}, {"nee", "raadgevende stem"}};

std::string newId(const std::string& prefix) { return prefix + randomHex32().substr(0, 12); }

// The mandate fields of a form (prefix + Dutch name) into an operation input;
// only what was filled in is sent, so the operation's defaults and "no change" apply.
void putMandateFields(JsonObject in, const FormFields& f, const std::string& pre) {
  auto put = [&](const char* key, const std::string& name) {
    std::string v = field(f, pre + name);
    if (!v.empty()) in->set(key, v);
  };
  put("person", "persoon");
  put("body", "orgaan");
  put("seat", "zetel");
  put("member", "deelnemer");
  put("role", "rol");
  put("side", "kant");
  put("fractie", "fractie");
  put("status", "status");
  put("from", "van");
  put("until", "tot");
  std::string voting = field(f, pre + "stem");
  if (voting == "ja") in->set("voting", true);
  else if (voting == "nee") in->set("voting", false);
  else if (!voting.empty()) in->set("voting", voting);  // the operation names the problem
  auto decision = newObject();
  for (const auto& [key, name] : std::vector<std::pair<const char*, const char*>>{
           {"council", "raad"}, {"date", "besluit_datum"}, {"reference", "referentie"}, {"uri", "uri"}}) {
    std::string v = field(f, pre + name);
    if (!v.empty()) decision->set(key, v);
  }
  if (decision->size() > 0) in->set("decision", decision);
}

std::map<std::string, std::string> mandateFieldMap(const std::string& pre) {
  return {{"person", pre + "persoon"},        {"body", pre + "orgaan"},          {"seat", pre + "zetel"},
          {"member", pre + "deelnemer"},      {"role", pre + "rol"},             {"side", pre + "kant"},
          {"fractie", pre + "fractie"},       {"voting", pre + "stem"},          {"status", pre + "status"},
          {"from", pre + "van"},              {"until", pre + "tot"},            {"decision.council", pre + "raad"},
          {"decision.date", pre + "besluit_datum"}, {"decision.reference", pre + "referentie"},
          {"decision.uri", pre + "uri"},      {"decision", pre + "raad"},        {"reason", pre + "reden"},
          {"new_person.name", "nieuwe_naam"}, {"new_person.gender", "geslacht"}, {"new_person", "nieuwe_naam"}};
}

const std::vector<std::string> kMandateFields = {"persoon", "orgaan", "zetel", "deelnemer", "rol", "kant", "fractie",
                                                 "stem", "status", "van", "tot", "raad", "besluit_datum",
                                                 "referentie", "uri", "reden"};

std::vector<std::string> prefixed(const std::string& pre) {
  std::vector<std::string> out;
  for (const auto& f : kMandateFields) out.push_back(pre + f);
  return out;
}

// Select options of a mandate form, each with the form's current value selected.
void putOptions(JsonObject data, const Names& n, const FormFields& f, const std::string& pre) {
  data->set(pre + "persoon_options", optionList(withEmpty("— kies een persoon —", n.persons), field(f, pre + "persoon")));
  data->set(pre + "orgaan_options", optionList(n.bodies, field(f, pre + "orgaan")));
  data->set(pre + "zetel_options", optionList(withEmpty("geen zetel", n.seats), field(f, pre + "zetel")));
  data->set(pre + "deelnemer_options", optionList(withEmpty("geen (bv. deskundige)", n.members), field(f, pre + "deelnemer")));
  data->set(pre + "rol_options", optionList(codeChoices(model::roles(), ""), field(f, pre + "rol")));
  data->set(pre + "kant_options", optionList(codeChoices(model::sides(), "niet van toepassing"), field(f, pre + "kant")));
  data->set(pre + "stem_options", optionList(kVoting, field(f, pre + "stem")));
  data->set(pre + "status_options", optionList(codeChoices(model::statuses(), ""), field(f, pre + "status")));
}

// ---- history ----

std::string kindNl(const std::string& kind, const std::string& operation) {
  if (kind == "create") return operation == "mandate.change" ? "nieuw mandaat na toestandswijziging" : "registratie";
  if (kind == "correction") return "correctie";
  if (kind == "end") return operation == "mandate.change" ? "einde door toestandswijziging" : "beëindiging";
  if (kind == "retraction") return "intrekking";
  if (kind == "change") return "toestandswijziging";
  return kind;
}

std::string decisionText(const JsonObject& decision) {
  std::string d = text(decision, "council");
  if (!text(decision, "date").empty()) d += (d.empty() ? "" : " ") + std::string("op ") + dateNl(text(decision, "date"));
  if (!text(decision, "reference").empty()) d += " (" + text(decision, "reference") + ")";
  return d;
}

JsonObject historyRow(const JsonObject& v, const Names& n, const std::string& href) {
  auto row = newObject();
  auto recorded = v->getObject("recorded");
  row->set("href", href);
  row->set("person", nameOr(n.person, text(v, "person")));
  row->set("role", model::roles().label(text(v, "role")));
  row->set("status", model::statuses().label(text(v, "status")));
  row->set("fractie", text(v, "fractie"));
  row->set("from", dateNl(text(v, "from")));
  row->set("until", dateNl(text(v, "until")));
  row->set("retracted", v->has("retracted") && v->getValue<bool>("retracted"));
  row->set("superseded", recorded && recorded->has("until"));
  row->set("kind", kindNl(text(recorded, "kind"), text(recorded, "operation")));
  row->set("at", dutchDateTime(text(recorded, "from")));
  row->set("by", text(recorded, "actor_name").empty() ? text(recorded, "actor") : text(recorded, "actor_name"));
  row->set("reason", text(recorded, "reason"));
  row->set("decision", decisionText(v->getObject("decision")));
  return row;
}

struct Loaded {
  JsonObject igs;
  Names names;
  JsonObject history;   // mandate.history
  JsonObject current;   // the mandate's version as the register knows it now
};

Loaded loadMandate(PageRequest& r) {
  Loaded l;
  l.igs = loadIgs(r);
  l.names = namesOf(r, l.igs);
  const std::string& id = r.params.at("mandate");
  auto in = newObject();
  in->set("id", id);
  l.history = call(r, "mandate.history", in);
  each(arrayOf(l.history, "chain"), [&](JsonObject link) {
    if (text(link, "id") != id) return;
    each(arrayOf(link, "versions"), [&](JsonObject v) {
      auto rec = v->getObject("recorded");
      if (!rec || !rec->has("until")) l.current = v;
    });
  });
  if (!l.current || !l.names.body.count(text(l.current, "body")))
    throwNotFound("mandaat '" + id + "' hoort niet bij dit samenwerkingsverband", Place().set("mandate", id));
  return l;
}

// The correction form starts from the mandate as it is recorded.
FormFields currentValues(const JsonObject& v) {
  FormFields f;
  auto decision = v->getObject("decision");
  f["cor_persoon"] = text(v, "person");
  f["cor_rol"] = text(v, "role");
  f["cor_kant"] = text(v, "side");
  f["cor_fractie"] = text(v, "fractie");
  f["cor_stem"] = v->has("voting") ? (v->getValue<bool>("voting") ? "ja" : "nee") : "";
  f["cor_status"] = text(v, "status");
  f["cor_van"] = text(v, "from");
  f["cor_tot"] = text(v, "until");
  f["cor_raad"] = text(decision, "council");
  f["cor_besluit_datum"] = text(decision, "date");
  f["cor_referentie"] = text(decision, "reference");
  f["cor_uri"] = text(decision, "uri");
  f["wijz_rol"] = text(v, "role");
  f["wijz_kant"] = text(v, "side");
  f["wijz_fractie"] = text(v, "fractie");
  return f;
}

PageResult renderMandate(PageRequest& r, Loaded& l, const FormFields& typed, const FormErrors& errors,
                         const std::string& failedForm) {
  const std::string id = r.params.at("mandate");
  const std::string igsId = text(l.igs, "id");
  const auto& v = l.current;
  std::string person = nameOr(l.names.person, text(v, "person"));
  std::string body = nameOr(l.names.body, text(v, "body"));
  PageResult p = igsPage(r, l.igs, "mandate", "Geschiedenis van mandaat: " + person + " in " + body, "samenstelling");
  p.data->set("download", downloadLinks(r, "mandaten", {{"orgaan", text(v, "body")}}));
  p.data->set("download_body", body);
  auto rows = newArray();
  each(arrayOf(l.history, "chain"), [&](JsonObject link) {
    std::string href = base(r) + "/mandaten/" + segment(text(link, "id"));
    each(arrayOf(link, "versions"), [&](JsonObject ver) {
      auto row = historyRow(ver, l.names, href);
      row->set("this", text(link, "id") == id);
      rows->add(row);
    });
  });
  p.data->set("rows", rows);
  auto facts = newArray();
  auto fact = [&](const std::string& label, const std::string& value, const std::string& href = "") {
    if (value.empty()) return;
    auto f = newObject();
    f->set("label", label);
    f->set("value", value);
    f->set("href", href);
    facts->add(f);
  };
  fact("Persoon", person);
  fact("Orgaan", body);
  if (!text(v, "seat").empty())
    fact("Zetel", nameOr(l.names.seat, text(v, "seat")), base(r) + "/zetels/" + segment(text(v, "seat")));
  fact("Deelnemer", nameOr(l.names.member, text(v, "member")));
  fact("Rol", model::roles().label(text(v, "role")));
  fact("Kant", model::sides().label(text(v, "side")));
  fact("Fractie", text(v, "fractie"));
  fact("Stem", v->has("voting") && v->getValue<bool>("voting") ? "stemgerechtigd" : "raadgevende stem");
  fact("Status", model::statuses().label(text(v, "status")));
  fact("Vanaf", dateNl(text(v, "from")));
  fact("Tot en met", text(v, "until").empty() ? "geen einddatum" : dateNl(text(v, "until")));
  fact("Besluit", decisionText(v->getObject("decision")));
  p.data->set("facts", facts);
  bool retracted = v->has("retracted") && v->getValue<bool>("retracted");
  p.data->set("retracted", retracted);
  p.data->set("action", base(r) + "/mandaten/" + segment(id));
  p.data->set("csrf", r.csrf);
  p.data->set("may_correct", mayCall(r, "mandate.correct", igsId));
  p.data->set("may_change", !retracted && mayCall(r, "mandate.change", igsId));
  p.data->set("may_end", !retracted && mayCall(r, "mandate.end", igsId));
  p.data->set("may_retract", !retracted && mayCall(r, "mandate.retract", igsId));
  p.data->set("may_write", p.data->getValue<bool>("may_correct") || p.data->getValue<bool>("may_change") ||
                               p.data->getValue<bool>("may_end") || p.data->getValue<bool>("may_retract"));
  static const std::map<std::string, std::string> done = {
      {"corrigeren", "De correctie is vastgelegd."},
      {"wijzigen", "De toestandswijziging is vastgelegd: dit is het nieuwe mandaat."},
      {"beeindigen", "Het einde van het mandaat is vastgelegd."},
      {"intrekken", "Het mandaat is ingetrokken."}};
  auto it = done.find(field(r.fields, "gedaan"));
  p.data->set("done", it == done.end() ? std::string() : it->second);
  // Each form shows what was typed into it (after an error) or the recorded values.
  FormFields values = currentValues(v);
  if (!failedForm.empty())
    for (const auto& [k, val] : typed)
      if (k.rfind(failedForm, 0) == 0) values[k] = val;
  if (values["wijz_id"].empty()) values["wijz_id"] = newId("m-");
  auto names = prefixed("cor_");
  for (const auto& pre : {"wijz_", "einde_", "intr_"})
    for (const auto& f : prefixed(pre)) names.push_back(f);
  names.push_back("wijz_id");
  fillForm(p.data, names, values, errors);
  for (const auto& pre : {"cor_", "wijz_"}) putOptions(p.data, l.names, values, pre);
  // The general error shows above the form it belongs to.
  for (const auto& pre : {"cor_", "wijz_", "einde_", "intr_"})
    p.data->set(std::string(pre) + "error", failedForm == pre ? errors.general : std::string());
  p.data->set("form_error", std::string());
  return p;
}

}  // namespace

PageResult appointPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  if (!mayCall(r, "mandate.appoint", igsId))
    throw Error(ErrorCode::denied, "u mag in dit samenwerkingsverband geen mandaten registreren");
  FormFields values = r.fields;
  FormErrors errors;
  Names names = namesOf(r, igs);
  if (post) {
    std::string person = field(values, "persoon"), newName = field(values, "nieuwe_naam");
    auto in = newObject();
    in->set("id", field(values, "id"));
    putMandateFields(in, values, "");
    try {
      if (!person.empty() && !newName.empty())
        throwInvalid("kies een persoon uit de lijst of geef de naam van een nieuwe persoon, niet beide",
                     Place().set("field", "'new_person.name'"));
      // This page appoints in this IGS: a body of another one is not on its list.
      if (!field(values, "orgaan").empty() && !names.body.count(field(values, "orgaan")))
        throwInvalid("kies een orgaan van dit samenwerkingsverband", Place().set("field", "'body'"));
      if (person.empty() && !newName.empty()) {
        auto np = newObject();
        np->set("name", newName);
        if (!field(values, "geslacht").empty()) np->set("gender", field(values, "geslacht"));
        in->set("new_person", np);
        in->set("person", field(values, "persoon_id"));
      }
      call(r, "mandate.appoint", in);
      PageResult done;
      done.redirect = base(r) + "/mandaten/" + segment(field(values, "id")) + "?gedaan=aangeduid";
      return done;
    } catch (const Error& e) {
      if (!isFormError(e)) throw;
      errors = formErrors(e, mandateFieldMap(""));
      if (e.errorCode() == ErrorCode::conflict && errors.general == "bestaat al")  // the page's own ids
        errors.general = "dit formulier werd al verstuurd: het mandaat is al geregistreerd (zie de samenstelling)";
    }
  }
  if (field(values, "id").empty()) values["id"] = newId("m-");
  if (field(values, "persoon_id").empty()) values["persoon_id"] = newId("p-");
  PageResult p = igsPage(r, igs, "appoint", "Nieuw mandaat – " + text(igs, "name"), "samenstelling");
  auto fields = kMandateFields;
  for (const char* f : {"id", "persoon_id", "nieuwe_naam", "geslacht"}) fields.push_back(f);
  fillForm(p.data, fields, values, errors);
  putOptions(p.data, names, values, "");
  p.data->set("geslacht_options",
              optionList(codeChoices(model::genders(), "niet opgegeven"), field(values, "geslacht")));
  p.data->set("action", base(r) + "/mandaten/nieuw");
  p.data->set("csrf", r.csrf);
  p.data->set("has_bodies", !names.bodies.empty());
  return p;
}

PageResult mandatePage(PageRequest& r) {
  auto l = loadMandate(r);
  auto p = renderMandate(r, l, {}, {}, "");
  if (field(r.fields, "gedaan") == "aangeduid") p.data->set("done", std::string("Het mandaat is geregistreerd."));
  return p;
}

PageResult mandateAction(PageRequest& r) {
  auto l = loadMandate(r);
  const std::string id = r.params.at("mandate");
  const std::string action = field(r.fields, "actie");
  static const std::map<std::string, std::pair<std::string, std::string>> ops = {
      {"corrigeren", {"mandate.correct", "cor_"}},
      {"wijzigen", {"mandate.change", "wijz_"}},
      {"beeindigen", {"mandate.end", "einde_"}},
      {"intrekken", {"mandate.retract", "intr_"}}};
  auto op = ops.find(action);
  if (op == ops.end()) throwInvalid("onbekende actie '" + action + "'", Place().set("field", "'actie'"));
  const auto& [operation, pre] = op->second;
  auto in = newObject();
  in->set("id", id);
  std::string reason = field(r.fields, pre + "reden");
  if (!reason.empty()) in->set("reason", reason);
  if (action == "corrigeren" || action == "wijzigen") putMandateFields(in, r.fields, pre);
  if (action == "wijzigen") in->set("new_id", field(r.fields, "wijz_id"));
  if (action == "beeindigen" && !field(r.fields, "einde_tot").empty()) in->set("until", field(r.fields, "einde_tot"));
  r.caller.reason = reason;
  try {
    call(r, operation, in);
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    auto errors = formErrors(e, mandateFieldMap(pre));
    if (action == "wijzigen" && e.errorCode() == ErrorCode::conflict && errors.general == "bestaat al")
      errors.general = "dit formulier werd al verstuurd: de toestandswijziging is al vastgelegd";
    return renderMandate(r, l, r.fields, errors, pre);
  }
  PageResult done;
  std::string target = action == "wijzigen" ? field(r.fields, "wijz_id") : id;
  done.redirect = base(r) + "/mandaten/" + segment(target) + "?gedaan=" + action;
  return done;
}

PageResult seatPage(PageRequest& r) {
  auto igs = loadIgs(r);
  Names names = namesOf(r, igs);
  const std::string seat = r.params.at("seat");
  if (!names.seat.count(seat))
    throwNotFound("zetel '" + seat + "' hoort niet bij dit samenwerkingsverband", Place().set("seat", seat));
  auto in = newObject();
  in->set("id", seat);
  auto out = call(r, "seat.history", in);
  std::string body = nameOr(names.body, names.seatBody[seat]);
  // Seat labels often start with the word itself ("zetel Hemiksem").
  std::string label = names.seat[seat];
  std::string title = label.rfind("zetel ", 0) == 0 ? "Z" + label.substr(1) : "Zetel " + label;
  PageResult p = igsPage(r, igs, "seat", title + " – " + body, "samenstelling");
  auto rows = newArray();
  each(arrayOf(out, "mandates"), [&](JsonObject m) {
    std::string href = base(r) + "/mandaten/" + segment(text(m, "id"));
    each(arrayOf(m, "versions"), [&](JsonObject v) { rows->add(historyRow(v, names, href)); });
  });
  p.data->set("rows", rows);
  p.data->set("empty", rows->size() == 0);
  p.data->set("body", body);
  p.data->set("member", nameOr(names.member, text(out, "member")));
  p.data->set("has_member", !text(out, "member").empty());
  p.data->set("holders", text(out, "holders").empty() ? std::string("1") : text(out, "holders"));
  p.data->set("may_appoint", mayCall(r, "mandate.appoint", text(igs, "id")));
  p.data->set("appoint_href", base(r) + "/mandaten/nieuw");
  return p;
}

}  // namespace igsgov::web

// The members and bodies page: who takes part (gemeenten and partners, with
// their period), the bodies with their seats, and the forms to let a gemeente
// join (member.add), add a partner (member.add), end a membership
// (member.end), add a body (body.create) or a seat (seat.create). One form =
// one operation = one transaction; the operation's Error is shown next to the
// field (web/FormState.hpp).
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "model/Vocabulary.hpp"
#include "web/ExportLinks.hpp"
#include "web/FormState.hpp"
#include "web/Pages.hpp"
#include "web/Sessions.hpp"

#include <map>
#include <vector>

namespace igsgov::web {

namespace {

using Choices = std::vector<std::pair<std::string, std::string>>;

struct Form {
  const char* action;     // value of "actie"
  const char* operation;  // the catalogue operation
  const char* prefix;     // of its field names
  std::vector<std::pair<const char*, const char*>> fields;  // operation field -> form field (without prefix)
};

const std::vector<Form>& forms() {
  static const std::vector<Form> f = {
      {"gemeente", "member.add", "gem_", {{"nis", "nis"}, {"from", "van"}, {"until", "tot"}}},
      {"partner", "member.add", "par_", {{"name", "naam"}, {"partner_kind", "soort"}, {"from", "van"}, {"until", "tot"}}},
      {"einde", "member.end", "eind_", {{"id", "deelnemer"}, {"until", "tot"}, {"reason", "reden"}}},
      {"orgaan", "body.create", "org_", {{"type", "soort"}, {"name", "naam"}, {"from", "van"}}},
      {"zetel", "seat.create", "zet_",
       {{"body", "orgaan"}, {"label", "label"}, {"holders", "houders"}, {"member", "deelnemer"}}},
  };
  return f;
}

Choices codeChoices(const model::CodeList& list, const std::string& emptyLabel) {
  Choices out{{"", emptyLabel}};
  for (const auto& [code, label] : list.labels) out.emplace_back(code, label);
  return out;
}

PageResult render(PageRequest& r, const JsonObject& igs, const FormFields& typed, const FormErrors& errors,
                  const std::string& failed) {
  const std::string igsId = text(igs, "id");
  const std::string today = Date::today().iso();
  PageResult p = igsPage(r, igs, "members", "Deelnemers en organen – " + text(igs, "name"), "deelnemers");
  p.data->set("download", downloadLinks(r, "deelnemers", {}));
  auto members = newArray();
  Choices active, all;
  std::map<std::string, std::string> memberName;
  each(arrayOf(igs, "members"), [&](JsonObject m) {
    auto row = newObject();
    row->set("name", text(m, "name"));
    std::string kind = text(m, "kind");
    row->set("kind", kind == "partner" ? model::partnerKinds().label(text(m, "partner_kind")) + " partner"
                                       : model::memberKinds().label(kind));
    row->set("from", dateNl(text(m, "from")));
    row->set("until", dateNl(text(m, "until")));
    row->set("active", activeOn(m, today));
    members->add(row);
    memberName[text(m, "id")] = text(m, "name");
    all.emplace_back(text(m, "id"), text(m, "name"));
    if (text(m, "until").empty() || text(m, "until") >= today) active.emplace_back(text(m, "id"), text(m, "name"));
  });
  auto bodies = newArray();
  Choices bodyChoices;
  each(arrayOf(igs, "bodies"), [&](JsonObject b) {
    std::string name = text(b, "name").empty() ? model::bodyTypes().label(text(b, "type")) : text(b, "name");
    bodyChoices.emplace_back(text(b, "id"), name);
    auto row = newObject();
    row->set("name", name);
    row->set("type", model::bodyTypes().label(text(b, "type")));
    row->set("from", dateNl(text(b, "from")));
    row->set("until", dateNl(text(b, "until")));
    auto seats = newArray();
    each(arrayOf(b, "seats"), [&](JsonObject s) {
      auto seat = newObject();
      seat->set("label", text(s, "label").empty() ? text(s, "id") : text(s, "label"));
      std::string holders = text(s, "holders").empty() ? "1" : text(s, "holders");
      seat->set("holders", holders + (holders == "1" ? " houder" : " houders"));
      seat->set("member", memberName.count(text(s, "member")) ? memberName[text(s, "member")] : "");
      seat->set("href", base(r) + "/zetels/" + segment(text(s, "id")));
      seats->add(seat);
    });
    row->set("seats", seats);
    row->set("has_seats", seats->size() > 0);
    bodies->add(row);
  });
  p.data->set("members", members);
  p.data->set("bodies", bodies);
  p.data->set("has_bodies", bodies->size() > 0);
  p.data->set("action", base(r) + "/deelnemers");
  p.data->set("csrf", r.csrf);
  p.data->set("may_add", mayCall(r, "member.add", igsId));
  p.data->set("may_end", mayCall(r, "member.end", igsId));
  p.data->set("may_body", mayCall(r, "body.create", igsId));
  p.data->set("may_seat", mayCall(r, "seat.create", igsId));
  FormFields values;
  if (!failed.empty())
    for (const auto& [k, v] : typed)
      if (k.rfind(failed, 0) == 0) values[k] = v;
  std::vector<std::string> names;
  for (const auto& f : forms()) {
    for (const auto& [op, name] : f.fields) names.push_back(std::string(f.prefix) + name);
    p.data->set(std::string(f.prefix) + "error", failed == f.prefix ? errors.general : std::string());
  }
  fillForm(p.data, names, values, errors);
  p.data->set("form_error", std::string());
  Choices withNone = all;
  withNone.insert(withNone.begin(), {"", "geen (zetel van het samenwerkingsverband)"});
  p.data->set("par_soort_options", optionList(codeChoices(model::partnerKinds(), "niet opgegeven"), field(values, "par_soort")));
  active.insert(active.begin(), {"", "— kies een deelnemer —"});
  p.data->set("eind_deelnemer_options", optionList(active, field(values, "eind_deelnemer")));
  p.data->set("org_soort_options", optionList(codeChoices(model::bodyTypes(), "— kies de soort —"), field(values, "org_soort")));
  p.data->set("zet_orgaan_options", optionList(bodyChoices, field(values, "zet_orgaan")));
  p.data->set("zet_deelnemer_options", optionList(withNone, field(values, "zet_deelnemer")));
  static const std::map<std::string, std::string> done = {
      {"gemeente", "De gemeente is als deelnemer geregistreerd."},
      {"partner", "De partner is als deelnemer geregistreerd."},
      {"einde", "Het einde van de deelname is vastgelegd."},
      {"orgaan", "Het orgaan is geregistreerd."},
      {"zetel", "De zetel is toegevoegd."}};
  auto it = done.find(field(r.fields, "gedaan"));
  p.data->set("done", it == done.end() ? std::string() : it->second);
  return p;
}

}  // namespace

PageResult membersPage(PageRequest& r) { return render(r, loadIgs(r), {}, {}, ""); }

PageResult membersAction(PageRequest& r) {
  auto igs = loadIgs(r);
  const std::string action = field(r.fields, "actie");
  const Form* form = nullptr;
  for (const auto& f : forms())
    if (action == f.action) form = &f;
  if (!form) throwInvalid("onbekende actie '" + action + "'", Place().set("field", "'actie'"));
  const std::string pre = form->prefix;
  auto in = newObject();
  std::map<std::string, std::string> fieldOf;
  for (const auto& [op, name] : form->fields) {
    std::string v = field(r.fields, pre + name);
    fieldOf[op] = pre + name;
    if (v.empty()) continue;
    if (std::string(op) == "holders") {
      // A number goes as a number; anything else as typed, for the operation to refuse.
      try {
        std::size_t used = 0;
        long long n = std::stoll(v, &used);
        if (used == v.size()) {
          in->set(op, n);
          continue;
        }
      } catch (const std::exception&) {
      }
    }
    in->set(op, v);
  }
  const std::string kind = form->action;
  static const std::map<std::string, std::string> idPrefix = {
      {"gemeente", "d-"}, {"partner", "d-"}, {"orgaan", "o-"}, {"zetel", "z-"}};
  if (idPrefix.count(kind)) in->set("id", idPrefix.at(kind) + randomHex32().substr(0, 12));
  if (kind == "gemeente" || kind == "partner") in->set("kind", kind);
  if (kind == "gemeente" || kind == "partner" || kind == "orgaan") in->set("cooperation", text(igs, "id"));
  if (kind == "einde") r.caller.reason = field(r.fields, "eind_reden");
  try {
    // This page changes this IGS only: a member or body of another one is not on its lists.
    auto ours = [&](const char* list, const std::string& id) {
      bool found = false;
      each(arrayOf(igs, list), [&](JsonObject o) { found = found || text(o, "id") == id; });
      return found;
    };
    if (kind == "einde" && in->has("id") && !ours("members", text(in, "id")))
      throwInvalid("kies een deelnemer van dit samenwerkingsverband", Place().set("field", "'id'"));
    if (kind == "zetel" && in->has("body") && !ours("bodies", text(in, "body")))
      throwInvalid("kies een orgaan van dit samenwerkingsverband", Place().set("field", "'body'"));
    call(r, form->operation, in);
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    return render(r, igs, r.fields, formErrors(e, fieldOf), pre);
  }
  PageResult done;
  done.redirect = base(r) + "/deelnemers?gedaan=" + kind;
  return done;
}

}  // namespace igsgov::web

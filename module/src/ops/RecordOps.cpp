// Operations on cooperations, members, bodies, seats, persons and mandates.
// Their params are derived from the entity specs (records/Entities.cpp), so the
// CLI options, the OpenAPI schema and the stored columns cannot drift apart.
#include "ops/OpBuilders.hpp"
#include "ops/TextRender.hpp"
#include "records/Composition.hpp"
#include "records/Entities.hpp"
#include "records/Mandates.hpp"
#include "records/Organisation.hpp"
#include "model/Vocabulary.hpp"

#include <map>

namespace igsgov::ops {
using namespace records;

namespace {

std::string typeName(FieldType t) {
  switch (t) {
    case FieldType::date: return "date";
    case FieldType::integer: return "integer";
    case FieldType::boolean: return "boolean";
    default: return "string";
  }
}

std::vector<std::string> codesOf(const model::CodeList& list) {
  auto codes = list.codes();
  return {codes.begin(), codes.end()};
}

struct FieldHelp {
  std::string help;                            // Dutch
  const model::CodeList* values = nullptr;     // the closed list the records area checks the value against
};

// What each entity field means, for --help and the OpenAPI description.
FieldHelp fieldHelp(const std::string& kind, const std::string& field) {
  static const std::map<std::string, FieldHelp> common = {
      {"cooperation", {"id van het samenwerkingsverband"}},
      {"body", {"id van het orgaan"}},
      {"seat", {"id van de zetel"}},
      {"member", {"id van de deelnemer (gemeente, OCMW of partner)"}},
      {"person", {"id van de persoon"}},
      {"name", {"naam"}},
      {"from", {"eerste dag (JJJJ-MM-DD)"}},
      {"until", {"laatste dag (JJJJ-MM-DD)"}},
  };
  static const std::map<std::string, std::map<std::string, FieldHelp>> specific = {
      {"cooperation",
       {{"legal_form", {"rechtsvorm (weglaten voor een samenwerkingsverband in oprichting)", &model::legalForms()}},
        {"domain", {"beleidsdomein", &model::domains()}},
        {"kbo", {"ondernemingsnummer (KBO), bv. 0700.015.841"}},
        {"seat_nis", {"NIS-code van de gemeente van de zetel"}},
        {"referentieregio", {"referentieregio (Vlaamse regiovorming)"}},
        {"founded", {"datum van oprichting"}},
        {"term_end", {"einde van de looptijd"}}}},
      {"member",
       {{"kind", {"soort deelnemer", &model::memberKinds()}},
        {"nis", {"NIS-code (gemeente of OCMW); de naam volgt er dan uit"}},
        {"name", {"naam (verplicht voor een partner)"}},
        {"partner_kind", {"soort partner", &model::partnerKinds()}}}},
      {"body", {{"type", {"soort orgaan", &model::bodyTypes()}}, {"name", {"naam van het orgaan"}}}},
      {"seat",
       {{"label", {"omschrijving van de zetel, bv. 'zetel Boom'"}},
        {"holders", {"hoeveel mandatarissen de zetel tegelijk heeft (standaard 1)"}},
        {"member", {"id van de deelnemer die de zetel invult"}}}},
      {"person",
       {{"name", {"volledige naam"}},
        {"gender", {"gender, zelf opgegeven (optioneel)", &model::genders()}},
        {"fictitious", {"een fictieve persoon (voorbeeld- of testgegevens)"}},
        {"uri", {"URI van de persoon in een bron van gepubliceerde besluiten (LBLOD)"}}}},
      {"mandate",
       {{"role", {"rol in het orgaan", &model::roles()}},
        {"side", {"politieke kant in de gemeenteraad", &model::sides()}},
        {"fractie", {"fractie in de gemeenteraad"}},
        {"voting", {"stemgerechtigd (--no-voting: raadgevend)"}},
        {"status", {"status van het mandaat (OSLO Mandaten)", &model::statuses()}},
        {"decision_council", {"de raad die aanduidde, bv. 'gemeenteraad Boom'"}},
        {"decision_date", {"datum van het aanduidingsbesluit"}},
        {"decision_ref", {"kenmerk van het besluit"}},
        {"decision_uri", {"URI van het gepubliceerde besluit"}},
        {"predecessor", {"id van het mandaat dat dit opvolgt"}},
        {"retracted", {"ingetrokken"}}}},
  };
  if (auto k = specific.find(kind); k != specific.end())
    if (auto f = k->second.find(field); f != k->second.end()) return f->second;
  if (auto f = common.find(field); f != common.end()) return f->second;
  return {};
}

// id + the entity's fields; `allOptional` for revisions; `skip` leaves fields out.
std::vector<Param> entityParams(const EntitySpec& spec, bool allOptional, const std::set<std::string>& skip = {}) {
  std::vector<Param> out{{"id", "string", true, "id van " + spec.kindNl}};
  for (const auto& f : spec.fields) {
    if (skip.count(f.json)) continue;
    FieldHelp h = fieldHelp(spec.table, f.json);
    Param p{f.json, typeName(f.type), f.required && !allOptional, h.help};
    if (h.values) p.values = codesOf(*h.values);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Param> plus(std::vector<Param> a, const std::vector<Param>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const Param& kReason = kReasonParam;
const Param& kReasonRequired = kReasonRequiredParam;



WriteFn revision(JsonObject (*fn)(Writer&, const JsonObject&, const std::string&), const char* kind) {
  return [fn, kind](Writer& w, const JsonObject& in) { return fn(w, in, kind); };
}

}  // namespace

void addRecordOperations(Catalogue& c) {
  const auto& coop = cooperationSpec();
  c.add(writeOp("cooperation.create", "Registreer een samenwerkingsverband", entityParams(coop, false), cooperationCreate), rs::written({{"id", rs::text()}}));
  c.add(writeOp("cooperation.change", "Leg een wijziging van een samenwerkingsverband vast (bv. verlengde looptijd)",
                plus(entityParams(coop, true), {kReason}), revision(cooperationRevise, "change")), rs::written({{"id", rs::text()}}));
  c.add(writeOp("cooperation.correct", "Verbeter een foute registratie van een samenwerkingsverband",
                plus(entityParams(coop, true), {kReasonRequired}), revision(cooperationRevise, "correction")), rs::written({{"id", rs::text()}}));
  c.add(readOp("cooperation.list", "Lijst van samenwerkingsverbanden", {}, cooperationList), rs::object({{"cooperations", rs::list(rs::cooperation())}}));
  c.add(readOp("cooperation.show", "Een samenwerkingsverband met deelnemers, organen en zetels",
               {{"id", "string", true, "id van het samenwerkingsverband"}}, cooperationShow), rs::object({{"id", rs::text()}, {"name", rs::text()}, {"members", rs::list(rs::object({{"id", rs::text()}}))}, {"bodies", rs::list(rs::object({{"id", rs::text()}}))}}));

  const auto& member = memberSpec();
  c.add(writeOp("member.add", "Voeg een deelnemer toe (gemeente, OCMW of andere partner)", entityParams(member, false),
                memberAdd), rs::written({{"id", rs::text()}}));
  c.add(writeOp("member.end", "Beëindig een deelname", {{"id", "string", true, "id van de deelnemer"}, {"until", "date", true, "laatste dag"}, kReason},
                memberEnd), rs::written({{"id", rs::text()}}));
  c.add(writeOp("member.correct", "Verbeter een foute registratie van een deelnemer",
                plus(entityParams(member, true), {kReasonRequired}), revision(memberRevise, "correction")), rs::written({{"id", rs::text()}}));

  const auto& body = bodySpec();
  c.add(writeOp("body.create", "Registreer een orgaan (raad van bestuur, algemene vergadering, …) met zijn zetels",
                plus(entityParams(body, false), {{"seats", "array", false, "zetels: [{id, label, holders, member}]"}}),
                bodyCreate), rs::written({{"id", rs::text()}}));
  c.add(writeOp("body.correct", "Verbeter een foute registratie van een orgaan",
                plus(entityParams(body, true), {kReasonRequired}), revision(bodyRevise, "correction")), rs::written({{"id", rs::text()}}));
  c.add(writeOp("seat.create", "Voeg een zetel toe aan een orgaan", entityParams(seatSpec(), false), seatCreate), rs::written({{"id", rs::text()}}));
  c.add(readOp("seat.history", "Wie had deze zetel wanneer: elk mandaat op de zetel met al zijn versies, wie ze vastlegde en waarom",
               {{"id", "string", true, "id van de zetel"}}, seatHistory), rs::object({{"id", rs::text()}, {"body", rs::text()}, {"mandates", rs::list(rs::any())}}));

  const auto& person = personSpec();
  c.add(writeOp("person.create", "Registreer een persoon (nooit een rijksregisternummer)", entityParams(person, false),
                personCreate), rs::written({{"id", rs::text()}, {"name", rs::text()}}));
  c.add(writeOp("person.correct", "Verbeter een foute registratie van een persoon",
                plus(entityParams(person, true), {kReasonRequired}), revision(personRevise, "correction")), rs::written({{"id", rs::text()}}));
  c.add(readOp("person.list", "Lijst van personen", {}, personList), rs::object({{"persons", rs::list(rs::person())}}));

  const auto& mandate = mandateSpec();
  const Param decision{"decision", "object", false, "aanduidingsbesluit: {council, date, reference, uri}"};
  c.add(writeOp("mandate.appoint", "Registreer een mandaat (aanduiding in een orgaan)",
                plus(entityParams(mandate, false, {"retracted"}),
                     {decision, {"new_person", "object", false,
                                 "nieuwe persoon {name, gender}, geregistreerd onder de id 'person' in dezelfde transactie"}}),
                mandateAppoint, mandateWriteText), rs::written({{"id", rs::text()}}));
  c.add(writeOp("mandate.end", "Beëindig een mandaat (toestandswijziging)",
                {{"id", "string", true, "id van het mandaat"},
                 {"until", "date", true, "laatste dag"},
                 {"status", "string", false, "status na het einde (standaard: ongewijzigd)", "", codesOf(model::statuses())},
                 kReason},
                mandateEnd, mandateWriteText), rs::written({{"id", rs::text()}}));
  c.add(writeOp("mandate.change",
                "Toestandswijziging: het mandaat eindigt de dag voor 'from' en een nieuw mandaat neemt over",
                plus(entityParams(mandate, true, {"retracted", "predecessor"}),
                     {{"new_id", "string", true, "id van het nieuwe mandaat"}, decision, kReason}),
                mandateChange, mandateWriteText), rs::written({{"id", rs::text()}}));
  c.add(writeOp("mandate.correct", "Verbeter een foute registratie van een mandaat (correctie, geen toestandswijziging)",
                plus(entityParams(mandate, true, {"retracted", "predecessor"}), {decision, kReasonRequired}),
                mandateCorrect, mandateWriteText), rs::written({{"id", rs::text()}}));
  c.add(writeOp("mandate.retract", "Trek een mandaat in dat nooit had mogen bestaan",
                {{"id", "string", true, "id van het mandaat"}, kReasonRequired}, mandateRetract, mandateWriteText), rs::written({{"id", rs::text()}}));
  c.add(readOp("mandate.history", "De volledige geschiedenis van een mandaat en zijn opvolgers",
               {{"id", "string", true, "id van het mandaat"}}, mandateHistory, mandateHistoryText), rs::object({{"mandate", rs::text()}, {"chain", rs::list(rs::any())}}));

  auto composition = readOp("body.composition", "Wie zat in dit orgaan op een datum, zoals het register het kende op een tijdstip",
                            {{"body", "string", true, "id van het orgaan"},
                             {"as_of", "date", false, "datum (standaard vandaag)"},
                             {"known_at", "timestamp", false, "zoals gekend op (standaard nu)"}},
                            bodyComposition);
  composition.aliases = {{"composition"}};
  composition.text = compositionText;
  c.add(composition, rs::example(rs::object({{"body", rs::object({{"id", rs::text()}, {"name", rs::text()}, {"type", rs::text()}, {"cooperation", rs::text()}})}, {"as_of", rs::date()}, {"body_active", rs::boolean()}, {"mandates", rs::list(rs::seatedMandate())}, {"counts", rs::object({{"total", rs::integer()}, {"voting", rs::integer()}})}}), R"({"body": {"id": "igs-cultuur-va-rvb", "name": "Raad van bestuur", "type": "raad_van_bestuur", "cooperation": "igs-cultuur-va"}, "as_of": "2022-06-01", "body_active": true, "mandates": [{"mandate": "igs-cultuur-va-rvb-1-45035", "person": {"id": "p-001", "name": "Jan Proefmans"}, "role": "voorzitter", "voting": true, "from": "2021-01-01", "member": {"id": "igs-cultuur-va-45035", "name": "Oudenaarde"}}], "counts": {"total": 1, "voting": 1}})"));

  // Which cooperation each operation's input concerns (ops/Scope.hpp).
  const Concerns none = Concerns::none();
  c.setScope("cooperation.create", refs({{"id", Ref::cooperation}}));
  c.setScope("cooperation.change", refs({{"id", Ref::cooperation}}));
  c.setScope("cooperation.correct", refs({{"id", Ref::cooperation}}));
  c.setScope("cooperation.list", refs({}, none), keepVisible("cooperations", "id"));
  c.setScope("cooperation.show", refs({{"id", Ref::cooperation}}));
  c.setScope("member.add", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("member.end", refs({{"id", Ref::member}}));
  c.setScope("member.correct", refs({{"id", Ref::member}, {"cooperation", Ref::cooperation}}));
  c.setScope("body.create", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("body.correct", refs({{"id", Ref::body}, {"cooperation", Ref::cooperation}}));
  c.setScope("seat.create", refs({{"body", Ref::body}, {"member", Ref::member}}));
  c.setScope("seat.history", refs({{"id", Ref::seat}}));
  c.setScope("person.create", refs({}, none));
  c.setScope("person.correct", refs({{"id", Ref::person}}));
  c.setScope("person.list", refs({}, none), keepPersonsVisible());
  const std::vector<std::pair<std::string, Ref>> mandateRefs = {
      {"id", Ref::mandate}, {"body", Ref::body}, {"seat", Ref::seat}, {"member", Ref::member}};
  for (const char* op : {"mandate.appoint", "mandate.end", "mandate.change", "mandate.correct", "mandate.retract",
                         "mandate.history"})
    c.setScope(op, refs(mandateRefs));
  c.setScope("body.composition", refs({{"body", Ref::body}}));
}

}  // namespace igsgov::ops

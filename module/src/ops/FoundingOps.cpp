// Operations on the founding path of an IGS (module/src/founding): the state of
// each step for a cooperation in oprichting, and the check-offs by hand.
#include "core/Date.hpp"
#include "founding/CheckOffs.hpp"
#include "founding/Progress.hpp"
#include "ops/OpBuilders.hpp"
#include "ops/ResultSchema.hpp"
#include "ops/TextRender.hpp"

#include <sstream>

namespace igsgov::ops {
namespace {

const char* const kKind = "oprichting";

std::string str(const JsonObject& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : "";
}

std::string dutchIso(const std::string& iso) {
  auto d = Date::parse(iso);
  return d ? dutchLongDate(*d) : iso;
}

JsonObject status(store::Database& db, const JsonObject& in) {
  Reader r(in, kKind);
  std::string coop = r.str("cooperation");
  auto plans = founding::loadStappenplannen();
  const auto& plan = founding::planFor(db, plans, coop, r.optStr("stappenplan"), r.place("cooperation"));
  return founding::progress(db, plan, coop, r.optDate("as_of").value_or(Date::today()));
}

// The state of one step as a person reads it.
std::string stepState(const JsonObject& s) {
  if (s->getValue<bool>("done")) return "klaar";
  if (s->optValue<bool>("late", false)) return "open, termijn verstreken";
  return "open";
}

std::string statusText(const JsonObject& o) {
  std::ostringstream os;
  os << o->getValue<std::string>("title") << "\n";
  os << "Samenwerkingsverband: " << str(o, "cooperation_name") << " (" << str(o, "cooperation") << ")"
     << (o->getValue<bool>("in_oprichting") ? ", in oprichting" : "") << "\n";
  os << "Stand op " << dutchIso(str(o, "as_of")) << ": " << o->getValue<int>("done_steps") << " van "
     << o->getValue<int>("total_steps") << " stappen klaar\n\n";
  std::vector<std::vector<std::string>> rows{{"Stap", "Titel", "Stand", "Termijn"}};
  auto steps = o->getArray("steps");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    auto s = steps->getObject(static_cast<unsigned>(i));
    auto d = s->getObject("deadline");
    rows.push_back({std::to_string(s->getValue<int>("number")), s->getValue<std::string>("title"), stepState(s),
                    d ? "ten laatste " + dutchIso(d->getValue<std::string>("date")) : ""});
  }
  os << textTable(rows, 1);
  auto blockers = o->getArray("blockers");
  if (o->has("next_step")) {
    os << "\nVolgende stap: " << o->getValue<int>("next_step") << ". " << str(o, "next_step_title") << "\n";
    os << "Wat nog ontbreekt:\n";
    for (std::size_t i = 0; i < blockers->size(); ++i) os << "  - " << blockers->getElement<std::string>(static_cast<unsigned>(i)) << "\n";
  } else {
    os << "\nAlle stappen zijn klaar.\n";
  }
  return os.str();
}

std::string checkOffText(const JsonObject& o) {
  std::ostringstream os;
  std::string kind = str(o, "change_kind");
  std::string what = kind == "retraction" ? "Afvinking ingetrokken" : kind == "correction" ? "Afvinking verbeterd" : "Afgevinkt";
  os << what << ": stap '" << str(o, "step") << "', voorwaarde '" << str(o, "condition") << "'";
  if (o->has("member")) os << ", deelnemer " << str(o, "member");
  os << " (samenwerkingsverband " << str(o, "cooperation") << ")\n";
  os << "  datum: " << dutchIso(str(o, "date")) << "\n";
  os << "  reden: " << str(o, "note") << "\n";
  if (o->has("document_sha256")) os << "  bijlage: SHA-256 " << str(o, "document_sha256") << "\n";
  os << "  id: " << str(o, "id") << "\n";
  return os.str();
}

JsonObject plansList(store::Database&, const JsonObject&) {
  auto out = newObject();
  auto list = newArray();
  for (const auto& p : founding::loadStappenplannen()) {
    auto o = newObject();
    o->set("name", p.name);
    o->set("title", p.title);
    o->set("domain", p.domain);
    o->set("citation", p.citation);
    o->set("source", p.source);
    auto steps = newArray();
    for (const auto& s : p.steps) {
      auto so = newObject();
      so->set("number", s.number);
      so->set("id", s.id);
      so->set("title", s.title);
      so->set("per_gemeente", s.perGemeente);
      auto conds = newArray();
      for (const auto& c : s.doneWhen) {
        auto co = newObject();
        co->set("key", founding::conditionKey(c));
        co->set("description", c.description);
        co->set("check_off", founding::checkable(c));
        conds->add(co);
      }
      so->set("conditions", conds);
      if (s.deadline) so->set("deadline", s.deadline->date.iso());
      steps->add(so);
    }
    o->set("steps", steps);
    list->add(o);
  }
  out->set("stappenplannen", list);
  return out;
}

std::string plansText(const JsonObject& o) {
  std::ostringstream os;
  auto list = o->getArray("stappenplannen");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto p = list->getObject(static_cast<unsigned>(i));
    os << p->getValue<std::string>("title") << " (" << p->getValue<std::string>("name") << ")\n";
    std::vector<std::vector<std::string>> rows{{"Stap", "Id", "Titel", "Per gemeente", "Af te vinken"}};
    auto steps = p->getArray("steps");
    for (std::size_t j = 0; j < steps->size(); ++j) {
      auto s = steps->getObject(static_cast<unsigned>(j));
      std::string keys;
      auto conds = s->getArray("conditions");
      for (std::size_t k = 0; k < conds->size(); ++k) {
        auto c = conds->getObject(static_cast<unsigned>(k));
        if (c->getValue<bool>("check_off")) keys += (keys.empty() ? "" : ", ") + c->getValue<std::string>("key");
      }
      rows.push_back({std::to_string(s->getValue<int>("number")), s->getValue<std::string>("id"),
                      s->getValue<std::string>("title"), s->getValue<bool>("per_gemeente") ? "ja" : "nee", keys});
    }
    os << textTable(rows, 1) << "\n";
  }
  return os.str();
}

const Param kFile{"path", "path", false, "bijlage: een bestand (DOCX, ODT of PDF), bv. het verslag"};
const Param kContent{"content_base64", "string", false, "bijlage: de inhoud zelf, base64-gecodeerd (via REST)"};

}  // namespace

void addFoundingOperations(Catalogue& c) {
  // A check-off as written (founding/CheckOffs.hpp), with its record time.
  auto checkOffResult = [] {
    return rs::written({{"id", rs::text()}, {"cooperation", rs::text()}, {"stappenplan", rs::text()}, {"step", rs::text()},
                        {"condition", rs::text()}, {"date", rs::date()}, {"note", rs::text()}, {"retracted", rs::boolean()}},
                       {{"member", rs::text()}, {"document_sha256", rs::text()}});
  };
  auto step = rs::object({{"number", rs::integer()}, {"id", rs::text()}, {"title", rs::text()}, {"per_gemeente", rs::boolean()},
                          {"done", rs::boolean()}, {"blockers", rs::list(rs::text())}, {"conditions", rs::list(rs::object({
                              {"key", rs::text()}, {"evidence", rs::text()}, {"description", rs::text()},
                              {"check_off", rs::boolean()}, {"per_gemeente", rs::boolean()},
                              {"results", rs::list(rs::object({{"done", rs::boolean()}},
                                                              {{"member", rs::text()}, {"member_name", rs::text()},
                                                               {"evidence", rs::text()}, {"missing", rs::text()},
                                                               {"check_off", rs::any()}}))}},
                              {{"subject", rs::text()}}))}},
                         {{"deadline", rs::object({{"date", rs::date()}, {"description", rs::text()}, {"passed", rs::boolean()}})},
                          {"late", rs::boolean()}});
  auto statusResult = rs::object({{"cooperation", rs::text()}, {"cooperation_name", rs::text()}, {"in_oprichting", rs::boolean()},
                                  {"stappenplan", rs::text()}, {"title", rs::text()}, {"citation", rs::text()},
                                  {"as_of", rs::date()}, {"gemeenten", rs::list(rs::object({{"id", rs::text()}, {"name", rs::text()}}))},
                                  {"steps", rs::list(step)}, {"done_steps", rs::integer()}, {"total_steps", rs::integer()},
                                  {"blockers", rs::list(rs::text())}},
                                 {{"link", rs::text()}, {"next_step", rs::integer()}, {"next_step_title", rs::text()}});
  c.add(readOp("founding.status",
               "De stand van elke stap van de oprichting van een samenwerkingsverband, en wat de volgende stap tegenhoudt",
               {{"cooperation", "string", true, "id van het samenwerkingsverband (in oprichting)"},
                {"stappenplan", "string", false, "naam van het stappenplan (standaard dat van het beleidsdomein)"},
                {"as_of", "date", false, "stand op deze datum (standaard vandaag)"}},
               status, statusText), statusResult);
  c.add(readOp("founding.plans", "De stappenplannen voor de oprichting van een samenwerkingsverband, met hun stappen", {},
               plansList, plansText), rs::object({{"stappenplannen", rs::list(rs::object({{"name", rs::text()}, {"title", rs::text()}, {"domain", rs::text()}, {"steps", rs::list(rs::any())}}))}}));
  c.add(writeOp("founding.check-off",
                "Vink een voorwaarde van een stap af waarvoor het register geen bewijs bijhoudt (met een reden)",
                {{"cooperation", "string", true, "id van het samenwerkingsverband"},
                 {"step", "string", true, "id van de stap, bv. 'draagvlak' (zie 'founding plans')"},
                 {"condition", "string", false, "de voorwaarde, bv. 'afvinken:oprichtingsakte' (nodig als de stap er meer heeft)"},
                 {"member", "string", false, "de deelnemende gemeente (id), bij een stap per gemeente"},
                 {"note", "string", true, "waarom de voorwaarde vervuld is, bv. 'MT akkoord op 3 februari'"},
                 {"date", "date", false, "wanneer ze vervuld werd (standaard vandaag)"},
                 {"stappenplan", "string", false, "naam van het stappenplan (standaard dat van het beleidsdomein)"},
                 kFile, kContent, kReasonParam},
                [](records::Writer& w, const JsonObject& in) {
                  return founding::checkOff(w, founding::loadStappenplannen(), in);
                },
                checkOffText), checkOffResult());
  c.add(writeOp("founding.correct", "Verbeter een afvinking (reden, datum of bijlage)",
                {{"id", "string", true, "id van de afvinking"},
                 {"note", "string", false, "de verbeterde reden"},
                 {"date", "date", false, "de verbeterde datum"},
                 kFile, kContent, kReasonRequiredParam},
                founding::correctCheckOff, checkOffText), checkOffResult());
  c.add(writeOp("founding.retract", "Trek een afvinking in (ze blijft in de geschiedenis)",
                {{"id", "string", true, "id van de afvinking"}, kReasonRequiredParam}, founding::retractCheckOff,
                checkOffText), checkOffResult());

  c.add(readOp("founding.attachment", "De bijlage van een afvinking (het opgeladen verslag of bewijsstuk)",
               {{"id", "string", true, "id van de afvinking"},
                {"path", "path", false, "schrijf de bijlage naar dit bestand (anders base64 in het antwoord)"}},
               founding::checkOffAttachment,
               [](const JsonObject& o) {
                 return "Bijlage van afvinking " + str(o, "id") + ": " + str(o, "file_name") + " (" + str(o, "media_type") +
                        ", " + std::to_string(o->getValue<long long>("size")) + " bytes, SHA-256 " + str(o, "sha256") + ")" +
                        (o->has("path") ? "\n  geschreven naar " + str(o, "path") : std::string()) + "\n";
               }),
        rs::object({{"id", rs::text()}, {"sha256", rs::text()}, {"media_type", rs::text()}, {"size", rs::integer()}, {"file_name", rs::text()}},
                   {{"content_base64", rs::text()}, {"path", rs::text()}}));

  c.setScope("founding.status", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("founding.attachment", refs({{"id", Ref::checkOff}}));
  c.setScope("founding.plans", refs({}, Concerns::none()));
  c.setScope("founding.check-off", refs({{"cooperation", Ref::cooperation}, {"member", Ref::member}}));
  c.setScope("founding.correct", refs({{"id", Ref::checkOff}}));
  c.setScope("founding.retract", refs({{"id", Ref::checkOff}}));
}

}  // namespace igsgov::ops

// Operations on meerjarenplannen and contributions stored in the register
// (module/src/budget on top of the pure module/src/finance).
#include "budget/Contributions.hpp"
#include "budget/PlanStore.hpp"
#include "ops/OpBuilders.hpp"

namespace igsgov::ops {
using namespace budget;

namespace {




const Param& kReason = kReasonParam;
const Param kOwner{"owner", "string", true, "eigenaar: id van het samenwerkingsverband, of van de deelnemer / NIS-code"};
const Param kPeriod{"period", "string", true, "planperiode, bv. 2026-2031"};

}  // namespace

namespace {

// A plan's owner: {kind: igs | lid | gemeente, id}.
JsonObject planOwner() { return rs::object({{"kind", rs::text()}, {"id", rs::text()}}); }

// A contribution schedule (contribution.compute writes it, contribution.show reads it).
JsonObject scheduleSchema(bool written) {
  auto year = rs::object({{"year", rs::integer()}, {"total_cents", rs::integer()}, {"exact", rs::boolean()},
                          {"item_totals", rs::object({})},
                          {"members", rs::list(rs::object({{"member", rs::text()}, {"total_cents", rs::integer()},
                                                           {"items", rs::object({})}}))}});
  auto schedule = rs::object({{"inputs", rs::object({})}, {"years", rs::list(year)}});
  rs::Fields required = {{"id", rs::text()}, {"key", rs::text()}, {"cooperation", rs::text()}, {"year", rs::integer()},
                         {"population_date", rs::date()}, {"sha256", rs::text()}, {"schedule", schedule}};
  rs::Fields optional = {{"versions", rs::integer()}, {"recorded_at", rs::timestamp()}, {"exclusions", rs::list(rs::any())},
                         {"unchanged", rs::boolean()}};
  return written ? rs::written(required, optional) : rs::object(required, optional);
}

}  // namespace

void addFinanceOperations(Catalogue& c) {
  auto importCsv = writeOp("plan.import-csv", "Lees een meerjarenplan (BBC) in uit CSV (puntkomma, Excel) als nieuwe versie",
                           {{"path", "path", false, "het CSV-bestand"},
                            {"csv", "string", false, "de CSV-tekst in plaats van een bestand"},
                            {"owner_kind", "string", false, "igs (standaard) of lid"},
                            kOwner, kPeriod,
                            {"plan_version", "integer", false, "versienummer (standaard: volgende; 0 = initieel plan)"},
                            {"label", "string", false, "bv. 'aanpassing 2027/1'"},
                            kReason},
                           planImportCsv);
  importCsv.positional = "path";
  c.add(importCsv, rs::written({{"id", rs::text()}, {"owner", rs::text()}, {"period", rs::text()}, {"version", rs::integer()}, {"items", rs::integer()}}, {{"owner_kind", rs::text()}, {"version_label", rs::text()}, {"content_sha256", rs::text()}}));
  c.add(writeOp("plan.store", "Bewaar een meerjarenplan (JSON) als nieuwe versie",
                {{"plan", "object", true, "het plan (zie docs/financiering.md)"}, kReason}, planStore), rs::written({{"id", rs::text()}, {"owner", rs::text()}, {"period", rs::text()}, {"version", rs::integer()}}, {{"owner_kind", rs::text()}, {"version_label", rs::text()}, {"content_sha256", rs::text()}}));
  c.add(readOp("plan.export-csv", "Schrijf een versie van een meerjarenplan als CSV (puntkomma, UTF-8 met BOM)",
               {kOwner, kPeriod, {"plan_version", "integer", false, "standaard de laatste"}, {"path", "path", false, "doelbestand"}},
               planExportCsv, [](const JsonObject& o) {
                 return o->has("path") ? "Geschreven: " + o->getValue<std::string>("path") + "\n" : o->getValue<std::string>("csv");
               }), rs::object({{"id", rs::text()}}, {{"csv", rs::text()}, {"path", rs::text()}}));
  c.add(readOp("plan.show", "Toon een versie van een meerjarenplan",
               {kOwner, kPeriod, {"plan_version", "integer", false, "standaard de laatste"}}, planShow), rs::object({{"owner", planOwner()}, {"period", rs::text()}, {"version", rs::integer()},
                          {"items", rs::list(rs::object({{"level", rs::text()}, {"code", rs::text()}, {"title", rs::text()},
                                                         {"amounts", rs::list(rs::object({{"year", rs::integer()}}))}},
                                                        {{"parent", rs::text()}, {"prioritair", rs::boolean()}, {"beleidsveld", rs::text()}}))}},
                         {{"version_label", rs::text()}}));
  c.add(readOp("plan.list", "Lijst van bewaarde meerjarenplannen en hun versies", {{"owner", "string", false, "alleen de plannen van dit samenwerkingsverband of deze deelnemer (id)"}}, planList), rs::object({{"plans", rs::list(rs::object({{"id", rs::text()}, {"owner", rs::text()}, {"period", rs::text()}, {"version", rs::integer()}}))}}));
  c.add(readOp("plan.diff", "Wat veranderde tussen twee versies van een meerjarenplan (per boekjaar)",
               {kOwner, kPeriod,
                {"from", "integer", false, "oude versie (standaard de vorige)"},
                {"to", "integer", false, "nieuwe versie (standaard de laatste)"}},
               planDiffOp, planDiffText), rs::object({{"owner", planOwner()}, {"period", rs::text()}, {"from_version", rs::integer()}, {"to_version", rs::integer()},
                          {"added", rs::list(rs::any())}, {"removed", rs::list(rs::any())}, {"changed", rs::list(rs::any())},
                          {"totals", rs::list(rs::any())}, {"text", rs::text()}}));
  c.add(readOp("plan.links", "Deelnemers zonder beleidsdoelstelling gekoppeld aan de doelstellingen van de IGS",
               {{"cooperation", "string", true, "samenwerkingsverband"}, kPeriod,
                {"code", "string", false, "alleen deze doelstelling van de IGS"}},
               planLinks, planLinksText), rs::object({{"cooperation", rs::text()}, {"period", rs::text()}, {"members", rs::integer()},
                          {"without_link", rs::list(rs::object({{"member", rs::text()}, {"name", rs::text()}, {"reason", rs::text()},
                                                                {"reason_text", rs::text()}}))}},
                         {{"igs_plan_version", rs::maybe(rs::integer())}}));

  c.add(writeOp("contribution.key", "Leg een verdeelsleutel vast (kostenposten met elk hun sleutel); een wijziging is een nieuwe versie",
                {{"id", "string", true, "id van de verdeelsleutel"},
                 {"cooperation", "string", true, "samenwerkingsverband"},
                 {"title", "string", false, "titel van de verdeelsleutel"},
                 {"items", "array", true, "kostenposten: [{id, title, key: {kind, units|fixed|rate}, total}]"},
                 kReason},
                keyDefine), rs::written({{"id", rs::text()}, {"cooperation", rs::text()}, {"title", rs::text()},
                           {"items", rs::list(rs::object({{"id", rs::text()}, {"title", rs::text()}, {"key", rs::object({{"kind", rs::text()}})}},
                                                         {{"total_cents", rs::integer()}}))},
                           {"recorded", rs::recorded()}}));
  c.add(writeOp("contribution.compute", "Bereken het bijdrageschema van een boekjaar (herberekening = nieuwe versie)",
                {{"key", "string", true, "id van de verdeelsleutel"},
                 {"year", "integer", true, "boekjaar"},
                 {"population_date", "date", false, "peildatum van de inwonersaantallen (standaard 1 januari van het jaar ervoor)"},
                 kReason},
                scheduleCompute, scheduleText), scheduleSchema(true));
  c.add(readOp("contribution.show", "Toon het bijdrageschema van een boekjaar",
               {{"key", "string", true, "id van de verdeelsleutel"}, {"year", "integer", true, "boekjaar"}}, scheduleShow, scheduleText), scheduleSchema(false));
  c.add(readOp("contribution.verify", "Reken elk bewaard bijdrageschema na uit zijn gegevens en uit het register",
               {{"key", "string", false, "alleen deze verdeelsleutel (id)"}, {"year", "integer", false, "alleen dit boekjaar"}}, scheduleVerify, scheduleVerifyText), rs::object({{"schedules", rs::list(rs::any())}, {"ok", rs::integer()}, {"stale", rs::integer()}}));
  c.add(readOp("contribution.list", "Verdeelsleutels en de boekjaren waarvoor een schema bestaat",
               {{"cooperation", "string", false, "alleen van dit samenwerkingsverband (id)"}}, keyList), rs::object({{"keys", rs::list(rs::object({{"id", rs::text()}, {"cooperation", rs::text()}}))}}));

  // Which cooperation each operation's input concerns (ops/Scope.hpp). A plan's
  // owner is a cooperation, a member (its cooperation) or a municipality by NIS
  // code (every cooperation it takes part in).
  for (const char* op : {"plan.import-csv", "plan.export-csv", "plan.show", "plan.diff"})
    c.setScope(op, refs({{"owner", Ref::planOwner}}));
  c.setScope("plan.store", refs({{"plan", Ref::plan}}));
  c.setScope("plan.list", refs({{"owner", Ref::planOwner}}, Concerns::none()),
             [](store::Database& db, JsonObject out, const Visible& visible) {
               auto list = out->getArray("plans");
               auto kept = newArray();
               for (std::size_t i = 0; list && i < list->size(); ++i) {
                 auto p = list->getObject(static_cast<unsigned>(i));
                 bool show = false;
                 for (const auto& coop : cooperationsOf(db, Ref::planOwner, p->optValue<std::string>("owner", "")))
                   show = show || visible(coop);
                 if (show) kept->add(p);
               }
               out->set("plans", kept);
             });
  c.setScope("plan.links", refs({{"cooperation", Ref::cooperation}}));
  c.setScope("contribution.key", refs({{"cooperation", Ref::cooperation}, {"id", Ref::contributionKey}}));
  c.setScope("contribution.compute", refs({{"key", Ref::contributionKey}}));
  c.setScope("contribution.show", refs({{"key", Ref::contributionKey}}));
  c.setScope("contribution.verify", refs({{"key", Ref::contributionKey}}));
  c.setScope("contribution.list", refs({{"cooperation", Ref::cooperation}}, Concerns::none()),
             keepVisible("keys", "cooperation"));
}

}  // namespace igsgov::ops

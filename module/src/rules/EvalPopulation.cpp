// Evaluators per policy domain: population thresholds (with the IGS cultuur
// transition rule), one referentieregio, co-financing, one IOED per gemeente.
// Populations come from the register's reference data (refdata), dated.
#include "finance/Money.hpp"
#include "refdata/RefData.hpp"
#include "rules/Evaluators.hpp"

#include <set>

namespace igsgov::rules {
namespace {

struct Total {
  long long inwoners = 0;
  int gemeenten = 0;
  std::string peildatum;
};

// Sum over the gemeente members active on the date (OCMW's are not counted twice).
Total totalPopulation(const Context& c) {
  Total t;
  for (const auto* m : gemeentenOn(c)) {
    auto p = refdata::population(c.db, m->nis, c.asOf);
    if (!p) throw NotEvaluable{"geen inwonersaantal gekend voor NIS-code " + m->nis};
    t.inwoners += p->inwoners;
    ++t.gemeenten;
    if (p->peildatum.iso() > t.peildatum) t.peildatum = p->peildatum.iso();
  }
  return t;
}

void populationThreshold(const Context& c) {
  long long min = c.params.integer("min_inwoners");
  if (auto from = c.params.optDate("geldig_vanaf"); from && c.asOf < *from) return;
  Total t = totalPopulation(c);
  if (t.inwoners >= min) return;
  std::string base = "de " + std::to_string(t.gemeenten) + " deelnemende gemeenten tellen samen " + thousands(t.inwoners) +
                     " inwoners (peildatum " + (Date::parse(t.peildatum) ? dutchLongDate(*Date::parse(t.peildatum)) : t.peildatum) +
                     "), minder dan " + thousands(min);
  long long transitionMin = c.params.integer("overgang_min_gemeenten");
  auto transitionUntil = c.params.optDate("overgang_tot");
  bool transitionPossible = transitionMin > 0 && transitionUntil && c.asOf <= *transitionUntil && t.gemeenten >= transitionMin;
  if (transitionPossible && c.params.boolean("aangrenzend")) {
    c.emitAs(Severity::waarschuwing,
             base + "; de overgangsregeling voor minstens " + std::to_string(transitionMin) +
                 " aangrenzende gemeenten geldt tot " + dutchLongDate(*transitionUntil),
             {{"cooperation", c.coop.id}});
  } else if (transitionPossible) {
    c.emit(base + "; de overgangsregeling tot " + dutchLongDate(*transitionUntil) + " geldt alleen als de " +
               std::to_string(t.gemeenten) +
               " gemeenten aangrenzend zijn, en dat is nog niet in het register vastgelegd",
           {{"cooperation", c.coop.id}});
  } else {
    c.emit(base, {{"cooperation", c.coop.id}});
  }
}

void singleReferentieregio(const Context& c) {
  std::set<std::string> regions;
  std::vector<RecordRef> refs;
  for (const auto* m : gemeentenOn(c)) {
    auto g = refdata::findGemeente(c.db, m->nis, c.asOf);
    if (!g) g = refdata::findGemeente(c.db, m->nis);
    // A gemeente whose region is unknown could lie anywhere: no pass on the others alone.
    if (!g || g->referentieregio.empty())
      throw NotEvaluable{"geen referentieregio gekend voor gemeente " + m->name + " (NIS-code " + m->nis + ")"};
    if (regions.insert(g->referentieregio).second) refs.push_back({"member", m->id});
  }
  if (regions.size() > 1) {
    std::string list;
    for (const auto& r : regions) list += (list.empty() ? "" : ", ") + r;
    c.emit("de deelnemende gemeenten liggen in " + std::to_string(regions.size()) + " referentieregio's (" + list + ")",
           refs);
  } else if (regions.size() == 1 && !c.coop.referentieregio.empty() && *regions.begin() != c.coop.referentieregio) {
    c.emit("de deelnemende gemeenten liggen in " + *regions.begin() + ", niet in de geregistreerde referentieregio " +
               c.coop.referentieregio,
           {{"cooperation", c.coop.id}});
  }
}

std::string euro(long long cents) { return finance::formatEuro(finance::Cents{cents}); }

void cofinancing(const Context& c) {
  Total t = totalPopulation(c);
  long long subsidy = std::max(t.inwoners * c.params.integer("subsidie_cent_per_inwoner"), c.params.integer("subsidie_min_cent"));
  long long required = std::max((subsidy * c.params.integer("cofinanciering_procent") + 99) / 100,
                                c.params.integer("cofinanciering_min_cent"));
  std::string context = "Vlaamse subsidie voor " + thousands(t.inwoners) + " inwoners: " + euro(subsidy) +
                        "; vereiste cofinanciering door de gemeenten: minstens " + euro(required);
  auto planned = c.params.optInteger("bijdrage_gemeenten_cent");
  if (!planned)
    c.emit(context + "; de geplande bijdrage van de gemeenten is nog niet in het register vastgelegd",
           {{"cooperation", c.coop.id}});
  else if (*planned < required)
    c.emit(context + "; gepland: " + euro(*planned) + ", te weinig", {{"cooperation", c.coop.id}});
}

void onePerGemeente(const Context& c) {
  std::string domain = c.params.text("domein");
  for (const auto* m : gemeentenOn(c)) {
    for (const auto& other : c.all) {
      if (other.id == c.coop.id || other.domain != domain) continue;
      // A gemeente may join a new one while still in an existing one: an IGS in
      // oprichting does not count against an established one (the reverse is a
      // waarschuwing for the one in oprichting, config in_oprichting).
      if (!c.coop.legalForm.empty() && other.legalForm.empty()) continue;
      for (const auto* o : other.membersOn(c.asOf))
        if (o->kind == "gemeente" && o->nis == m->nis)
          c.emit("gemeente " + m->name + " neemt op " + dutchLongDate(c.asOf) + " ook deel aan " + other.name + " (" + other.id + ")",
                 {{"member", m->id}, {"member", o->id}});
    }
  }
}

}  // namespace

void addPopulationEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"population_threshold",
                 {{"min_inwoners", "integer"}, {"geldig_vanaf", "date?"}, {"overgang_min_gemeenten", "integer"},
                  {"overgang_tot", "date?"}, {"aangrenzend", "boolean"}},
                 populationThreshold});
  out.push_back({"single_referentieregio", {}, singleReferentieregio});
  out.push_back({"cofinancing",
                 {{"subsidie_cent_per_inwoner", "integer"}, {"subsidie_min_cent", "integer"}, {"cofinanciering_procent", "integer"},
                  {"cofinanciering_min_cent", "integer"}, {"bijdrage_gemeenten_cent", "integer?"}},
                 cofinancing});
  out.push_back({"one_per_gemeente", {{"domein", "text"}}, onePerGemeente});
}

}  // namespace igsgov::rules

// Data-integrity evaluators: end >= start, no over-occupied seat, mandates
// inside their body's period, KBO check digit, NIS code valid on the date, one
// reference per decision URI.
// The write operations refuse most of these already; these rules catch data
// that came in another way (older versions, a body corrected afterwards, an
// import from elsewhere) and codes that expired later (the 2025 mergers).
#include "model/Identifiers.hpp"
#include "core/Date.hpp"
#include "refdata/RefData.hpp"
#include "rules/Evaluators.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace igsgov::rules {
namespace {

bool reversed(const Period& p) { return p.from && p.until && *p.until < *p.from; }

void endAfterStart(const Context& c) {
  auto say = [&](const std::string& what, const Period& p, RecordRef ref) {
    c.emit(what + ": de einddatum " + dutchLongDate(*p.until) + " ligt voor de begindatum " + dutchLongDate(*p.from), {ref});
  };
  Period term{c.coop.founded, c.coop.termEnd};
  if (reversed(term)) say("looptijd van " + c.coop.name, term, {"cooperation", c.coop.id});
  for (const auto& m : c.coop.members)
    if (reversed(m.period)) say("deelname van " + m.name, m.period, {"member", m.id});
  for (const auto& b : c.coop.bodies)
    if (reversed(b.period)) say("orgaan " + b.name, b.period, {"body", b.id});
  for (const auto& m : c.coop.mandates)
    if (reversed(m.period)) say("mandaat " + m.id, m.period, {"mandate", m.id});
}

void seatOverlap(const Context& c) {
  for (const auto& s : c.coop.seats) {
    std::vector<const MandateFact*> held;
    for (const auto& m : c.coop.mandates)
      if (m.seatId == s.id && m.period.from) held.push_back(&m);
    for (const auto* start : held) {
      Date day = *start->period.from;
      std::vector<RecordRef> refs;
      for (const auto* m : held)
        if (m->period.activeOn(day)) refs.push_back({"mandate", m->id});
      if (static_cast<long long>(refs.size()) > s.holders) {
        refs.push_back({"seat", s.id});
        c.emit("zetel '" + s.label + "' heeft op " + dutchLongDate(day) + " " + std::to_string(refs.size() - 1) +
                   " houders, meer dan de " + std::to_string(s.holders) + " voorziene",
               refs);
        break;  // one finding per seat
      }
    }
  }
}

void mandateWithinBody(const Context& c) {
  for (const auto& m : c.coop.mandates) {
    auto b = std::find_if(c.coop.bodies.begin(), c.coop.bodies.end(), [&](const BodyFact& x) { return x.id == m.bodyId; });
    if (b == c.coop.bodies.end()) continue;
    bool before = b->period.from && m.period.from && *m.period.from < *b->period.from;
    bool after = b->period.until && (!m.period.until || *m.period.until > *b->period.until);
    if (before || after)
      c.emit("mandaat " + m.id + " (" + (m.period.from ? dutchLongDate(*m.period.from) : "…") + " – " +
                 (m.period.until ? dutchLongDate(*m.period.until) : "…") + ") valt buiten de periode van " + b->name + " (" +
                 (b->period.from ? dutchLongDate(*b->period.from) : "…") + " – " + (b->period.until ? dutchLongDate(*b->period.until) : "…") + ")",
             {{"mandate", m.id}, {"body", b->id}});
  }
}

void kboCheckDigit(const Context& c) {
  if (c.coop.kbo.empty()) return;
  std::string why;
  if (!model::normaliseKbo(c.coop.kbo, why))
    c.emit("KBO-nummer '" + c.coop.kbo + "' is ongeldig: " + why, {{"cooperation", c.coop.id}});
}

void nisInReferenceList(const Context& c) {
  for (const auto* m : c.coop.membersOn(c.asOf)) {
    if (m->nis.empty()) continue;
    if (refdata::findGemeente(c.db, m->nis, c.asOf)) continue;
    std::string msg = "NIS-code " + m->nis + " van deelnemer " + m->name + " is op " + dutchLongDate(c.asOf) + " niet geldig";
    if (auto g = refdata::findGemeente(c.db, m->nis)) {
      if (g->validUntil && *g->validUntil < c.asOf) {
        msg += " (bestaat niet meer sinds " + dutchLongDate(g->validUntil->addDays(1));
        if (!g->successorNis.empty())
          msg += "; opvolger " + g->successorNis + " " + gemeenteName(c.db, g->successorNis, c.asOf);
        msg += ")";
      }
    } else {
      msg += " (onbekende code)";
    }
    c.emit(msg, {{"member", m->id}});
  }
}

// A designation is recorded on each mandate it designates (decision council,
// date, reference, URI; there is no decision record), so one published decision
// appears on several mandates. Its URI names exactly one decision: the same URI
// with two different references means one of them is wrong. Reported, not
// refused at write: correcting the reference of a decision shared by several
// mandates is one revision per mandate, and every revision but the last would
// be refused. One finding per URI, naming every mandate that carries it.
void oneReferencePerDecision(const Context& c) {
  std::map<std::string, std::vector<const MandateFact*>> byUri;
  for (const auto& m : c.coop.mandates)
    if (!m.decisionUri.empty() && !m.decisionRef.empty()) byUri[m.decisionUri].push_back(&m);
  for (const auto& [uri, mandates] : byUri) {
    std::set<std::string> refs;
    for (const auto* m : mandates) refs.insert(m->decisionRef);
    if (refs.size() < 2) continue;
    std::string list;
    for (const auto& r : refs) list += (list.empty() ? "'" : ", '") + r + "'";
    std::vector<RecordRef> records;
    for (const auto* m : mandates) records.push_back({"mandate", m->id});
    c.emit("besluit " + uri + " staat met " + std::to_string(refs.size()) + " verschillende kenmerken (" + list +
               ") bij de mandaten; één besluit heeft één kenmerk",
           records);
  }
}

}  // namespace

void addIntegrityEvaluators(std::vector<EvaluatorSpec>& out) {
  out.push_back({"end_after_start", {}, endAfterStart});
  out.push_back({"seat_overlap", {}, seatOverlap});
  out.push_back({"mandate_within_body", {}, mandateWithinBody});
  out.push_back({"kbo_check_digit", {}, kboCheckDigit});
  out.push_back({"nis_in_reference_list", {}, nisInReferenceList});
  out.push_back({"one_reference_per_decision", {}, oneReferencePerDecision});
}

}  // namespace igsgov::rules

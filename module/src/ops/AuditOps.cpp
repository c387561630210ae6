// audit.verify, audit.journal
#include "core/Error.hpp"
#include "journal/Verifier.hpp"
#include "ops/Catalogue.hpp"
#include "ops/TextRender.hpp"

namespace igsgov::ops {

namespace {
JsonObject verifyOp(store::Database& db, const JsonObject&) {
  auto report = journal::verify(db);
  if (!report.ok) {
    const auto& p = report.problems.front();
    Place place;
    if (p.seq) place.set("journaalregel", std::to_string(p.seq));
    if (!p.table.empty()) place.set("tabel", p.table);
    if (p.rowId) place.set("rij", std::to_string(p.rowId));
    std::string more = report.problems.size() > 1
                           ? " (en nog " + std::to_string(report.problems.size() - 1) + " andere problemen)"
                           : "";
    throw Error(ErrorCode::integrity, "het register is niet intact: " + p.message + more, place);
  }
  auto out = newObject();
  out->set("ok", true);
  out->set("entries", report.entries);
  out->set("rows", report.rows);
  out->set("head_hash", report.headHash);
  return out;
}

JsonObject journalOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "journaal");
  long long from = r.optInteger("from_seq").value_or(1);
  long long limit = r.optInteger("limit").value_or(100);
  auto st = db.prepare(
      "SELECT seq, at, actor, operation, reason, effect_count, hash FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?");
  st.bind(1, from).bind(2, limit);
  auto list = newArray();
  while (st.step()) {
    auto e = newObject();
    e->set("seq", st.integer(0));
    e->set("at", st.text(1));
    e->set("actor", st.text(2));
    e->set("operation", st.text(3));
    if (!st.isNull(4) && !st.text(4).empty()) e->set("reason", st.text(4));
    e->set("effects", st.integer(5));
    e->set("hash", st.text(6));
    list->add(e);
  }
  auto out = newObject();
  out->set("entries", list);
  return out;
}
}  // namespace

void addAuditOperations(Catalogue& c) {
  c.add({.name = "audit.verify",
         .summary = "Controleer de hashketen van het journaal en elke rij van het register ertegen",
         .access = Access::read,
         .roles = kAllRoles,
         .cli = {"audit", "verify"},
         .read = verifyOp,
         .text = verifyText});
  c.add({.name = "audit.journal",
         .summary = "Toon journaalregels (wie, wanneer, welke operatie, waarom)",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"from_seq", "integer", false, "vanaf journaalregel"}, {"limit", "integer", false, "hoeveel (standaard 100)"}},
         .cli = {"audit", "journal"},
         .read = journalOp});
}

}  // namespace igsgov::ops

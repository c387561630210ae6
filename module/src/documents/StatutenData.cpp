// Governing documents (statuten, intern reglement, ...), their versions and
// approvals, read from the tables of migration 0002 (gov_document,
// gov_version, gov_approval) when this register has them. "In werking" here
// is the version whose status is in_werking or vervangen and whose
// effective_from/valid_until cover the date (the governance area's
// document.in-force additionally re-checks the approvals).
#include "documents/DataParts.hpp"
#include "records/Entities.hpp"

namespace igsgov::documents {

namespace {
std::string spaced(std::string code) {
  for (auto& c : code)
    if (c == '_') c = ' ';
  return code;
}

std::string memberName(store::Database& db, const std::string& id) {
  if (id.empty()) return "";
  auto m = records::current(db, records::memberSpec(), id);
  return m ? records::textOf(m->data, "name").value_or(id) : id;
}
}  // namespace

void addStatuten(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf) {
  auto docs = newArray();
  if (tableExists(db, "gov_document") && tableExists(db, "gov_version") && tableExists(db, "gov_approval")) {
    auto d = db.prepare(
        "SELECT id, kind, title FROM gov_document WHERE cooperation_id = ? AND rec_to IS NULL ORDER BY kind, title, id");
    d.bind(1, cooperation);
    while (d.step()) {
      auto doc = newObject();
      std::string docId = d.text(0);
      doc->set("id", docId);
      doc->set("soort", spaced(d.text(1)));
      doc->set("titel", d.text(2));
      auto versions = newArray();
      std::string inForce, inForceFrom;
      auto v = db.prepare(
          "SELECT id, label, status, effective_from, valid_until, submitted FROM gov_version "
          "WHERE document_id = ? AND rec_to IS NULL ORDER BY COALESCE(effective_from, submitted, ''), id");
      v.bind(1, docId);
      while (v.step()) {
        auto ver = newObject();
        std::string status = v.text(2), from = v.text(3), until = v.text(4);
        ver->set("id", v.text(0));
        ver->set("label", v.text(1));
        ver->set("status", spaced(status));
        ver->set("in_werking_vanaf", from);
        ver->set("geldig_tot", until);
        if ((status == "in_werking" || status == "vervangen") && !from.empty() && from <= asOf.iso() &&
            (until.empty() || until >= asOf.iso()) && from >= inForceFrom) {
          inForce = v.text(1);
          inForceFrom = from;
        }
        auto approvals = newArray();
        std::string summary;
        auto a = db.prepare(
            "SELECT member_id, council, decision_date, outcome, decision_ref FROM gov_approval "
            "WHERE version_id = ? AND rec_to IS NULL AND decision_date <= ? ORDER BY decision_date, id");
        a.bind(1, v.text(0)).bind(2, asOf.iso());
        while (a.step()) {
          auto ap = newObject();
          std::string who = spaced(a.text(1));
          std::string member = memberName(db, a.text(0));
          if (!member.empty()) who += " " + member;
          ap->set("raad", who);
          ap->set("datum", a.text(2));
          ap->set("uitkomst", spaced(a.text(3)));
          ap->set("kenmerk", a.text(4));
          approvals->add(ap);
          summary += (summary.empty() ? "" : "; ") + who + " " + a.text(2) + ": " + spaced(a.text(3)) +
                     (a.text(4).empty() ? "" : " (" + a.text(4) + ")");
        }
        ver->set("goedkeuringen", approvals);
        ver->set("goedkeuringen_tekst", summary.empty() ? "nog geen" : summary);
        versions->add(ver);
      }
      doc->set("versies", versions);
      doc->set("in_werking", inForce.empty() ? "geen versie" : "versie " + inForce);
      docs->add(doc);
    }
  }
  data->set("documenten", docs);
  data->set("heeft_documenten", docs->size() > 0);
}

}  // namespace igsgov::documents

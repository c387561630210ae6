// Governing documents (statuten, intern reglement, ...), their versions and
// approvals, read through the governance area as the register knows them now.
// "In werking" is governance's own definition (governance::inForce in
// governance/DocumentQueries.hpp: not an ontwerp, the dates cover the date and
// the approvals are complete on it), so a document never names another
// version than `document.in-force` does.
#include "documents/DataParts.hpp"
#include "governance/DocumentQueries.hpp"
#include "governance/Specs.hpp"
#include "records/Entities.hpp"

#include <algorithm>
#include <tuple>

namespace igsgov::documents {

namespace {
using governance::text;
using records::Version;

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

template <class Key>
void sortBy(std::vector<Version>& list, Key key) {
  std::stable_sort(list.begin(), list.end(), [&](const Version& a, const Version& b) { return key(a) < key(b); });
}

// The approvals of a version decided on or before `asOf`, in date order.
JsonArray approvalsJson(store::Database& db, const Version& version, const Date& asOf, std::string& summary) {
  auto decisions = records::currentAll(db, governance::approvalSpec(), "version_id", version.id);
  sortBy(decisions, [](const Version& a) { return std::make_tuple(text(a, "date"), a.id); });
  auto approvals = newArray();
  for (const auto& a : decisions) {
    if (text(a, "date") > asOf.iso()) continue;
    auto ap = newObject();
    std::string who = spaced(text(a, "council"));
    std::string member = memberName(db, text(a, "member"));
    if (!member.empty()) who += " " + member;
    ap->set("raad", who);
    ap->set("datum", text(a, "date"));
    ap->set("uitkomst", spaced(text(a, "outcome")));
    ap->set("kenmerk", text(a, "decision_ref"));
    approvals->add(ap);
    auto decided = Date::parse(text(a, "date"));  // as Belgians write a date in a table: 27/01/2025
    summary += (summary.empty() ? "" : "; ") + who + " " + (decided ? dutchShortDate(*decided) : text(a, "date")) + ": " +
               spaced(text(a, "outcome")) + (text(a, "decision_ref").empty() ? "" : " (" + text(a, "decision_ref") + ")");
  }
  return approvals;
}

}  // namespace

void addStatuten(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf) {
  auto docs = newArray();
  auto documents = records::currentAll(db, governance::documentSpec(), "cooperation_id", cooperation);
  sortBy(documents, [](const Version& d) { return std::make_tuple(text(d, "kind"), text(d, "title"), d.id); });
  for (const auto& d : documents) {
    auto doc = newObject();
    doc->set("id", d.id);
    doc->set("soort", spaced(text(d, "kind")));
    doc->set("titel", text(d, "title"));
    auto versionList = records::currentAll(db, governance::versionSpec(), "document_id", d.id);
    sortBy(versionList, [](const Version& v) {
      std::string when = text(v, "effective_from");
      return std::make_tuple(when.empty() ? text(v, "submitted") : when, v.id);
    });
    auto versions = newArray();
    for (const auto& v : versionList) {
      auto ver = newObject();
      ver->set("id", v.id);
      ver->set("label", text(v, "label"));
      ver->set("status", spaced(text(v, "status")));
      ver->set("in_werking_vanaf", text(v, "effective_from"));
      ver->set("geldig_tot", text(v, "valid_until"));
      std::string summary;
      ver->set("goedkeuringen", approvalsJson(db, v, asOf, summary));
      ver->set("goedkeuringen_tekst", summary.empty() ? "nog geen" : summary);
      versions->add(ver);
    }
    doc->set("versies", versions);
    auto inForce = governance::inForce(db, d.id, asOf);
    doc->set("in_werking", inForce.version ? "versie " + text(*inForce.version, "label") : std::string("geen versie"));
    docs->add(doc);
  }
  data->set("documenten", docs);
  data->set("heeft_documenten", docs->size() > 0);
}

}  // namespace igsgov::documents

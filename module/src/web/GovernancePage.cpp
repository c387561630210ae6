// The statuten page: per governance document of the IGS its versions as a
// timeline (status, submitted, in force from, approvals complete or not) and
// an approvals matrix of members × versions built from document.history;
// decisions of the IGS's own bodies (no member) get a row per council.
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "core/Timestamp.hpp"
#include "web/Pages.hpp"

#include <map>
#include <set>
#include <vector>

namespace igsgov::web {

namespace {

std::string outcomeShort(const std::string& outcome) {
  if (outcome == "goedgekeurd") return "goedgekeurd";
  if (outcome == "verworpen") return "verworpen";
  if (outcome == "kennisname") return "kennisname";
  return outcome;
}

std::string councilLabel(std::string council) {
  for (char& c : council)
    if (c == '_') c = ' ';
  return council;
}

JsonObject documentView(PageRequest& r, const JsonObject& doc, const JsonObject& igs, const std::string& asOf) {
  std::string docId = text(doc, "id");
  auto hin = newObject();
  hin->set("document", docId);
  auto history = call(r, "document.history", hin);
  auto fin = newObject();
  fin->set("document", docId);
  fin->set("as_of", asOf);
  auto inForce = call(r, "document.in-force", fin);
  std::string inForceId = inForce->isObject("in_force") ? text(inForce->getObject("in_force"), "id") : "";

  auto versionsIn = history->getArray("versions");
  if (!versionsIn) versionsIn = newArray();
  // Rows of the matrix: the members (in register order), then councils without member.
  std::vector<std::pair<std::string, std::string>> rowKeys;  // key, label
  auto members = igs->getArray("members");
  for (std::size_t i = 0; members && i < members->size(); ++i) {
    auto m = members->getObject(static_cast<unsigned>(i));
    rowKeys.emplace_back("m:" + text(m, "id"), text(m, "name"));
  }
  std::map<std::string, std::map<std::string, std::string>> cells;  // row key -> version -> text
  std::map<std::string, std::set<std::string>> missing;              // row key -> versions still waiting for it
  auto versions = newArray();
  auto columns = newArray();
  for (std::size_t i = 0; i < versionsIn->size(); ++i) {
    auto v = versionsIn->getObject(static_cast<unsigned>(i));
    std::string vid = text(v, "id");
    auto approvals = v->getArray("approvals");
    for (std::size_t k = 0; approvals && k < approvals->size(); ++k) {
      auto a = approvals->getObject(static_cast<unsigned>(k));
      std::string key = text(a, "member").empty() ? "c:" + text(a, "council") : "m:" + text(a, "member");
      bool known = false;
      for (const auto& rk : rowKeys) known = known || rk.first == key;
      if (!known) rowKeys.emplace_back(key, text(a, "member").empty() ? councilLabel(text(a, "council")) : text(a, "member"));
      std::string& cell = cells[key][vid];
      cell += (cell.empty() ? "" : "; ") + outcomeShort(text(a, "outcome")) + " " + dateNl(text(a, "date"));
    }
    auto pin = newObject();
    pin->set("version_id", vid);
    pin->set("as_of", asOf);
    std::string approvalsState;
    try {
      auto pending = call(r, "approval.pending", pin);
      bool complete = pending->has("complete") && pending->getValue<bool>("complete");
      auto waiting = pending->getArray("pending");
      for (std::size_t k = 0; !complete && waiting && k < waiting->size(); ++k)
        missing["m:" + text(waiting->getObject(static_cast<unsigned>(k)), "member")].insert(vid);
      approvalsState = complete ? "volledig" : "onvolledig: " + text(pending, "missing") + " ontbreekt";
      if (pending->isObject("rule"))
        approvalsState += " (regel: " + text(pending->getObject("rule"), "label") + ")";
    } catch (const Error& e) {
      approvalsState = "niet te bepalen: " + std::string(e.message());
    }
    auto row = newObject();
    row->set("id", vid);
    row->set("label", text(v, "label"));
    row->set("status", text(v, "status_label").empty() ? text(v, "status") : text(v, "status_label"));
    row->set("submitted", dateNl(text(v, "submitted")));
    row->set("effective_from", dateNl(text(v, "effective_from")));
    row->set("in_force", vid == inForceId);
    row->set("approvals", approvalsState);
    versions->add(row);
    auto col = newObject();
    col->set("label", text(v, "label"));
    columns->add(col);
  }
  auto rows = newArray();
  for (const auto& [key, label] : rowKeys) {
    auto row = newObject();
    row->set("label", label);
    auto rc = newArray();
    for (std::size_t i = 0; i < versionsIn->size(); ++i) {
      std::string vid = text(versionsIn->getObject(static_cast<unsigned>(i)), "id");
      auto c = newObject();
      std::string t = cells.count(key) && cells[key].count(vid) ? cells[key][vid] : "";
      // A missing approval is red with a mark and a word; one that is not needed stays neutral.
      bool waits = t.empty() && missing.count(key) && missing[key].count(vid);
      c->set("text", waits ? "ontbreekt" : t.empty() ? "niet nodig" : t);
      c->set("state", waits ? "ontbreekt" : t.empty() ? "niet-nodig" : t.rfind("goedgekeurd", 0) == 0 ? "ja" : t.rfind("verworpen", 0) == 0 ? "nee" : "info");
      rc->add(c);
    }
    row->set("cells", rc);
    rows->add(row);
  }
  auto view = newObject();
  view->set("title", text(doc, "title"));
  view->set("kind", text(doc, "kind_label").empty() ? text(doc, "kind") : text(doc, "kind_label"));
  view->set("versions", versions);
  view->set("columns", columns);
  view->set("rows", rows);
  view->set("has_versions", versions->size() > 0);
  std::string inForceLabel = "geen versie";
  if (inForce->isObject("in_force")) inForceLabel = text(inForce->getObject("in_force"), "label");
  view->set("in_force_label", inForceLabel);
  return view;
}

}  // namespace

PageResult statutenPage(PageRequest& r) {
  auto igs = loadIgs(r);
  auto asOf = dateField(r.fields, "datum");
  std::string asOfIso = asOf ? *asOf : today(r).iso();
  auto lin = newObject();
  lin->set("cooperation", text(igs, "id"));
  auto list = call(r, "document.list", lin)->getArray("documents");
  auto docs = newArray();
  // Statuten first, then the other governance documents in register order.
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      auto d = list->getObject(static_cast<unsigned>(i));
      if ((text(d, "kind") == "statuten") == (pass == 0)) docs->add(documentView(r, d, igs, asOfIso));
    }
  PageResult p;
  p.view = "statuten";
  p.title = "Statuten en goedkeuringen – " + text(igs, "name");
  p.igs = text(igs, "id");
  p.tab = "statuten";
  p.data = newObject();
  p.data->set("igs_name", text(igs, "name"));
  p.data->set("documents", docs);
  p.data->set("empty", docs->size() == 0);
  p.data->set("as_of", asOfIso);
  p.data->set("as_of_nl", dateNl(asOfIso));
  p.data->set("printed_nl", timeNl(r, formatTimestamp(instant(r))));
  return p;
}

}  // namespace igsgov::web

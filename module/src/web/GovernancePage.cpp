// The statuten page: per governance document of the IGS its versions as a
// timeline (status, submitted, in force from, approvals complete or not) and
// an approvals matrix of members × versions built from document.history and
// approval.pending: a decision shows its outcome and date; no decision where
// the rule needs one is "ontbreekt" (red, a cross, and a link to record it
// when the user may); no decision where none is needed is "niet vereist"
// (grey). Decisions of the IGS's own bodies (no member) get a row per council.
// The forms behind the links: GovernanceForms.cpp; the comparison:
// GovernanceCompare.cpp.
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
  auto addRow = [&](const std::string& key, const std::string& label) {
    for (const auto& rk : rowKeys)
      if (rk.first == key) return;
    rowKeys.emplace_back(key, label);
  };
  std::map<std::string, std::map<std::string, std::string>> cells;  // row key -> version -> text
  std::map<std::string, std::set<std::string>> required;            // row key -> versions that need its approval
  const std::string igsBase = "/intranet/igs/" + segment(text(igs, "id")) + "/statuten";
  bool mayDecide = mayCall(r, "approval.record", text(igs, "id"));
  bool mayStatus = mayCall(r, "document.status", text(igs, "id"));
  bool mayCorrect = mayCall(r, "document.correct", text(igs, "id"));
  auto versions = newArray();
  auto columns = newArray();
  for (std::size_t i = 0; i < versionsIn->size(); ++i) {
    auto v = versionsIn->getObject(static_cast<unsigned>(i));
    std::string vid = text(v, "id");
    auto approvals = v->getArray("approvals");
    for (std::size_t k = 0; approvals && k < approvals->size(); ++k) {
      auto a = approvals->getObject(static_cast<unsigned>(k));
      std::string key = text(a, "member").empty() ? "c:" + text(a, "council") : "m:" + text(a, "member");
      addRow(key, text(a, "member").empty() ? councilLabel(text(a, "council")) : text(a, "member"));
      std::string& cell = cells[key][vid];
      cell += (cell.empty() ? "" : "; ") + outcomeShort(text(a, "outcome")) + " " + dateNl(text(a, "date"));
    }
    auto pin = newObject();
    pin->set("version_id", vid);
    pin->set("as_of", asOf);
    std::string approvalsState;
    bool complete = false;
    try {
      auto pending = call(r, "approval.pending", pin);
      complete = pending->has("complete") && pending->getValue<bool>("complete");
      approvalsState = complete ? "volledig" : "onvolledig: " + text(pending, "missing") + " ontbreekt";
      if (pending->isObject("rule"))
        approvalsState += " (regel: " + text(pending->getObject("rule"), "label") + ")";
      auto approvers = pending->getArray("approvers");
      for (std::size_t k = 0; approvers && k < approvers->size(); ++k) {
        auto a = approvers->getObject(static_cast<unsigned>(k));
        std::string key = text(a, "member").empty() ? "o:" + text(a, "name") : "m:" + text(a, "member");
        if (text(a, "member").empty() && a->isObject("decision"))
          key = "c:" + text(a->getObject("decision"), "council");
        else if (text(a, "member").empty())
          addRow(key, text(a, "name"));
        required[key].insert(vid);
      }
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
    row->set("complete", complete);
    row->set("decide_href", igsBase + "/versies/" + segment(vid) + "/besluit");
    row->set("status_href", igsBase + "/versies/" + segment(vid) + "/status");
    row->set("may_decide", mayDecide && text(v, "status") != "ontwerp");
    row->set("may_status", mayStatus);
    row->set("correct_href", igsBase + "/versies/" + segment(vid) + "/verbeteren");
    row->set("may_correct", mayCorrect);
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
      bool needed = required.count(key) && required[key].count(vid);
      std::string state = !t.empty()                       ? (t.rfind("goedgekeurd", 0) == 0  ? "ja"
                                                              : t.rfind("verworpen", 0) == 0 ? "nee"
                                                                                             : "info")
                          : needed ? "ontbreekt"
                                   : "niet-vereist";
      // The words say it (not only the colour); the style sheet adds ✓ / ✗ before them.
      c->set("text", t.empty() ? (needed ? "ontbreekt" : "niet vereist") : t);
      c->set("state", state);
      c->set("missing", state == "ontbreekt");
      std::string status = text(versionsIn->getObject(static_cast<unsigned>(i)), "status");
      c->set("may_decide", state == "ontbreekt" && mayDecide && status != "ontwerp" && key.rfind("m:", 0) == 0);
      c->set("decide_href", igsBase + "/versies/" + segment(vid) + "/besluit?deelnemer=" + segment(key.substr(2)));
      rc->add(c);
    }
    row->set("cells", rc);
    rows->add(row);
  }
  auto view = newObject();
  view->set("id", docId);
  view->set("upload_href", igsBase + "/" + segment(docId) + "/versie");
  view->set("may_upload", mayCall(r, "document.add-version", text(igs, "id")));
  view->set("compare_href", igsBase + "/vergelijk");
  view->set("may_compare", versions->size() > 1);
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

// The confirmation after a form's 303 (?gedaan=...): only known words, never the query's text.
std::string noticeText(const std::string& done) {
  if (done == "document") return "Het document is geregistreerd.";
  if (done == "versie") return "De nieuwe versie is opgeladen en geregistreerd.";
  if (done == "besluit") return "Het besluit is geregistreerd.";
  if (done == "status") return "De status is gewijzigd.";
  if (done == "verbeterd") return "De gegevens van de versie zijn verbeterd; de reden staat in het journaal.";
  return "";
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
  p.data->set("may_create", mayCall(r, "document.create", text(igs, "id")));
  p.data->set("create_href", "/intranet/igs/" + segment(text(igs, "id")) + "/statuten/nieuw");
  p.data->set("notice", noticeText(field(r.fields, "gedaan")));
  p.data->set("has_notice", !noticeText(field(r.fields, "gedaan")).empty());
  return p;
}

}  // namespace igsgov::web

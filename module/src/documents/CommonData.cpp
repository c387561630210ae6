#include "core/Error.hpp"
#include "documents/DataParts.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"
#include "refdata/RefData.hpp"

#include <algorithm>

namespace igsgov::documents {

JsonObject verbandJson(store::Database& db, const std::string& cooperation, const Date& asOf) {
  auto c = records::current(db, records::cooperationSpec(), cooperation);
  if (!c) throwNotFound("onbekend samenwerkingsverband '" + cooperation + "'", Place().set("field", "cooperation"));
  auto text = [&](const char* k) { return records::textOf(c->data, k).value_or(""); };
  auto v = newObject();
  v->set("id", cooperation);
  v->set("naam", text("name"));
  v->set("rechtsvorm", text("legal_form"));
  v->set("rechtsvorm_label", model::legalForms().label(text("legal_form")));
  v->set("domein", model::domains().label(text("domain")));
  v->set("kbo", text("kbo"));
  std::string seat;
  if (!text("seat_nis").empty())
    if (auto g = refdata::findGemeente(db, text("seat_nis"), asOf)) seat = g->name;
  v->set("zetel", seat);
  v->set("zetel_nis", text("seat_nis"));
  v->set("referentieregio", text("referentieregio"));
  v->set("opgericht", text("founded"));
  v->set("einde_looptijd", text("term_end"));
  return v;
}

std::vector<MemberRef> activeMembers(store::Database& db, const std::string& cooperation, const Date& asOf) {
  std::vector<MemberRef> out;
  for (const auto& v : records::currentAll(db, records::memberSpec(), "cooperation_id", cooperation)) {
    auto from = records::dateOf(v.data, "from");
    auto until = records::dateOf(v.data, "until");
    if ((from && asOf < *from) || (until && *until < asOf)) continue;
    MemberRef m;
    m.id = v.id;
    m.nis = records::textOf(v.data, "nis").value_or("");
    m.name = records::textOf(v.data, "name").value_or(m.id);
    m.kind = records::textOf(v.data, "kind").value_or("");
    m.partnerKind = records::textOf(v.data, "partner_kind").value_or("");
    m.from = records::textOf(v.data, "from").value_or("");
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const MemberRef& a, const MemberRef& b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });
  return out;
}

const MemberRef* findMember(const std::vector<MemberRef>& members, const std::string& idOrNis, const Place& place) {
  for (const auto& m : members)
    if (m.id == idOrNis) return &m;
  std::vector<const MemberRef*> byNis;
  for (const auto& m : members)
    if (!m.nis.empty() && m.nis == idOrNis) byNis.push_back(&m);
  if (byNis.size() > 1) {
    std::string which;
    for (const auto* m : byNis)
      which += (which.empty() ? "" : ", ") + m->id + " (" + m->name + ", " + model::memberKinds().label(m->kind) + ")";
    throwInvalid("NIS-code " + idOrNis + " hoort bij meer dan één deelnemer: " + which + "; geef het deelnemer-id", place);
  }
  return byNis.empty() ? nullptr : byNis.front();
}

std::string dutchList(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " en " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace igsgov::documents

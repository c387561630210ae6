#include "sync/Proposals.hpp"

#include "adapters/sparql/DesignationQuery.hpp"
#include "adapters/sparql/EndpointSet.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "records/Entities.hpp"
#include "records/EntityTable.hpp"
#include "records/Mandates.hpp"
#include "records/Organisation.hpp"
#include "sync/TargetConfig.hpp"

#include <sstream>

namespace igsgov::sync {

namespace {

struct Stored {
  long long rowId = 0;
  std::string id, source, endpoint, data, status, decision, mandateId, personId, recFrom;
};

std::optional<Stored> currentProposal(store::Database& db, const std::string& id) {
  auto st = db.prepare(
      "SELECT row_id, id, source, endpoint, data, status, decision, mandate_id, person_id, rec_from FROM sparql_proposal "
      "WHERE id = ? AND rec_to IS NULL");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return Stored{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4),
                st.text(5),    st.text(6), st.text(7), st.text(8), st.text(9)};
}

store::Value opt(const std::string& s) { return s.empty() ? store::Value{} : store::Value{s}; }

void insert(records::Writer& w, const Stored& s) {
  w.journal().insertRow("sparql_proposal", {{"id", s.id},
                                            {"source", s.source},
                                            {"endpoint", s.endpoint},
                                            {"data", s.data},
                                            {"status", s.status},
                                            {"decision", opt(s.decision)},
                                            {"mandate_id", opt(s.mandateId)},
                                            {"person_id", opt(s.personId)},
                                            {"rec_from", w.at()},
                                            {"jseq", w.journal().seq()}});
}

Place proposalPlace(const std::string& id, const std::string& field) { return recordField("voorstel", id, field); }

Stored requirePending(store::Database& db, const std::string& id) {
  auto s = currentProposal(db, id);
  if (!s) throwNotFound("onbekend voorstel '" + id + "' (zie 'igsgov sparql list')", proposalPlace(id, "id"));
  if (s->status != "pending")
    throwConflict("voorstel is al " + std::string(s->status == "accepted" ? "aanvaard" : "afgewezen"), proposalPlace(id, "status"));
  return *s;
}

std::string str(const JsonObject& o, const std::string& key) {
  if (o.isNull() || !o->has(key) || o->isNull(key)) return "";
  return o->getValue<std::string>(key);
}

JsonObject obj(const JsonObject& o, const std::string& key) {
  if (o.isNull() || !o->has(key) || o->isNull(key)) return JsonObject();
  return o->getObject(key);
}

std::string normalise(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* prefix : {"gemeente ", "stad "})
    if (s.rfind(prefix, 0) == 0) s = s.substr(std::string(prefix).size());
  return s;
}

}  // namespace

std::string proposalId(const std::string& sourceUri) { return "lblod-" + sha256Hex(sourceUri).substr(0, 16); }

JsonObject fetchProposals(records::Register& reg, const JsonObject& in, const records::WriteInfo& info) {
  Reader r(in, "SPARQL-bron");
  auto sources = adapters::sparql::EndpointSet::load(
      configBesideRegister(r.optStr("config"), "IGSGOV_SPARQL_CONFIG", "sparql.json", reg.path()));
  std::string name = r.str("source");
  const auto& config = sources.source(name);
  auto query = newObject();
  query->set("source", config.toJson());
  if (auto igs = r.optStr("igs")) query->set("igs", *igs);
  if (auto body = r.optStr("body_iri")) query->set("body", *body);
  // The network read happens here, outside any register transaction: a slow or
  // silent source delays only this call, never another writer.
  auto result = adapters::sparql::proposalsOperation(query);
  auto journalInput = newObject();
  journalInput->set("source", name);
  journalInput->set("endpoint", config.endpoint);
  if (query->has("igs")) journalInput->set("igs", query->get("igs"));
  if (query->has("body")) journalInput->set("body_iri", query->get("body"));
  return reg.write(info, journalInput, [&](records::Writer& w) { return storeProposals(w, result); });
}

JsonObject storeProposals(records::Writer& w, const JsonObject& result) {
  std::string endpoint = result->getValue<std::string>("endpoint");
  auto proposals = result->getArray("proposals");
  int added = 0, updated = 0, unchanged = 0, changedAfterDecision = 0;
  auto ids = newArray();
  for (std::size_t i = 0; i < proposals->size(); ++i) {
    auto p = proposals->getObject(static_cast<unsigned>(i));
    std::string src = p->getValue<std::string>("source");
    std::string id = proposalId(src);
    std::string data = canonicalJson(p);
    ids->add(id);
    auto cur = currentProposal(w.db(), id);
    if (cur && cur->data == data) {
      ++unchanged;
      continue;
    }
    if (cur && cur->status != "pending") {
      ++changedAfterDecision;
      continue;
    }
    if (cur) {
      w.journal().closeRow("sparql_proposal", cur->rowId);
      ++updated;
    } else {
      ++added;
    }
    insert(w, Stored{0, id, src, endpoint, data, "pending", "", "", "", ""});
  }
  auto out = newObject();
  out->set("endpoint", endpoint);
  out->set("count", static_cast<int>(proposals->size()));
  out->set("added", added);
  out->set("updated", updated);
  out->set("unchanged", unchanged);
  out->set("changed_after_decision", changedAfterDecision);
  out->set("ids", ids);
  return out;
}

JsonObject listProposals(store::Database& db, const JsonObject& in) {
  Reader r(in, "voorstellen");
  auto status = r.optOneOf("status", {"pending", "accepted", "rejected"});
  std::string sql = "SELECT id, status, data, decision, mandate_id, person_id, rec_from FROM sparql_proposal WHERE rec_to IS NULL";
  if (status) sql += " AND status = ?";
  sql += " ORDER BY id";
  auto st = db.prepare(sql);
  if (status) st.bind(1, *status);
  auto arr = newArray();
  while (st.step()) {
    auto o = newObject();
    o->set("id", st.text(0));
    o->set("status", st.text(1));
    o->set("proposal", parseJsonObject(st.text(2)));
    if (!st.isNull(3)) o->set("decision", st.text(3));
    if (!st.isNull(4)) o->set("mandate", st.text(4));
    if (!st.isNull(5)) o->set("person", st.text(5));
    o->set("recorded", st.text(6));
    arr->add(o);
  }
  auto out = newObject();
  out->set("proposals", arr);
  return out;
}

JsonObject acceptProposal(records::Writer& w, const JsonObject& in) {
  Reader r0(in, "voorstel");
  std::string id = r0.str("id");
  Reader r(in, "voorstel", id);
  auto& db = w.db();
  Stored s = requirePending(db, id);
  auto p = parseJsonObject(s.data);
  std::string body = r.str("body");
  auto bodyVersion = records::current(db, records::bodySpec(), body);
  if (!bodyVersion) throwNotFound("onbekend orgaan '" + body + "'", proposalPlace(id, "body"));

  // The person: given, found by URI, or created from the proposal.
  auto person = obj(p, "person");
  std::string personUri = str(person, "uri");
  std::string personId = r.optStr("person").value_or("");
  bool personCreated = false;
  if (personId.empty()) {
    for (const auto& v : records::currentAll(db, records::personSpec(), "uri", personUri))
      if (!personUri.empty()) personId = v.id;
  }
  if (personId.empty()) {
    std::string name = str(person, "name");
    if (name.empty()) r.fail("person", "het voorstel heeft geen naam; geef een bestaande persoon op met --person");
    personId = "p-" + sha256Hex(personUri.empty() ? s.source : personUri).substr(0, 12);
    auto pin = newObject();
    pin->set("id", personId);
    pin->set("name", name);
    if (!personUri.empty()) pin->set("uri", personUri);
    records::personCreate(w, pin);
    personCreated = true;
  } else if (!records::current(db, records::personSpec(), personId)) {
    throwNotFound("onbekende persoon '" + personId + "'", proposalPlace(id, "person"));
  }

  std::string role = r.optStr("role").value_or(str(p, "role"));
  if (role.empty()) r.fail("role", "de rol van dit voorstel is onbekend; geef ze op met --role");
  std::string from = r.optStr("from").value_or(str(p, "start"));
  if (from.empty() || !Date::parse(from)) r.fail("from", "het voorstel heeft geen geldige begindatum; geef ze op met --from");

  auto m = newObject();
  std::string mandateId = r.optStr("mandate").value_or("m-" + id);
  m->set("id", mandateId);
  m->set("person", personId);
  m->set("body", body);
  if (auto seat = r.optStr("seat")) m->set("seat", *seat);
  m->set("role", role);
  m->set("from", from);
  std::string end = str(p, "end");
  if (!end.empty() && Date::parse(end)) m->set("until", end);
  auto status = obj(p, "status");
  if (std::string code = str(status, "code"); !code.empty()) m->set("status", code);
  if (std::string fr = str(obj(p, "fractie"), "name"); !fr.empty()) m->set("fractie", fr);

  // The member that designated: given, or the member whose name matches the gemeente.
  std::string member = r.optStr("member").value_or("");
  if (member.empty()) {
    std::string gemeente = normalise(str(obj(p, "member_gemeente"), "name"));
    std::string coop = records::textOf(bodyVersion->data, "cooperation").value_or("");
    if (!gemeente.empty())
      for (const auto& v : records::currentAll(db, records::memberSpec(), "cooperation_id", coop))
        if (normalise(records::textOf(v.data, "name").value_or("")) == gemeente) member = v.id;
  }
  if (!member.empty()) m->set("member", member);

  if (auto d = obj(p, "decision"); !d.isNull()) {
    auto dec = newObject();
    std::string council = str(obj(d, "council"), "name");
    if (!council.empty()) dec->set("council", council);
    if (std::string date = str(d, "date"); !date.empty()) dec->set("date", date);
    if (std::string ref = str(d, "reference"); !ref.empty()) dec->set("reference", ref);
    if (std::string uri = str(d, "uri"); !uri.empty()) dec->set("uri", uri);
    m->set("decision", dec);
  }
  auto mandate = records::mandateAppoint(w, m);

  w.journal().closeRow("sparql_proposal", s.rowId);
  s.status = "accepted";
  s.mandateId = mandateId;
  s.personId = personId;
  s.decision = r.optStr("reason").value_or("");
  insert(w, s);
  auto out = newObject();
  out->set("id", id);
  out->set("status", "accepted");
  out->set("person", personId);
  out->set("person_created", personCreated);
  out->set("mandate", mandate);
  return out;
}

JsonObject rejectProposal(records::Writer& w, const JsonObject& in) {
  Reader r0(in, "voorstel");
  std::string id = r0.str("id");
  Reader r(in, "voorstel", id);
  std::string reason = r.str("reason");
  Stored s = requirePending(w.db(), id);
  w.journal().closeRow("sparql_proposal", s.rowId);
  s.status = "rejected";
  s.decision = reason;
  insert(w, s);
  auto out = newObject();
  out->set("id", id);
  out->set("status", "rejected");
  out->set("reason", reason);
  return out;
}

std::string proposalsText(const JsonObject& out) {
  std::ostringstream s;
  auto arr = out->getArray("proposals");
  if (arr->size() == 0) s << "Geen voorstellen.\n";
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto o = arr->getObject(static_cast<unsigned>(i));
    auto p = o->getObject("proposal");
    s << o->getValue<std::string>("id") << " [" << o->getValue<std::string>("status") << "] "
      << str(obj(p, "person"), "name") << ": " << (str(p, "role").empty() ? "rol onbekend" : str(p, "role")) << " in "
      << str(obj(p, "body"), "name") << " (" << str(obj(p, "igs"), "name") << ") vanaf " << str(p, "start");
    if (std::string g = str(obj(p, "member_gemeente"), "name"); !g.empty()) s << ", aangeduid door " << g;
    s << "\n";
  }
  return s.str();
}

}  // namespace igsgov::sync

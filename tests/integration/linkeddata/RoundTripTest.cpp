// Round trip: what register.export publishes (Turtle, loaded into a real
// Virtuoso by checks.sh roundtrip) is read back by the project's own SPARQL
// designation query (adapters/sparql/DesignationQuery), and must give exactly
// the designations of the register: the same mandatarissen, persons (URI and
// name), IGS, body, role, start, end, status, fractie and designating decision
// (URI, reference, date, council), and no others.
//
// IGSGOV_SPARQL_ENDPOINT: the endpoint; IGSGOV_SPARQL_GRAPH: the graph holding the exports;
// IGSGOV_LD_CASES: "BASE|INTERCHANGE.json;..."
// (the base URI each register was exported under and its interchange export).
#include "adapters/sparql/DesignationQuery.hpp"
#include "adapters/sparql/LblodVocabulary.hpp"
#include "core/Json.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Percent-encoding of one path segment, written here independently of linkeddata/Iris.cpp.
std::string seg(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '_' || c == '~' || c == '-') out += static_cast<char>(c);
    else {
      char b[4];
      std::snprintf(b, sizeof b, "%%%02X", c);
      out += b;
    }
  }
  return out;
}

// An IRI from register text: the characters an IRI may not hold, percent-encoded.
std::string iriOf(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7F || std::string("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string::npos) {
      char b[4];
      std::snprintf(b, sizeof b, "%%%02X", c);
      out += b;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string str(const JsonObject& o, const char* f) {
  return !o.isNull() && o->has(f) && o->get(f).isString() ? o->getValue<std::string>(f) : std::string();
}

std::vector<JsonObject> list(const JsonObject& o, const char* f) {
  std::vector<JsonObject> out;
  if (o.isNull() || !o->has(f)) return out;
  auto a = o->getArray(f);
  for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getObject(static_cast<unsigned>(i)));
  return out;
}

// One designation as a line of text, the same way from both sides, so a
// difference shows as a readable diff in the test output.
std::string line(const std::string& mandataris, const std::string& person, const std::string& name,
                 const std::string& igs, const std::string& legalForm, const std::string& body,
                 const std::string& role, const std::string& start, const std::string& end,
                 const std::string& status, const std::string& fractie, const std::string& decision,
                 const std::string& flags) {
  return mandataris + " | " + person + " | " + name + " | " + igs + " | " + legalForm + " | " + body + " | " +
         role + " | " + start + ".." + end + " | " + status + " | " + fractie + " | " + decision + " | " + flags;
}

std::map<std::string, std::string> expectedFrom(const std::string& base, const JsonObject& doc) {
  std::map<std::string, JsonObject> persons, members;
  std::map<std::string, std::pair<JsonObject, JsonObject>> bodies;  // body, its cooperation
  for (const auto& p : list(doc, "persons")) persons[str(p, "id")] = p;
  for (const auto& c : list(doc, "cooperations")) {
    for (const auto& m : list(c, "members")) members[str(m, "id")] = m;
    for (const auto& b : list(c, "bodies")) bodies[str(b, "id")] = {b, c};
  }
  const std::set<std::string> lblodForms = {"projectvereniging", "dienstverlenende_vereniging",
                                            "opdrachthoudende_vereniging",
                                            "opdrachthoudende_vereniging_private_deelname", "welzijnsvereniging"};
  std::map<std::string, std::string> out;
  for (const auto& m : list(doc, "mandates")) {
    if (m->has("retracted") && m->getValue<bool>("retracted")) continue;
    std::string mandataris = base + "mandatarissen/" + seg(str(m, "id"));
    JsonObject p = persons.at(str(m, "person"));
    std::string person = str(p, "uri").empty() ? base + "personen/" + seg(str(p, "id")) : iriOf(str(p, "uri"));
    auto [body, coop] = bodies.at(str(m, "body"));
    std::string form = str(coop, "legal_form");
    std::string status = str(m, "status").empty() ? "effectief" : str(m, "status");
    if (status == "beeindigd") status = "";  // no MandatarisStatusCode: not published
    std::string decision, flags;
    if (m->has("decision")) {
      JsonObject d = m->getObject("decision");
      JsonObject member = members[str(m, "member")];
      bool byGemeente = str(member, "kind") == "gemeente";
      // The council: the member's gemeenteraad (label "Gemeenteraad <gemeente>", checked
      // against the gemeente read back below), else the register's own text.
      decision = (str(d, "uri").empty() ? "(igsgov)" : iriOf(str(d, "uri"))) + " " + str(d, "reference") + " " +
                 str(d, "date") + " " + (byGemeente ? "gemeenteraad van lid " + str(member, "nis") : str(d, "council"));
      if (!byGemeente) flags = "decision_not_by_council";
    } else {
      flags = "no_decision";
    }
    out[mandataris] = line(mandataris, person, str(p, "name"), str(coop, "name"),
                           lblodForms.count(form) ? form : "-", str(body, "name").empty() ? "?" : str(body, "name"),
                           str(m, "role"), str(m, "from"), str(m, "until"), status, str(m, "fractie"), decision,
                           flags);
  }
  return out;
}

std::map<std::string, std::string> readBack(const std::string& base, const std::vector<ProposedDesignation>& all,
                                            const JsonObject& doc) {
  std::map<std::string, std::string> nisOf;  // gemeente name -> NIS, from the council it names
  std::map<std::string, std::string> out;
  for (const auto& p : all) {
    if (p.source.compare(0, base.size(), base) != 0) continue;
    std::string decision;
    if (!p.decisions.empty()) {
      const DecisionRef& d = p.decisions.front();
      bool own = d.uri.compare(0, base.size(), base) == 0;
      std::string council = d.council.label;
      if (d.byGemeenteraad()) {
        EXPECT_EQ(d.council.label, "Gemeenteraad " + d.gemeente.label) << p.source;
        // the gemeente's URI ends in its NIS code (B gemeenten/<nis>)
        council = "gemeenteraad van lid " + d.gemeente.uri.substr(d.gemeente.uri.rfind('/') + 1);
      }
      decision = (own ? "(igsgov)" : d.uri) + " " + d.reference + " " + (d.sessionDate ? d.sessionDate->iso() : "") +
                 " " + council;
    }
    std::string flags;
    for (Flag f : p.flags) flags += std::string(flags.empty() ? "" : ",") + flagCode(f);
    // Bodies without a name of their own are published under their type's label.
    std::string body = p.body.label;
    for (const auto& c : list(doc, "cooperations"))
      for (const auto& b : list(c, "bodies"))
        if (p.body.uri == base + "bestuursorganen/" + seg(str(b, "id")) && str(b, "name").empty()) body = "?";
    out[p.source] = line(p.source, p.personUri, p.personName(), p.igs.label, p.legalForm.value_or("-"), body,
                         p.role ? roleName(*p.role) : "?", p.start ? p.start->iso() : "?",
                         p.end ? p.end->iso() : "", p.status.value_or(""), p.fractie.label, decision, flags);
  }
  return out;
}

std::string dump(const std::map<std::string, std::string>& m) {
  std::string s;
  for (const auto& [k, v] : m) s += v + "\n";
  return s;
}

TEST(LinkedDataRoundTrip, DesignationQueryReadsBackExactlyWhatWasExported) {
  ASSERT_FALSE(env("IGSGOV_SPARQL_ENDPOINT").empty()) << "run through checks.sh roundtrip";
  std::string cases = env("IGSGOV_LD_CASES");
  ASSERT_FALSE(cases.empty());
  // Only the graph the exports were loaded into: the server may also hold the SPARQL tests' fixture.
  ASSERT_FALSE(env("IGSGOV_SPARQL_GRAPH").empty());
  SparqlClient client(EndpointConfig::fromJsonText(R"({"endpoint": ")" + env("IGSGOV_SPARQL_ENDPOINT") +
                                                   R"(", "graph": ")" + env("IGSGOV_SPARQL_GRAPH") +
                                                   R"(", "timeout_s": 60})"));
  auto proposals = readProposals(client, {});
  std::stringstream ss(cases);
  std::string item;
  int checked = 0;
  while (std::getline(ss, item, ';')) {
    auto bar = item.find('|');
    std::string base = item.substr(0, bar);
    std::ifstream in(item.substr(bar + 1));
    std::stringstream text;
    text << in.rdbuf();
    JsonObject doc = parseJsonObject(text.str(), item.substr(bar + 1));
    auto expected = expectedFrom(base, doc);
    auto actual = readBack(base, proposals, doc);
    EXPECT_GT(expected.size(), 0u) << base;
    EXPECT_EQ(dump(actual), dump(expected)) << "register exported under " << base;
    checked += static_cast<int>(expected.size());
  }
  std::cout << checked << " designations read back\n";
}

}  // namespace

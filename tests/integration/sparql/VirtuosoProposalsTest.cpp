// The SPARQL adapter against a real Virtuoso loaded with
// tests/fixtures/sparql/igs-mandaten.ttl (started by run-with-virtuoso.sh,
// which sets IGSGOV_SPARQL_ENDPOINT). The expectations below are the intent
// written in the fixture's header, typed by hand: not captured output.
#include "adapters/sparql/DesignationQuery.hpp"
#include "adapters/sparql/EndpointSet.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

const std::string fx = "https://igsgov.example/fixture/id/";
const std::string kIgs = fx + "igs-cultuur-leiestreek";

std::string endpoint() {
  const char* e = std::getenv("IGSGOV_SPARQL_ENDPOINT");
  return e ? e : "";
}

EndpointConfig config(const std::string& extra = "") {
  return EndpointConfig::fromJsonText(R"({"endpoint": ")" + endpoint() + R"(", "timeout_s": 60)" + extra + "}");
}

struct Expected {
  std::string mandataris;
  std::string name;
  std::optional<std::string> role;
  std::string roleLabel;
  std::string start;
  std::string end;  // "" = open
  std::string status;
  std::string fractie;
  std::string gemeente;  // "" = no decision
  std::string besluit;
  std::string date;
  std::string reference;
  std::string council;
  std::set<std::string> flags;
};

// Sorted as the adapter sorts: IGS, body, family name, given name, start.
const std::vector<Expected> kIntent = {
    {"mandataris-1", "Anneke Claeys (fictief)", "voorzitter", "Voorzitter van de raad van bestuur", "2025-03-01", "",
     "effectief", "Lijst Leie (fictief)", "Deinze", "besluit-deinze-2025-012", "2025-02-24", "2025_GR_00012",
     "Gemeenteraad Deinze", {}},
    {"mandataris-4", "Bert De Smet (fictief)", "ondervoorzitter", "Ondervoorzitter", "2025-03-01", "", "effectief",
     "Zulte Samen (fictief)", "Zulte", "besluit-zulte-2025-007", "2025-02-17", "GR-2025-007", "Gemeenteraad Zulte",
     {}},
    {"mandataris-3", "Filip Desmet (fictief)", "bestuurder_raadgevend", "Bestuurder met raadgevende stem",
     "2025-03-01", "", "effectief", "Open Deinze (fictief)", "Deinze", "besluit-deinze-2025-012", "2025-02-24",
     "2025_GR_00012", "Gemeenteraad Deinze", {}},
    {"mandataris-5", "Griet Lefebvre (fictief)", std::nullopt, "Waarnemer", "2025-03-01", "", "effectief",
     "Zulte Anders (fictief)", "Zulte", "besluit-zulte-2025-007", "2025-02-17", "GR-2025-007", "Gemeenteraad Zulte",
     {"unknown_role"}},
    {"mandataris-2", "Els Maes (fictief)", "bestuurder", "Bestuurder", "2025-03-01", "", "effectief",
     "Lijst Leie (fictief)", "Deinze", "besluit-deinze-2025-012", "2025-02-24", "2025_GR_00012",
     "Gemeenteraad Deinze", {}},
    {"mandataris-8", "Hans Pauwels (fictief)", "bestuurder", "Bestuurder", "2025-03-01", "", "verhinderd",
     "Latem Dorp (fictief)", "", "", "", "", "", {"no_decision"}},
    {"mandataris-7", "Dries Van Hecke (fictief)", "bestuurder", "Bestuurder", "2025-10-01", "", "effectief",
     "Latem Dorp (fictief)", "Sint-Martens-Latem", "besluit-latem-2025-088", "2025-09-25", "2025/088",
     "Gemeenteraad Sint-Martens-Latem", {}},
    {"mandataris-6", "Chloé Verhaeghe (fictief)", "bestuurder", "Bestuurder", "2025-03-01", "2025-09-30",
     "effectief", "Latem Dorp (fictief)", "Sint-Martens-Latem", "besluit-latem-2025-021", "2025-02-27", "2025/021",
     "Gemeenteraad Sint-Martens-Latem", {}},
};

void expectIntent(const std::vector<ProposedDesignation>& got) {
  ASSERT_EQ(got.size(), kIntent.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const auto& p = got[i];
    const auto& e = kIntent[i];
    SCOPED_TRACE(e.mandataris);
    EXPECT_EQ(p.source, fx + e.mandataris);
    EXPECT_EQ(p.personName(), e.name);
    EXPECT_EQ(p.personUri, fx + "persoon-" + e.mandataris.substr(e.mandataris.find('-') + 1));
    EXPECT_EQ(p.igs.uri, kIgs);
    EXPECT_EQ(p.igs.label, "IGS Cultuur Leiestreek (fictief)");
    EXPECT_EQ(p.legalForm.value_or("-"), "projectvereniging");
    EXPECT_EQ(p.body.uri, fx + "rvb");
    EXPECT_EQ(p.body.label, "Raad van bestuur IGS Cultuur Leiestreek (fictief)");
    EXPECT_EQ(p.bodyInTime, fx + "rvb-2025");
    EXPECT_EQ(p.bodyClassification.label, "Raad van bestuur");
    EXPECT_EQ(p.role ? std::optional<std::string>(roleName(*p.role)) : std::nullopt, e.role);
    EXPECT_EQ(p.roleConcept.label, e.roleLabel);
    ASSERT_TRUE(p.start.has_value());
    EXPECT_EQ(p.start->iso(), e.start);
    EXPECT_EQ(p.end ? p.end->iso() : "", e.end);
    EXPECT_EQ(p.status.value_or("-"), e.status);
    EXPECT_EQ(p.fractie.label, e.fractie);
    EXPECT_EQ(p.memberGemeente().label, e.gemeente);
    if (e.besluit.empty()) {
      EXPECT_TRUE(p.decisions.empty());
    } else {
      ASSERT_EQ(p.decisions.size(), 1u);
      const auto& d = p.decisions[0];
      EXPECT_EQ(d.uri, fx + e.besluit);
      ASSERT_TRUE(d.date().has_value());
      EXPECT_EQ(d.date()->iso(), e.date);
      EXPECT_EQ(d.reference, e.reference);
      EXPECT_EQ(d.council.label, e.council);
      EXPECT_TRUE(d.byGemeenteraad());
    }
    std::set<std::string> flags;
    for (Flag f : p.flags) flags.insert(flagCode(f));
    EXPECT_EQ(flags, e.flags);
  }
}

// readProposals, reporting an Error's Dutch text and place in the test output.
std::vector<ProposedDesignation> read(SparqlClient& client, const DesignationQueryOptions& o) {
  try {
    return readProposals(client, o);
  } catch (const Error& e) {
    ADD_FAILURE() << errorCodeName(e.errorCode()) << ": " << e.fullText();
    throw;
  }
}

std::string allJson(const std::vector<ProposedDesignation>& ps) { return canonicalJson(toJson(ps)); }

class Virtuoso : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(endpoint().empty()) << "run through run-with-virtuoso.sh (ctest -L integration)";
  }
};

}  // namespace

TEST_F(Virtuoso, ProposalsMatchTheFixtureIntent) {
  SparqlClient client(config());
  DesignationQueryOptions o;
  o.igs = kIgs;
  expectIntent(read(client, o));
}

TEST_F(Virtuoso, AllIgsWithoutGemeenteMandates) {
  SparqlClient client(config());
  auto all = read(client, {});
  for (const auto& p : all) EXPECT_NE(p.source, fx + "mandataris-gr-1");
  ASSERT_EQ(all.size(), kIntent.size() + 1);
  // The second IGS sorts last; its seat hangs on the orgaan itself.
  const ProposedDesignation p9 = all.back();
  all.pop_back();
  expectIntent(all);
  EXPECT_EQ(p9.source, fx + "mandataris-9");
  EXPECT_EQ(p9.personName(), "Anneke Claeys (fictief)");
  EXPECT_EQ(p9.igs.label, "IGS Erfgoed Leiestreek (fictief)");
  EXPECT_EQ(p9.body.uri, fx + "rvb-erfgoed");
  EXPECT_EQ(p9.bodyInTime, "");
  EXPECT_EQ(p9.role, Role::bestuurder);
  EXPECT_EQ(p9.roleConcept.label, "Lid van de Raad van Bestuur");
  ASSERT_TRUE(p9.start.has_value());
  EXPECT_EQ(p9.start->iso(), "2025-04-01");
  EXPECT_FALSE(p9.status.has_value());
  EXPECT_TRUE(p9.fractie.empty());
  ASSERT_EQ(p9.decisions.size(), 1u);
  EXPECT_EQ(p9.decisions[0].reference, "2025/030");
  EXPECT_EQ(p9.decisions[0].date()->iso(), "2025-03-27");
  EXPECT_EQ(p9.memberGemeente().label, "Deinze");
  EXPECT_TRUE(p9.flags.empty());
}

TEST_F(Virtuoso, BodyFilter) {
  SparqlClient client(config());
  DesignationQueryOptions o;
  o.body = fx + "rvb";
  EXPECT_EQ(read(client, o).size(), 8u);
  o.body = fx + "gr-deinze";
  EXPECT_EQ(read(client, o).size(), 0u);
}

TEST_F(Virtuoso, SmallPagesGiveTheSameAnswerOverOneConnection) {
  SparqlClient whole(config());
  auto expected = allJson(read(whole, {}));
  EXPECT_EQ(whole.requestCount(), 1);

  SparqlClient paged(config());
  DesignationQueryOptions o;
  o.pageSize = 3;
  auto got = read(paged, o);
  EXPECT_GE(paged.requestCount(), 3);
  EXPECT_EQ(paged.connectionCount(), 1);
  EXPECT_EQ(allJson(got), expected);
}

TEST_F(Virtuoso, FormPostGivesTheSameAnswer) {
  SparqlClient get(config(R"(, "method": "get")"));
  SparqlClient post(config(R"(, "method": "post")"));
  EXPECT_EQ(allJson(read(post, {})), allJson(read(get, {})));
}

TEST_F(Virtuoso, DefaultGraph) {
  const char* graph = std::getenv("IGSGOV_SPARQL_GRAPH");
  ASSERT_NE(graph, nullptr);
  SparqlClient inGraph(config(std::string(R"(, "graph": ")") + graph + "\""));
  EXPECT_EQ(read(inGraph, {}).size(), 9u);
  SparqlClient otherGraph(config(R"(, "graph": "https://igsgov.example/fixture/empty-graph")"));
  EXPECT_EQ(read(otherGraph, {}).size(), 0u);
}

TEST_F(Virtuoso, OperationJson) {
  // As sparql.proposals calls it: the source by name from a SPARQL configuration (sparql.json).
  auto sources = EndpointSet::parse(R"({"sources": {"leiestreek": {"comment": "fixture", "endpoint": ")" + endpoint() +
                                        R"(", "timeout_s": 60}}})",
                                    "sparql.json");
  auto input = newObject();
  input->set("source", sources.source("leiestreek").toJson());
  input->set("igs", kIgs);
  JsonObject out = proposalsOperation(input);
  EXPECT_EQ(out->getValue<std::string>("endpoint"), endpoint());
  EXPECT_EQ(out->getValue<int>("count"), 8);
  auto list = out->getArray("proposals");
  ASSERT_EQ(list->size(), 8u);
  auto first = list->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("source"), fx + "mandataris-1");
  EXPECT_EQ(first->getObject("person")->getValue<std::string>("name"), "Anneke Claeys (fictief)");
  EXPECT_EQ(first->getObject("igs")->getValue<std::string>("legal_form"), "projectvereniging");
  EXPECT_EQ(first->getValue<std::string>("role"), "voorzitter");
  EXPECT_EQ(first->getValue<std::string>("start"), "2025-03-01");
  EXPECT_TRUE(first->isNull("end"));
  EXPECT_EQ(first->getObject("status")->getValue<std::string>("code"), "effectief");
  EXPECT_EQ(first->getObject("fractie")->getValue<std::string>("name"), "Lijst Leie (fictief)");
  EXPECT_EQ(first->getObject("decision")->getValue<std::string>("date"), "2025-02-24");
  EXPECT_EQ(first->getObject("decision")->getValue<std::string>("session_date"), "2025-02-20");
  EXPECT_EQ(first->getObject("member_gemeente")->getValue<std::string>("name"), "Deinze");
  EXPECT_EQ(first->getArray("flags")->size(), 0u);
  auto griet = list->getObject(3);
  EXPECT_TRUE(griet->isNull("role"));
  EXPECT_EQ(griet->getObject("role_concept")->getValue<std::string>("uri"), fx + "concept-waarnemer");
  EXPECT_EQ(griet->getArray("flags")->getObject(0)->getValue<std::string>("code"), "unknown_role");
}

TEST_F(Virtuoso, SyntaxErrorIsIoWithStatus) {
  SparqlClient client(config());
  try {
    client.query("SELECT ?s WHERE { ?s ?p }");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
    EXPECT_EQ(e.place().fields.at("endpoint"), endpoint());
    EXPECT_EQ(e.place().fields.at("status"), "400");
  }
}

// Unit tests of the rows -> ProposedDesignation mapping (no server: the rows are
// written here as a SPARQL JSON answer would carry them).
#include "adapters/sparql/DesignationQuery.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace igsgov;
using namespace igsgov::adapters::sparql;

namespace {

const std::string kFunctie = "http://ex.org/functie/";
const std::string kEffectief =
    "http://data.vlaanderen.be/id/concept/MandatarisStatusCode/21063a5b-912c-4241-841c-cc7fb3c73e75";
const std::string kGemeenteraad =
    "http://data.vlaanderen.be/id/concept/BestuursorgaanClassificatieCode/5ab0e9b8a3b2ca7c5e000005";
const std::string kPv = "http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/b156b67f-c5f4-4584-9b30-4c090be02fdc";

std::string uri(const std::string& v) { return R"({"type": "uri", "value": ")" + v + R"("})"; }
std::string lit(const std::string& v, const std::string& lang = "") {
  return R"({"type": "literal", "value": ")" + v + "\"" + (lang.empty() ? "" : R"(, "xml:lang": ")" + lang + "\"") + "}";
}
std::string typed(const std::string& v, const std::string& dt) {
  return R"({"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#)" + dt + R"(", "value": ")" + v + R"("})";
}

// A row with the required columns and the given extra ones.
std::string row(const std::string& mandataris, const std::string& rol,
                const std::vector<std::pair<std::string, std::string>>& extra) {
  std::ostringstream o;
  o << "{" << R"("mandataris": )" << uri(mandataris) << R"(, "persoon": )" << uri(mandataris + "/p")
    << R"(, "mandaat": )" << uri("http://ex.org/mandaat/" + rol) << R"(, "rol": )" << uri(kFunctie + rol)
    << R"(, "orgaan": )" << uri("http://ex.org/rvb") << R"(, "igs": )" << uri("http://ex.org/igs");
  for (const auto& [k, v] : extra) o << ", \"" << k << "\": " << v;
  o << "}";
  return o.str();
}

ResultSet answer(const std::vector<std::string>& rows) {
  std::string vars;
  for (const char* v : {"mandataris", "persoon", "voornaam", "familienaam", "mandaat", "rol", "rolLabel",
                        "orgaanInTijd", "orgaan", "orgaanLabel", "orgaanKlasse", "orgaanKlasseLabel", "igs",
                        "igsLabel", "igsKlasse", "igsKlasseLabel", "start", "einde", "status", "statusLabel",
                        "fractie", "fractieNaam", "besluit", "publicatie", "zittingDatum", "besluitRef",
                        "besluitTitel", "raad", "raadLabel", "raadKlasse", "raadKlasseLabel", "gemeente",
                        "gemeenteLabel"})
    vars += std::string(vars.empty() ? "" : ", ") + "\"" + v + "\"";
  std::string text = R"({"head": {"vars": [)" + vars + R"(]}, "results": {"bindings": [)";
  for (std::size_t i = 0; i < rows.size(); ++i) text += (i ? ", " : "") + rows[i];
  text += "]}}";
  return parseSparqlResults(text);
}

bool has(const ProposedDesignation& p, Flag f) { return p.hasFlag(f); }

}  // namespace

TEST(ProposalMapping, GroupsRowsPerMandatarisAndPicksDutchLabels) {
  const std::string m = "http://ex.org/mandataris/1";
  std::vector<std::pair<std::string, std::string>> common = {
      {"voornaam", lit("Anneke")}, {"familienaam", lit("Claeys")},
      {"orgaanInTijd", uri("http://ex.org/rvb-2025")}, {"orgaanLabel", lit("Raad van bestuur")},
      {"igsLabel", lit("IGS X")}, {"igsKlasse", uri(kPv)},
      {"start", typed("2025-03-01T00:00:00Z", "dateTime")}, {"status", uri(kEffectief)},
      {"fractie", uri("http://ex.org/fractie/a")}, {"fractieNaam", lit("Lijst A")},
      {"besluit", uri("http://ex.org/besluit/1")}, {"publicatie", typed("2025-02-24", "date")},
      {"besluitRef", lit("2025_GR_00012")}, {"raad", uri("http://ex.org/gr")},
      {"raadLabel", lit("Gemeenteraad Deinze")}, {"raadKlasse", uri(kGemeenteraad)},
      {"gemeente", uri("http://ex.org/deinze")}, {"gemeenteLabel", lit("Deinze")}};
  auto fr = common;
  fr.push_back({"rolLabel", lit("Administrateur", "fr")});
  auto nl = common;
  nl.push_back({"rolLabel", lit("Voorzitter van de raad van bestuur", "nl")});
  auto rs = answer({row(m, "vz", fr), row(m, "vz", nl)});

  auto proposals = proposalsFromResults(rs, {});
  ASSERT_EQ(proposals.size(), 1u);
  const auto& p = proposals[0];
  EXPECT_EQ(p.source, m);
  EXPECT_EQ(p.personName(), "Anneke Claeys");
  EXPECT_EQ(p.roleConcept.label, "Voorzitter van de raad van bestuur");
  ASSERT_TRUE(p.role.has_value());
  EXPECT_EQ(*p.role, Role::voorzitter);
  EXPECT_EQ(p.body.uri, "http://ex.org/rvb");
  EXPECT_EQ(p.bodyInTime, "http://ex.org/rvb-2025");
  EXPECT_EQ(p.legalForm.value_or("-"), "projectvereniging");
  ASSERT_TRUE(p.start.has_value());
  EXPECT_EQ(p.start->iso(), "2025-03-01");  // midnight UTC is 01:00 in Belgium
  EXPECT_FALSE(p.end.has_value());
  EXPECT_EQ(p.status.value_or("-"), "effectief");
  EXPECT_EQ(p.fractie.label, "Lijst A");
  ASSERT_EQ(p.decisions.size(), 1u);
  EXPECT_EQ(p.decisions[0].reference, "2025_GR_00012");
  EXPECT_EQ(p.decisions[0].date()->iso(), "2025-02-24");
  EXPECT_TRUE(p.decisions[0].byGemeenteraad());
  EXPECT_EQ(p.memberGemeente().label, "Deinze");
  EXPECT_TRUE(p.flags.empty()) << flagCode(p.flags.front());
}

TEST(ProposalMapping, FlagsWhatNeedsAHumanLook) {
  auto rs = answer({
      // unknown role, no decision, no start, no name
      row("http://ex.org/m/a", "waarnemer", {{"rolLabel", lit("Waarnemer")}}),
      // end before start, invalid end on another
      row("http://ex.org/m/b", "bestuurder",
          {{"rolLabel", lit("Bestuurder")}, {"familienaam", lit("B")}, {"start", typed("2025-03-01", "date")},
           {"einde", typed("2025-02-01", "date")}, {"besluit", uri("http://ex.org/besluit/b")},
           {"raadKlasse", uri("http://ex.org/not-a-council")}}),
      row("http://ex.org/m/c", "bestuurder",
          {{"rolLabel", lit("Bestuurder")}, {"familienaam", lit("C")}, {"start", typed("2025-03-01", "date")},
           {"einde", lit("ooit")}, {"status", uri("http://ex.org/status/x")},
           {"besluit", uri("http://ex.org/besluit/c2")}, {"publicatie", typed("2025-05-01", "date")},
           {"raadKlasse", uri(kGemeenteraad)}}),
      row("http://ex.org/m/c", "bestuurder",
          {{"rolLabel", lit("Bestuurder")}, {"familienaam", lit("C")}, {"start", typed("2025-03-01", "date")},
           {"einde", lit("ooit")}, {"status", uri("http://ex.org/status/x")},
           {"besluit", uri("http://ex.org/besluit/c1")}, {"zittingDatum", typed("2025-02-10T20:00:00+01:00", "dateTime")},
           {"raadKlasse", uri(kGemeenteraad)}}),
  });
  auto proposals = proposalsFromResults(rs, {});
  ASSERT_EQ(proposals.size(), 3u);
  std::map<std::string, const ProposedDesignation*> by;
  for (const auto& p : proposals) by[p.source] = &p;

  const auto& a = *by.at("http://ex.org/m/a");
  EXPECT_FALSE(a.role.has_value());
  EXPECT_EQ(a.roleConcept.uri, kFunctie + "waarnemer");
  EXPECT_EQ(a.roleConcept.label, "Waarnemer");
  EXPECT_TRUE(has(a, Flag::unknownRole));
  EXPECT_TRUE(has(a, Flag::noDecision));
  EXPECT_TRUE(has(a, Flag::invalidStart));
  EXPECT_TRUE(has(a, Flag::noPersonName));

  const auto& b = *by.at("http://ex.org/m/b");
  EXPECT_TRUE(has(b, Flag::endBeforeStart));
  EXPECT_TRUE(has(b, Flag::decisionNotByCouncil));
  EXPECT_FALSE(has(b, Flag::unknownRole));

  const auto& c = *by.at("http://ex.org/m/c");
  EXPECT_TRUE(has(c, Flag::invalidEnd));
  EXPECT_TRUE(has(c, Flag::unknownStatus));
  EXPECT_TRUE(has(c, Flag::severalDecisions));
  EXPECT_FALSE(has(c, Flag::decisionNotByCouncil));
  ASSERT_EQ(c.decisions.size(), 2u);
  EXPECT_EQ(c.decisions[0].uri, "http://ex.org/besluit/c1");  // earliest first (session date)
  EXPECT_EQ(c.decisions[0].date()->iso(), "2025-02-10");
  EXPECT_EQ(c.decisions[1].uri, "http://ex.org/besluit/c2");

  auto json = c.toJson();
  EXPECT_EQ(json->getValue<std::string>("end"), "ooit");  // raw value kept for the user
  EXPECT_EQ(json->getArray("decisions")->size(), 2u);
  EXPECT_EQ(json->getObject("decision")->getValue<std::string>("uri"), "http://ex.org/besluit/c1");
}

TEST(ProposalMapping, RoleMapFromConfig) {
  auto rs = answer({row("http://ex.org/m/a", "x", {{"rolLabel", lit("Waarnemer")}})});
  auto proposals = proposalsFromResults(rs, {{kFunctie + "x", "deskundige"}});
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].role, Role::deskundige);
  EXPECT_FALSE(proposals[0].hasFlag(Flag::unknownRole));
}

TEST(ProposalMapping, RowWithoutRequiredColumnIsInvalid) {
  auto rs = parseSparqlResults(
      R"({"head": {"vars": ["mandataris", "persoon"]}, "results": {"bindings": [
         {"mandataris": {"type": "uri", "value": "http://ex.org/m"}, "persoon": {"type": "uri", "value": "p"}}]}})");
  try {
    proposalsFromResults(rs, {});
    FAIL() << "accepted a row without mandaat";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(e.place().fields.at("part"), "results.bindings[0].mandaat");
  }
}

TEST(ProposalMapping, QueryRefusesUnsafeIris) {
  DesignationQueryOptions o;
  o.igs = "http://ex.org/igs> } DROP ALL {";
  EXPECT_THROW(designationQuery(o), Error);
  o.igs = "no-scheme";
  EXPECT_THROW(designationQuery(o), Error);
  o.igs = "http://ex.org/igs";
  std::string q = designationQuery(o, 10, 20);
  EXPECT_NE(q.find("VALUES ?igs { <http://ex.org/igs> }"), std::string::npos);
  EXPECT_NE(q.find("    LIMIT 10\n"), std::string::npos);
  EXPECT_NE(q.find("    OFFSET 20\n"), std::string::npos);
  EXPECT_NE(q.find("mandaat:bekrachtigtAanstellingVan"), std::string::npos);
}

#include "adapters/sparql/DesignationQuery.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"
#include "adapters/sparql/LiteralDate.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace igsgov::adapters::sparql {

namespace {

// Every variable of the SELECT, in order.
const std::vector<std::string>& selectVars() {
  static const std::vector<std::string> vars = {
      "mandataris", "persoon", "voornaam", "familienaam", "mandaat", "rol", "rolLabel",
      "orgaanInTijd", "orgaan", "orgaanLabel", "orgaanKlasse", "orgaanKlasseLabel",
      "igs", "igsLabel", "igsKlasse", "igsKlasseLabel",
      "start", "einde", "status", "statusLabel", "fractie", "fractieNaam",
      "besluit", "publicatie", "zittingDatum", "besluitRef", "besluitTitel",
      "raad", "raadLabel", "raadKlasse", "raadKlasseLabel", "gemeente", "gemeenteLabel"};
  return vars;
}

const std::vector<std::string>& decisionVars() {
  static const std::vector<std::string> vars = {"publicatie", "zittingDatum", "besluitRef", "besluitTitel", "raad",
                                                "raadLabel", "raadKlasse", "raadKlasseLabel", "gemeente",
                                                "gemeenteLabel"};
  return vars;
}

void checkIri(const std::string& iri, const std::string& field) {
  bool ok = iri.find(':') != std::string::npos && iri.find(':') > 0;
  for (unsigned char c : iri)
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' ||
        c == '^' || c == '`')
      ok = false;
  if (!ok) {
    Place p;
    p.set("field", "'" + field + "'");
    throwInvalid("geen geldige IRI: '" + iri + "'", p);
  }
}

const char* kPrefixes =
    "PREFIX mandaat: <http://data.vlaanderen.be/ns/mandaat#>\n"
    "PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>\n"
    "PREFIX persoon: <http://data.vlaanderen.be/ns/persoon#>\n"
    "PREFIX persoonOslo: <https://data.vlaanderen.be/ns/persoon#>\n"
    "PREFIX generiek: <https://data.vlaanderen.be/ns/generiek#>\n"
    "PREFIX generiekHttp: <http://data.vlaanderen.be/ns/generiek#>\n"
    "PREFIX org: <http://www.w3.org/ns/org#>\n"
    "PREFIX regorg: <http://www.w3.org/ns/regorg#>\n"
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX dct: <http://purl.org/dc/terms/>\n";

// The time specialisation property under its three published names, and the
// classification under its two.
const char* kTijd = "(mandaat:isTijdspecialisatieVan|generiek:isTijdspecialisatieVan|generiekHttp:isTijdspecialisatieVan)";
const char* kKlasse = "(besluit:classificatie|org:classification)";

// ---- grouping -------------------------------------------------------------

int labelRank(const RdfTerm& t) {
  if (!t.isLiteral()) return 1;
  if (t.lang.empty() || t.lang == "nl" || t.lang == "nl-BE" || t.lang == "nl-be") return 0;
  return 1;
}

struct Values {
  std::map<std::string, std::vector<RdfTerm>> byVar;

  void add(const std::string& var, const RdfTerm& t) {
    auto& v = byVar[var];
    if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
  }
  const RdfTerm* pick(const std::string& var) const {
    auto it = byVar.find(var);
    if (it == byVar.end() || it->second.empty()) return nullptr;
    const RdfTerm* best = nullptr;
    for (const auto& t : it->second)
      if (!best || std::make_tuple(labelRank(t), t.value, t.lang) < std::make_tuple(labelRank(*best), best->value, best->lang))
        best = &t;
    return best;
  }
  std::string text(const std::string& var) const {
    const RdfTerm* t = pick(var);
    return t ? t->value : std::string();
  }
  Labelled labelled(const std::string& uriVar, const std::string& labelVar) const {
    return Labelled{text(uriVar), text(labelVar)};
  }
};

struct Group {
  Values main;
  std::map<std::string, Values> decisions;  // besluit URI -> its values
};

DecisionRef makeDecision(const std::string& uri, const Values& v) {
  DecisionRef d;
  d.uri = uri;
  if (const RdfTerm* t = v.pick("publicatie")) d.published = dateFromLiteral(t->value);
  if (const RdfTerm* t = v.pick("zittingDatum")) d.sessionDate = dateFromLiteral(t->value);
  d.reference = v.text("besluitRef");
  d.title = v.text("besluitTitel");
  d.council = v.labelled("raad", "raadLabel");
  d.councilClassification = v.labelled("raadKlasse", "raadKlasseLabel");
  d.gemeente = v.labelled("gemeente", "gemeenteLabel");
  return d;
}

ProposedDesignation makeProposal(const std::string& source, const Group& g,
                                 const std::map<std::string, std::string>& roleMap) {
  const Values& v = g.main;
  ProposedDesignation p;
  p.source = source;
  p.personUri = v.text("persoon");
  p.givenName = v.text("voornaam");
  p.familyName = v.text("familienaam");
  p.igs = v.labelled("igs", "igsLabel");
  p.igsClassification = v.labelled("igsKlasse", "igsKlasseLabel");
  p.legalForm = vocab::legalFormOf(p.igsClassification.uri);
  p.body = v.labelled("orgaan", "orgaanLabel");
  p.bodyInTime = v.text("orgaanInTijd");
  p.bodyClassification = v.labelled("orgaanKlasse", "orgaanKlasseLabel");
  p.mandaat = v.text("mandaat");
  p.roleConcept = v.labelled("rol", "rolLabel");
  p.role = mapRole(p.roleConcept.uri, p.roleConcept.label, roleMap);

  p.startRaw = v.text("start");
  p.endRaw = v.text("einde");
  if (!p.startRaw.empty()) p.start = dateFromLiteral(p.startRaw);
  if (!p.endRaw.empty()) p.end = dateFromLiteral(p.endRaw);

  p.statusConcept = v.labelled("status", "statusLabel");
  if (!p.statusConcept.empty()) {
    p.status = vocab::statusOf(p.statusConcept.uri);
    if (!p.status) {
      std::string label = normaliseRoleLabel(p.statusConcept.label);
      if (label == "effectief" || label == "verhinderd" || label == "waarnemend" || label == "titelvoerend")
        p.status = label;
    }
  }
  p.fractie = v.labelled("fractie", "fractieNaam");

  for (const auto& [uri, dv] : g.decisions) p.decisions.push_back(makeDecision(uri, dv));
  std::sort(p.decisions.begin(), p.decisions.end(), [](const DecisionRef& a, const DecisionRef& b) {
    auto da = a.date(), db = b.date();
    // Dated decisions first, earliest first; then by URI.
    return std::make_tuple(!da.has_value(), da.value_or(Date()), a.uri) <
           std::make_tuple(!db.has_value(), db.value_or(Date()), b.uri);
  });

  if (!p.role) p.flags.push_back(Flag::unknownRole);
  if (!p.statusConcept.empty() && !p.status) p.flags.push_back(Flag::unknownStatus);
  if (p.decisions.empty()) p.flags.push_back(Flag::noDecision);
  if (p.decisions.size() > 1) p.flags.push_back(Flag::severalDecisions);
  if (!p.decisions.empty() && !p.decisions.front().byGemeenteraad()) p.flags.push_back(Flag::decisionNotByCouncil);
  if (!p.start) p.flags.push_back(Flag::invalidStart);
  if (!p.endRaw.empty() && !p.end) p.flags.push_back(Flag::invalidEnd);
  if (p.start && p.end && *p.end < *p.start) p.flags.push_back(Flag::endBeforeStart);
  if (p.givenName.empty() && p.familyName.empty()) p.flags.push_back(Flag::noPersonName);
  return p;
}

}  // namespace

std::string designationQuery(const DesignationQueryOptions& options, int limit, int offset) {
  if (options.igs) checkIri(*options.igs, "igs");
  if (options.body) checkIri(*options.body, "body");
  std::string q = kPrefixes;
  // No DISTINCT and no ORDER BY over all columns: Virtuoso refuses more than 20
  // keys (SQ186). Pages are taken over the seats (mandataris, orgaan, IGS) in a
  // sub-select; every seat of a page comes back with all its detail rows, and
  // duplicate rows are harmless because rows are grouped per mandataris.
  q += "SELECT";
  for (const auto& v : selectVars()) q += " ?" + v;
  q += "\nWHERE {\n  {\n    SELECT DISTINCT ?mandataris ?persoon ?mandaat ?rol ?orgaanInTijd ?orgaan ?igs WHERE {\n";
  if (options.igs) q += "  VALUES ?igs { <" + *options.igs + "> }\n";
  if (options.body) q += "  VALUES ?orgaan { <" + *options.body + "> }\n";
  q += "  ?mandataris a mandaat:Mandataris ;\n"
       "    mandaat:isBestuurlijkeAliasVan ?persoon ;\n"
       "    org:holds ?mandaat .\n"
       "  ?mandaat org:role ?rol .\n";
  // The seat belongs to an orgaan in time that specialises the orgaan, or
  // directly to an orgaan that has no time specialisation.
  q += std::string("  { ?orgaanInTijd org:hasPost ?mandaat ; ") + kTijd + " ?orgaan . }\n"
       "  UNION\n"
       "  { ?orgaan org:hasPost ?mandaat . FILTER NOT EXISTS { ?orgaan " + kTijd + " ?anyBase } }\n";
  q += "  ?orgaan besluit:bestuurt ?igs .\n"
       "  ?igs a besluit:Bestuurseenheid .\n";
  // Gemeente, provincie, OCMW and district mandates are not IGS seats.
  q += std::string("  FILTER NOT EXISTS {\n    ?igs ") + kKlasse + " ?localKlasse .\n"
       "    VALUES ?localKlasse {\n"
       "      <http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000000>\n"
       "      <http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001>\n"
       "      <http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000002>\n"
       "      <http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000003>\n"
       "    }\n  }\n";
  q += "    }\n    ORDER BY ?mandataris ?persoon ?mandaat ?rol ?orgaanInTijd ?orgaan ?igs\n";
  if (limit > 0) q += "    LIMIT " + std::to_string(limit) + "\n";
  if (offset > 0) q += "    OFFSET " + std::to_string(offset) + "\n";
  q += "  }\n";
  q += "  OPTIONAL { ?persoon (persoon:gebruikteVoornaam|persoonOslo:gebruikteVoornaam) ?voornaam }\n"
       "  OPTIONAL { ?persoon foaf:familyName ?familienaam }\n"
       "  OPTIONAL { ?rol skos:prefLabel ?rolLabel }\n"
       "  OPTIONAL { ?orgaan skos:prefLabel ?orgaanLabel }\n";
  q += std::string("  OPTIONAL { ?orgaan ") + kKlasse +
       " ?orgaanKlasse . OPTIONAL { ?orgaanKlasse skos:prefLabel ?orgaanKlasseLabel } }\n"
       "  OPTIONAL { ?igs skos:prefLabel ?igsLabel }\n" +
       "  OPTIONAL { ?igs " + kKlasse + " ?igsKlasse . OPTIONAL { ?igsKlasse skos:prefLabel ?igsKlasseLabel } }\n";
  q += "  OPTIONAL { ?mandataris mandaat:start ?start }\n"
       "  OPTIONAL { ?mandataris mandaat:einde ?einde }\n"
       "  OPTIONAL { ?mandataris mandaat:status ?status . OPTIONAL { ?status skos:prefLabel ?statusLabel } }\n"
       "  OPTIONAL { ?mandataris org:hasMembership ?lidmaatschap . ?lidmaatschap org:organisation ?fractie .\n"
       "             OPTIONAL { ?fractie regorg:legalName ?fractieNaam } }\n";
  q += "  OPTIONAL {\n"
       "    ?besluit mandaat:bekrachtigtAanstellingVan ?mandataris .\n"
       "    OPTIONAL { ?besluit eli:date_publication ?publicatie }\n"
       "    OPTIONAL { ?besluit (eli:id_local|eli:number) ?besluitRef }\n"
       "    OPTIONAL { ?besluit (eli:title_short|eli:title) ?besluitTitel }\n"
       "    OPTIONAL { ?besluit (prov:wasGeneratedBy|^prov:generated) ?behandeling .\n"
       "               ?behandeling dct:subject ?agendapunt .\n"
       "               ?zitting besluit:behandelt ?agendapunt ;\n"
       "                        (besluit:geplandeStart|prov:startedAtTime) ?zittingDatum }\n"
       "    OPTIONAL {\n"
       "      { ?besluit eli:passed_by ?raadInTijd . ?raadInTijd " + std::string(kTijd) + " ?raad . }\n"
       "      UNION\n"
       "      { ?besluit eli:passed_by ?raad . FILTER NOT EXISTS { ?raad " + kTijd + " ?anyRaadBase } }\n"
       "      OPTIONAL { ?raad skos:prefLabel ?raadLabel }\n"
       "      OPTIONAL { ?raad " + kKlasse + " ?raadKlasse . OPTIONAL { ?raadKlasse skos:prefLabel ?raadKlasseLabel } }\n"
       "      OPTIONAL { ?raad besluit:bestuurt ?gemeente . OPTIONAL { ?gemeente skos:prefLabel ?gemeenteLabel } }\n"
       "    }\n"
       "  }\n";
  q += "}\n";
  return q;
}

std::vector<ProposedDesignation> proposalsFromResults(const ResultSet& rs,
                                                      const std::map<std::string, std::string>& roleMap) {
  static const std::vector<std::string> required = {"mandataris", "persoon", "mandaat", "rol", "orgaan", "igs"};
  std::map<std::string, Group> groups;
  for (std::size_t i = 0; i < rs.rows.size(); ++i) {
    const Row& row = rs.rows[i];
    for (const auto& var : required) {
      auto it = row.find(var);
      if (it == row.end() || it->second.isLiteral()) {
        Place p;
        p.set("part", "results.bindings[" + std::to_string(i) + "]." + var);
        throwInvalid("onbruikbaar SPARQL-antwoord: '" + var + "' ontbreekt of is geen resource", p);
      }
    }
    Group& g = groups[row.at("mandataris").value];
    const RdfTerm* besluit = rs.get(i, "besluit");
    for (const auto& [var, term] : row) {
      if (var == "mandataris" || var == "besluit") continue;
      bool perDecision = std::find(decisionVars().begin(), decisionVars().end(), var) != decisionVars().end();
      if (perDecision) {
        if (besluit) g.decisions[besluit->value].add(var, term);
      } else {
        g.main.add(var, term);
      }
    }
    if (besluit) g.decisions[besluit->value];  // a decision without any detail still counts
  }
  std::vector<ProposedDesignation> out;
  out.reserve(groups.size());
  for (const auto& [source, g] : groups) out.push_back(makeProposal(source, g, roleMap));
  std::sort(out.begin(), out.end(), [](const ProposedDesignation& a, const ProposedDesignation& b) {
    return std::make_tuple(a.igs.label, a.igs.uri, a.body.label, a.body.uri, a.familyName, a.givenName,
                           a.start.value_or(Date()), a.source) <
           std::make_tuple(b.igs.label, b.igs.uri, b.body.label, b.body.uri, b.familyName, b.givenName,
                           b.start.value_or(Date()), b.source);
  });
  return out;
}

std::vector<ProposedDesignation> readProposals(SparqlClient& client, const DesignationQueryOptions& options) {
  int pageSize = options.pageSize > 0 ? options.pageSize : 2000;
  ResultSet all;
  for (int page = 0;; ++page) {
    if (page >= 100000) {
      Place p;
      p.set("endpoint", client.config().endpoint);
      throw Error(ErrorCode::io, "SPARQL-bron geeft eindeloos nieuwe pagina's terug", p);
    }
    ResultSet rs = client.query(designationQuery(options, pageSize, page * pageSize));
    // A page holds `pageSize` seats unless it is the last one.
    std::set<std::string> seats;
    for (const auto& row : rs.rows) {
      std::string key;
      for (const char* v : {"mandataris", "persoon", "mandaat", "rol", "orgaanInTijd", "orgaan", "igs"}) {
        auto it = row.find(v);
        key += (it == row.end() ? std::string() : it->second.value) + '\x1f';
      }
      seats.insert(key);
    }
    if (all.variables.empty()) all.variables = rs.variables;
    for (auto& r : rs.rows) all.rows.push_back(std::move(r));
    if (seats.size() < static_cast<std::size_t>(pageSize)) break;
  }
  try {
    return proposalsFromResults(all, client.config().roles);
  } catch (const Error& e) {
    Place p = e.place();
    p.set("endpoint", client.config().endpoint);
    throw Error(e.errorCode(), e.message(), p);
  }
}

JsonObject proposalsOperation(const JsonObject& input) {
  Reader r(input, "invoer sparql.proposals");
  r.rejectUnknown({"source", "igs", "body"});
  JsonObject source = r.optObject("source");
  if (source.isNull()) r.fail("source", "verplicht veld ontbreekt");
  EndpointConfig config = EndpointConfig::fromJson(source);
  DesignationQueryOptions options;
  options.igs = r.optStr("igs");
  options.body = r.optStr("body");
  if (options.igs) checkIri(*options.igs, "igs");
  if (options.body) checkIri(*options.body, "body");
  SparqlClient client(config);
  auto proposals = readProposals(client, options);
  auto out = newObject();
  out->set("endpoint", config.endpoint);
  out->set("count", static_cast<int>(proposals.size()));
  out->set("proposals", toJson(proposals));
  return out;
}

}  // namespace igsgov::adapters::sparql

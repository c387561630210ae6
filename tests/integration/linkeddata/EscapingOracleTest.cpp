// The Turtle and JSON-LD writers and the IRIs of the linked-data export, read
// back by an independent parser (Debian's python3-rdflib): register text with
// quotes, backslashes, new lines, tabs, other control characters, '<', '>' and
// non-ASCII letters comes back byte for byte, IRIs made from register text are
// valid, and bad base URIs and URIs without a scheme are refused in Dutch.
#include "linkeddata/Iris.hpp"
#include "linkeddata/JsonLd.hpp"
#include "linkeddata/Namespaces.hpp"
#include "linkeddata/Turtle.hpp"

#include "core/Json.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <gtest/gtest.h>

#include <fstream>

using namespace igsgov;
using namespace igsgov::linkeddata;

namespace {

const std::string kBase = "https://data.voorbeeld.be/id/";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// Runs the oracle on `text` written to a file; returns its rows as "s p kind value datatype lang".
std::vector<std::string> parsed(const std::string& text, const std::string& format) {
  Poco::TemporaryFile file;
  std::ofstream(file.path(), std::ios::binary) << text;
  Poco::Pipe out, err;
  auto ph = Poco::Process::launch("/usr/bin/python3",  // Debian's python with python3-rdflib
                                  {std::string(IGSGOV_SOURCE_DIR) + "/tests/integration/linkeddata/dump_rdf.py",
                                   file.path(), format},
                                  nullptr, &out, &err);
  Poco::PipeInputStream os(out), es(err);
  std::string json, error;
  Poco::StreamCopier::copyToString(os, json);
  Poco::StreamCopier::copyToString(es, error);
  EXPECT_EQ(ph.wait(), 0) << format << ": " << error << "\n" << text;
  std::vector<std::string> rows;
  if (json.empty()) return rows;
  auto arr = parseJson(json).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto r = arr->getArray(static_cast<unsigned>(i));
    std::string row;
    for (std::size_t k = 0; k < r->size(); ++k) row += (k ? "\x1f" : "") + r->getElement<std::string>(static_cast<unsigned>(k));
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> rowsOf(const Graph& g) {
  std::vector<std::string> rows;
  for (const auto& t : g.triples()) {
    const Term& o = t.object;
    std::string dt = o.isIri() ? "" : (o.lang.empty() && o.datatype.empty() ? kXsd + "string" : o.datatype);
    if (!o.lang.empty()) dt = "";  // rdflib reports no datatype for a language string
    rows.push_back(t.subject + "\x1f" + t.predicate + "\x1f" + (o.isIri() ? "iri" : "literal") + "\x1f" + o.value +
                   "\x1f" + dt + "\x1f" + o.lang);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// rdflib reports xsd:string literals without a datatype: normalise both sides.
std::vector<std::string> plainStrings(std::vector<std::string> rows) {
  for (auto& r : rows) {
    auto pos = r.find("\x1f" + kXsd + "string\x1f");
    if (pos != std::string::npos) r.replace(pos, kXsd.size() + 8, "\x1f\x1f");
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

const std::vector<std::string> kNastyTexts = {
    "Lijst \"Samen\" > Alles",
    "back\\slash \\\" en \\n letterlijk",
    "regel 1\nregel 2\r\nregel 3\ttab",
    std::string("stuurteken \x01 en \x1f en \x7f"),
    "<script>alert('x')</script> & ' \"\"\" ''' ",
    "Zoë Çelik — € ✓ 𝄞",
    "eindigt op backslash \\",
    "\"",
    "",
};

Graph nastyGraph() {
  Graph g;
  for (std::size_t i = 0; i < kNastyTexts.size(); ++i) {
    std::string s = kBase + "dingen/" + segment("id " + std::to_string(i) + " <\">/?#%");
    g.add(s, "http://www.w3.org/2004/02/skos/core#prefLabel", text(kNastyTexts[i]));
    g.add(s, "http://www.w3.org/2000/01/rdf-schema#comment", textNl(kNastyTexts[i]));
    g.add(s, "http://www.w3.org/ns/org#linkedTo",
          iri(externalIri("https://elders.example/pad met spatie/<" + std::to_string(i) + ">\"{|}^`\\", Place())));
  }
  g.add(kBase + "x", "http://data.vlaanderen.be/ns/mandaat#start", date("2025-02-01"));
  g.add(kBase + "x", "https://w3id.org/igsgov/ns#fictief", boolean(true));
  g.add(kBase + "x", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", iri("http://www.w3.org/ns/person#Person"));
  return g;
}

}  // namespace

TEST(LinkedDataEscaping, TurtleReadsBackByteForByte) {
  Graph g = nastyGraph();
  std::string ttl = toTurtle(g, exportPrefixes(kBase));
  EXPECT_EQ(plainStrings(parsed(ttl, "turtle")), plainStrings(rowsOf(g))) << ttl;
}

TEST(LinkedDataEscaping, JsonLdReadsBackByteForByte) {
  Graph g = nastyGraph();
  std::string jsonld = toJsonLd(g);
  EXPECT_EQ(plainStrings(parsed(jsonld, "json-ld")), plainStrings(rowsOf(g))) << jsonld;
}

TEST(LinkedDataEscaping, TurtleLiteralEscapes) {
  Graph g;
  g.add(kBase + "x", "http://www.w3.org/2000/01/rdf-schema#label", text("a\"b\\c\nd\re\tf\x01> <"));
  std::string ttl = toTurtle(g, {});
  EXPECT_NE(ttl.find("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001> <\""), std::string::npos) << ttl;
}

TEST(LinkedDataIris, SegmentsAndExternalIris) {
  EXPECT_EQ(segment("igs-cultuur_va.1~x"), "igs-cultuur_va.1~x");
  EXPECT_EQ(segment("a:b/c d>"), "a%3Ab%2Fc%20d%3E");
  EXPECT_EQ(externalIri("https://x.example/a b>c", Place()), "https://x.example/a%20b%3Ec");
  EXPECT_EQ(externalIri("urn:nbn:be:1", Place()), "urn:nbn:be:1");
  try {
    externalIri("www.voorbeeld.be/persoon/1", recordField("persoon", "p-1", "uri"));
    FAIL() << "a URI without scheme was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("geen absolute URI"), std::string::npos) << e.what();
    EXPECT_EQ(e.place().fields.at("record"), "persoon 'p-1'");
  }
}

TEST(LinkedDataIris, BaseUriIsChecked) {
  EXPECT_EQ(checkBaseUri("https://data.voorbeeld.be/id/", Place()), "https://data.voorbeeld.be/id/");
  EXPECT_EQ(checkBaseUri("http://localhost:8080/", Place()), "http://localhost:8080/");
  for (const char* bad : {"ftp://x.example/", "https://x.example/id", "https://x.example/id?q=1/", "https://x.example/#/",
                          "https:///id/", "https://x.example/a b/", "https://x.example/<id>/", "data.voorbeeld.be/id/", ""}) {
    EXPECT_THROW(checkBaseUri(bad, Place().set("field", "'base_uri'")), Error) << bad;
  }
}

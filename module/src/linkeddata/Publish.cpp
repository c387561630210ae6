#include "linkeddata/Publish.hpp"

#include "interchange/Interchange.hpp"
#include "linkeddata/Iris.hpp"
#include "linkeddata/JsonLd.hpp"
#include "linkeddata/MandatenGraph.hpp"
#include "linkeddata/Namespaces.hpp"
#include "linkeddata/Turtle.hpp"
#include "refdata/RefData.hpp"

#include <cstdlib>

namespace igsgov::linkeddata {

namespace {

GemeenteNames gemeenteNames(store::Database& db, const JsonObject& doc) {
  GemeenteNames names;
  for (const auto& g : refdata::allCurrentGemeenten(db)) names[g.nis] = g.name;
  // Members whose NIS code has since ended (the 2025 mergers) keep their own name.
  auto coops = doc->getArray("cooperations");
  for (std::size_t i = 0; coops && i < coops->size(); ++i) {
    auto members = coops->getObject(static_cast<unsigned>(i))->getArray("members");
    for (std::size_t j = 0; members && j < members->size(); ++j) {
      std::string nis = members->getObject(static_cast<unsigned>(j))->optValue<std::string>("nis", "");
      if (nis.empty() || names.count(nis)) continue;
      if (auto g = refdata::findGemeente(db, nis)) names[nis] = g->name;
    }
  }
  return names;
}

}  // namespace

const std::set<std::string>& publishFormats() {
  static const std::set<std::string> formats = {"turtle", "jsonld"};
  return formats;
}

JsonObject publishRegister(store::Database& db, const JsonObject& in) {
  Reader r(in, "export");
  r.rejectUnknown({"format", "base_uri"});
  std::string format = r.oneOf("format", publishFormats());
  std::string base;
  if (auto given = r.optStr("base_uri")) base = *given;
  else if (const char* env = std::getenv("IGSGOV_BASE_URI"); env && *env) base = env;
  else
    r.fail("base_uri", "geen basis-URI voor de gepubliceerde gegevens: geef --base-uri (bv. https://data.voorbeeld.be/id/) "
                       "of zet IGSGOV_BASE_URI");
  checkBaseUri(base, r.place("base_uri"));

  JsonObject doc = interchange::exportRegister(db, newObject());
  Graph graph = mandatenGraph(doc, base, gemeenteNames(db, doc));
  auto out = newObject();
  out->set("format", format);
  if (format == "turtle") {
    out->set("media_type", std::string("text/turtle; charset=utf-8"));
    out->set("content", toTurtle(graph, exportPrefixes(base)));
  } else {
    out->set("media_type", std::string("application/ld+json"));
    out->set("content", toJsonLd(graph));
  }
  out->set("base_uri", base);
  out->set("triples", static_cast<long long>(graph.size()));
  out->set("journal", doc->get("journal"));
  return out;
}

}  // namespace igsgov::linkeddata

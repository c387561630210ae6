#include "linkeddata/JsonLd.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"
#include "core/Json.hpp"

namespace igsgov::linkeddata {

namespace {

namespace vocab = adapters::sparql::vocab;

void appendObject(std::string& out, const Term& t) {
  if (t.isIri()) {
    out += "{\"@id\": ";
    appendJsonString(out, t.value);
    out += "}";
    return;
  }
  out += "{\"@value\": ";
  appendJsonString(out, t.value);
  if (!t.lang.empty()) {
    out += ", \"@language\": ";
    appendJsonString(out, t.lang);
  } else if (!t.datatype.empty() && t.datatype != std::string(vocab::kXsd) + "string") {
    out += ", \"@type\": ";
    appendJsonString(out, t.datatype);
  }
  out += "}";
}

}  // namespace

std::string toJsonLd(const Graph& graph) {
  const std::string rdfType = std::string(vocab::kRdf) + "type";
  std::string out = "[";
  const std::string* subject = nullptr;
  const std::string* predicate = nullptr;
  for (const auto& t : graph.triples()) {
    if (!subject || *subject != t.subject) {
      if (subject) out += "]},";
      out += "\n  {\"@id\": ";
      appendJsonString(out, t.subject);
      subject = &t.subject;
      predicate = nullptr;
    }
    bool isType = t.predicate == rdfType;
    if (predicate && *predicate == t.predicate) {
      out += ", ";
    } else {
      if (predicate) out += "]";
      out += ",\n   ";
      appendJsonString(out, isType ? std::string("@type") : t.predicate);
      out += ": [";
      predicate = &t.predicate;
    }
    if (isType) appendJsonString(out, t.object.value);
    else appendObject(out, t.object);
  }
  if (subject) out += "]}";
  out += "\n]\n";
  return out;
}

}  // namespace igsgov::linkeddata

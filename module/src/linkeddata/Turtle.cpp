#include "linkeddata/Turtle.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"
#include "core/Error.hpp"
#include "core/Json.hpp"
#include "linkeddata/Iris.hpp"

namespace igsgov::linkeddata {

namespace {

namespace vocab = adapters::sparql::vocab;

bool plainLocal(const std::string& s) {
  if (s.empty() || s[0] == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

std::string iriText(const std::string& value, const Prefixes& prefixes) {
  for (const auto& [prefix, ns] : prefixes)
    if (value.size() > ns.size() && value.compare(0, ns.size(), ns) == 0 && plainLocal(value.substr(ns.size())))
      return prefix + ":" + value.substr(ns.size());
  if (!iriSafe(value)) throw Error(ErrorCode::internal, "IRI met een ongeldig teken in de Turtle-uitvoer: " + value);
  return "<" + value + ">";
}

std::string termText(const Term& t, const Prefixes& prefixes) {
  if (t.isIri()) return iriText(t.value, prefixes);
  // JSON's string escapes (\" \\ \n \r \t \b \f, other controls as \uXXXX) are all
  // Turtle ECHAR/UCHAR escapes, so one escaper serves both writers.
  std::string out;
  appendJsonString(out, t.value);
  if (!t.lang.empty()) out += "@" + t.lang;
  else if (!t.datatype.empty() && t.datatype != std::string(vocab::kXsd) + "string")
    out += "^^" + iriText(t.datatype, prefixes);
  return out;
}

}  // namespace

std::string toTurtle(const Graph& graph, const Prefixes& prefixes) {
  std::string out;
  for (const auto& [prefix, ns] : prefixes) out += "@prefix " + prefix + ": <" + ns + "> .\n";
  const std::string rdfType = std::string(vocab::kRdf) + "type";
  const auto& all = graph.triples();
  for (auto it = all.begin(); it != all.end();) {
    // One block per subject: its rdf:type first ("a"), then the other predicates in order.
    auto end = it;
    while (end != all.end() && end->subject == it->subject) ++end;
    std::vector<const Triple*> block;
    for (auto t = it; t != end; ++t)
      if (t->predicate == rdfType) block.push_back(&*t);
    for (auto t = it; t != end; ++t)
      if (t->predicate != rdfType) block.push_back(&*t);
    out += "\n" + iriText(it->subject, prefixes) + "\n    ";
    const std::string* predicate = nullptr;
    for (const Triple* t : block) {
      if (predicate && *predicate == t->predicate) {
        out += " ,\n        ";
      } else {
        if (predicate) out += " ;\n    ";
        out += (t->predicate == rdfType ? std::string("a") : iriText(t->predicate, prefixes)) + " ";
        predicate = &t->predicate;
      }
      out += termText(t->object, prefixes);
    }
    out += " .\n";
    it = end;
  }
  return out;
}

}  // namespace igsgov::linkeddata

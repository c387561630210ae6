// Rdf: a small in-memory RDF graph for the linked-data export: IRIs and
// literals (typed or language-tagged), no blank nodes (every node the export
// writes has a stable IRI). Value types; not thread-safe to share while adding.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace igsgov::linkeddata {

struct Term {
  enum class Kind { iri, literal };
  Kind kind = Kind::iri;
  std::string value;     // the IRI, or the literal's lexical form
  std::string datatype;  // literal: its datatype IRI (empty for xsd:string or a language string)
  std::string lang;      // literal: language tag

  bool isIri() const { return kind == Kind::iri; }
  auto key() const { return std::tie(kind, value, datatype, lang); }
  bool operator<(const Term& o) const { return key() < o.key(); }
  bool operator==(const Term& o) const { return key() == o.key(); }
};

Term iri(std::string value);
Term text(std::string value);                         // xsd:string
Term textNl(std::string value);                       // rdf:langString @nl
Term typed(std::string value, std::string_view datatype);
Term date(std::string isoDate);                       // xsd:date
Term boolean(bool value);                             // xsd:boolean

struct Triple {
  std::string subject;  // an IRI
  std::string predicate;
  Term object;

  auto key() const { return std::tie(subject, predicate, object); }
  bool operator<(const Triple& o) const { return key() < o.key(); }
};

// A set of triples, ordered by subject, predicate, object (so every output is
// deterministic and grouped per subject). Adding a triple twice keeps one.
class Graph {
public:
  void add(const std::string& subject, std::string_view predicate, Term object);
  void add(const std::string& subject, std::string_view predicate, const std::string& objectIri) = delete;
  const std::set<Triple>& triples() const { return triples_; }
  std::size_t size() const { return triples_.size(); }

private:
  std::set<Triple> triples_;
};

}  // namespace igsgov::linkeddata

#include "linkeddata/Rdf.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"

namespace igsgov::linkeddata {

namespace vocab = adapters::sparql::vocab;

Term iri(std::string value) { return Term{Term::Kind::iri, std::move(value), {}, {}}; }
Term text(std::string value) { return Term{Term::Kind::literal, std::move(value), {}, {}}; }
Term textNl(std::string value) { return Term{Term::Kind::literal, std::move(value), {}, "nl"}; }
Term typed(std::string value, std::string_view datatype) {
  return Term{Term::Kind::literal, std::move(value), std::string(datatype), {}};
}
Term date(std::string isoDate) { return typed(std::move(isoDate), std::string(vocab::kXsd) + "date"); }
Term boolean(bool value) { return typed(value ? "true" : "false", std::string(vocab::kXsd) + "boolean"); }

void Graph::add(const std::string& subject, std::string_view predicate, Term object) {
  triples_.insert(Triple{subject, std::string(predicate), std::move(object)});
}

}  // namespace igsgov::linkeddata

#include "linkeddata/Namespaces.hpp"

#include "adapters/sparql/LblodVocabulary.hpp"

namespace igsgov::linkeddata {

Prefixes exportPrefixes(const std::string& base) {
  namespace v = adapters::sparql::vocab;
  return {{"rdf", std::string(v::kRdf)},       {"rdfs", std::string(v::kRdfs)},
          {"xsd", std::string(v::kXsd)},       {"skos", std::string(v::kSkos)},
          {"org", std::string(v::kOrg)},       {"regorg", std::string(v::kRegorg)},
          {"person", std::string(v::kPerson)}, {"persoon", std::string(v::kPersoonHttp)},
          {"foaf", std::string(v::kFoaf)},     {"prov", std::string(v::kProv)},
          {"dct", std::string(v::kDct)},       {"adms", std::string(v::kAdms)},
          {"eli", std::string(v::kEli)},       {"mandaat", std::string(v::kMandaat)},
          {"besluit", std::string(v::kBesluit)}, {"igsgov", std::string(kIgsgovNs)},
          {"id", base}};
}

}  // namespace igsgov::linkeddata

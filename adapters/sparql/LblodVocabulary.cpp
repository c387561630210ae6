#include "adapters/sparql/LblodVocabulary.hpp"

#include <map>

namespace igsgov::adapters::sparql::vocab {

namespace {
const std::string kEenheidCode = "http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/";
const std::string kStatusCode = "http://data.vlaanderen.be/id/concept/MandatarisStatusCode/";
}  // namespace

std::optional<std::string> legalFormOf(const std::string& classificationUri) {
  static const std::map<std::string, std::string> forms = {
      {kEenheidCode + "b156b67f-c5f4-4584-9b30-4c090be02fdc", "projectvereniging"},
      {kEenheidCode + "d01bb1f6-2439-4e33-9c25-1fc295de2e71", "dienstverlenende_vereniging"},
      {kEenheidCode + "cd93f147-3ece-4308-acab-5c5ada3ec63d", "opdrachthoudende_vereniging"},
      {kEenheidCode + "4b8450cf-a326-4c66-9e63-b4ec10acc7f6", "opdrachthoudende_vereniging_private_deelname"},
      {kEenheidCode + "e8294b73-87c9-4fa2-9441-1937350763c9", "welzijnsvereniging"},
      {kEenheidCode + "cc4e2d67-603b-4784-9b61-e50bac1ec089", "ocmw_vereniging"},
  };
  auto it = forms.find(classificationUri);
  if (it == forms.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> statusOf(const std::string& statusUri) {
  static const std::map<std::string, std::string> codes = {
      {kStatusCode + "21063a5b-912c-4241-841c-cc7fb3c73e75", "effectief"},
      {kStatusCode + "c301248f-0199-45ca-b3e5-4c596731d5fe", "verhinderd"},
      {kStatusCode + "e1ca6edd-55e1-4288-92a5-53f4cf71946a", "waarnemend"},
      {kStatusCode + "aacb3fed-b51d-4e0b-a411-f3fa641da1b3", "titelvoerend"},
  };
  auto it = codes.find(statusUri);
  if (it == codes.end()) return std::nullopt;
  return it->second;
}

}  // namespace igsgov::adapters::sparql::vocab

#include "adapters/sparql/LblodVocabulary.hpp"

#include <array>
#include <utility>

namespace igsgov::adapters::sparql::vocab {

namespace {

const std::string kEenheidCode = "http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/";
const std::string kStatusCode = "http://data.vlaanderen.be/id/concept/MandatarisStatusCode/";

using Code = std::pair<const char*, const char*>;  // concept id in its code list, our name

const std::array<Code, 6> kLegalForms = {{
    {"b156b67f-c5f4-4584-9b30-4c090be02fdc", "projectvereniging"},
    {"d01bb1f6-2439-4e33-9c25-1fc295de2e71", "dienstverlenende_vereniging"},
    {"cd93f147-3ece-4308-acab-5c5ada3ec63d", "opdrachthoudende_vereniging"},
    {"4b8450cf-a326-4c66-9e63-b4ec10acc7f6", "opdrachthoudende_vereniging_private_deelname"},
    {"e8294b73-87c9-4fa2-9441-1937350763c9", "welzijnsvereniging"},
    {"cc4e2d67-603b-4784-9b61-e50bac1ec089", "ocmw_vereniging"},
}};

const std::array<Code, 4> kStatuses = {{
    {"21063a5b-912c-4241-841c-cc7fb3c73e75", "effectief"},
    {"c301248f-0199-45ca-b3e5-4c596731d5fe", "verhinderd"},
    {"e1ca6edd-55e1-4288-92a5-53f4cf71946a", "waarnemend"},
    {"aacb3fed-b51d-4e0b-a411-f3fa641da1b3", "titelvoerend"},
}};

template <std::size_t N>
std::optional<std::string> nameOf(const std::array<Code, N>& codes, const std::string& list, const std::string& uri) {
  for (const auto& [id, name] : codes)
    if (uri == list + id) return std::string(name);
  return std::nullopt;
}

template <std::size_t N>
std::optional<std::string> conceptOf(const std::array<Code, N>& codes, const std::string& list, const std::string& name) {
  for (const auto& [id, n] : codes)
    if (name == n) return list + id;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> legalFormOf(const std::string& classificationUri) {
  return nameOf(kLegalForms, kEenheidCode, classificationUri);
}

std::optional<std::string> legalFormConcept(const std::string& legalForm) {
  return conceptOf(kLegalForms, kEenheidCode, legalForm);
}

std::optional<std::string> statusOf(const std::string& statusUri) {
  return nameOf(kStatuses, kStatusCode, statusUri);
}

std::optional<std::string> statusConcept(const std::string& status) {
  return conceptOf(kStatuses, kStatusCode, status);
}

}  // namespace igsgov::adapters::sparql::vocab

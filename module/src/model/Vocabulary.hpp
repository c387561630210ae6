// Vocabulary: the closed value lists of the register (legal forms, body types,
// roles, sides, statuses, member kinds) with their Dutch labels.
//
// Values are stable snake_case codes stored in the register and the
// interchange format; labels are what users read. See docs/uitwisselformaat.md.
// Immutable process-wide tables; thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>

namespace igsgov::model {

struct CodeList {
  std::map<std::string, std::string> labels;  // code -> Dutch label
  std::set<std::string> codes() const;
  std::string label(const std::string& code) const;  // the code itself when unknown
};

const CodeList& legalForms();   // interlokale_vereniging, projectvereniging, ...
const CodeList& domains();      // cultuur, cultureel_erfgoed, onroerend_erfgoed, wonen, ...
const CodeList& bodyTypes();    // raad_van_bestuur, algemene_vergadering, ...
const CodeList& roles();        // voorzitter, ondervoorzitter, bestuurder, bestuurder_raadgevend, ...
const CodeList& sides();        // meerderheid, oppositie, onafhankelijk
const CodeList& statuses();     // effectief, verhinderd, waarnemend, titelvoerend, beeindigd (OSLO Mandaten)
const CodeList& memberKinds();  // gemeente, ocmw, partner
const CodeList& partnerKinds(); // publiek, privaat_zonder_winstoogmerk, privaat
const CodeList& genders();      // v, m, x (self-declared, optional)
// The roles of the people using the register (API tokens, the catalogue's
// operation roles): beheerder, directeur, secretariaat, auditor.
const CodeList& userRoles();

}  // namespace igsgov::model

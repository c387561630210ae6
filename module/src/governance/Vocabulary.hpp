// Governance vocabulary: document kinds, version statuses, councils, approval
// outcomes and approval rules, with Dutch labels (stable snake_case codes are
// stored in the register and the interchange format; docs/statuten.md).
// Immutable process-wide tables; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "model/Vocabulary.hpp"

namespace igsgov::governance {

const model::CodeList& documentKinds();  // statuten, intern_reglement, oprichtingsakte, samenwerkingsovereenkomst, cultuurnota,
                                         // and the founding evidence (issue 18): engagementsverklaring,
                                         // intentieverklaring, meerjarenplan (the doelstelling each gemeente adopts)
const model::CodeList& versionStatuses(); // ontwerp, voorgelegd, goedgekeurd, in_werking, vervangen
const model::CodeList& councils();        // gemeenteraad, college (van burgemeester en schepenen), ocmw_raad, algemene_vergadering, raad_van_bestuur, beheerscomite
const model::CodeList& outcomes();        // goedgekeurd, verworpen, kennisname
const model::CodeList& approvalRules();   // gemeenteraden, colleges, alle_deelnemers, bestuursorgaan, algemene_vergadering

// Throws Error(invalid) naming `place` when `code` is not in `list`.
void requireCode(const model::CodeList& list, const std::string& code, const std::string& what, const Place& place);

}  // namespace igsgov::governance

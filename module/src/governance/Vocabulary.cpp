#include "governance/Vocabulary.hpp"

#include "core/Error.hpp"

namespace igsgov::governance {

const model::CodeList& documentKinds() {
  static const model::CodeList l{{{"statuten", "statuten"},
                                  {"intern_reglement", "intern reglement"},
                                  {"oprichtingsakte", "oprichtingsakte"},
                                  {"samenwerkingsovereenkomst", "samenwerkingsovereenkomst"},
                                  {"cultuurnota", "cultuurnota"},
                                  {"engagementsverklaring", "engagementsverklaring"},
                                  {"intentieverklaring", "intentieverklaring"},
                                  {"meerjarenplan", "doelstelling in het meerjarenplan"},
                                  {"subsidieaanvraag", "subsidieaanvraag"}}};
  return l;
}

const model::CodeList& versionStatuses() {
  static const model::CodeList l{{{"ontwerp", "ontwerp"},
                                  {"voorgelegd", "voorgelegd"},
                                  {"goedgekeurd", "goedgekeurd"},
                                  {"in_werking", "in werking"},
                                  {"vervangen", "vervangen"}}};
  return l;
}

const model::CodeList& councils() {
  static const model::CodeList l{{{"gemeenteraad", "gemeenteraad"},
                                  {"college", "college van burgemeester en schepenen"},
                                  {"ocmw_raad", "OCMW-raad"},
                                  {"algemene_vergadering", "algemene vergadering"},
                                  {"raad_van_bestuur", "raad van bestuur"},
                                  {"beheerscomite", "beheerscomité"},
                                  {"vlaamse_overheid", "Vlaamse overheid"}}};
  return l;
}

const model::CodeList& outcomes() {
  static const model::CodeList l{{{"goedgekeurd", "goedgekeurd"}, {"verworpen", "verworpen"}, {"kennisname", "kennisname"}}};
  return l;
}

const model::CodeList& approvalRules() {
  static const model::CodeList l{
      {{"gemeenteraden", "elke deelnemende gemeenteraad keurt goed"},
       {"colleges", "elk college van burgemeester en schepenen van een deelnemende gemeente keurt goed"},
       {"alle_deelnemers", "elke deelnemer keurt goed (gemeenteraad, OCMW-raad of eigen orgaan)"},
       {"bestuursorgaan", "het bestuursorgaan (raad van bestuur of beheerscomité) keurt goed"},
       {"algemene_vergadering", "de algemene vergadering keurt goed"},
       {"vlaamse_overheid", "de Vlaamse overheid beslist (een subsidieaanvraag)"}}};
  return l;
}

void requireCode(const model::CodeList& list, const std::string& code, const std::string& what, const Place& place) {
  if (list.labels.count(code)) return;
  std::string allowed;
  for (const auto& c : list.codes()) allowed += (allowed.empty() ? "" : ", ") + c;
  throwInvalid("onbekende " + what + " '" + code + "' (toegelaten: " + allowed + ")", place);
}

}  // namespace igsgov::governance

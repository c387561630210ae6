#include "model/Vocabulary.hpp"

namespace igsgov::model {

std::set<std::string> CodeList::codes() const {
  std::set<std::string> out;
  for (const auto& [k, v] : labels) out.insert(k);
  return out;
}

std::string CodeList::label(const std::string& code) const {
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

const CodeList& legalForms() {
  static const CodeList l{{{"interlokale_vereniging", "interlokale vereniging"},
                           {"projectvereniging", "projectvereniging"},
                           {"dienstverlenende_vereniging", "dienstverlenende vereniging"},
                           {"opdrachthoudende_vereniging", "opdrachthoudende vereniging"},
                           {"opdrachthoudende_vereniging_private_deelname", "opdrachthoudende vereniging met private deelname"},
                           {"welzijnsvereniging", "welzijnsvereniging"}}};
  return l;
}

const CodeList& domains() {
  static const CodeList l{{{"cultuur", "cultuur"},
                           {"cultureel_erfgoed", "cultureel erfgoed (erfgoedcel)"},
                           {"onroerend_erfgoed", "onroerend erfgoed (IOED)"},
                           {"wonen", "wonen"},
                           {"welzijn", "welzijn"},
                           {"crisisopvang", "crisisopvang"},
                           {"afval", "afval en materialen"},
                           {"economie", "economie"},
                           {"ruimte", "ruimtelijke ordening"},
                           {"mobiliteit", "mobiliteit"},
                           {"sport", "sport"},
                           {"jeugd", "jeugd"},
                           {"ict", "ICT"},
                           {"energie", "energie"},
                           {"veiligheid", "veiligheid"},
                           {"andere", "andere"}}};
  return l;
}

const CodeList& bodyTypes() {
  static const CodeList l{{{"raad_van_bestuur", "raad van bestuur"},
                           {"algemene_vergadering", "algemene vergadering"},
                           {"beheerscomite", "beheerscomité"},
                           {"adviescomite", "adviescomité"},
                           {"stuurgroep", "stuurgroep"},
                           {"projectgroep", "projectgroep"}}};
  return l;
}

const CodeList& roles() {
  static const CodeList l{{{"voorzitter", "voorzitter"},
                           {"ondervoorzitter", "ondervoorzitter"},
                           {"bestuurder", "bestuurder"},
                           {"bestuurder_raadgevend", "bestuurder met raadgevende stem"},
                           {"plaatsvervanger", "plaatsvervanger"},
                           {"deskundige", "deskundige"},
                           {"afgevaardigde", "afgevaardigde"}}};
  return l;
}

const CodeList& sides() {
  static const CodeList l{{{"meerderheid", "meerderheid"}, {"oppositie", "oppositie"}, {"onafhankelijk", "onafhankelijk"}}};
  return l;
}

const CodeList& statuses() {
  static const CodeList l{{{"effectief", "effectief"},
                           {"verhinderd", "verhinderd"},
                           {"waarnemend", "waarnemend"},
                           {"titelvoerend", "titelvoerend"},
                           {"beeindigd", "beëindigd"}}};
  return l;
}

const CodeList& memberKinds() {
  static const CodeList l{{{"gemeente", "gemeente"}, {"ocmw", "OCMW"}, {"partner", "andere partner"}}};
  return l;
}

const CodeList& partnerKinds() {
  static const CodeList l{{{"publiek", "publiek"},
                           {"privaat_zonder_winstoogmerk", "privaat zonder winstoogmerk"},
                           {"privaat", "privaat"}}};
  return l;
}

const CodeList& genders() {
  static const CodeList l{{{"v", "vrouw"}, {"m", "man"}, {"x", "x"}}};
  return l;
}

const CodeList& userRoles() {
  static const CodeList l{{{"beheerder", "beheerder"},
                           {"directeur", "algemeen directeur"},
                           {"secretariaat", "secretariaat"},
                           {"auditor", "auditor (enkel lezen)"}}};
  return l;
}

}  // namespace igsgov::model

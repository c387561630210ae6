#include "evidence/PackReadme.hpp"

#include "core/Date.hpp"

namespace igsgov::evidence {

namespace {

std::string periodText(const JsonObject& summary) {
  auto until = Date::parse(summary->getValue<std::string>("until"));
  std::string text = summary->isNull("from") ? "vanaf het begin van het register"
                                              : "van " + dutchLongDate(*Date::parse(summary->getValue<std::string>("from")));
  return text + " tot en met " + dutchLongDate(*until);
}

}  // namespace

std::string packReadme(const JsonObject& summary) {
  auto coop = summary->getObject("cooperation");
  bool intact = summary->getValue<bool>("journal_intact");
  bool isSigned = summary->getValue<bool>("signed");
  std::string t;
  t += "BEWIJSPAKKET VOOR DE AUDITOR\r\n============================\r\n\r\n";
  t += "Samenwerkingsverband: " + coop->getValue<std::string>("name") + " (" + coop->getValue<std::string>("id") + ")\r\n";
  t += "Periode: " + periodText(summary) + "\r\n";
  t += "Gemaakt op: " + summary->getValue<std::string>("made_at") + " (UTC)\r\n";
  t += std::string("Journaal bij het maken: ") + (intact ? "intact" : "NIET INTACT, zie journaal/controle.txt") + "\r\n";
  t += std::string("Manifest ondertekend: ") + (isSigned ? "ja" : "NEE") + "\r\n\r\n";
  t += "Dit pakket komt uit het bestuursregister igsgov. U kunt alles nagaan zonder igsgov:\r\n"
       "u hebt alleen de gewone programma's sha256sum en openssl nodig (op Windows: in Git Bash of WSL).\r\n\r\n";
  t += "WAT IN HET PAKKET ZIT\r\n---------------------\r\n"
       "LEESMIJ.txt                  deze uitleg\r\n"
       "pakket.json                  samenvatting: samenwerkingsverband, periode, aantallen, kop van het journaal\r\n"
       "MANIFEST.sha256              de SHA-256 van elk ander bestand (formaat van sha256sum)\r\n"
       "MANIFEST.sha256.p7s          de handtekening over het manifest (CMS, DER), als het pakket ondertekend is\r\n"
       "certificaat.pem              het certificaat van wie ondertekende\r\n"
       "journaal/regels.json, .csv   de journaalregels van de periode: wie, wanneer, welke operatie, waarom, hash\r\n"
       "journaal/controle.txt, .json het resultaat van de controle van de hele hashketen en van elke rij\r\n"
       "journaal/controlepunt.txt    de kop van de keten (regel, tijd, hash; ondertekend als het register een sleutel heeft)\r\n"
       "bestuur/ORGAAN.csv           de samenstelling van elk orgaan op de eerste dag van de periode en op elke\r\n"
       "                             datum waarop ze veranderde (kolom 'datum'); opent in Excel\r\n"
       "statuten/DOCUMENT/...        elke versie van statuten en reglementen uit de periode, met het bestand\r\n"
       "                             en geschiedenis.json (statussen en goedkeuringen per gemeente)\r\n"
       "bevindingen/                 de bevindingen van de nalevingscontrole op de laatste dag van de periode,\r\n"
       "                             met hun rechtsgrond en erkenningen\r\n"
       "documenten/herkomst.json     de gemaakte documenten met hun herkomst (sjabloon, gegevensdatum,\r\n"
       "                             journaalpositie, SHA-256) en, waar het nog bestond, het bestand zelf\r\n\r\n";
  t += "ZO CONTROLEERT U HET PAKKET\r\n---------------------------\r\n"
       "1. Pak de ZIP uit in een lege map en ga naar die map.\r\n\r\n"
       "2. Controleer of elk bestand ongewijzigd is:\r\n\r\n"
       "     sha256sum -c MANIFEST.sha256\r\n\r\n"
       "   Elke regel moet eindigen op 'OK'. Een gewijzigd bestand geeft 'MISLUKT' of 'FAILED'.\r\n\r\n"
       "3. Controleer de handtekening over het manifest:\r\n\r\n"
       "     openssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s -content MANIFEST.sha256 \\\r\n"
       "       -CAfile certificaat.pem -purpose any -out /dev/null\r\n\r\n"
       "   Het antwoord moet 'CMS Verification successful' zijn. Heeft een certificatie-autoriteit het\r\n"
       "   certificaat uitgereikt, gebruik dan haar certificaat bij -CAfile.\r\n\r\n"
       "4. Ga na dat het certificaat echt van het samenwerkingsverband is: een handtekening bewijst alleen\r\n"
       "   iets als u de ondertekenaar vertrouwt. Toon de vingerafdruk:\r\n\r\n"
       "     openssl x509 -in certificaat.pem -noout -subject -fingerprint -sha256\r\n\r\n"
       "   en vergelijk ze met de vingerafdruk die u langs een andere weg kreeg (brief, telefoon, website).\r\n"
       "   Stap 2 en 3 samen bewijzen dan dat geen enkel bestand na het ondertekenen veranderde.\r\n\r\n"
       "5. Het journaal: journaal/controle.txt zegt of de hashketen bij het maken intact was. Elke regel in\r\n"
       "   journaal/regels.csv draagt de hash van de vorige regel ('vorige hash'); de kolommen sluiten op\r\n"
       "   elkaar aan. Bewaar journaal/controlepunt.txt: een later pakket moet dezelfde regel met dezelfde\r\n"
       "   hash bevatten, anders werd het journaal herschreven.\r\n";
  if (!isSigned)
    t += "\r\nOPGELET: dit pakket is niet ondertekend. Stap 2 toont alleen dat de bestanden bij het manifest\r\n"
         "passen, niet wie het manifest maakte.\r\n";
  return t;
}

}  // namespace igsgov::evidence

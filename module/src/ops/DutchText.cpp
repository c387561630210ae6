#include "ops/DutchText.hpp"

#include "core/Date.hpp"
#include "core/LocalTime.hpp"
#include "finance/Money.hpp"
#include "model/Vocabulary.hpp"

#include <map>
#include <regex>

namespace igsgov::ops {
namespace {

const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m = {
      {"access", "toegang"},
      {"accounts", "accounts"},
      {"acknowledged", "erkend"},
      {"actions", "acties"},
      {"actor", "door"},
      {"added", "toegevoegd"},
      {"added_by", "toegevoegd door"},
      {"advisory", "raadgevend"},
      {"after", "na"},
      {"amounts", "bedragen"},
      {"approvals", "goedkeuringen"},
      {"approvals_missing", "ontbrekende goedkeuringen"},
      {"as_of", "op datum"},
      {"at", "tijdstip"},
      {"basis", "grondslag"},
      {"before", "voor"},
      {"bodies", "organen"},
      {"body", "orgaan"},
      {"body_active", "orgaan actief"},
      {"bytes", "bytes"},
      {"chain", "keten"},
      {"changed", "gewijzigd"},
      {"changes", "wijzigingen"},
      {"checkpoint", "controlepunt"},
      {"checkpoints", "controlepunten"},
      {"checkpoints_matched", "controlepunten die kloppen"},
      {"citation", "bron"},
      {"code", "code"},
      {"compiled", "samengesteld"},
      {"conflicts", "conflicten"},
      {"content_sha256", "SHA-256 van de inhoud"},
      {"cooperation", "samenwerkingsverband"},
      {"cooperation_name", "naam samenwerkingsverband"},
      {"cooperations", "samenwerkingsverbanden"},
      {"council", "raad"},
      {"count", "aantal"},
      {"counts", "aantallen"},
      {"created", "aangemaakt"},
      {"current", "huidig"},
      {"date", "datum"},
      {"deadlines", "termijnen"},
      {"decision", "besluit"},
      {"description", "omschrijving"},
      {"disabled", "uitgeschakeld"},
      {"display_name", "naam"},
      {"document", "document"},
      {"documents", "documenten"},
      {"domain", "domein"},
      {"effective_from", "in werking vanaf"},
      {"effects", "gewijzigde rijen"},
      {"email", "e-mail"},
      {"ended", "beëindigd"},
      {"entries", "journaalregels"},
      {"errors", "fouten"},
      {"exit_code", "afsluitcode"},
      {"fictitious", "fictief"},
      {"file", "bestand"},
      {"file_name", "bestandsnaam"},
      {"file_sha256", "SHA-256 van het bestand"},
      {"files", "bestanden"},
      {"findings", "bevindingen"},
      {"fixed_cents", "vast bedrag"},
      {"format", "formaat"},
      {"founded", "opgericht"},
      {"fractie", "fractie"},
      {"from", "van"},
      {"gender", "geslacht"},
      {"generated", "gemaakt"},
      {"generated_at", "gemaakt op"},
      {"grants", "rollen"},
      {"hash", "hash"},
      {"head_at", "laatste regel op"},
      {"head_hash", "hash laatste regel"},
      {"head_seq", "laatste journaalregel"},
      {"holders", "houders"},
      {"id", "id"},
      {"in_force", "in werking"},
      {"info", "info"},
      {"inhabitants", "inwoners"},
      {"items", "posten"},
      {"journal", "journaal"},
      {"journal_seq", "journaalregel"},
      {"more", "meer"},
      {"kbo", "KBO-nummer"},
      {"key", "sleutel"},
      {"key_id", "sleutel-id"},
      {"key_ids", "sleutel-id's"},
      {"keys", "verdeelsleutels"},
      {"kind", "soort"},
      {"known_at", "zoals gekend op"},
      {"label", "label"},
      {"legal_form", "rechtsvorm"},
      {"link", "koppeling"},
      {"mandate", "mandaat"},
      {"mandates", "mandaten"},
      {"media_type", "mediatype"},
      {"meerderheid", "meerderheid"},
      {"member", "deelnemer"},
      {"members", "deelnemers"},
      {"message", "melding"},
      {"missing", "ontbreekt"},
      {"name", "naam"},
      {"nis", "NIS-code"},
      {"not_evaluable", "niet te beoordelen"},
      {"ok", "in orde"},
      {"operation", "operatie"},
      {"oppositie", "oppositie"},
      {"owner", "eigenaar"},
      {"owner_kind", "soort eigenaar"},
      {"partner_kind", "soort partner"},
      {"path", "pad"},
      {"pending", "wacht op"},
      {"period", "periode"},
      {"person", "persoon"},
      {"persons", "personen"},
      {"plans", "meerjarenplannen"},
      {"population", "inwoners"},
      {"predecessor", "opvolger van"},
      {"new_id", "nieuw mandaat"},
      {"reason", "reden"},
      {"recorded", "geregistreerd"},
      {"recorded_at", "geregistreerd op"},
      {"records", "betreft"},
      {"reference", "kenmerk"},
      {"referentieregio", "referentieregio"},
      {"removed", "verwijderd"},
      {"retracted", "ingetrokken"},
      {"revoked", "ingetrokken"},
      {"role", "rol"},
      {"roles", "rollen"},
      {"rows", "rijen"},
      {"rule", "regel"},
      {"rules_evaluated", "regels beoordeeld"},
      {"rules_source", "bron van de regels"},
      {"rate_micro_eur", "tarief"},
      {"schedule", "schema"},
      {"schedule_years", "boekjaren met een schema"},
      {"seat", "zetel"},
      {"seat_nis", "NIS-code zetel"},
      {"seats", "zetels"},
      {"seq", "regel"},
      {"severity", "ernst"},
      {"sha256", "SHA-256"},
      {"side", "kant"},
      {"signature", "handtekening"},
      {"signatures_checked", "handtekeningen gecontroleerd"},
      {"signed_entries", "ondertekende regels"},
      {"size", "grootte"},
      {"source", "bron"},
      {"started", "begonnen"},
      {"state", "toestand"},
      {"status", "status"},
      {"submitted", "ingediend"},
      {"targets", "syncdoelen"},
      {"template", "sjabloon"},
      {"term_end", "einde looptijd"},
      {"title", "titel"},
      {"tokens", "API-tokens"},
      {"total", "totaal"},
      {"total_cents", "totaal"},
      {"type", "type"},
      {"until", "tot en met"},
      {"uri", "URI"},
      {"valid_until", "geldig tot"},
      {"verified", "gecontroleerd"},
      {"version", "versie"},
      {"version_id", "versie"},
      {"version_label", "versie"},
      {"versions", "versies"},
      {"voting", "stemgerechtigd"},
      {"warnings", "waarschuwingen"},
      {"year", "boekjaar"},
      {"years", "boekjaren"},
  };
  return m;
}

// The recorded kinds of change and other English words that operations put in values.
const std::map<std::string, std::string>& words() {
  static const std::map<std::string, std::string> m = {
      {"create", "registratie"},   {"change", "toestandswijziging"}, {"correction", "correctie"},
      {"retraction", "intrekking"}, {"end", "beëindiging"},          {"import", "inlezing"},
      {"cooperation", "samenwerkingsverband"}, {"member", "deelnemer"}, {"body", "orgaan"},
      {"seat", "zetel"},           {"person", "persoon"},            {"mandate", "mandaat"},
      {"document", "document"},    {"version", "versie"},
      {"per_inhabitant", "per inwoner"}, {"fixed_plus_per_inhabitant", "vast bedrag plus per inwoner"},
      {"per_unit", "per eenheid"},  {"weights", "volgens gewichten"},   {"fixed_amounts", "vaste bedragen"},
  };
  return m;
}

bool isValueWordKey(const std::string& key) { return key == "kind" || key == "recorded_kind" || key == "owner_kind"; }

// The closed value lists whose codes read as their Dutch label ("beheerscomite" -> "beheerscomité").
const model::CodeList* codeList(const std::string& key) {
  static const std::map<std::string, const model::CodeList*> m = {
      {"legal_form", &model::legalForms()}, {"domain", &model::domains()},   {"type", &model::bodyTypes()},
      {"role", &model::roles()},            {"side", &model::sides()},       {"status", &model::statuses()},
      {"partner_kind", &model::partnerKinds()}};
  auto it = m.find(key);
  return it == m.end() ? nullptr : it->second;
}

bool looksLikeDate(const std::string& s) {
  static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  return s.size() == 10 && std::regex_match(s, date);
}

bool looksLikeTimestamp(const std::string& s) {
  static const std::regex ts(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
  return s.size() >= 20 && std::regex_match(s, ts);
}

}  // namespace

std::string dutchLabel(const std::string& key) {
  auto it = labels().find(key);
  if (it != labels().end()) return it->second;
  std::string out = key;
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

bool hasDutchLabel(const std::string& key) { return labels().count(key) > 0; }

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string dutchValue(const std::string& key, const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "-";
  if (v.type() == typeid(bool)) return v.extract<bool>() ? "ja" : "nee";
  if (v.isInteger() && key.size() > 6 && key.ends_with("_cents"))
    return finance::formatEuro(finance::Cents(v.convert<std::int64_t>()));
  if (v.isInteger() && key == "rate_micro_eur") return finance::formatRate(finance::Rate(v.convert<std::int64_t>()));
  std::string s = v.convert<std::string>();
  if (looksLikeDate(s)) {
    if (auto d = Date::parse(s)) return dutchLongDate(*d);
  }
  if (looksLikeTimestamp(s)) return dutchDateTime(s);
  if (isValueWordKey(key)) {
    auto it = words().find(s);
    if (it != words().end()) return it->second;
  }
  if (const auto* list = codeList(key)) return list->label(s);
  return s;
}

}  // namespace igsgov::ops

#include "model/Identifiers.hpp"

#include <cctype>
#include <string_view>

namespace igsgov::model {

std::optional<std::string> normaliseKbo(const std::string& text, std::string& why) {
  std::string digits;
  std::string t = text;
  if (t.rfind("BE", 0) == 0) t = t.substr(2);
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    else if (c != '.' && c != ' ') {
      why = "een KBO-nummer bevat enkel cijfers en punten";
      return std::nullopt;
    }
  }
  if (digits.size() == 9) digits = "0" + digits;  // old 9-digit notation
  if (digits.size() != 10) {
    why = "een KBO-nummer telt 10 cijfers";
    return std::nullopt;
  }
  if (digits[0] != '0' && digits[0] != '1') {
    why = "een KBO-nummer begint met 0 of 1";
    return std::nullopt;
  }
  long long first8 = std::stoll(digits.substr(0, 8));
  int check = std::stoi(digits.substr(8, 2));
  if (97 - first8 % 97 != check) {
    why = "het controlegetal klopt niet (verwacht " + std::to_string(97 - first8 % 97) + ")";
    return std::nullopt;
  }
  return digits.substr(0, 4) + "." + digits.substr(4, 3) + "." + digits.substr(7, 3);
}

bool isNisCode(const std::string& text) {
  if (text.size() != 5) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool isRecordId(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-')) return false;
  return true;
}

bool looksLikeRijksregisternummer(const std::string& text) {
  // 11 digits, optionally written YY.MM.DD-XXX.CC, with a valid mod-97 check
  // for births before or after 2000.
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    else if (c != '.' && c != '-' && c != ' ') digits.push_back('#');
  }
  for (size_t i = 0; i + 11 <= digits.size(); ++i) {
    std::string d = digits.substr(i, 11);
    if (d.find('#') != std::string::npos) continue;
    if (i + 11 < digits.size() && digits[i + 11] != '#') continue;
    if (i > 0 && digits[i - 1] != '#') continue;
    long long base = std::stoll(d.substr(0, 9));
    int check = std::stoi(d.substr(9, 2));
    if (97 - base % 97 == check || 97 - (2000000000LL + base) % 97 == check) return true;
  }
  return false;
}

std::optional<std::string> registerUriProblem(const std::string& text) {
  const std::string allowed = "alleen http://…, https://… of urn:… is toegelaten";
  for (unsigned char c : text)
    if (c <= 0x20 || c == 0x7f || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos)
      return "URI '" + text + "' bevat een teken dat in een URI niet mag (spatie, <, >, \", {, }, |, \\, ^ of `)";
  std::string lower;
  for (char c : text.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view scheme : {"http://", "https://"}) {
    if (lower.rfind(scheme, 0) != 0) continue;
    std::string_view rest = std::string_view(text).substr(scheme.size());
    if (rest.empty() || rest.front() == '/' || rest.front() == '?' || rest.front() == '#')
      return "URI '" + text + "' heeft geen domeinnaam (bv. https://data.vlaanderen.be/id/…)";
    return std::nullopt;
  }
  if (lower.rfind("urn:", 0) == 0) {
    // urn:<nid>:<nss>, nid 2-32 letters, digits or hyphens starting with a letter or digit (RFC 8141).
    std::string_view rest = std::string_view(text).substr(4);
    auto colon = rest.find(':');
    bool nidOk = colon != std::string_view::npos && colon >= 2 && colon <= 32 && rest.front() != '-';
    for (std::size_t i = 0; nidOk && i < colon; ++i)
      nidOk = std::isalnum(static_cast<unsigned char>(rest[i])) || rest[i] == '-';
    if (!nidOk || colon + 1 >= rest.size())
      return "URN '" + text + "' heeft niet de vorm urn:naamruimte:naam (bv. urn:uuid:…)";
    return std::nullopt;
  }
  return "URI '" + text + "' is niet toegelaten: " + allowed;
}

}  // namespace igsgov::model

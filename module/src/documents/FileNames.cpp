#include "documents/FileNames.hpp"

#include <Poco/Unicode.h>
#include <Poco/UTF8String.h>
#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

namespace igsgov::documents {

namespace {
// Latin letters with diacritics used in Dutch, French and German names → ASCII.
char fold(int cp) {
  if (cp < 128) return static_cast<char>(cp);
  static const std::pair<const char*, char> table[] = {
      {"àáâãäåāă", 'a'}, {"çćč", 'c'}, {"ďđ", 'd'}, {"èéêëēėęě", 'e'}, {"ìíîïī", 'i'}, {"ñńň", 'n'},
      {"òóôõöøō", 'o'}, {"ùúûüū", 'u'}, {"ýÿ", 'y'}, {"žźż", 'z'}, {"šś", 's'}, {"ř", 'r'}, {"ł", 'l'},
      {"ÀÁÂÃÄÅ", 'a'}, {"Ç", 'c'}, {"ÈÉÊË", 'e'}, {"ÌÍÎÏ", 'i'}, {"Ñ", 'n'}, {"ÒÓÔÕÖØ", 'o'}, {"ÙÚÛÜ", 'u'}, {"Ý", 'y'}};
  Poco::UTF8Encoding utf8;
  for (const auto& [letters, ascii] : table) {
    std::string s(letters);
    Poco::TextIterator it(s, utf8), end(s);
    for (; it != end; ++it)
      if (*it == cp) return ascii;
  }
  return '-';
}
}  // namespace

std::string slug(const std::string& text) {
  Poco::UTF8Encoding utf8;
  Poco::TextIterator it(text, utf8), end(text);
  std::string out;
  for (; it != end; ++it) {
    int cp = *it;
    char c = fold(cp < 0 ? '-' : cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!ok) c = '-';
    if (c == '-' && (out.empty() || out.back() == '-')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::string memberFileName(const std::string& templateName, const std::string& cooperation, const std::string& nis,
                           const std::string& gemeente, const std::string& memberId, const std::string& ext) {
  std::string who = nis.empty() ? slug(memberId) : slug(nis) + "_" + slug(gemeente);
  return slug(templateName) + "_" + slug(cooperation) + "_" + who + "." + ext;
}

std::string cooperationFileName(const std::string& templateName, const std::string& cooperation,
                                const std::string& asOf, const std::string& ext) {
  return slug(templateName) + "_" + slug(cooperation) + "_" + slug(asOf) + "." + ext;
}

std::string batchFileName(const std::string& templateName, const std::string& cooperation, long long generation) {
  return slug(templateName) + "_" + slug(cooperation) + "_" + std::to_string(generation) + ".zip";
}

}  // namespace igsgov::documents

#include "linkeddata/Iris.hpp"

#include <cstdio>

namespace igsgov::linkeddata {

namespace {

void percent(std::string& out, unsigned char c) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%%%02X", c);
  out += buf;
}

// Characters an IRIREF may not hold (RFC 3987 excluded and Turtle's list).
bool forbidden(unsigned char c) {
  return c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
         c == '\\' || c == '^' || c == '`';
}

bool hasScheme(const std::string& s) {
  auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string checkBaseUri(const std::string& base, const Place& place) {
  bool http = base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0;
  if (!http) throwInvalid("de basis-URI moet met https:// (of http://) beginnen", place);
  auto hostStart = base.find("//") + 2;
  if (base.size() <= hostStart || base[hostStart] == '/')
    throwInvalid("de basis-URI heeft geen domeinnaam", place);
  for (unsigned char c : base)
    if (forbidden(c))
      throwInvalid("de basis-URI bevat een teken dat in een URI niet mag (spatie, <, >, \", {, }, |, \\, ^ of `)",
                   place);
  if (base.find_first_of("?#") != std::string::npos)
    throwInvalid("de basis-URI mag geen ? of # bevatten", place);
  if (base.back() != '/') throwInvalid("de basis-URI moet op / eindigen, bv. https://data.voorbeeld.be/id/", place);
  return base;
}

std::string segment(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                 c == '_' || c == '~' || c == '-';
    if (plain) out += static_cast<char>(c);
    else percent(out, c);
  }
  return out;
}

std::string externalIri(const std::string& text, const Place& place) {
  if (!hasScheme(text))
    throwInvalid("'" + text + "' is geen absolute URI (verwacht bv. https://…); verbeter het register", place);
  std::string out;
  for (unsigned char c : text) {
    if (forbidden(c)) percent(out, c);
    else out += static_cast<char>(c);
  }
  return out;
}

bool iriSafe(const std::string& iri) {
  for (unsigned char c : iri)
    if (forbidden(c)) return false;
  return true;
}

}  // namespace igsgov::linkeddata

#include "adapters/common/Names.hpp"

#include "core/Error.hpp"

#include <Poco/UTF8Encoding.h>
#include <Poco/UTF8String.h>

#include <cstdint>

namespace igsgov::adapters {
namespace {

// One combining mark and the precomposed letters it forms with ASCII bases.
struct Composition {
  char32_t mark;
  const char* bases;            // ASCII base letters
  const char32_t* composed;     // same length as bases
};

constexpr char32_t graveC[] = {0xC0, 0xC8, 0xCC, 0xD2, 0xD9, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9};
constexpr char32_t acuteC[] = {0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDD, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD,
                               0x106, 0x107, 0x143, 0x144, 0x15A, 0x15B, 0x179, 0x17A};
constexpr char32_t circC[] = {0xC2, 0xCA, 0xCE, 0xD4, 0xDB, 0xE2, 0xEA, 0xEE, 0xF4, 0xFB};
constexpr char32_t tildeC[] = {0xC3, 0xD1, 0xD5, 0xE3, 0xF1, 0xF5};
constexpr char32_t diaC[] = {0xC4, 0xCB, 0xCF, 0xD6, 0xDC, 0xE4, 0xEB, 0xEF, 0xF6, 0xFC, 0xFF, 0x178};
constexpr char32_t ringC[] = {0xC5, 0xE5, 0x16E, 0x16F};
constexpr char32_t cedC[] = {0xC7, 0xE7, 0x15E, 0x15F};
constexpr char32_t caronC[] = {0x10C, 0x10D, 0x160, 0x161, 0x17D, 0x17E, 0x11A, 0x11B, 0x158, 0x159, 0x147, 0x148};

constexpr Composition table[] = {
    {0x300, "AEIOUaeiou", graveC},
    {0x301, "AEIOUYaeiouyCcNnSsZz", acuteC},
    {0x302, "AEIOUaeiou", circC},
    {0x303, "ANOano", tildeC},
    {0x308, "AEIOUaeiouyY", diaC},
    {0x30A, "AaUu", ringC},
    {0x327, "CcSs", cedC},
    {0x30C, "CcSsZzEeRrNn", caronC},
};

char32_t compose(char32_t base, char32_t mark) {
  if (base > 0x7f) return 0;
  for (const auto& c : table) {
    if (c.mark != mark) continue;
    for (std::size_t i = 0; c.bases[i]; ++i)
      if (static_cast<char32_t>(c.bases[i]) == base) return c.composed[i];
    return 0;
  }
  return 0;
}

std::vector<char32_t> decode(std::string_view s) {
  Poco::UTF8Encoding enc;
  std::vector<char32_t> out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    int n = enc.sequenceLength(p, static_cast<int>(end - p));
    if (n <= 0 || n > end - p || !enc.isLegal(p, n))
      throwInvalid("naam is geen geldige UTF-8", Place().set("path", std::string(s)));
    int cp = enc.queryConvert(p, n);
    if (cp < 0) throwInvalid("naam is geen geldige UTF-8", Place().set("path", std::string(s)));
    out.push_back(static_cast<char32_t>(cp));
    p += n;
  }
  return out;
}

void encode(std::string& out, char32_t cp) {
  unsigned char buf[4];
  Poco::UTF8Encoding enc;
  int n = enc.convert(static_cast<int>(cp), buf, 4);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

}  // namespace

std::string nfc(std::string_view utf8) {
  std::vector<char32_t> cps = decode(utf8);
  std::string out;
  out.reserve(utf8.size());
  std::vector<char32_t> composed;
  composed.reserve(cps.size());
  for (char32_t cp : cps) {
    if (!composed.empty()) {
      char32_t c = compose(composed.back(), cp);
      if (c) {
        composed.back() = c;
        continue;
      }
    }
    composed.push_back(cp);
  }
  for (char32_t cp : composed) encode(out, cp);
  return out;
}

std::string nameKey(std::string_view utf8) {
  return Poco::UTF8::toLower(nfc(utf8));
}

std::optional<std::string> findClash(const std::vector<std::string>& existing, std::string_view candidate) {
  std::string key = nameKey(candidate);
  for (const auto& name : existing)
    if (name != candidate && nameKey(name) == key) return name;
  return std::nullopt;
}

}  // namespace igsgov::adapters

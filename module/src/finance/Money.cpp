#include "finance/Money.hpp"

#include <limits>

namespace igsgov::finance {
namespace {

using Wide = __int128;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

[[noreturn]] void tooLarge() { throwInvalid("bedrag te groot (buiten het bereik van 64 bit cent)"); }

std::int64_t narrow(Wide v, const Place& place = {}) {
  if (v > kMax || v < kMin) throwInvalid("bedrag te groot (buiten het bereik van 64 bit cent)", place);
  return static_cast<std::int64_t>(v);
}

bool isSpace(const std::string& s, std::size_t i, std::size_t& len) {
  if (s[i] == ' ' || s[i] == '\t') { len = 1; return true; }
  if (s.compare(i, 2, "\xC2\xA0") == 0) { len = 2; return true; }            // no-break space
  if (s.compare(i, 3, "\xE2\x80\xAF") == 0) { len = 3; return true; }        // narrow no-break space
  return false;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size(), len = 0;
  while (b < e && isSpace(s, b, len)) b += len;
  // trailing: scan back over ASCII spaces and the UTF-8 spaces
  for (bool again = true; again && e > b;) {
    again = false;
    if (s[e - 1] == ' ' || s[e - 1] == '\t') { --e; again = true; }
    else if (e - b >= 2 && s.compare(e - 2, 2, "\xC2\xA0") == 0) { e -= 2; again = true; }
    else if (e - b >= 3 && s.compare(e - 3, 3, "\xE2\x80\xAF") == 0) { e -= 3; again = true; }
  }
  return s.substr(b, e - b);
}

const std::string kEuro = "\xE2\x82\xAC";

// Parses Belgian notation into an integer scaled by 10^scale.
// what: "bedrag" or "tarief" for messages.
std::int64_t parseScaled(const std::string& text, int scale, const Place& place, bool isRate) {
  const std::string what = isRate ? "tarief" : "bedrag";
  auto bad = [&](const std::string& why) {
    throwInvalid("geen geldig " + what + " '" + text + "': " + why, place);
  };
  std::string s = trim(text);
  bool negative = false;
  if (!s.empty() && s[0] == '-') { negative = true; s = trim(s.substr(1)); }
  if (s.compare(0, kEuro.size(), kEuro) == 0) s = trim(s.substr(kEuro.size()));
  else if (s.size() >= kEuro.size() && s.compare(s.size() - kEuro.size(), kEuro.size(), kEuro) == 0)
    s = trim(s.substr(0, s.size() - kEuro.size()));
  if (!negative && !s.empty() && s[0] == '-') { negative = true; s = trim(s.substr(1)); }
  if (s.empty()) bad("leeg");

  std::size_t comma = s.find(',');
  std::string intPart = s.substr(0, comma);
  std::string frac = comma == std::string::npos ? "" : s.substr(comma + 1);
  if (comma != std::string::npos && frac.empty()) bad("geen cijfers na de komma");
  if (intPart.empty()) bad("geen cijfers voor de komma");
  for (char c : frac)
    if (c < '0' || c > '9') bad("onverwacht teken in de decimalen (decimale komma, punt voor duizendtallen)");

  Wide value = 0;
  // Integer part: digits, optionally grouped by '.' in groups of exactly 3.
  std::size_t dot = intPart.find('.');
  if (dot != std::string::npos) {
    if (dot == 0 || dot > 3) bad("verkeerde groepering van duizendtallen");
    for (std::size_t i = dot; i < intPart.size(); i += 4)
      if (intPart[i] != '.' || i + 4 > intPart.size()) bad("verkeerde groepering van duizendtallen");
  }
  for (char c : intPart) {
    if (c == '.') continue;
    if (c < '0' || c > '9') bad("onverwacht teken '" + std::string(1, c) + "'");
    value = value * 10 + (c - '0');
    if (value > kMax) throwInvalid(what + " te groot: '" + text + "'", place);
  }
  for (int i = 0; i < scale; ++i) {
    value = value * 10 + (static_cast<std::size_t>(i) < frac.size() ? frac[i] - '0' : 0);
    if (value > kMax) throwInvalid(what + " te groot: '" + text + "'", place);
  }
  for (std::size_t i = static_cast<std::size_t>(scale); i < frac.size(); ++i)
    if (frac[i] != '0')
      throwInvalid(isRate ? "tarief '" + text + "' heeft meer dan " + std::to_string(scale) + " decimalen"
                          : "bedrag '" + text + "' is geen geheel aantal cent",
                   place);
  return static_cast<std::int64_t>(negative ? -value : value);
}

std::string groupThousands(std::uint64_t whole) {
  std::string digits = std::to_string(whole), out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
}

std::string twoDigits(std::uint64_t v) {
  return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace

Cents Cents::euros(std::int64_t whole) { return Cents(narrow(static_cast<Wide>(whole) * 100)); }
Cents Cents::operator+(Cents o) const {
  std::int64_t r;
  if (__builtin_add_overflow(value_, o.value_, &r)) tooLarge();
  return Cents(r);
}
Cents Cents::operator-(Cents o) const {
  std::int64_t r;
  if (__builtin_sub_overflow(value_, o.value_, &r)) tooLarge();
  return Cents(r);
}
Cents Cents::operator-() const { return Cents(0) - *this; }
Cents Cents::times(std::int64_t n) const { return Cents(narrow(static_cast<Wide>(value_) * n)); }

Rate Rate::fromCents(Cents c) { return Rate(narrow(static_cast<Wide>(c.value()) * 10000)); }

Cents Rate::timesRounded(std::int64_t count) const {
  Wide micro = static_cast<Wide>(micro_) * count;
  Wide mag = micro < 0 ? -micro : micro;
  Wide cents = (mag + 5000) / 10000;  // half away from zero
  return Cents(narrow(micro < 0 ? -cents : cents));
}

bool Rate::timesIsExact(std::int64_t count) const {
  return (static_cast<Wide>(micro_) * count) % 10000 == 0;
}

Cents parseAmount(const std::string& text, const Place& place) {
  return Cents(parseScaled(text, 2, place, false));
}

Rate parseRate(const std::string& text, const Place& place) { return Rate(parseScaled(text, 6, place, true)); }

std::string formatEuro(Cents c) {
  std::uint64_t mag = magnitude(c.value());
  return std::string(c.value() < 0 ? "-" : "") + kEuro + " " + groupThousands(mag / 100) + "," +
         twoDigits(mag % 100);
}

std::string formatPlain(Cents c) {
  std::uint64_t mag = magnitude(c.value());
  return std::string(c.value() < 0 ? "-" : "") + std::to_string(mag / 100) + "," + twoDigits(mag % 100);
}

std::string formatRate(Rate r) {
  std::uint64_t mag = magnitude(r.microEuros());
  std::string frac = std::to_string(mag % 1000000);
  frac.insert(0, 6 - frac.size(), '0');
  while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
  return std::string(r.microEuros() < 0 ? "-" : "") + kEuro + " " + groupThousands(mag / 1000000) + "," + frac;
}

Cents centsField(const Reader& r, const std::string& field) { return Cents(r.integer(field)); }
Rate rateField(const Reader& r, const std::string& field) { return Rate(r.integer(field)); }

}  // namespace igsgov::finance

#include "docs/Formatters.hpp"

#include "core/Date.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/UTF8String.h>

#include <cstdio>
#include <cstring>

namespace igsgov::docs {

bool scalarText(const Poco::Dynamic::Var& v, std::string& out) {
  if (v.isEmpty()) {
    out.clear();
    return true;
  }
  if (v.isString()) {
    out = v.extract<std::string>();
    return true;
  }
  const auto& type = v.type();
  if (type == typeid(Poco::JSON::Object::Ptr) || type == typeid(Poco::JSON::Array::Ptr) ||
      v.isStruct() || v.isArray())
    return false;
  if (type == typeid(bool)) {
    out = v.extract<bool>() ? "true" : "false";
    return true;
  }
  try {
    out = v.convert<std::string>();
  } catch (const Poco::Exception&) {
    return false;
  }
  return true;
}

std::string dutchInteger(long long n) {
  unsigned long long u = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  std::string digits = std::to_string(u);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  if (n < 0) out += '-';
  std::size_t lead = digits.size() % 3;
  if (lead == 0) lead = 3;
  out.append(digits, 0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) {
    out += '.';
    out.append(digits, i, 3);
  }
  return out;
}

std::string euroFromCents(long long cents) {
  unsigned long long u =
      cents < 0 ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
  std::string out = "\xE2\x82\xAC ";  // "€ "
  if (cents < 0) out += '-';
  out += dutchInteger(static_cast<long long>(u / 100));
  char frac[4];
  std::snprintf(frac, sizeof frac, ",%02u", static_cast<unsigned>(u % 100));
  return out + frac;
}

namespace {

bool integerOf(const Poco::Dynamic::Var& in, long long& n, std::string& error) {
  if (in.isInteger()) {
    n = in.convert<long long>();
    return true;
  }
  if (in.isString()) {
    const std::string s = in.extract<std::string>();
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    bool ok = i < s.size() && s.size() - i <= 18;
    for (std::size_t k = i; ok && k < s.size(); ++k) ok = s[k] >= '0' && s[k] <= '9';
    if (ok) {
      n = std::stoll(s);
      return true;
    }
  }
  std::string text;
  scalarText(in, text);
  error = "'" + text + "' is geen geheel getal";
  return false;
}

bool dateOf(const Poco::Dynamic::Var& in, Date& d, std::string& error) {
  std::string text;
  if (in.isString()) {
    text = in.extract<std::string>();
    if (auto parsed = Date::parse(text)) {
      d = *parsed;
      return true;
    }
  } else {
    scalarText(in, text);
  }
  error = "'" + text + "' is geen datum (JJJJ-MM-DD)";
  return false;
}

bool fDatumLang(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  Date d;
  if (!dateOf(in, d, error)) return false;
  out = dutchLongDate(d);
  return true;
}

bool fDatum(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  Date d;
  if (!dateOf(in, d, error)) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  out = buf;
  return true;
}

bool fEuro(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  long long n;
  if (!integerOf(in, n, error)) {
    error += " (euro verwacht een bedrag in eurocent)";
    return false;
  }
  out = euroFromCents(n);
  return true;
}

bool fGetal(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  long long n;
  if (!integerOf(in, n, error)) return false;
  out = dutchInteger(n);
  return true;
}

bool fUpper(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  if (!scalarText(in, out)) {
    error = "een lijst of object kan niet in hoofdletters";
    return false;
  }
  Poco::UTF8::toUpperInPlace(out);
  return true;
}

bool fLower(const Poco::Dynamic::Var& in, std::string& out, std::string& error) {
  if (!scalarText(in, out)) {
    error = "een lijst of object kan niet in kleine letters";
    return false;
  }
  Poco::UTF8::toLowerInPlace(out);
  return true;
}

struct Entry {
  const char* name;
  FormatterFn fn;
};
const Entry kFormatters[] = {{"datum_lang", fDatumLang}, {"datum", fDatum}, {"euro", fEuro},
                             {"getal", fGetal},          {"upper", fUpper}, {"lower", fLower}};

}  // namespace

FormatterFn findFormatter(const std::string& name) {
  for (const auto& e : kFormatters)
    if (name == e.name) return e.fn;
  return nullptr;
}

std::vector<std::string> formatterNames() {
  std::vector<std::string> names;
  for (const auto& e : kFormatters) names.emplace_back(e.name);
  return names;
}

}  // namespace igsgov::docs

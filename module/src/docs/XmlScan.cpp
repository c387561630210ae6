#include "docs/XmlScan.hpp"

#include "core/Error.hpp"
#include "docs/Limits.hpp"

#include <cstring>

namespace igsgov::docs {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& part, std::size_t offset) {
  Place place;
  if (!part.empty()) place.set("part", part);
  place.set("offset", std::to_string(offset));
  throwInvalid("Ongeldige XML in het sjabloon: " + what, place);
}

bool isNameChar(char c) {
  return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>' && c != '/' && c != '=';
}

}  // namespace

std::vector<XmlToken> scanXml(std::string_view xml, const std::string& part) {
  std::vector<XmlToken> tokens;
  tokens.reserve(xml.size() / 16 + 8);
  std::vector<std::string_view> stack;
  std::size_t i = 0;
  const std::size_t n = xml.size();
  while (i < n) {
    if (xml[i] != '<') {
      std::size_t j = xml.find('<', i);
      if (j == std::string_view::npos) j = n;
      XmlToken t;
      t.kind = XmlToken::text;
      t.begin = i;
      t.end = j;
      if (stack.empty()) {
        // Only white space may stand outside the root element.
        for (std::size_t k = i; k < j; ++k)
          if (xml[k] != ' ' && xml[k] != '\t' && xml[k] != '\r' && xml[k] != '\n')
            fail("tekst buiten het hoofdelement", part, k);
      }
      tokens.push_back(t);
      i = j;
      continue;
    }
    XmlToken t;
    t.begin = i;
    if (xml.compare(i, 4, "<!--") == 0) {
      std::size_t j = xml.find("-->", i + 4);
      if (j == std::string_view::npos) fail("onafgesloten commentaar", part, i);
      t.kind = XmlToken::other;
      t.end = j + 3;
    } else if (xml.compare(i, 9, "<![CDATA[") == 0) {
      std::size_t j = xml.find("]]>", i + 9);
      if (j == std::string_view::npos) fail("onafgesloten CDATA-sectie", part, i);
      t.kind = XmlToken::other;
      t.end = j + 3;
    } else if (xml.compare(i, 2, "<!") == 0) {
      // <!DOCTYPE ...> and any other declaration: OOXML and ODF never need one,
      // and refusing it rules out DTD entities (billion laughs, XXE).
      fail("een DOCTYPE of DTD-declaratie is niet toegestaan", part, i);
    } else if (xml.compare(i, 2, "<?") == 0) {
      std::size_t j = xml.find("?>", i + 2);
      if (j == std::string_view::npos) fail("onafgesloten verwerkingsinstructie", part, i);
      t.kind = XmlToken::other;
      t.end = j + 2;
    } else {
      // Element tag: find the closing '>' outside quoted attribute values.
      std::size_t j = i + 1;
      char quote = 0;
      for (; j < n; ++j) {
        char c = xml[j];
        if (quote) {
          if (c == quote) quote = 0;
          else if (c == '<') fail("'<' in een attribuutwaarde", part, j);
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        } else if (c == '<') {
          fail("onafgesloten element", part, i);
        }
      }
      if (j >= n) fail("onafgesloten element", part, i);
      t.end = j + 1;
      if (xml[i + 1] == '/') {
        std::size_t k = i + 2;
        while (k < j && isNameChar(xml[k])) ++k;
        t.kind = XmlToken::close;
        t.name = xml.substr(i + 2, k - (i + 2));
        if (stack.empty() || stack.back() != t.name)
          fail("eindtag </" + std::string(t.name) + "> past niet bij de open elementen", part, i);
        stack.pop_back();
      } else {
        std::size_t k = i + 1;
        while (k < j && isNameChar(xml[k])) ++k;
        t.name = xml.substr(i + 1, k - (i + 1));
        if (t.name.empty()) fail("element zonder naam", part, i);
        if (xml[j - 1] == '/') {
          t.kind = XmlToken::empty;
        } else {
          t.kind = XmlToken::open;
          stack.push_back(t.name);
          if (stack.size() > kMaxXmlDepth)
            fail("meer dan " + std::to_string(kMaxXmlDepth) + " elementen in elkaar", part, i);
        }
      }
    }
    tokens.push_back(t);
    i = t.end;
  }
  if (!stack.empty()) fail("element <" + std::string(stack.back()) + "> wordt niet gesloten", part, n);
  return tokens;
}

namespace {

void appendUtf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string xmlUnescape(std::string_view raw, const std::string& part, std::size_t offset) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '&') {
      out += c;
      continue;
    }
    std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12)
      fail("losse '&' in tekst", part, offset + i);
    std::string_view ent = raw.substr(i + 1, semi - i - 1);
    if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "amp") out += '&';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      unsigned long cp = 0;
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      if (k >= ent.size()) fail("ongeldige tekenreferentie", part, offset + i);
      for (; k < ent.size(); ++k) {
        char d = ent[k];
        int v;
        if (d >= '0' && d <= '9') v = d - '0';
        else if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        else fail("ongeldige tekenreferentie", part, offset + i);
        cp = cp * (hex ? 16 : 10) + v;
        if (cp > 0x10FFFF) fail("ongeldige tekenreferentie", part, offset + i);
      }
      if (cp == 0) fail("ongeldige tekenreferentie", part, offset + i);
      appendUtf8(out, cp);
    } else {
      fail("onbekende entiteit &" + std::string(ent) + "; (entiteiten zijn niet toegestaan)", part,
           offset + i);
    }
    i = semi;
  }
  return out;
}

std::string attributeValue(std::string_view tag, std::string_view name, bool* found) {
  if (found) *found = false;
  std::size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    bool startOk = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n' ||
                               tag[pos - 1] == '\r');
    std::size_t k = pos + name.size();
    while (k < tag.size() && (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\n' || tag[k] == '\r')) ++k;
    if (startOk && k < tag.size() && tag[k] == '=') {
      ++k;
      while (k < tag.size() && (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\n' || tag[k] == '\r')) ++k;
      if (k < tag.size() && (tag[k] == '"' || tag[k] == '\'')) {
        std::size_t e = tag.find(tag[k], k + 1);
        if (e != std::string_view::npos) {
          if (found) *found = true;
          return xmlUnescape(tag.substr(k + 1, e - k - 1), "", 0);
        }
      }
    }
    pos += name.size();
  }
  return {};
}

}  // namespace igsgov::docs

#include "adapters/webdav/Href.hpp"

#include "core/Error.hpp"

#include <Poco/UTF8Encoding.h>

namespace igsgov::adapters::webdav {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

[[noreturn]] void badHref(std::string_view href, const std::string& why) {
  throw Error(ErrorCode::io, "ongeldige href van de WebDAV-server: " + why, Place().set("path", std::string(href)));
}

}  // namespace

std::string encodeSegment(std::string_view segment) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size() * 3);
  for (char ch : segment) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '.' || c == '_' || c == '~';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string encodePath(const std::string& basePath, const RelPath& rel, bool dir) {
  std::string out = basePath;  // ends with '/'
  bool first = true;
  for (const auto& seg : rel.segments()) {
    if (!first) out += '/';
    out += encodeSegment(seg);
    first = false;
  }
  if (dir && !rel.isRoot()) out += '/';
  return out;
}

std::string decodeStrict(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i + 2 >= text.size()) badHref(text, "onvolledige %-codering");
    int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
    if (hi < 0 || lo < 0) badHref(text, "ongeldige %-codering");
    char decoded = static_cast<char>(hi * 16 + lo);
    if (decoded == '\0') badHref(text, "%00 in naam");
    out += decoded;
    i += 2;
  }
  Poco::UTF8Encoding enc;
  const auto* p = reinterpret_cast<const unsigned char*>(out.data());
  const auto* end = p + out.size();
  while (p < end) {
    int n = enc.sequenceLength(p, static_cast<int>(end - p));
    if (n <= 0 || n > end - p || !enc.isLegal(p, n)) badHref(text, "geen geldige UTF-8 na decodering");
    p += n;
  }
  return out;
}

RelPath relativeTo(const std::string& decodedBasePath, std::string_view href) {
  std::string_view path = href;
  auto scheme = path.find("://");
  if (scheme != std::string_view::npos && scheme < path.find('/')) {
    auto slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
  }
  if (path.empty() || path.front() != '/') badHref(href, "geen absoluut pad");
  std::string decoded = decodeStrict(path);
  std::string base = decodedBasePath;  // ends with '/'
  std::string probe = decoded;
  if (probe.back() != '/') probe += '/';
  if (probe == base) return RelPath();
  if (decoded.compare(0, base.size(), base) != 0) badHref(href, "buiten de basismap");
  std::string rest = decoded.substr(base.size());
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  try {
    return RelPath::parse(rest);
  } catch (const Error& e) {
    badHref(href, e.message());
  }
}

}  // namespace igsgov::adapters::webdav

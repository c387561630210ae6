#include "adapters/common/RelPath.hpp"

#include "core/Error.hpp"

#include <Poco/UTF8Encoding.h>

namespace igsgov::adapters {
namespace {

constexpr std::size_t maxSegmentBytes = 255;

[[noreturn]] void refuse(std::string_view whole, const std::string& why) {
  std::string shown;
  for (char c : whole) shown += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
  throwInvalid("ongeldig pad: " + why, Place().set("path", "'" + shown + "'"));
}

bool validUtf8(std::string_view s) {
  Poco::UTF8Encoding enc;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    int n = enc.sequenceLength(p, static_cast<int>(end - p));
    if (n <= 0 || n > end - p) return false;
    if (!enc.isLegal(p, n)) return false;
    p += n;
  }
  return true;
}

}  // namespace

void validateSegment(std::string_view name, std::string_view whole) {
  if (name.empty()) refuse(whole, "lege naam");
  if (name == "." || name == "..") refuse(whole, "'" + std::string(name) + "' verwijst buiten de map");
  if (name.size() > maxSegmentBytes) refuse(whole, "naam langer dan 255 bytes");
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0) refuse(whole, "bevat een NUL-teken");
    if (u < 0x20 || u == 0x7f) refuse(whole, "bevat een stuurteken");
    if (c == '\\') refuse(whole, "bevat een backslash");
    if (c == '/') refuse(whole, "naam bevat '/'");
  }
  if (!validUtf8(name)) refuse(whole, "geen geldige UTF-8");
}

bool isReservedName(std::string_view name) { return name.substr(0, 8) == ".igsgov-"; }

void refuseReserved(const RelPath& path) {
  for (const auto& seg : path.segments())
    if (isReservedName(seg)) refuse(path.str(), "namen die met '.igsgov-' beginnen zijn voorbehouden");
}

RelPath RelPath::parse(std::string_view text) {
  if (!text.empty() && text.front() == '/') refuse(text, "absoluut pad niet toegestaan");
  if (text.size() >= 2 && text[1] == ':' &&
      ((text[0] >= 'A' && text[0] <= 'Z') || (text[0] >= 'a' && text[0] <= 'z')))
    refuse(text, "stationsletter niet toegestaan");
  if (text.find('\0') != std::string_view::npos) refuse(text, "bevat een NUL-teken");
  if (text.find('\\') != std::string_view::npos) refuse(text, "bevat een backslash");
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t slash = text.find('/', pos);
    if (slash == std::string_view::npos) slash = text.size();
    std::string_view seg = text.substr(pos, slash - pos);
    pos = slash + 1;
    if (seg.empty() || seg == ".") continue;
    validateSegment(seg, text);
    if (!out.empty()) out += '/';
    out += seg;
  }
  return RelPath(std::move(out));
}

std::vector<std::string> RelPath::segments() const {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < path_.size()) {
    std::size_t slash = path_.find('/', pos);
    if (slash == std::string::npos) slash = path_.size();
    out.emplace_back(path_.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

std::string RelPath::name() const {
  std::size_t slash = path_.rfind('/');
  return slash == std::string::npos ? path_ : path_.substr(slash + 1);
}

RelPath RelPath::parent() const {
  std::size_t slash = path_.rfind('/');
  return slash == std::string::npos ? RelPath() : RelPath(path_.substr(0, slash));
}

RelPath RelPath::child(std::string_view name) const {
  std::string whole = path_.empty() ? std::string(name) : path_ + "/" + std::string(name);
  validateSegment(name, whole);
  return RelPath(std::move(whole));
}

}  // namespace igsgov::adapters

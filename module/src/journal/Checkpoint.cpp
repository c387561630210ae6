#include "journal/Checkpoint.hpp"

#include "core/Timestamp.hpp"

#include <cctype>
#include <charconv>

namespace igsgov::journal {

namespace {

constexpr std::string_view kMagic = "igsgov-checkpoint v1";
constexpr const char* kFields[] = {"seq", "at", "hash", "key", "signature"};

bool isHex(std::string_view s, std::size_t size) {
  if (s.size() != size) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string formatCheckpoint(const Checkpoint& c) {
  auto orDash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  return std::string(kMagic) + "\nseq " + std::to_string(c.seq) + "\nat " + c.at + "\nhash " + c.hash + "\nkey " +
         orDash(c.keyId) + "\nsignature " + orDash(c.signature) + "\n";
}

std::vector<Checkpoint> parseCheckpoints(std::string_view text, const Place& source) {
  std::vector<Checkpoint> out;
  int lineNo = 0;
  std::size_t field = std::size(kFields);  // next field of the current block; all done = between blocks
  auto fail = [&](const std::string& message) {
    throwInvalid("controlepunt: " + message, Place(source).set("line", std::to_string(lineNo)));
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (field < std::size(kFields) && line.empty())
        fail("onvolledig (het veld '" + std::string(kFields[field]) + "' ontbreekt)");
      continue;
    }
    if (field == std::size(kFields)) {
      if (line != kMagic)
        fail("verwacht '" + std::string(kMagic) + "', niet '" + std::string(line.substr(0, 40)) + "'");
      out.push_back({});
      out.back().line = lineNo;
      field = 0;
      continue;
    }
    std::string_view name = kFields[field];
    if (line.size() <= name.size() + 1 || line.substr(0, name.size()) != name || line[name.size()] != ' ')
      fail("verwacht het veld '" + std::string(name) + "'");
    std::string_view value = line.substr(name.size() + 1);
    Checkpoint& c = out.back();
    if (name == "seq") {
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), c.seq);
      if (ec != std::errc() || p != value.data() + value.size() || c.seq < 1) fail("geen geldig journaalregelnummer");
    } else if (name == "at") {
      c.at = std::string(value);
      if (!parseTimestamp(c.at)) fail("geen geldig tijdstip");
    } else if (name == "hash") {
      if (!isHex(value, 64)) fail("de hash is geen 64 hexadecimale tekens");
      c.hash = std::string(value);
    } else if (name == "key") {
      if (value != "-" && !isHex(value, 32)) fail("de sleutel-id is geen 32 hexadecimale tekens (of '-')");
      if (value != "-") c.keyId = std::string(value);
    } else {
      if (value != "-" && !isHex(value, 128)) fail("de handtekening is geen 128 hexadecimale tekens (of '-')");
      if (value != "-") c.signature = std::string(value);
      if (c.keyId.empty() != c.signature.empty()) fail("sleutel en handtekening horen samen (of allebei '-')");
    }
    ++field;
  }
  ++lineNo;  // where the missing field was expected
  if (field < std::size(kFields)) fail("onvolledig (het veld '" + std::string(kFields[field]) + "' ontbreekt)");
  if (out.empty()) throwInvalid("geen controlepunt gevonden ('" + std::string(kMagic) + "')", source);
  return out;
}

}  // namespace igsgov::journal

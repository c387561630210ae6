#include "service/HttpFraming.hpp"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <cctype>
#include <vector>

namespace igsgov::service {

namespace {

std::vector<std::string> valuesOf(const Poco::Net::HTTPRequest& request, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : request)
    if (Poco::icompare(key, name) == 0) out.push_back(Poco::trim(value));
  return out;
}

bool isLength(const std::string& v) {
  if (v.empty() || v.size() > 18) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}

FramingProblem problem(int status, const std::string& header, const std::string& message) {
  return FramingProblem{status, message, header};
}

}  // namespace

std::optional<FramingProblem> checkRequestLine(const Poco::Net::HTTPRequest& request) {
  const std::string& version = request.getVersion();
  if (version != Poco::Net::HTTPMessage::HTTP_1_0 && version != Poco::Net::HTTPMessage::HTTP_1_1) {
    bool wellFormed = version.size() == 8 && version.compare(0, 5, "HTTP/") == 0 &&
                      std::isdigit(static_cast<unsigned char>(version[5])) && version[6] == '.' &&
                      std::isdigit(static_cast<unsigned char>(version[7]));
    if (wellFormed)
      return problem(505, "", "HTTP-versie " + version + " wordt niet ondersteund; gebruik HTTP/1.1 of HTTP/1.0");
    return problem(400, "", "de verzoekregel eindigt niet op een HTTP-versie (HTTP/1.1 of HTTP/1.0 verwacht)");
  }
  try {
    Poco::URI uri(request.getURI());
    (void)uri.getQueryParameters();  // the query is decoded only when asked for
  } catch (const Poco::Exception& e) {
    return problem(400, "", "het adres in de verzoekregel is ongeldig (" + e.message().substr(0, 80) +
                                "); codeer tekens buiten het adres met %XX");
  }
  return std::nullopt;
}

std::optional<FramingProblem> checkFraming(const Poco::Net::HTTPRequest& request) {
  auto lengths = valuesOf(request, "Content-Length");
  auto encodings = valuesOf(request, "Transfer-Encoding");
  if (!lengths.empty() && !encodings.empty())
    return problem(400, "Transfer-Encoding",
                   "de vraag geeft zowel Content-Length als Transfer-Encoding op; gebruik er één van");
  if (lengths.size() > 1)
    return problem(400, "Content-Length", "de vraag geeft Content-Length meer dan één keer op");
  if (lengths.size() == 1 && !isLength(lengths.front()))
    return problem(400, "Content-Length",
                   "Content-Length moet een geheel getal zonder teken zijn (hoogstens 18 cijfers), niet '" +
                       lengths.front().substr(0, 40) + "'");
  if (encodings.size() > 1)
    return problem(400, "Transfer-Encoding", "de vraag geeft Transfer-Encoding meer dan één keer op");
  if (encodings.size() == 1 && Poco::icompare(encodings.front(), "chunked") != 0)
    return problem(400, "Transfer-Encoding",
                   "alleen 'Transfer-Encoding: chunked' wordt aanvaard, niet '" + encodings.front().substr(0, 40) + "'");
  const std::string& method = request.getMethod();
  if (lengths.empty() && encodings.empty() && (method == "POST" || method == "PUT" || method == "PATCH"))
    return problem(411, "Content-Length", "een " + method + " moet Content-Length of Transfer-Encoding: chunked opgeven");
  return std::nullopt;
}

std::size_t headerEnd(std::string_view bytes) {
  for (std::size_t i = bytes.find('\n'); i != std::string_view::npos; i = bytes.find('\n', i + 1)) {
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') return i + 2;
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

namespace {

// One line from pos (without its CR LF); false while the line is incomplete.
bool lineAt(std::string_view bytes, std::size_t& pos, std::string_view& line) {
  auto eol = bytes.find('\n', pos);
  if (eol == std::string_view::npos) return false;
  line = bytes.substr(pos, eol - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = eol + 1;
  return true;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ChunkedScan scanChunked(std::string_view bytes) {
  constexpr std::size_t kMaxLine = 4096;  // a chunk-size line or a trailer line
  ChunkedScan scan;
  std::size_t pos = 0;
  for (;;) {
    std::string_view line;
    std::size_t start = pos;
    if (!lineAt(bytes, pos, line)) {
      scan.malformed = bytes.size() - start > kMaxLine;
      return scan;
    }
    std::size_t size = 0, digits = 0;
    while (digits < line.size() && hexDigit(line[digits]) >= 0) {
      if (digits == 15) {
        scan.malformed = true;
        return scan;
      }
      size = size * 16 + static_cast<std::size_t>(hexDigit(line[digits++]));
    }
    if (digits == 0 || (digits < line.size() && line[digits] != ';' && line[digits] != ' ' && line[digits] != '\t')) {
      scan.malformed = true;
      return scan;
    }
    if (size == 0) {
      // Trailer lines up to the empty line that ends the body.
      for (;;) {
        std::size_t at = pos;
        if (!lineAt(bytes, pos, line)) {
          scan.malformed = bytes.size() - at > kMaxLine;
          return scan;
        }
        if (line.empty()) {
          scan.end = pos;
          return scan;
        }
      }
    }
    if (bytes.size() - pos < size + 1) return scan;
    pos += size;
    scan.dataBytes += size;
    if (bytes[pos] == '\n') {
      pos += 1;
    } else if (bytes[pos] == '\r') {
      if (bytes.size() - pos < 2) return scan;
      if (bytes[pos + 1] != '\n') {
        scan.malformed = true;
        return scan;
      }
      pos += 2;
    } else {
      scan.malformed = true;
      return scan;
    }
  }
}

}  // namespace igsgov::service

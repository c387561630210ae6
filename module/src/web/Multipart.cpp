#include "web/Multipart.hpp"

#include "core/Error.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace igsgov::web {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Place partPlace(std::size_t number, const std::string& name = "") {
  return name.empty() ? Place().set("part", std::to_string(number)) : Place().set("field", "'" + name + "'");
}

// Parameters after the first ';' of a header value: name=token or name="quoted".
// A backslash is an ordinary character: browsers send a file name's backslashes
// as they are and %-encode its quotes (HTML's multipart/form-data encoding).
// Names are lower-cased; one each.
std::map<std::string, std::string> parameters(std::string_view value, std::string& type, const Place& where) {
  std::map<std::string, std::string> out;
  std::size_t i = value.find(';');
  type = lower(trim(value.substr(0, i)));
  while (i != std::string_view::npos && i < value.size()) {
    ++i;  // past ';'
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    if (i == value.size()) break;
    std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) throwInvalid("parameter zonder '=' in de kop van een formulierdeel", where);
    std::string name = lower(trim(value.substr(i, eq - i)));
    std::string v;
    i = eq + 1;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      for (; i < value.size(); ++i) {
        if (value[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          v += value[i];
        }
      }
      if (!closed) throwInvalid("aanhalingsteken niet gesloten in de kop van een formulierdeel", where);
      while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
      if (i < value.size() && value[i] != ';') throwInvalid("tekst na een parameter in de kop van een formulierdeel", where);
    } else {
      std::size_t end = value.find(';', i);
      v = std::string(trim(value.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i)));
      i = end;
    }
    if (name.empty()) throwInvalid("parameter zonder naam in de kop van een formulierdeel", where);
    if (!out.emplace(name, v).second)
      throwInvalid("parameter '" + name + "' komt twee keer voor in de kop van een formulierdeel", where);
  }
  return out;
}

struct PartHead {
  std::string name;
  bool isFile = false;
  std::string fileName;
};

PartHead readHead(std::string_view block, std::size_t number) {
  Place where = partPlace(number);
  std::optional<PartHead> head;
  std::size_t start = 0;
  while (start < block.size()) {
    std::size_t end = block.find("\r\n", start);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(start, end - start);
    start = end + 2;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
      throwInvalid("ongeldige kopregel in een formulierdeel (geen 'naam: waarde')", where);
    if (lower(trim(line.substr(0, colon))) != "content-disposition") continue;  // Content-Type &c.: ignored
    if (head) throwInvalid("Content-Disposition komt twee keer voor in een formulierdeel", where);
    std::string type;
    auto params = parameters(line.substr(colon + 1), type, where);
    if (type != "form-data") throwInvalid("een formulierdeel is geen 'form-data'", where);
    auto name = params.find("name");
    if (name == params.end() || name->second.empty()) throwInvalid("een formulierdeel heeft geen veldnaam", where);
    PartHead h;
    h.name = name->second;
    if (auto file = params.find("filename"); file != params.end()) {
      h.isFile = true;
      // Some browsers send the whole local path: keep only the last segment.
      std::size_t slash = file->second.find_last_of("/\\");
      h.fileName = slash == std::string::npos ? file->second : file->second.substr(slash + 1);
    }
    head = std::move(h);
  }
  if (!head) throwInvalid("een formulierdeel heeft geen Content-Disposition", where);
  return *head;
}

bool boundaryChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

bool isMultipartForm(std::string_view contentType) {
  std::size_t semi = contentType.find(';');
  return lower(trim(contentType.substr(0, semi))) == "multipart/form-data";
}

std::string multipartBoundary(std::string_view contentType) {
  Place where = Place().set("header", "Content-Type");
  std::string type;
  auto params = parameters(contentType, type, where);
  if (type != "multipart/form-data") throwInvalid("het formulier is geen multipart/form-data", where);
  auto b = params.find("boundary");
  if (b == params.end() || b->second.empty() || b->second.size() > 70 || b->second.back() == ' ' ||
      !std::all_of(b->second.begin(), b->second.end(), boundaryChar))
    throwInvalid("het formulier heeft geen geldige grens (boundary, 1 tot 70 toegelaten tekens)", where);
  return b->second;
}

MultipartForm parseMultipart(std::string_view body, std::string_view boundary, const MultipartLimits& limits) {
  if (boundary.empty()) throwInvalid("het formulier heeft geen grens (boundary)", Place().set("header", "Content-Type"));
  const std::string dash = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash;
  if (body.substr(0, dash.size()) != dash)
    throwInvalid("het formulier begint niet met zijn grens (boundary)", Place().set("part", "1"));
  MultipartForm out;
  std::size_t pos = dash.size();
  std::size_t number = 0;
  for (;;) {
    if (body.substr(pos, 2) == "--") return out;  // the close delimiter; the epilogue is ignored
    ++number;
    if (body.substr(pos, 2) != "\r\n")
      throwInvalid("na de grens (boundary) van een formulierdeel hoort een nieuwe regel", partPlace(number));
    if (number > limits.maxParts)
      throwInvalid("het formulier heeft meer dan " + std::to_string(limits.maxParts) + " delen", partPlace(number));
    pos += 2;
    // The header block ends at an empty line; an empty block is the CRLF just read + CRLF.
    std::size_t headEnd = body.substr(0, pos + limits.maxHeaderBytes + 2).find("\r\n\r\n", pos - 2);
    if (headEnd == std::string_view::npos)
      throwInvalid("de kop van een formulierdeel is onvolledig of langer dan " + std::to_string(limits.maxHeaderBytes) +
                       " bytes",
                   partPlace(number));
    std::string_view block = headEnd < pos ? std::string_view() : body.substr(pos, headEnd - pos);
    PartHead head = readHead(block, number);
    std::size_t contentStart = headEnd + 4;
    std::size_t next = body.find(delimiter, contentStart);
    if (next == std::string_view::npos)
      throwInvalid("het formulier is onvolledig (de slotgrens ontbreekt)", partPlace(number, head.name));
    std::string_view content = body.substr(contentStart, next - contentStart);
    if (out.fields.count(head.name) || out.files.count(head.name))
      throwInvalid("veld komt twee keer voor in het formulier", partPlace(number, head.name));
    if (head.isFile) {
      if (head.fileName.size() > limits.maxFileNameBytes)
        throwInvalid("de bestandsnaam is langer dan " + std::to_string(limits.maxFileNameBytes) + " bytes",
                     partPlace(number, head.name));
      UploadedFile f;
      f.fileName = head.fileName;
      f.size = content.size();
      f.tooLarge = content.size() > limits.maxFileBytes;
      if (!f.tooLarge) f.bytes = std::string(content);
      out.files.emplace(head.name, std::move(f));
    } else {
      if (content.size() > limits.maxFieldBytes)
        throwInvalid("het veld is langer dan " + std::to_string(limits.maxFieldBytes) + " bytes",
                     partPlace(number, head.name));
      out.fields.emplace(head.name, std::string(content));
    }
    pos = next + delimiter.size();
  }
}

}  // namespace igsgov::web

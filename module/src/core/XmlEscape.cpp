#include "core/XmlEscape.hpp"

namespace igsgov {
namespace {

const char* inText(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\r': return "&#13;";
    default: return nullptr;
  }
}

const char* inAttribute(char c) {
  switch (c) {
    case '\'': return "&apos;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    default: return inText(c);
  }
}

}  // namespace

void appendReplacing(std::string& out, std::string_view text, const char* (*replacement)(char)) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const char* rep = replacement(text[i])) {
      out.append(text.data() + start, i - start);
      out += rep;
      start = i + 1;
    }
  }
  out.append(text.data() + start, text.size() - start);
}

void appendXmlText(std::string& out, std::string_view text) { appendReplacing(out, text, inText); }

std::string xmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  appendXmlText(out, text);
  return out;
}

void appendXmlAttribute(std::string& out, std::string_view text) { appendReplacing(out, text, inAttribute); }

std::string xmlAttribute(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  appendXmlAttribute(out, text);
  return out;
}

}  // namespace igsgov

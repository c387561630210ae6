#include "docs/TextEscape.hpp"

#include "core/XmlEscape.hpp"

namespace igsgov::docs {

namespace {

// The reference for a character HTML gives meaning to, or nullptr.
const char* htmlReference(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

// Characters that can start Markdown syntax anywhere in a line.
const char* inlineReference(char c) {
  switch (c) {
    case '\\': return "&#92;";
    case '`': return "&#96;";
    case '*': return "&#42;";
    case '_': return "&#95;";
    case '[': return "&#91;";
    case ']': return "&#93;";
    case '|': return "&#124;";
    case '~': return "&#126;";
    default: return nullptr;
  }
}

// Block markers, which matter only at the start of a line.
const char* blockReference(char c) {
  switch (c) {
    case '#': return "&#35;";
    case '+': return "&#43;";
    case '-': return "&#45;";
    case '=': return "&#61;";
    default: return nullptr;
  }
}

}  // namespace

void appendHtmlEscaped(std::string& out, std::string_view text) { appendReplacing(out, text, htmlReference); }

void appendMarkdownEscaped(std::string& out, std::string_view text) {
  bool lineStart = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
      lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      std::size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      out.append(text.data() + i, j - i);  // leading blanks as they are
      i = j;
      if (i >= text.size()) break;
      c = text[i];
      if (const char* rep = blockReference(c)) {
        out += rep;
        continue;
      }
      // "1. " and "1) " start an ordered list: escape the mark after the digits.
      std::size_t d = i;
      while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d;
      if (d > i && d < text.size() && (text[d] == '.' || text[d] == ')')) {
        out.append(text.data() + i, d - i);
        out += text[d] == '.' ? "&#46;" : "&#41;";
        i = d;
        continue;
      }
    }
    if (const char* rep = htmlReference(c)) {
      out += rep;
    } else if (const char* rep2 = inlineReference(c)) {
      out += rep2;
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace igsgov::docs

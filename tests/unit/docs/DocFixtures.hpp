// Test helpers: build small DOCX/ODT packages in memory and read documents
// back with an independent parser (Poco::XML DOM), so the engine's own
// tokenizer is never used to check its output.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace igsgov::docs::test {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip built with libzip; `storeFirst` stores the first entry uncompressed.
std::string makeZip(const Entries& entries, bool storeFirst = false);
// All entries of a zip (name -> inflated bytes), in archive order.
Entries readZip(const std::string& zip);
std::string readPart(const std::string& zip, const std::string& name);

// A minimal DOCX around `body` (the inside of <w:body>). `parts` adds or
// replaces entries (e.g. word/header1.xml, docProps/custom.xml).
std::string makeDocx(const std::string& body, const Entries& parts = {});
// Wraps runs in a paragraph: p("<w:r><w:t>x</w:t></w:r>").
std::string p(const std::string& runs);
// One run with text: r("Hallo {naam}").
std::string r(const std::string& text);
std::string para(const std::string& text);  // p(r(text))

// A minimal ODT around `body` (the inside of <office:text>).
std::string makeOdt(const std::string& body, const Entries& parts = {});

// Paragraph texts of a DOCX part / ODT content.xml, using Poco::XML DOM.
// Line breaks become "\n", tabs "\t"; deleted text is left out.
std::vector<std::string> docxParagraphs(const std::string& partXml);
std::vector<std::string> odtParagraphs(const std::string& contentXml);
// Table rows -> cell texts (DOCX).
std::vector<std::vector<std::string>> docxTableRows(const std::string& partXml);

// Joins with '|', for readable expectations.
std::string join(const std::vector<std::string>& v, const std::string& sep = "|");

}  // namespace igsgov::docs::test

// TextExtract: the paragraphs of a governing document's text, for comparing
// two versions (ParagraphDiff).
//
//   DOCX: word/document.xml, every w:p is a paragraph, its text the w:t runs
//         (w:tab and w:br become a space);
//   ODT:  content.xml, every text:p and text:h is a paragraph (text:s, text:tab
//         and text:line-break become spaces, spans are followed);
//   PDF:  the output of `pdftotext -enc UTF-8` (poppler-utils) when installed,
//         paragraphs separated by empty lines or page breaks. The program is
//         looked up on PATH, or taken from the environment variable
//         IGSGOV_PDFTOTEXT. Without it: Error(unsupported) saying what to install.
// White space inside a paragraph is collapsed and trimmed; empty paragraphs
// are dropped.
//
// Caps (what one document may cost, whatever its size on disk): at most
// kMaxTextBytes of text (counted before white space is collapsed), at most
// kMaxParagraphs paragraphs, paragraphs nested at most kMaxNesting deep
// (text boxes in text boxes). A small zip can inflate to a huge text, so the
// XML part is streamed from the zip through the parser (never held whole)
// and the caps stop it as soon as they are passed; pdftotext's output is
// read up to the same text cap and the program is then stopped. Beyond a cap:
// Error(invalid) in Dutch naming the limit, with the place's "limit" set (REST
// answers 422, see service/HttpErrors.hpp).
//
// Safety: the zip is read with libzip under size caps (docs::ZipReader, 32 MiB
// per entry); the XML is parsed with Poco::XML (SAX) with external entities
// off and any DOCTYPE refused (no DTD, no entity expansion). Nothing inside
// the archive is ever used as a file-system path; the PDF is written to a
// private temporary file that is removed afterwards.
// Failures: Error(invalid) naming the file and part (malformed XML with line
// and column), Error(unsupported)/io for pdftotext. Thread-safe (no shared state).
#pragma once

#include "governance/FileStore.hpp"

#include <string>
#include <vector>

namespace igsgov::governance {

constexpr std::size_t kMaxTextBytes = 1u << 20;  // 1 MiB of text per document (~350 dense pages)
constexpr std::size_t kMaxParagraphs = 20000;
constexpr int kMaxNesting = 32;

std::vector<std::string> extractParagraphs(const std::string& bytes, FileKind kind, const std::string& source);

// Exposed for tests: paragraphs of one XML part (DOCX document.xml or ODT content.xml).
std::vector<std::string> paragraphsOfXml(const std::string& xml, FileKind kind, const std::string& part);

// The pdftotext program to use, or "" when none is installed.
std::string findPdfToText();

}  // namespace igsgov::governance

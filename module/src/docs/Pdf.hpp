// Pdf: converts a DOCX or ODT document to PDF with LibreOffice.
//
// Runs `soffice --headless --convert-to pdf` (found on PATH as soffice or
// libreoffice, or the `executable` option) in a private temporary directory
// with its own user profile (-env:UserInstallation), so conversions never
// share or disturb a user's LibreOffice profile and may run concurrently. The
// directory is removed afterwards. No file name from inside the document is
// used; the input is written as document.<ext>.
//
// Failure: Error(unsupported) in Dutch when LibreOffice is not installed;
// Error(io) when the conversion fails or exceeds the timeout (the process is
// then killed by its PID).
// Thread safety: independent calls may run concurrently.
#pragma once

#include <string>

namespace igsgov::docs {

struct PdfOptions {
  std::string executable;  // empty: search PATH for soffice, libreoffice
  int timeoutSeconds = 120;
};

// `extension` is "docx" or "odt".
std::string convertToPdf(const std::string& document, const std::string& extension,
                         const PdfOptions& options = {});

// The LibreOffice executable that would be used, or "" when none is found.
std::string findLibreOffice(const std::string& preferred = "");

}  // namespace igsgov::docs

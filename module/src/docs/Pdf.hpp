// Pdf: converts DOCX and ODT documents to PDF with LibreOffice, in batches.
//
// A batch is split into at most one run per available core (sched_getaffinity;
// `processes` can only lower that) and each run is ONE LibreOffice process,
// `soffice --headless --convert-to pdf` with all of its documents as
// arguments (found on PATH as soffice or libreoffice, or the `executable`
// option), so LibreOffice starts once per run instead of once per document.
// Every run has its own private folder inside one core/TempDir (mode 0700,
// under $TMPDIR): its inputs (written as NNNNN.docx/odt: no name from inside a
// document is ever used), its output folder and its own user profile
// (-env:UserInstallation), so runs never share or disturb each other's, another
// igsgov process's or a user's own LibreOffice profile. The folder is removed
// with everything in it when the call returns, on every path.
//
// Stuck conversions: each process runs in a process group of its own
// (core/ChildProcess). LibreOffice reports every document it has loaded; when
// a process makes no progress for `timeoutSeconds` (the first document's
// allowance includes LibreOffice's start), that process is stopped by killing
// its group (the soffice script, oosplash and soffice.bin together), and so
// are the other runs of the batch: a batch is all or nothing. No soffice process is
// left behind when the call returns, whatever the outcome.
//
// Results: the PDFs in input order. A PDF counts only when it is complete
// (starts with %PDF-, ends with %%EOF). When any document has no complete PDF,
// nothing is returned: PdfBatchError (code io) names every failed document by
// its label and why (too slow, LibreOffice could not open it, LibreOffice
// stopped), and counts the documents not converted because the batch was
// stopped.
//
// Failure otherwise: Error(unsupported) in Dutch when LibreOffice is not
// installed; Error(argument) for an extension other than docx/odt; Error(io)
// for the temporary folder or when LibreOffice cannot be started.
// Thread safety: independent calls may run concurrently (each has its own
// processes and folders); note that each call may start one process per core.
#pragma once

#include "core/Error.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace igsgov::docs {

struct PdfOptions {
  std::string executable;  // empty: search PATH for soffice, libreoffice
  int timeoutSeconds = 120;  // per document: the longest a process may go without progress
  unsigned processes = 0;  // 0: one per available core; never more than the cores or documents
};

struct PdfInput {
  std::string document;   // DOCX or ODT bytes
  std::string extension;  // "docx" or "odt"
  std::string label;      // how messages name the document (e.g. its output file name)
};

struct PdfFailure {
  std::size_t index = 0;  // into the batch's inputs
  std::string label;
  std::string reason;  // Dutch
};

class PdfBatchError : public Error {
public:
  PdfBatchError(std::vector<PdfFailure> failures, std::size_t notConverted, std::size_t total);
  const std::vector<PdfFailure>& failures() const { return failures_; }
  // Documents that were not (completely) converted because the batch was stopped.
  std::size_t notConverted() const { return notConverted_; }
  Poco::Exception* clone() const override { return new PdfBatchError(*this); }
  void rethrow() const override { throw *this; }

private:
  std::vector<PdfFailure> failures_;
  std::size_t notConverted_ = 0;
};

// The PDFs of all inputs, in input order (see above).
std::vector<std::string> convertBatchToPdf(const std::vector<PdfInput>& inputs, const PdfOptions& options = {});

// One document: a batch of one. `extension` is "docx" or "odt".
std::string convertToPdf(const std::string& document, const std::string& extension,
                         const PdfOptions& options = {});

// The LibreOffice executable that would be used, or "" when none is found.
std::string findLibreOffice(const std::string& preferred = "");

// The cores this process may run on (sched_getaffinity), at least 1: the
// most LibreOffice processes one batch starts.
unsigned availableCores();

}  // namespace igsgov::docs

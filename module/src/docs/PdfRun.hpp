// PdfRun: one LibreOffice process converting a run of a batch's documents
// (internal to docs/Pdf.cpp, which splits a batch into runs; see Pdf.hpp).
//
// The constructor writes the run's documents into `folder`/in as NNNNN.<ext>
// (NNNNN = the document's index in the batch), creates `folder`/log and
// starts `soffice --headless --convert-to pdf --outdir folder/out` with all of
// them, with the profile folder/profile, in a process group of its own.
// poll() reads what LibreOffice printed since the last call: one "convert
// <input> -> <output> ..." line per document it has loaded (it then writes
// that document's PDF) and one "Error: ..." line per document it could not
// load; either counts as progress.
//
// current(): the position (in `indices`) of the document LibreOffice was busy
// with when it stopped: the last document it announced if that one's PDF is
// not complete, else the next one after those it announced or could not load.
//
// Failure: Error(io) when the folder's files cannot be written or LibreOffice
// cannot be started. Not thread-safe; the folder must be private to the run.
#pragma once

#include "core/ChildProcess.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::docs {

struct PdfInput;

class PdfRun {
public:
  using Clock = std::chrono::steady_clock;

  PdfRun(const std::string& executable, const std::string& folder, std::vector<std::size_t> indices,
         const std::vector<PdfInput>& inputs);
  ~PdfRun();
  PdfRun(const PdfRun&) = delete;
  PdfRun& operator=(const PdfRun&) = delete;

  // Reads new output and checks whether the process ended; false once it has.
  bool poll();
  Clock::time_point lastProgress() const { return lastProgress_; }
  // Stops the process group (SIGKILL) and notes why.
  void stop(bool timedOut);
  bool timedOut() const { return timedOut_; }
  bool stopped() const { return stopped_; }
  std::optional<int> status() const { return status_; }

  const std::vector<std::size_t>& indices() const { return indices_; }
  // The complete PDF of the document at `position`, or nullopt.
  std::optional<std::string> pdf(std::size_t position) const;
  std::size_t current() const;
  // LibreOffice's "Error: ..." lines, joined with "; " (for messages).
  std::string errors() const;

private:
  void consume(const std::string& line);

  std::string folder_;
  std::vector<std::size_t> indices_;
  std::unique_ptr<ChildProcess> process_;
  int log_ = -1;
  std::string pending_;  // an unfinished line of the log
  std::optional<std::size_t> lastAnnounced_;  // position of the last "convert" line
  std::size_t errorsSince_ = 0;                // "Error:" lines after it
  std::vector<std::string> errorLines_;
  Clock::time_point lastProgress_;
  std::optional<int> status_;
  bool timedOut_ = false, stopped_ = false;
};

}  // namespace igsgov::docs

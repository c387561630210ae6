#include "docs/Pdf.hpp"

#include "core/AtomicFile.hpp"
#include "docs/PdfRun.hpp"

#include <Poco/Environment.h>
#include <Poco/File.h>

#include <sched.h>

#include <algorithm>
#include <memory>
#include <thread>

namespace igsgov::docs {

namespace {

constexpr std::size_t kListedFailures = 5;  // failures named in the message; all are in failures()

std::string batchMessage(const std::vector<PdfFailure>& failures, std::size_t notConverted, std::size_t total) {
  std::string m = "PDF maken mislukt";
  if (failures.empty()) return m + ": " + std::to_string(notConverted) + " van " + std::to_string(total) + " documenten niet omgezet";
  if (total > 1) m += " voor " + std::to_string(failures.size()) + " van " + std::to_string(total) + " documenten";
  m += ": ";
  for (std::size_t i = 0; i < failures.size() && i < kListedFailures; ++i)
    m += (i ? "; " : "") + failures[i].label + ": " + failures[i].reason;
  if (failures.size() > kListedFailures) m += "; en nog " + std::to_string(failures.size() - kListedFailures);
  if (notConverted > 0)
    m += ". " + std::to_string(notConverted) + (notConverted == 1 ? " ander document werd" : " andere documenten werden") +
         " daardoor niet omgezet";
  return m;
}

Place batchPlace(const std::vector<PdfFailure>& failures) {
  Place p;
  p.set("operation", "pdf");
  if (!failures.empty()) p.set("document", failures.front().label);
  return p;
}

// Why the document at `position` of a run has no complete PDF, or "" when it
// was not converted because the batch was stopped before it got its turn.
std::string reasonFor(const PdfRun& run, std::size_t position, std::size_t current, int timeoutSeconds) {
  std::string told = run.errors().empty() ? "" : " (LibreOffice meldde: " + run.errors() + ")";
  if (position < current || (!run.stopped() && run.status() == 0))
    return "LibreOffice kon het document niet openen of omzetten" + told;
  if (position > current) return "";
  if (run.timedOut())
    return "LibreOffice deed er langer dan " + std::to_string(timeoutSeconds) + " seconden over en werd gestopt";
  if (run.stopped()) return "";  // another run timed out
  return "LibreOffice stopte onverwacht bij dit document (afsluitcode " + std::to_string(run.status().value_or(-1)) +
         ")" + told;
}

}  // namespace

PdfBatchError::PdfBatchError(std::vector<PdfFailure> failures, std::size_t notConverted, std::size_t total)
    : Error(ErrorCode::io, batchMessage(failures, notConverted, total), batchPlace(failures)),
      failures_(std::move(failures)),
      notConverted_(notConverted) {}

std::string findLibreOffice(const std::string& preferred) {
  if (!preferred.empty()) {
    Poco::File f(preferred);
    return f.exists() && f.canExecute() ? preferred : "";
  }
  std::string path = Poco::Environment::get("PATH", "/usr/bin:/bin");
  for (const char* name : {"soffice", "libreoffice"}) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t colon = path.find(':', start);
      std::string dir = path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!dir.empty()) {
        Poco::File f(dir + "/" + name);
        if (f.exists() && f.isFile() && f.canExecute()) return f.path();
      }
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return "";
}

unsigned availableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

std::vector<std::string> convertBatchToPdf(const std::vector<PdfInput>& inputs, const PdfOptions& options) {
  for (const auto& in : inputs)
    if (in.extension != "docx" && in.extension != "odt")
      throw Error(ErrorCode::argument, "PDF-conversie kan alleen DOCX of ODT omzetten, niet '" + in.extension + "'",
                  Place().set("option", "extension").set("document", in.label));
  std::string exe = findLibreOffice(options.executable);
  if (exe.empty())
    throw Error(ErrorCode::unsupported,
                "LibreOffice is niet geïnstalleerd: PDF maken is niet mogelijk. Installeer het "
                "pakket libreoffice-writer-nogui (of libreoffice-writer).",
                Place().set("operation", "pdf"));
  if (inputs.empty()) return {};

  const std::size_t cores = availableCores();
  std::size_t processes = options.processes ? std::min<std::size_t>(options.processes, cores) : cores;
  processes = std::min(processes, inputs.size());

  TempDir dir;  // private (0700); removed with everything in it after the runs (declared first)
  std::vector<std::unique_ptr<PdfRun>> runs;  // destroyed first: kills any process still running
  for (std::size_t r = 0, first = 0; r < processes; ++r) {
    std::size_t count = inputs.size() / processes + (r < inputs.size() % processes ? 1 : 0);
    std::vector<std::size_t> indices(count);
    for (std::size_t i = 0; i < count; ++i) indices[i] = first + i;
    first += count;
    runs.push_back(std::make_unique<PdfRun>(exe, dir.path() + "/run" + std::to_string(r), std::move(indices), inputs));
  }

  const auto timeout = std::chrono::seconds(std::max(1, options.timeoutSeconds));
  for (bool running = true; running;) {
    running = false;
    for (auto& run : runs) {
      if (!run->poll()) continue;
      if (PdfRun::Clock::now() - run->lastProgress() > timeout) {
        run->stop(true);
        if (run->current() < run->indices().size()) {  // a document is stuck (not a hang after the last one)
          for (auto& other : runs) other->stop(false);  // all or nothing: the rest is of no use now
          break;
        }
        continue;
      }
      running = true;
    }
    if (running) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  std::vector<std::string> pdfs(inputs.size());
  std::vector<PdfFailure> failures;
  std::size_t notConverted = 0;
  for (const auto& run : runs) {
    const std::size_t current = run->current();
    for (std::size_t pos = 0; pos < run->indices().size(); ++pos) {
      const std::size_t index = run->indices()[pos];
      if (auto pdf = run->pdf(pos)) {
        pdfs[index] = std::move(*pdf);
        continue;
      }
      std::string reason = reasonFor(*run, pos, current, options.timeoutSeconds);
      if (reason.empty())
        ++notConverted;
      else
        failures.push_back({index, inputs[index].label, std::move(reason)});
    }
  }
  if (!failures.empty() || notConverted > 0) {
    std::sort(failures.begin(), failures.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    throw PdfBatchError(std::move(failures), notConverted, inputs.size());
  }
  return pdfs;
}

std::string convertToPdf(const std::string& document, const std::string& extension, const PdfOptions& options) {
  return convertBatchToPdf({{document, extension, "document." + extension}}, options).front();
}

}  // namespace igsgov::docs

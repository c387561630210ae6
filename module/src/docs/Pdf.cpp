#include "docs/Pdf.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace igsgov::docs {

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

std::string convertToPdf(const std::string& document, const std::string& extension,
                         const PdfOptions& options) {
  if (extension != "docx" && extension != "odt")
    throw Error(ErrorCode::argument, "PDF-conversie kan alleen DOCX of ODT omzetten, niet '" + extension + "'",
                Place().set("option", "extension"));
  std::string exe = findLibreOffice(options.executable);
  if (exe.empty())
    throw Error(ErrorCode::unsupported,
                "LibreOffice is niet geïnstalleerd: PDF maken is niet mogelijk. Installeer het "
                "pakket libreoffice-writer-nogui (of libreoffice-writer).",
                Place().set("operation", "pdf"));

  TempDir dir;  // private (0700), removed with its content when it goes out of scope
  const std::string base = dir.path();
  const std::string input = base + "/document." + extension;
  writeFileAtomically(input, document);
  Poco::Process::Args args{"--headless", "--norestore", "--nolockcheck", "--nodefault",
                           "-env:UserInstallation=file://" + base + "/profile",
                           "--convert-to", "pdf", "--outdir", base + "/out", input};
  Poco::Pipe outPipe;
  Poco::ProcessHandle handle = Poco::Process::launch(exe, args, base, nullptr, &outPipe, &outPipe);
  Poco::PipeInputStream outStream(outPipe);
  // Drain output on this thread while waiting; enforce the timeout by PID.
  std::string log;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeoutSeconds);
  Poco::Thread reader;
  struct Drain : Poco::Runnable {
    std::istream& in;
    std::string& out;
    Drain(std::istream& i, std::string& o) : in(i), out(o) {}
    void run() override { Poco::StreamCopier::copyToString(in, out); }
  } drain(outStream, log);
  reader.start(drain);
  bool timedOut = false;
  // tryWait() reaps the child; isRunning() would still see a zombie.
  int rc = -1;
  while ((rc = handle.tryWait()) == -1) {
    if (std::chrono::steady_clock::now() > deadline) {
      Poco::Process::kill(handle);
      timedOut = true;
      rc = handle.wait();
      break;
    }
    Poco::Thread::sleep(50);
  }
  outPipe.close(Poco::Pipe::CLOSE_WRITE);
  reader.join();
  if (timedOut)
    throw Error(ErrorCode::io, "LibreOffice deed er te lang over om de PDF te maken (meer dan " +
                                   std::to_string(options.timeoutSeconds) + " seconden)",
                Place().set("operation", "pdf"));
  const std::string pdfPath = base + "/out/document.pdf";
  std::ifstream in(pdfPath, std::ios::binary);
  if (rc != 0 || !in)
    throw Error(ErrorCode::io,
                "LibreOffice kon het document niet naar PDF omzetten (exitcode " + std::to_string(rc) +
                    "): " + log,
                Place().set("operation", "pdf"));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace igsgov::docs

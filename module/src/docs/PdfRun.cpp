#include "docs/PdfRun.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "docs/Pdf.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace igsgov::docs {

namespace {

// A new file only we can read, in the run's private folder (no fsync: these
// files live as long as the call).
void writeNewFile(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(errnoCode(errno), std::string("tijdelijk bestand: ") + std::strerror(errno), Place().set("file", path));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      throw Error(errnoCode(err), std::string("tijdelijk bestand: ") + std::strerror(err), Place().set("file", path));
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

void makeFolder(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0)
    throw Error(errnoCode(errno), std::string("tijdelijke map: ") + std::strerror(errno), Place().set("file", path));
}

std::string number(std::size_t index) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%05zu", index);
  return buf;
}

// file:// URL of an absolute path (LibreOffice reads -env:UserInstallation as a URL).
std::string fileUrl(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    }
  }
  return url;
}

bool completePdf(const std::string& pdf) {
  if (pdf.rfind("%PDF-", 0) != 0) return false;
  std::size_t from = pdf.size() > 1024 ? pdf.size() - 1024 : 0;
  return pdf.find("%%EOF", from) != std::string::npos;
}

}  // namespace

PdfRun::PdfRun(const std::string& executable, const std::string& folder, std::vector<std::size_t> indices,
               const std::vector<PdfInput>& inputs)
    : folder_(folder), indices_(std::move(indices)) {
  makeFolder(folder_);
  makeFolder(folder_ + "/in");
  makeFolder(folder_ + "/out");
  ChildProcess::Spec spec;
  spec.executable = executable;
  spec.workDir = folder_;
  spec.outputFile = folder_ + "/log";
  spec.args = {"--headless", "--norestore", "--nolockcheck", "--nodefault",
               "-env:UserInstallation=" + fileUrl(folder_ + "/profile"),
               "--convert-to", "pdf", "--outdir", folder_ + "/out"};
  for (std::size_t index : indices_) {
    const PdfInput& in = inputs[index];
    std::string path = folder_ + "/in/" + number(index) + "." + in.extension;
    writeNewFile(path, in.document);
    spec.args.push_back(path);
  }
  writeNewFile(spec.outputFile, "");
  log_ = ::open(spec.outputFile.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (log_ < 0) throw Error(errnoCode(errno), std::string("tijdelijk bestand: ") + std::strerror(errno), Place().set("file", spec.outputFile));
  lastProgress_ = Clock::now();
  process_ = std::make_unique<ChildProcess>(spec);
}

PdfRun::~PdfRun() {
  process_.reset();  // kills the group if still running
  if (log_ >= 0) ::close(log_);
}

bool PdfRun::poll() {
  if (status_) return false;
  std::optional<int> ended = process_->finished();  // read the log after this: it then holds everything
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(log_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending_.append(buf, static_cast<std::size_t>(n));
  }
  std::size_t nl;
  while ((nl = pending_.find('\n')) != std::string::npos) {
    consume(pending_.substr(0, nl));
    pending_.erase(0, nl + 1);
  }
  if (ended) {
    if (!pending_.empty()) consume(pending_);
    pending_.clear();
    status_ = ended;
    return false;
  }
  return true;
}

void PdfRun::consume(const std::string& line) {
  if (line.rfind("convert ", 0) == 0) {
    // "convert <folder>/in/NNNNN.docx -> <folder>/out/NNNNN.pdf using filter : writer_pdf_Export"
    std::size_t arrow = line.find(" -> ");
    std::string input = line.substr(8, arrow == std::string::npos ? std::string::npos : arrow - 8);
    std::string name = input.substr(input.rfind('/') + 1);
    std::size_t index = std::strtoull(name.c_str(), nullptr, 10);
    for (std::size_t pos = 0; pos < indices_.size(); ++pos)
      if (indices_[pos] == index) {
        lastAnnounced_ = pos;
        errorsSince_ = 0;
        lastProgress_ = Clock::now();
      }
  } else if (line.rfind("Error", 0) == 0) {
    ++errorsSince_;
    if (errorLines_.size() < 5) errorLines_.push_back(line);
    lastProgress_ = Clock::now();
  }
}

void PdfRun::stop(bool timedOut) {
  if (status_) return;
  // Read what it printed up to now, then kill: current() is judged on that.
  poll();
  if (status_) return;
  status_ = process_->kill();
  stopped_ = true;
  timedOut_ = timedOut;
}

std::optional<std::string> PdfRun::pdf(std::size_t position) const {
  auto bytes = readFileBytes(folder_ + "/out/" + number(indices_[position]) + ".pdf");
  if (!bytes || !completePdf(*bytes)) return std::nullopt;
  return bytes;
}

std::size_t PdfRun::current() const {
  if (!lastAnnounced_) return errorsSince_;
  if (!pdf(*lastAnnounced_)) return *lastAnnounced_;
  return *lastAnnounced_ + 1 + errorsSince_;
}

std::string PdfRun::errors() const {
  std::string out;
  for (const auto& l : errorLines_) out += (out.empty() ? "" : "; ") + l;
  return out;
}

}  // namespace igsgov::docs

// Helpers for the PDF batch tests (docs/Pdf.hpp):
//   - PrivateTmp: a folder of its own set as $TMPDIR for the test (restored
//     afterwards), so the test can see that the batch's folders (profiles,
//     inputs, outputs) are gone, and find the processes it started by that
//     folder's path in their command line, without ever touching another
//     program's LibreOffice on this shared machine.
//   - processesMentioning(): the PIDs whose command line contains a text.
//   - gone(): whether processes have ended (waits up to a few seconds for the
//     system to reap orphans).
//   - FakeSoffice: a shell script standing in for soffice, on PATH or by path.
#pragma once

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace igsgov::testing {

class PrivateTmp {
public:
  PrivateTmp() : path_(Poco::TemporaryFile::tempName() + "-tmpdir") {
    Poco::File(path_).createDirectories();
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", path_.c_str(), 1);
  }
  ~PrivateTmp() {
    if (old_)
      ::setenv("TMPDIR", old_->c_str(), 1);
    else
      ::unsetenv("TMPDIR");
    Poco::File(path_).remove(true);
  }
  PrivateTmp(const PrivateTmp&) = delete;
  PrivateTmp& operator=(const PrivateTmp&) = delete;
  const std::string& path() const { return path_; }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (Poco::DirectoryIterator it(path_), end; it != end; ++it) out.push_back(it.name());
    return out;
  }

private:
  std::string path_;
  std::optional<std::string> old_;
};

inline std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<int> processesMentioning(const std::string& text) {
  std::vector<int> pids;
  for (Poco::DirectoryIterator it(std::string("/proc")), end; it != end; ++it) {
    const std::string& name = it.name();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmd = readAll("/proc/" + name + "/cmdline");
    for (char& c : cmd)
      if (c == '\0') c = ' ';
    if (cmd.find(text) != std::string::npos) pids.push_back(std::stoi(name));
  }
  return pids;
}

// True when none of `pids` is alive (zombies count as ended), waiting up to `seconds`.
inline bool gone(const std::vector<int>& pids, int seconds = 10) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    bool any = false;
    for (int pid : pids) {
      std::string stat = readAll("/proc/" + std::to_string(pid) + "/stat");
      std::size_t close = stat.rfind(')');
      if (!stat.empty() && close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z') any = true;
    }
    if (!any) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// A stand-in for soffice: `soffice [options] --outdir DIR FILE...`. It logs
// each call ("<pid> <args>") to calls(), and every PID it starts to pids().
// For each FILE, in order:
//   - a file starting with "FAKE:" is read as a command: containing HANG it
//     hangs while loading (a child `sleep` and a wait); HANGSTORE: announces
//     the document, writes half a PDF and hangs; FAIL: prints LibreOffice's
//     "Error: source file could not be loaded" and goes on; CRASH: dies of
//     SIGSEGV; anything else becomes a small PDF holding the file's text;
//   - any other file (a real DOCX/ODT) becomes a small PDF naming it, except
//     when its docProps/custom.xml or meta.xml mentions `failMember` (then as FAIL);
// a valid PDF is announced as LibreOffice does ("convert IN -> OUT using
// filter : writer_pdf_Export") before it is written. With `hangAtEnd` it hangs
// after the last file; with `strayChild` it leaves a `sleep` running in its
// process group when it exits. With `gated` every call first says it started
// (waitStarted()) and then waits, before it converts anything, until the test
// opens the gate (openGate(); at most 100 s, so a failing test never hangs).
struct FakeSofficeBehaviour {  // outside the class: a nested one cannot be a default argument there
  bool hangAtEnd = false;
  bool strayChild = false;
  std::string failMember{};
  bool gated = false;
};

class FakeSoffice {
public:
  using Behaviour = FakeSofficeBehaviour;

  // In the build tree, not in $TMPDIR: a PrivateTmp must see only what the batch leaves there.
  explicit FakeSoffice(Behaviour b = {})
      : dir_(Poco::TemporaryFile::tempName(std::string(IGSGOV_BINARY_DIR) + "/tests") + "-fake-soffice") {
    Poco::File(dir_).createDirectories();
    std::ofstream s(path());
    s << "#!/bin/sh\n"
      << "calls='" << dir_ << "/calls'; pids='" << dir_ << "/pids'\n"
      << "echo \"$$ $*\" >> \"$calls\"; echo $$ >> \"$pids\"\n"
      << "out=\n"
      << "while [ $# -gt 0 ]; do\n"
      << "  case \"$1\" in\n"
      << "    --outdir) out=$2; shift 2 ;;\n"
      << "    --convert-to) shift 2 ;;\n"
      << "    -*) shift ;;\n"
      << "    *) break ;;\n"
      << "  esac\n"
      << "done\n"
      << (b.strayChild ? "sleep 300 & echo $! >> \"$pids\"\n" : "")
      << (b.gated ? "touch '" + dir_ + "/started'; n=0\n"
                    "while [ ! -e '" + dir_ + "/gate' ] && [ $n -lt 1000 ]; do sleep 0.1; n=$((n+1)); done\n"
                  : std::string())
      << "hang() { sleep 300 & echo $! >> \"$pids\"; wait; }\n"
      << "for f in \"$@\"; do\n"
      << "  base=$(basename \"$f\"); pdf=\"$out/${base%.*}.pdf\"\n"
      << "  if [ \"$(head -c 5 \"$f\")\" = FAKE: ]; then body=$(cat \"$f\"); else body=\"docx $base\"\n"
      << "    if [ -n '" << b.failMember << "' ] && unzip -p \"$f\" docProps/custom.xml meta.xml 2>/dev/null | grep -q '>"
      << b.failMember << "<'; then body=FAIL; fi\n"
      << "  fi\n"
      << "  case \"$body\" in\n"
      << "    *HANGSTORE*) echo \"convert $f -> $pdf using filter : writer_pdf_Export\"; printf '%%PDF-1.4\\n' > \"$pdf\"; hang ;;\n"
      << "    *HANG*) hang ;;\n"
      << "    *FAIL*) echo 'Error: source file could not be loaded' >&2 ;;\n"
      << "    *CRASH*) kill -SEGV $$ ;;\n"
      << "    *) echo \"convert $f -> $pdf using filter : writer_pdf_Export\"\n"
      << "       printf '%%PDF-1.4\\n%s\\n%%%%EOF\\n' \"$body\" > \"$pdf\" ;;\n"
      << "  esac\n"
      << "done\n"
      << (b.hangAtEnd ? "hang\n" : "")
      << "exit 0\n";
    s.close();
    ::chmod(path().c_str(), 0755);
  }
  ~FakeSoffice() { Poco::File(dir_).remove(true); }
  FakeSoffice(const FakeSoffice&) = delete;
  FakeSoffice& operator=(const FakeSoffice&) = delete;

  std::string path() const { return dir_ + "/soffice"; }
  // gated: true once a LibreOffice call has started and waits (false after `seconds`).
  bool waitStarted(int seconds) const {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!Poco::File(dir_ + "/started").exists()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
  }
  void openGate() const { std::ofstream(dir_ + "/gate") << "open\n"; }
  const std::string& dir() const { return dir_; }
  std::vector<std::string> calls() const { return lines("calls"); }
  std::vector<int> pids() const {
    std::vector<int> out;
    for (const auto& l : lines("pids")) out.push_back(std::stoi(l));
    return out;
  }

private:
  std::vector<std::string> lines(const std::string& name) const {
    std::vector<std::string> out;
    std::istringstream in(readAll(dir_ + "/" + name));
    for (std::string l; std::getline(in, l);)
      if (!l.empty()) out.push_back(l);
    return out;
  }
  std::string dir_;
};

// Puts a folder first on PATH for the test's lifetime.
class PathPrefix {
public:
  explicit PathPrefix(const std::string& dir) {
    const char* p = std::getenv("PATH");
    old_ = p ? p : "/usr/bin:/bin";
    ::setenv("PATH", (dir + ":" + old_).c_str(), 1);
  }
  ~PathPrefix() { ::setenv("PATH", old_.c_str(), 1); }
  PathPrefix(const PathPrefix&) = delete;
  PathPrefix& operator=(const PathPrefix&) = delete;

private:
  std::string old_;
};

}  // namespace igsgov::testing

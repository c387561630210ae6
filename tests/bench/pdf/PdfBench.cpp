// bench_pdf: the engagementsverklaring of every Flemish gemeente (all 285 of
// config/refdata/gemeenten.csv as members of one cooperation) as PDF, in one
// run, two ways, printed side by side with the ratio:
//   igsgov:   documents.generate --format pdf (render + one LibreOffice batch,
//             docs/Pdf.hpp: one soffice per core for all documents);
//   baseline: documents.generate --format docx (the same documents), then one
//             soffice per document through the npm package libreoffice-convert
//             (a fresh profile per call), `parallel` calls at a time (default:
//             one per core, the same limit igsgov keeps), as users of
//             docxtemplater + libreoffice-convert do (baseline.js).
// Both outputs are checked (285 files, each a PDF). The load average
// (/proc/loadavg) is printed before each phase: figures from a loaded
// machine are not comparable.
// Usage: bench_pdf WORK_DIR [members] [parallel]   (0 or absent: all 285 / one per
// core; run.sh sets it up)
#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/Json.hpp"
#include "docs/Pdf.hpp"
#include "ops/Session.hpp"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace igsgov;

namespace {

std::string slurp(const std::string& path) { return readFileBytes(path).value_or(""); }

// The 1-minute load average (read as a stream: /proc files report size 0).
std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string first;
  in >> first;
  return first;
}

// CPU seconds (user + system) of this process and of every descendant reaped
// so far (soffice is reaped by ChildProcess, libreoffice-convert's by node,
// node by pclose): what a phase cost the machine, less dependent on the load
// than its wall time.
double cpuSeconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    total += u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

std::vector<std::string> gemeenten() {
  std::istringstream in(slurp(std::string(IGSGOV_SOURCE_DIR) + "/config/refdata/gemeenten.csv"));
  std::vector<std::string> nis;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line))
    if (!line.empty()) nis.push_back(line.substr(0, line.find(',')));
  return nis;
}

// Number of files ending in .pdf in `dir` that start with %PDF-.
int pdfsIn(const std::string& dir) {
  int n = 0;
  for (Poco::DirectoryIterator it(dir), end; it != end; ++it)
    if (it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".pdf" &&
        slurp(it.path().toString()).rfind("%PDF-", 0) == 0)
      ++n;
  return n;
}

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_pdf WORK_DIR [members] [parallel]\n";
    return 64;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes, also into a file
  const std::string work = argv[1];
  const unsigned cores = docs::availableCores();
  const unsigned long members = argc > 2 ? std::stoul(argv[2]) : 0;
  const unsigned long parallelArg = argc > 3 ? std::stoul(argv[3]) : 0;
  const unsigned parallel = parallelArg ? static_cast<unsigned>(parallelArg) : cores;
  try {
    auto nis = gemeenten();
    if (members) nis.resize(std::min<std::size_t>(nis.size(), members));
    Poco::File(work).createDirectories();
    ops::Session session(work + "/register.db", true);
    ops::Caller caller;
    caller.actor = "bench";
    auto run = [&](const std::string& op, const std::string& json) { return session.execute(op, parseJsonObject(json), caller); };
    run("cooperation.create", R"({"id":"igs-vlaanderen","name":"Alle Vlaamse gemeenten","legal_form":"projectvereniging",
        "domain":"cultuur","kbo":"0123.456.749","seat_nis":"44021","founded":"2025-01-01","term_end":"2030-12-31"})");
    for (const auto& n : nis)
      run("member.add", R"({"id":"m-)" + n + R"(","cooperation":"igs-vlaanderen","kind":"gemeente","nis":")" + n +
                            R"(","from":"2025-01-01"})");
    auto generate = [&](const std::string& format, const std::string& out) {
      return run("documents.generate", R"({"template":"engagementsverklaring","cooperation":"igs-vlaanderen",
          "all_members":true,"as_of":"2025-10-01","format":")" + format + R"(","out":")" + out + R"("})");
    };
    std::printf("PDF benchmark: %zu engagementsverklaringen (one per gemeente), %u cores, LibreOffice %s\n", nis.size(),
                cores, docs::findLibreOffice().c_str());

    // 1. igsgov: one batch.
    std::string loadOurs = loadAverage();
    double cpu0 = cpuSeconds();
    auto t0 = std::chrono::steady_clock::now();
    generate("pdf", work + "/ours");
    double ours = seconds(t0);
    double oursCpu = cpuSeconds() - cpu0;
    int oursCount = pdfsIn(work + "/ours");
    std::string loadOursEnd = loadAverage();
    std::printf("igsgov done: %.1f s, %.1f CPU s (the baseline follows)\n", ours, oursCpu);

    // 2. baseline: the same documents as DOCX, then one soffice per document.
    std::string loadBase = loadAverage();
    cpu0 = cpuSeconds();
    t0 = std::chrono::steady_clock::now();
    generate("docx", work + "/docx");
    double render = seconds(t0);
    Poco::File(work + "/baseline").createDirectories();
    std::string cmd = "node '" + std::string(IGSGOV_SOURCE_DIR) + "/tests/bench/pdf/baseline.js' '" + work + "/docx' '" +
                      work + "/baseline' " + std::to_string(parallel);
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[512];
    while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
    int rc = pipe ? pclose(pipe.release()) : -1;
    if (rc != 0) {
      std::cerr << "baseline failed (npm ci in tests/bench/pdf/node?): " << out << "\n";
      return 1;
    }
    double convert = parseJsonObject(out)->getValue<double>("seconds");
    double base = render + convert;
    double baseCpu = cpuSeconds() - cpu0;
    int baseCount = pdfsIn(work + "/baseline");
    std::string loadBaseEnd = loadAverage();

    std::printf("%-58s %9s %9s %9s %6s %15s\n", "", "seconds", "s/doc", "CPU s", "PDFs", "load start/end");
    std::printf("%-58s %9.1f %9.3f %9.1f %6d %7s/%s\n", "igsgov: generate --format pdf (one batch, soffice per core)",
                ours, ours / nis.size(), oursCpu, oursCount, loadOurs.c_str(), loadOursEnd.c_str());
    std::printf("%-58s %9.1f %9.3f %9.1f %6d %7s/%s\n",
                ("baseline: generate docx + libreoffice-convert, " + std::to_string(parallel) + " at a time").c_str(),
                base, base / nis.size(), baseCpu, baseCount, loadBase.c_str(), loadBaseEnd.c_str());
    std::printf("  (baseline: generate --format docx %.1f s, libreoffice-convert %.1f s)\n", render, convert);
    std::printf("ratio (baseline / igsgov): %.1fx wall, %.1fx CPU (target >= 5x); igsgov %zu PDFs in %.1f s "
                "(target < 45 s on 2 cores)\n",
                base / ours, baseCpu / oursCpu, nis.size(), ours);
    bool ok = oursCount == static_cast<int>(nis.size()) && baseCount == static_cast<int>(nis.size());
    if (!ok) std::printf("WRONG OUTPUT: expected %zu PDFs from each\n", nis.size());
    return ok ? 0 : 1;
  } catch (const Error& e) {
    std::cerr << e.fullText() << "\n";
    return 1;
  }
}

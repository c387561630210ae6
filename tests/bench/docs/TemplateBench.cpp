// Template benchmark: a letter with 20 tags and a 30-row table loop (one tag
// split over three runs inside <w:proofErr>), rendered N times by our engine
// and by docxtemplater (node, same template and data) in one run. Prints
// documents per second, peak RSS of each process and the ratios.
//
// Usage: bench_docs [N]    (default 2000; docxtemplater gets N/10, min 200)
#include "../../unit/docs/DocFixtures.hpp"

#include "core/Json.hpp"
#include "docs/Template.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::docs::test;

namespace {

std::string cell(const std::string& t) { return "<w:tc>" + para(t) + "</w:tc>"; }

std::string letterTemplate() {
  std::string body;
  body += para("{organisatie.naam}") + para("{organisatie.adres}") + para("{organisatie.ondernemingsnummer}");
  body += para("{ontvanger.naam}") + para("{ontvanger.straat}") + para("{ontvanger.gemeente}");
  // One tag split over three runs inside proofErr marks.
  body += p("<w:r><w:t>Betreft: {</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>onder</w:t></w:r>"
            "<w:r><w:rPr><w:b/></w:rPr><w:t>werp}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>");
  body += para("Gent, {datum | datum_lang}") + para("Ons kenmerk: {kenmerk}") + para("Uw kenmerk: {uw_kenmerk}");
  body += para("Beste {ontvanger.aanspreking} {ontvanger.naam},");
  body += para("Hierbij de afrekening voor {jaar} van {organisatie.naam}, goedgekeurd op {goedkeuring | datum}.");
  body += "<w:tbl><w:tr>" + cell("Gemeente") + cell("Inwoners") + cell("Aandeel") + cell("Bedrag") + "</w:tr>";
  body += "<w:tr>" + cell("{#deelnemers}{gemeente}") + cell("{inwoners | getal}") + cell("{aandeel}") +
          cell("{bedrag | euro}{/deelnemers}") + "</w:tr></w:tbl>";
  body += para("Totaal: {totaal | euro}") + para("Vervaldag: {vervaldag | datum_lang}");
  body += para("Met vriendelijke groeten,") + para("{ondertekenaar.naam}") + para("{ondertekenaar.functie | upper}");
  return makeDocx(body);
}

std::string letterData() {
  std::string rows;
  long long total = 0;
  for (int i = 0; i < 30; ++i) {
    long long amount = 1234567 + i * 98765;
    total += amount;
    rows += std::string(i ? "," : "") + "{\"gemeente\":\"Gemeente " + std::to_string(i + 1) +
            "\",\"inwoners\":" + std::to_string(12000 + i * 1371) + ",\"aandeel\":\"" +
            std::to_string(3 + i % 5) + ",2 %\",\"bedrag\":" + std::to_string(amount) + "}";
  }
  return "{\"organisatie\":{\"naam\":\"IGS Leie & Schelde\",\"adres\":\"Kerkstraat 1, 9000 Gent\","
         "\"ondernemingsnummer\":\"0123.456.789\"},"
         "\"ontvanger\":{\"naam\":\"Janssens\",\"straat\":\"Dorp 5\",\"gemeente\":\"9800 Deinze\",\"aanspreking\":\"mevrouw\"},"
         "\"onderwerp\":\"Afrekening werkingsbijdrage\",\"datum\":\"2026-11-22\",\"kenmerk\":\"IGS/2026/117\","
         "\"uw_kenmerk\":\"-\",\"jaar\":2026,\"goedkeuring\":\"2026-10-15\",\"vervaldag\":\"2026-12-31\","
         "\"totaal\":" + std::to_string(total) + ",\"ondertekenaar\":{\"naam\":\"Els Peeters\",\"functie\":\"Secretaris\"},"
         "\"deelnemers\":[" + rows + "]}";
}

long peakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  int nNode = std::max(200, n / 10);
  Poco::TemporaryFile dir;
  dir.createDirectories();
  const std::string tplPath = dir.path() + "/letter.docx", dataPath = dir.path() + "/letter.json";
  const std::string tpl = letterTemplate(), data = letterData();
  std::ofstream(tplPath, std::ios::binary) << tpl;
  std::ofstream(dataPath, std::ios::binary) << data;

  // Ours: compile once, render n times (data parsed once, as a caller would hold it).
  Poco::Dynamic::Var vars = parseJson(data);
  Template t = Template::compile(tpl);
  std::size_t bytes = 0;
  t.render(vars);  // warm-up
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) bytes += t.render(vars).size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double oursRate = n / secs;
  long oursRss = peakRssKb();

  // docxtemplater in a child node process, same template and data.
  std::string cmd = "node '" + std::string(IGSGOV_SOURCE_DIR) + "/tests/bench/docs/bench.js' '" + tplPath +
                    "' '" + dataPath + "' " + std::to_string(nNode);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  char buf[512];
  while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr theirs;
  try {
    theirs = parser.parse(out).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    std::cerr << "docxtemplater run failed (npm ci in tests/integration/docs/node?): " << out << "\n";
    return 1;
  }
  double theirRate = theirs->getValue<double>("docs_per_s");
  long theirRss = theirs->getValue<long>("peak_rss_kb");

  std::printf("letter: 20 tags, 30-row table loop, template %zu bytes, output %zu bytes\n", tpl.size(), bytes / n);
  std::printf("%-16s %10s %12s %14s\n", "engine", "docs", "docs/s", "peak RSS (MB)");
  std::printf("%-16s %10d %12.0f %14.1f\n", "igsgov", n, oursRate, oursRss / 1024.0);
  std::printf("%-16s %10d %12.0f %14.1f\n", "docxtemplater", nNode, theirRate, theirRss / 1024.0);
  std::printf("speed ratio (igsgov/docxtemplater docs/s): %.1fx (target >= 20x)\n", oursRate / theirRate);
  std::printf("memory ratio (igsgov/docxtemplater peak RSS): %.2f (target <= 0.25)\n",
              static_cast<double>(oursRss) / theirRss);
  return 0;
}

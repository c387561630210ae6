// The deadlines of the shipped sample register written as iCalendar and read
// back by Debian's python3-icalendar (scripts/packages/rules.txt); two exports
// give the same UIDs, so a re-import updates instead of duplicating.
#include "../../unit/records/RegisterFixture.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <map>
#include <sstream>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

namespace {
// Runs the oracle; returns its output, fails the test on a non-zero exit.
std::string parseWithIcalendar(const std::string& file) {
  Poco::Pipe out, err;
  auto ph = Poco::Process::launch("/usr/bin/python3",  // Debian's python with python3-icalendar
                                   {std::string(IGSGOV_SOURCE_DIR) + "/tests/integration/calendar/parse_ics.py", file},
                                  nullptr, &out, &err);
  Poco::PipeInputStream os(out), es(err);
  std::string text, error;
  Poco::StreamCopier::copyToString(os, text);
  Poco::StreamCopier::copyToString(es, error);
  int rc = ph.wait();
  EXPECT_EQ(rc, 0) << error;
  return text;
}

std::map<std::string, std::string> uids(const std::string& oracleOutput) {  // uid -> "date summary"
  std::map<std::string, std::string> m;
  std::istringstream in(oracleOutput);
  std::string line;
  while (std::getline(in, line)) {
    auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (line.rfind("events\t", 0) == 0) continue;
    m[line.substr(0, t1)] = line.substr(t1 + 1, t2 - t1 - 1) + " " + line.substr(t2 + 1);
  }
  return m;
}
}  // namespace

class IcsOracle : public RegisterFixture {};

TEST_F(IcsOracle, SampleDeadlinesParseAndKeepTheirUids) {
  importSample();
  std::string a = dir_ + "/a.ics", b = dir_ + "/b.ics";
  auto first = run("deadlines.list", R"({"from":"2024-01-01","until":"2031-12-31","alarm_days":14,"ics":")" + a + "\"}");
  size_t n = first->getArray("deadlines")->size();
  ASSERT_GT(n, 50u);
  auto parsedA = parseWithIcalendar(a);
  EXPECT_NE(parsedA.find("events\t" + std::to_string(n)), std::string::npos) << parsedA;
  EXPECT_NE(parsedA.find("2026-04-01\tCultuurnota indienen via KIOSK (Cultuurregio Vlaamse Ardennen (voorbeeld))"),
            std::string::npos);
  auto ua = uids(parsedA);
  EXPECT_EQ(ua.size(), n) << "UIDs are unique";
  run("deadlines.list", R"({"from":"2024-01-01","until":"2031-12-31","ics":")" + b + "\"}");
  EXPECT_EQ(ua, uids(parseWithIcalendar(b)));
}

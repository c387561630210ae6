// iCalendar writer: folding, escaping, CRLF, stable UIDs; deadlines derived
// from a register.
#include "../../unit/rules/RulesFixture.hpp"

#include "calendar/Ics.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace igsgov;
using igsgov::testing::RulesFixture;

TEST(Ics, FoldsAt75OctetsWithoutSplittingUtf8) {
  std::string line = "DESCRIPTION:" + std::string(60, 'a') + "ëëëëëëëëëë" + std::string(100, 'b');
  std::string folded = calendar::icsFold(line);
  std::size_t start = 0;
  std::string unfolded;
  while (start < folded.size()) {
    auto end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string physical = folded.substr(start, end - start);
    EXPECT_LE(physical.size(), 75u);
    unfolded += start == 0 ? physical : physical.substr(1);
    if (start) {
      EXPECT_EQ(physical[0], ' ');
    }
    if (!physical.empty()) {
      EXPECT_NE(static_cast<unsigned char>(physical.back()), 0xC3) << "split inside ë";
    }
    start = end + 2;
  }
  EXPECT_EQ(unfolded, line);
}

TEST(Ics, EscapesText) {
  EXPECT_EQ(calendar::icsEscape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

// The old writer used "<file>.tmp-igsgov": a link planted there redirected
// the write (issue 13). Neither that name nor a link at the target is followed.
TEST(Ics, WriteFollowsNoPlantedLink) {
  char folder[] = "/tmp/igsgov-ics-XXXXXX";
  ASSERT_NE(::mkdtemp(folder), nullptr);
  std::string victim = std::string(folder) + "/slachtoffer.txt", target = std::string(folder) + "/termijnen.ics";
  { std::ofstream(victim) << "niet overschrijven"; }
  ASSERT_EQ(::symlink(victim.c_str(), (target + ".tmp-igsgov").c_str()), 0);
  calendar::writeIcsFile(target, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  auto content = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  EXPECT_EQ(content(victim), "niet overschrijven");
  EXPECT_EQ(content(target), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  ASSERT_EQ(::unlink(target.c_str()), 0);
  ASSERT_EQ(::symlink(victim.c_str(), target.c_str()), 0);
  calendar::writeIcsFile(target, "X");
  EXPECT_EQ(content(victim), "niet overschrijven");
  EXPECT_EQ(content(target), "X");
  std::filesystem::remove_all(folder);
}

class Deadlines : public RulesFixture {};

TEST_F(Deadlines, DerivedFromTheRegisterWithStableUids) {
  cleanPv();
  run("mandate.end", R"({"id":"c1-a2","until":"2026-06-30"})");
  auto out = run("deadlines.list", R"({"from":"2026-01-01","until":"2031-12-31","ics_text":true})");
  auto list = out->getArray("deadlines");
  std::map<std::string, std::string> uidByKind;
  std::set<std::string> kinds;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    kinds.insert(d->getValue<std::string>("kind"));
    if (d->getValue<std::string>("kind") == "term_end") uidByKind["term_end"] = d->getValue<std::string>("uid");
  }
  for (const auto& k : {"term_end", "renewal", "mandate_end", "redesignation", "calendar"}) EXPECT_TRUE(kinds.count(k)) << k;
  std::string ics = out->getValue<std::string>("ics_text");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20261231\r\n"), std::string::npos);
  EXPECT_NE(ics.find("Cultuurnota indienen via KIOSK"), std::string::npos);
  for (std::size_t p = ics.find('\n'); p != std::string::npos; p = ics.find('\n', p + 1)) ASSERT_EQ(ics[p - 1], '\r');
  // A renewal moves the date, not the UID.
  run("cooperation.change", R"({"id":"c1","term_end":"2030-12-31","reason":"verlengd"})");
  auto again = run("deadlines.list", R"({"from":"2026-01-01","until":"2031-12-31"})")->getArray("deadlines");
  bool found = false;
  for (std::size_t i = 0; i < again->size(); ++i) {
    auto d = again->getObject(static_cast<unsigned>(i));
    if (d->getValue<std::string>("kind") != "term_end") continue;
    found = true;
    EXPECT_EQ(d->getValue<std::string>("uid"), uidByKind["term_end"]);
    EXPECT_EQ(d->getValue<std::string>("date"), "2030-12-31");
  }
  EXPECT_TRUE(found);
}

TEST_F(Deadlines, RedesignationOnlyForSeatsNotYetRedesignated) {
  cleanPv();
  run("mandate.change", R"({"id":"c1-a1","new_id":"c1-a1b","from":"2025-02-01","fractie":"CD&V"})");
  auto list = run("deadlines.list", R"({"from":"2025-01-01","until":"2025-12-31"})")->getArray("deadlines");
  std::set<std::string> redesignated;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    if (d->getValue<std::string>("kind") != "redesignation") continue;
    auto records = d->getArray("records");
    for (std::size_t j = 0; j < records->size(); ++j)
      redesignated.insert(records->getObject(static_cast<unsigned>(j))->getValue<std::string>("id"));
  }
  EXPECT_EQ(redesignated, (std::set<std::string>{"c1-a2", "c1-a3"}));
}

// One event per body and election listing the people, Dutch categories, and no
// source notes in the descriptions (issue 17).
TEST_F(Deadlines, RedesignationsGroupedPerBodyInDutch) {
  cleanPv();
  run("mandate.end", R"({"id":"c1-a2","until":"2026-06-30"})");
  auto out = run("deadlines.list", R"({"from":"2024-01-01","until":"2031-12-31","ics_text":true})");
  auto list = out->getArray("deadlines");
  std::map<std::string, int> perDayAndBody;
  int redesignations = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    EXPECT_EQ(d->getValue<std::string>("description").find("Bron:"), std::string::npos);
    if (d->getValue<std::string>("kind") != "redesignation") continue;
    ++redesignations;
    EXPECT_EQ(d->getValue<std::string>("kind_label"), "Heraanduiding");
    EXPECT_GE(d->getArray("records")->size(), 1u);
    EXPECT_NE(d->getValue<std::string>("description").find("in plaats van:\n- "), std::string::npos);
    ++perDayAndBody[d->getValue<std::string>("date") + d->getValue<std::string>("title")];
  }
  EXPECT_GT(redesignations, 0);
  for (const auto& [key, n] : perDayAndBody) EXPECT_EQ(n, 1) << key;
  std::string ics = out->getValue<std::string>("ics_text");
  for (const char* english : {"CATEGORIES:mandate_end", "CATEGORIES:redesignation", "CATEGORIES:term_end",
                              "CATEGORIES:renewal", "CATEGORIES:calendar", "Bron:"})
    EXPECT_EQ(ics.find(english), std::string::npos) << english;
  EXPECT_NE(ics.find("CATEGORIES:Heraanduiding\r\n"), std::string::npos);
  EXPECT_NE(ics.find("CATEGORIES:Einde mandaat\r\n"), std::string::npos);
}

TEST_F(Deadlines, WrongRangeIsRefused) {
  Error e = fails("deadlines.list", R"({"from":"2026-01-01","until":"2025-01-01"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.fullText().find("until"), std::string::npos);
}

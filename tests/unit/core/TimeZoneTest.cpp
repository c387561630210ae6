// TimeZone against the system zoneinfo (Debian tzdata): Brussels in winter
// and summer, both switches of 2026, a year past the file's last transition
// (the footer rule), wall-clock times in the repeated and the skipped hour,
// and clear errors for a missing or broken file.
#include "core/TimeZone.hpp"

#include "core/Error.hpp"
#include "WorkDir.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

namespace {

Micros at(const std::string& utc) { return *parseTimestamp(utc); }

class TimeZoneFiles : public igsgov::testing::WorkDir {
protected:
  TimeZoneFiles() : WorkDir("timezone") {}
};

}  // namespace

TEST(TimeZone, BrusselsWinterAndSummer) {
  auto z = TimeZone::load("Europe/Brussels");
  EXPECT_EQ(dutchDateTime(at("2026-01-15T12:00:00Z"), z), "15 januari 2026 om 13:00");
  EXPECT_EQ(dutchDateTime(at("2026-07-15T12:00:00Z"), z), "15 juli 2026 om 14:00");
  EXPECT_EQ(z.offsetAt(at("2026-01-15T12:00:00Z")), 3600);
  EXPECT_EQ(z.offsetAt(at("2026-07-15T12:00:00Z")), 7200);
  // A UTC evening that is already the next day in Brussels.
  EXPECT_EQ(dutchDateTime(at("2026-12-31T23:30:00Z"), z), "1 januari 2027 om 00:30");
  EXPECT_EQ(localInputValue(at("2026-06-30T22:05:00Z"), z), "2026-07-01T00:05");
}

TEST(TimeZone, SwitchesOnTheLastSundaysOfMarchAndOctober) {
  auto z = TimeZone::load("Europe/Brussels");
  // 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC).
  EXPECT_EQ(z.offsetAt(at("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(z.offsetAt(at("2026-03-29T01:00:00Z")), 7200);
  // 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC).
  EXPECT_EQ(z.offsetAt(at("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(z.offsetAt(at("2026-10-25T01:00:00Z")), 3600);
}

TEST(TimeZone, FollowsTheFooterRuleAfterTheLastTransition) {
  auto z = TimeZone::load("Europe/Brussels");
  // 2050 is past the transitions of any tzdata file (they end in 2037).
  EXPECT_EQ(z.offsetAt(at("2050-01-10T12:00:00Z")), 3600);
  EXPECT_EQ(z.offsetAt(at("2050-08-10T12:00:00Z")), 7200);
  // Last Sunday of March 2050 is the 27th, of October the 30th.
  EXPECT_EQ(z.offsetAt(at("2050-03-27T00:59:59Z")), 3600);
  EXPECT_EQ(z.offsetAt(at("2050-03-27T01:00:00Z")), 7200);
  EXPECT_EQ(z.offsetAt(at("2050-10-30T00:59:59Z")), 7200);
  EXPECT_EQ(z.offsetAt(at("2050-10-30T01:00:00Z")), 3600);
}

TEST(TimeZone, WallClockToUtc) {
  auto z = TimeZone::load("Europe/Brussels");
  auto day = [](const char* iso) { return *Date::parse(iso); };
  EXPECT_EQ(formatTimestamp(z.utcOf(day("2026-01-15"), 13, 0)), "2026-01-15T12:00:00.000000Z");
  EXPECT_EQ(formatTimestamp(z.utcOf(day("2026-07-15"), 14, 0)), "2026-07-15T12:00:00.000000Z");
  // 02:30 on 25 October 2026 happens twice: the first (summer time) is meant.
  EXPECT_EQ(formatTimestamp(z.utcOf(day("2026-10-25"), 2, 30)), "2026-10-25T00:30:00.000000Z");
  // 02:30 on 29 March 2026 does not exist: read as 03:30 summer time.
  EXPECT_EQ(formatTimestamp(z.utcOf(day("2026-03-29"), 2, 30)), "2026-03-29T01:30:00.000000Z");
}

TEST_F(TimeZoneFiles, MissingOrBrokenFileIsAClearError) {
  try {
    TimeZone::load("Europe/Nergensland");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::io);
    EXPECT_NE(std::string(e.what()).find("tzdata"), std::string::npos) << e.what();
  }
  write("Kapot", "geen tijdzone");
  try {
    TimeZone::load("Kapot", dir_.string());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(std::string(e.what()).find("Kapot"), std::string::npos) << e.what();
  }
}

// web/LocalTime: record times shown in Europe/Brussels time, around both
// changes of the clock.
#include "web/LocalTime.hpp"

#include <gtest/gtest.h>

using igsgov::web::brusselsTimeNl;

TEST(LocalTime, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(brusselsTimeNl("2026-12-06T08:12:30.000001Z"), "6 december 2026 om 09:12");
  EXPECT_EQ(brusselsTimeNl("2026-12-31T23:30:00Z"), "1 januari 2027 om 00:30");
}

TEST(LocalTime, SummerIsTwoHoursAheadFromTheLastSundayOfMarchToTheLastOfOctober) {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(brusselsTimeNl("2026-03-29T00:59:00Z"), "29 maart 2026 om 01:59");
  EXPECT_EQ(brusselsTimeNl("2026-03-29T01:00:00Z"), "29 maart 2026 om 03:00");
  EXPECT_EQ(brusselsTimeNl("2026-07-01T12:00:00Z"), "1 juli 2026 om 14:00");
  EXPECT_EQ(brusselsTimeNl("2026-10-25T00:59:00Z"), "25 oktober 2026 om 02:59");
  EXPECT_EQ(brusselsTimeNl("2026-10-25T01:00:00Z"), "25 oktober 2026 om 02:00");
  // 2027: 28 March and 31 October.
  EXPECT_EQ(brusselsTimeNl("2027-03-28T01:00:00Z"), "28 maart 2027 om 03:00");
  EXPECT_EQ(brusselsTimeNl("2027-10-31T00:30:00Z"), "31 oktober 2027 om 02:30");
}

TEST(LocalTime, TextThatIsNoTimestampComesBackAsItIs) {
  EXPECT_EQ(brusselsTimeNl(""), "");
  EXPECT_EQ(brusselsTimeNl("gisteren"), "gisteren");
}

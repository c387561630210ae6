// Belgian time computed by rule (core/LocalTime.hpp) against the system's
// time zone database (tzdata's Europe/Brussels through localtime_r), the
// independent oracle, at every hour around each transition from 1997 to 2037
// and at spread instants in between.
#include "core/LocalTime.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace igsgov {
namespace {

struct BrusselsZone {
  BrusselsZone() {
    setenv("TZ", "Europe/Brussels", 1);
    tzset();
  }
  ~BrusselsZone() {
    unsetenv("TZ");
    tzset();
  }
};

void expectSameAsTzdata(Micros us) {
  std::time_t t = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  ASSERT_NE(localtime_r(&t, &tm), nullptr);
  LocalDateTime ours = brusselsLocal(us);
  ASSERT_EQ(brusselsOffsetMinutes(us), tm.tm_gmtoff / 60) << formatTimestamp(us);
  ASSERT_EQ(ours.date, Date::fromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)) << formatTimestamp(us);
  ASSERT_EQ(ours.hour, tm.tm_hour) << formatTimestamp(us);
  ASSERT_EQ(ours.minute, tm.tm_min) << formatTimestamp(us);
}

TEST(LocalTime, AgreesWithTzdataAroundEveryTransition) {
  BrusselsZone zone;
  for (int year = 1997; year <= 2037; ++year) {
    for (int month : {3, 10}) {
      for (int day = 24; day <= 31; ++day) {
        Micros midnight = static_cast<Micros>(Date::fromYmd(year, month, day).days()) * 86'400'000'000LL;
        for (int minutes = -30; minutes <= 26 * 60; minutes += 29) expectSameAsTzdata(midnight + minutes * 60'000'000LL);
      }
    }
  }
}

TEST(LocalTime, AgreesWithTzdataThroughTheYear) {
  BrusselsZone zone;
  Micros start = *parseTimestamp("1998-01-01T00:00:00Z");
  for (Micros us = start; us < *parseTimestamp("2036-01-01T00:00:00Z"); us += 7'777'777'000'000LL / 10) expectSameAsTzdata(us);
}

TEST(LocalTime, DutchDateTimeReadsAsBelgianTime) {
  EXPECT_EQ(dutchDateTime(std::string("2026-12-06T07:22:00.540552Z")), "6 december 2026 om 08:22");
  EXPECT_EQ(dutchDateTime(std::string("2026-07-01T22:30:00Z")), "2 juli 2026 om 00:30");
  EXPECT_EQ(dutchDateTime(std::string("2026-03-29T00:59:59Z")), "29 maart 2026 om 01:59");
  EXPECT_EQ(dutchDateTime(std::string("2026-03-29T01:00:00Z")), "29 maart 2026 om 03:00");
  EXPECT_EQ(dutchDateTime(std::string("geen tijd")), "geen tijd");
}

}  // namespace
}  // namespace igsgov

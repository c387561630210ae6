#include "core/Date.hpp"

#include <gtest/gtest.h>

#include <cstdio>

using igsgov::Date;

TEST(Date, ParsesAndPrintsIso) {
  auto d = Date::parse("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2024-02-29");
  EXPECT_EQ(d->year(), 2024);
  EXPECT_EQ(d->month(), 2);
  EXPECT_EQ(d->day(), 29);
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2026-13-01"));
  EXPECT_FALSE(Date::parse("22/11/2026"));
  EXPECT_FALSE(Date::parse("2026-1-01"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, ComparesAndAddsYears) {
  auto a = *Date::parse("2024-02-29");
  EXPECT_EQ(a.addYears(1).iso(), "2025-02-28");
  EXPECT_EQ(a.addYears(6).iso(), "2030-02-28");
  EXPECT_LT(a, a.addDays(1));
  EXPECT_EQ(a.addDays(1).iso(), "2024-03-01");
}

TEST(Date, DutchLongForm) {
  EXPECT_EQ(igsgov::dutchLongDate(*Date::parse("2026-11-22")), "22 november 2026");
  EXPECT_EQ(igsgov::dutchLongDate(*Date::parse("2027-01-01")), "1 januari 2027");
}

// iso() and parse() agree with year()/month()/day() on every 7th day of the
// register's date range (1800-01-01 .. 9999-12-31), leap days included.
TEST(Date, IsoRoundTripsOverTheWholeRange) {
  Date d = Date::fromYmd(1800, 1, 1);
  Date last = Date::fromYmd(9999, 12, 31);
  int checked = 0;
  for (; d <= last; d = d.addDays(7)) {
    char expected[16];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", d.year(), d.month(), d.day());
    ASSERT_EQ(d.iso(), expected);
    auto back = Date::parse(expected);
    ASSERT_TRUE(back.has_value()) << expected;
    ASSERT_EQ(*back, d) << expected;
    ++checked;
  }
  EXPECT_GT(checked, 400000);
  EXPECT_EQ(Date::parse("2023-02-29"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-02-29")->iso(), "2024-02-29");
}

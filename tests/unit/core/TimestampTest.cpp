#include "core/Timestamp.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

TEST(Timestamp, RoundTripsWithMicroseconds) {
  auto t = parseTimestamp("2026-11-22T08:15:30.000042Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(formatTimestamp(*t), "2026-11-22T08:15:30.000042Z");
}

TEST(Timestamp, AcceptsDateAndOffset) {
  EXPECT_EQ(formatTimestamp(*parseTimestamp("2026-04-15")), "2026-04-15T00:00:00.000000Z");
  EXPECT_EQ(formatTimestamp(*parseTimestamp("2026-04-15T10:00:00+02:00")), "2026-04-15T08:00:00.000000Z");
  EXPECT_FALSE(parseTimestamp("2026-04-15T25:00:00Z"));
  EXPECT_FALSE(parseTimestamp("gisteren"));
}

TEST(Timestamp, RecordClockIsStrictlyIncreasing) {
  RecordClock clock;
  clock.seed(nowMicros() + 10'000'000);  // a stored time in the future
  Micros a = clock.next(), b = clock.next();
  EXPECT_GT(b, a);
  EXPECT_GE(a, nowMicros());
}

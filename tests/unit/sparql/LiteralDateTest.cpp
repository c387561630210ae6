// Unit tests of the xsd:date / xsd:dateTime -> calendar date rule.
#include "adapters/sparql/LiteralDate.hpp"

#include <gtest/gtest.h>

using igsgov::adapters::sparql::dateFromLiteral;

namespace {
std::string iso(const std::string& lexical) {
  auto d = dateFromLiteral(lexical);
  return d ? d->iso() : "none";
}
}  // namespace

TEST(LiteralDate, PlainDates) {
  EXPECT_EQ(iso("2025-03-01"), "2025-03-01");
  EXPECT_EQ(iso(" 2025-03-01 "), "2025-03-01");
  EXPECT_EQ(iso("2025-03-01Z"), "2025-03-01");
  EXPECT_EQ(iso("2025-03-01+01:00"), "2025-03-01");
}

TEST(LiteralDate, DateTimeWithoutZoneIsTakenAsWritten) {
  EXPECT_EQ(iso("2025-03-01T00:00:00"), "2025-03-01");
  EXPECT_EQ(iso("2025-03-01T23:59:59.999"), "2025-03-01");
  EXPECT_EQ(iso("2025-03-01T24:00:00"), "2025-03-02");
}

TEST(LiteralDate, DateTimeWithZoneIsTheDateInBelgium) {
  // Winter: UTC+1.
  EXPECT_EQ(iso("2024-12-01T23:00:00Z"), "2024-12-02");
  EXPECT_EQ(iso("2024-12-01T22:59:59Z"), "2024-12-01");
  // Summer: UTC+2.
  EXPECT_EQ(iso("2025-09-30T22:00:00Z"), "2025-10-01");
  EXPECT_EQ(iso("2025-09-30T21:59:59Z"), "2025-09-30");
  EXPECT_EQ(iso("2025-09-30T23:59:59+02:00"), "2025-09-30");
  EXPECT_EQ(iso("2025-02-20T19:30:00+01:00"), "2025-02-20");
  EXPECT_EQ(iso("2025-03-01T00:00:00-05:00"), "2025-03-01");
  // The switch itself: 30 March 2025 01:00 UTC and 26 October 2025 01:00 UTC.
  EXPECT_EQ(iso("2025-03-29T23:00:00Z"), "2025-03-30");  // still winter: 00:00 local
  EXPECT_EQ(iso("2025-10-25T22:00:00Z"), "2025-10-26");  // still summer: 00:00 local
  EXPECT_EQ(iso("2025-10-26T22:30:00Z"), "2025-10-26");  // winter again: 23:30 local
}

TEST(LiteralDate, RejectsOtherForms) {
  for (const char* bad : {"", "2025", "2025-02-30", "01/03/2025", "2025-03-01T", "2025-03-01T25:00:00",
                          "2025-03-01T10:00", "2025-03-01T10:00:00+1", "2025-03-01T10:00:00.Z",
                          "2025-03-01 10:00:00", "2025-03-01x"})
    EXPECT_FALSE(dateFromLiteral(bad).has_value()) << bad;
}

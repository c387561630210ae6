#include "finance/Money.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

using namespace igsgov;
using namespace igsgov::finance;

TEST(Money, ParsesBelgianNotation) {
  EXPECT_EQ(parseAmount("2.112,50").value(), 211250);
  EXPECT_EQ(parseAmount("€ 4.000").value(), 400000);
  EXPECT_EQ(parseAmount("€4.000,00").value(), 400000);
  EXPECT_EQ(parseAmount("0,23").value(), 23);
  EXPECT_EQ(parseAmount("15,5").value(), 1550);
  EXPECT_EQ(parseAmount("4000").value(), 400000);
  EXPECT_EQ(parseAmount("  1.234.567,89 €").value(), 123456789);
  EXPECT_EQ(parseAmount("-15,00").value(), -1500);
  EXPECT_EQ(parseAmount("-€ 15").value(), -1500);
  EXPECT_EQ(parseAmount("€ -15").value(), -1500);
  EXPECT_EQ(parseAmount("0,230").value(), 23);  // trailing zero: still whole cents
  EXPECT_EQ(parseAmount("\xC2\xA0" "12,00").value(), 1200);
}

TEST(Money, RefusesFractionsOfACentNamingTheField) {
  try {
    parseAmount("0,235", Place().set("field", "'bedrag'"));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(e.message().find("geen geheel aantal cent"), std::string::npos) << e.message();
    EXPECT_NE(e.fullText().find("'bedrag'"), std::string::npos) << e.fullText();
  }
}

TEST(Money, RefusesMalformed) {
  for (const char* s : {"", "abc", "2,112.50", "1.00", "12.34,5", "1..000", ",50", "5,", "1.0000", "12a", "€", "--5"})
    EXPECT_THROW(parseAmount(s), Error) << s;
}

TEST(Money, RefusesOverflow) {
  EXPECT_EQ(parseAmount("92.233.720.368.547.758,07").value(), std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(parseAmount("92.233.720.368.547.758,08"), Error);
  EXPECT_THROW(parseAmount("99999999999999999999999"), Error);
  Cents big(std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(big + Cents(1), Error);
  EXPECT_THROW(Cents(std::numeric_limits<std::int64_t>::min()) - Cents(1), Error);
  EXPECT_THROW(Cents(1LL << 62).times(4), Error);
}

TEST(Money, Formats) {
  EXPECT_EQ(formatEuro(Cents(211250)), "€ 2.112,50");
  EXPECT_EQ(formatEuro(Cents(5)), "€ 0,05");
  EXPECT_EQ(formatEuro(Cents(-123456789)), "-€ 1.234.567,89");
  EXPECT_EQ(formatEuro(Cents(100000)), "€ 1.000,00");
  EXPECT_EQ(formatPlain(Cents(-211250)), "-2112,50");
  EXPECT_EQ(formatEuro(Cents(std::numeric_limits<std::int64_t>::min())), "-€ 92.233.720.368.547.758,08");
}

TEST(Money, FormatThenParseRoundTrips) {
  for (std::int64_t v : std::vector<std::int64_t>{0, 1, -1, 99, 100, 123456789, -987654321012,
                         std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(parseAmount(formatEuro(Cents(v))).value(), v);
    EXPECT_EQ(parseAmount(formatPlain(Cents(v))).value(), v);
  }
}

TEST(Rate, ParsesSubCentRates) {
  EXPECT_EQ(parseRate("0,23").microEuros(), 230000);
  EXPECT_EQ(parseRate("€ 0,905").microEuros(), 905000);
  EXPECT_EQ(parseRate("0,000001").microEuros(), 1);
  EXPECT_THROW(parseRate("0,0000001"), Error);
  EXPECT_EQ(formatRate(Rate(905000)), "€ 0,905");
  EXPECT_EQ(formatRate(Rate(230000)), "€ 0,23");
  EXPECT_EQ(formatRate(Rate(18000000)), "€ 18,00");
}

TEST(Rate, MultipliesExactlyAndRoundsHalfAwayFromZero) {
  Rate r = parseRate("0,23");
  EXPECT_EQ(r.timesRounded(20000).value(), 460000);
  EXPECT_TRUE(r.timesIsExact(20001));
  Rate odd = parseRate("0,905");
  EXPECT_EQ(odd.timesRounded(1).value(), 91);   // 90,5 cent → 91
  EXPECT_FALSE(odd.timesIsExact(1));
  EXPECT_EQ(odd.timesRounded(2).value(), 181);  // 181,0 exact
  EXPECT_TRUE(odd.timesIsExact(2));
  EXPECT_EQ(Rate(-905000).timesRounded(1).value(), -91);
  EXPECT_EQ(Rate(904999).timesRounded(1).value(), 90);
  EXPECT_THROW(Rate(std::numeric_limits<std::int64_t>::max()).timesRounded(1LL << 40), Error);
}

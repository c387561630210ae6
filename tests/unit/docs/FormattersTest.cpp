#include "docs/Formatters.hpp"

#include <gtest/gtest.h>

using namespace igsgov::docs;

namespace {
std::string fmt(const std::string& name, const Poco::Dynamic::Var& v) {
  FormatterFn f = findFormatter(name);
  EXPECT_NE(f, nullptr) << name;
  std::string out, error;
  if (!f(v, out, error)) return "ERROR: " + error;
  return out;
}
}  // namespace

TEST(Formatters, DutchDatesNumbersAndMoney) {
  EXPECT_EQ(fmt("datum_lang", std::string("2026-11-22")), "22 november 2026");
  EXPECT_EQ(fmt("datum", std::string("2026-03-05")), "05/03/2026");
  EXPECT_EQ(fmt("euro", 211250), "\xE2\x82\xAC 2.112,50");
  EXPECT_EQ(fmt("euro", -5), "\xE2\x82\xAC -0,05");
  EXPECT_EQ(fmt("euro", 123456789012LL), "\xE2\x82\xAC 1.234.567.890,12");
  EXPECT_EQ(fmt("getal", 85000), "85.000");
  EXPECT_EQ(fmt("getal", 999), "999");
  EXPECT_EQ(fmt("getal", -1234567), "-1.234.567");
  EXPECT_EQ(fmt("upper", std::string("één")), "ÉÉN");
  EXPECT_EQ(fmt("lower", std::string("ÀB")), "àb");
}

TEST(Formatters, RejectWrongInput) {
  EXPECT_EQ(fmt("datum", std::string("2026-02-30")).rfind("ERROR", 0), 0u);
  EXPECT_EQ(fmt("euro", std::string("12,5")).rfind("ERROR", 0), 0u);
  EXPECT_EQ(fmt("getal", 1.5).rfind("ERROR", 0), 0u);
  EXPECT_EQ(findFormatter("bestaatniet"), nullptr);
}

#include "core/Error.hpp"
#include "web/Forms.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::web;

TEST(Forms, DecodesPlusAndPercent) {
  auto f = parseForm("a=1&b=x+y%21&c=&d");
  EXPECT_EQ(f.at("a"), "1");
  EXPECT_EQ(f.at("b"), "x y!");
  EXPECT_EQ(f.at("c"), "");
  EXPECT_EQ(f.at("d"), "");
  EXPECT_EQ(f.size(), 4u);
  EXPECT_EQ(parseForm("naam=Beheerscomit%C3%A9").at("naam"), "Beheerscomité");
}

TEST(Forms, RefusesDuplicateAndBadEscape) {
  try {
    parseForm("a=1&a=2");
    FAIL() << "duplicate accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(std::string(e.what()).find("'a'"), std::string::npos);
  }
  EXPECT_THROW(parseForm("a=%zz"), Error);
  EXPECT_THROW(parseForm("a=%4"), Error);
}

TEST(Forms, CookieValue) {
  EXPECT_EQ(cookieValue("a=1; igsgov_sessie=abc; b=2", "igsgov_sessie").value(), "abc");
  EXPECT_EQ(cookieValue("igsgov_sessie=x", "igsgov_sessie").value(), "x");
  EXPECT_FALSE(cookieValue("xigsgov_sessie=abc", "igsgov_sessie"));
  EXPECT_FALSE(cookieValue("", "igsgov_sessie"));
}

TEST(Forms, SetCookieAttributes) {
  CookieOptions o;
  EXPECT_EQ(setCookie("s", "v", o), "s=v; Path=/intranet; HttpOnly; SameSite=Strict");
  o.secure = true;
  o.maxAgeSeconds = 0;
  EXPECT_EQ(setCookie("s", "", o), "s=; Path=/intranet; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
}

TEST(Forms, ConstantTimeEquality) {
  EXPECT_TRUE(equalConstantTime("abc", "abc"));
  EXPECT_FALSE(equalConstantTime("abc", "abd"));
  EXPECT_FALSE(equalConstantTime("abc", "ab"));
  EXPECT_FALSE(equalConstantTime("", "a"));
}

TEST(Forms, DateField) {
  FormFields f{{"datum", "2024-02-29"}, {"leeg", ""}, {"fout", "2023-02-29"}, {"tekst", "morgen"}};
  EXPECT_EQ(dateField(f, "datum").value(), "2024-02-29");
  EXPECT_FALSE(dateField(f, "leeg"));
  EXPECT_FALSE(dateField(f, "ontbreekt"));
  for (const char* name : {"fout", "tekst"}) {
    try {
      dateField(f, name);
      FAIL() << name;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
      EXPECT_NE(std::string(e.what()).find("geen geldige datum"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos);
    }
  }
}

#include "web/Router.hpp"

#include <gtest/gtest.h>

using namespace igsgov::web;

TEST(Router, MatchesPlaceholdersDecoded) {
  auto m = intranetRouter().match("GET", "/intranet/igs/igs%20x/mandaten/m-1");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->page, "mandate");
  EXPECT_EQ(m->params.at("igs"), "igs x");
  EXPECT_EQ(m->params.at("mandate"), "m-1");
  EXPECT_TRUE(m->methodAllowed);
}

TEST(Router, TrailingSlashAndLiterals) {
  EXPECT_EQ(intranetRouter().match("GET", "/intranet/igs/")->route->page, "list");
  EXPECT_EQ(intranetRouter().match("GET", "/intranet/igs/a/samenstelling")->route->page, "composition");
  EXPECT_EQ(intranetRouter().match("GET", "/intranet/igs/a")->route->page, "overview");
  EXPECT_FALSE(intranetRouter().match("GET", "/intranet/igs/a/onbekend"));
  EXPECT_FALSE(intranetRouter().match("GET", "/elders"));
  EXPECT_FALSE(intranetRouter().match("GET", "/intranet/igs/a/b/c/d"));
}

TEST(Router, WrongMethodIsReportedNotMissed) {
  auto m = intranetRouter().match("POST", "/intranet/igs/a/samenstelling");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->methodAllowed);
  auto post = intranetRouter().match("POST", "/intranet/igs/a/documenten");
  ASSERT_TRUE(post);
  EXPECT_TRUE(post->methodAllowed);
  EXPECT_FALSE(intranetRouter().match("GET", "/intranet/afmelden")->methodAllowed);
}

TEST(Router, OwnRoutes) {
  Router r({{"a", "/x/:id", {"GET"}}, {"b", "/x/:id", {"POST"}}});
  EXPECT_EQ(r.match("POST", "/x/1")->route->page, "b");
  EXPECT_EQ(r.match("GET", "/x/1")->route->page, "a");
  EXPECT_FALSE(r.match("GET", "/x/"));  // an empty placeholder does not match
}

TEST(Router, TheAppointFormIsNotAMandateNamedNieuw) {
  for (const char* method : {"GET", "POST"}) {
    auto m = intranetRouter().match(method, "/intranet/igs/a/mandaten/nieuw");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->route->page, "appoint");
    EXPECT_TRUE(m->methodAllowed);
    auto other = intranetRouter().match(method, "/intranet/igs/a/mandaten/m-1");
    ASSERT_TRUE(other);
    EXPECT_EQ(other->route->page, "mandate");
    EXPECT_EQ(other->params.at("mandate"), "m-1");
  }
  EXPECT_FALSE(intranetRouter().match("POST", "/intranet/igs/a/zetels/z-1")->methodAllowed);
}

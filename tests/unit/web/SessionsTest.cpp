#include "web/Sessions.hpp"

#include <gtest/gtest.h>

using namespace igsgov::web;
using namespace std::chrono;

namespace {
struct FakeClock {
  steady_clock::time_point now = steady_clock::time_point(hours(1000));
  SessionStore::Clock fn() {
    return [this] { return now; };
  }
};
}  // namespace

TEST(Sessions, RandomIdsAndCsrfDiffer) {
  SessionStore store;
  auto a = store.create("secret-a");
  auto b = store.create("secret-b");
  EXPECT_EQ(a.id.size(), 64u);
  EXPECT_NE(a.id, b.id);
  EXPECT_NE(a.id, a.csrf);
  EXPECT_EQ(store.find(a.id)->secret, "secret-a");
  EXPECT_FALSE(store.find("onbekend"));
}

TEST(Sessions, IdleExpiryAndRefresh) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 100}, clock.fn());
  auto s = store.create("x");
  clock.now += minutes(29);
  ASSERT_TRUE(store.find(s.id));  // refreshes lastSeen
  clock.now += minutes(29);
  ASSERT_TRUE(store.find(s.id));
  clock.now += minutes(30);
  EXPECT_FALSE(store.find(s.id));
  EXPECT_EQ(store.size(), 0u);  // removed on lookup
}

TEST(Sessions, AbsoluteLifetime) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(1), 100}, clock.fn());
  auto s = store.create("x");
  for (int i = 0; i < 5; ++i) {
    clock.now += minutes(11);
    ASSERT_TRUE(store.find(s.id)) << i;
  }
  clock.now += minutes(6);  // 61 minutes after sign-in, active all along
  EXPECT_FALSE(store.find(s.id));
}

TEST(Sessions, CsrfBoundToSession) {
  SessionStore store;
  auto a = store.create("x");
  auto b = store.create("y");
  EXPECT_TRUE(store.checkCsrf(a.id, a.csrf));
  EXPECT_FALSE(store.checkCsrf(a.id, b.csrf));
  EXPECT_FALSE(store.checkCsrf(a.id, ""));
  EXPECT_FALSE(store.checkCsrf("onbekend", a.csrf));
  store.remove(a.id);
  EXPECT_FALSE(store.checkCsrf(a.id, a.csrf));
}

TEST(Sessions, CapDropsOldestAndExpiredArePurged) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 3}, clock.fn());
  auto first = store.create("1");
  clock.now += seconds(1);
  auto second = store.create("2");
  clock.now += seconds(1);
  store.create("3");
  clock.now += seconds(1);
  store.create("4");
  EXPECT_EQ(store.size(), 3u);
  EXPECT_FALSE(store.find(first.id));
  EXPECT_TRUE(store.find(second.id));
  clock.now += hours(1);
  store.create("5");
  EXPECT_EQ(store.size(), 1u);
}

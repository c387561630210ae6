#include "core/Error.hpp"
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
  auto a = store.create("token:a", "secret-a");
  auto b = store.create("token:b", "secret-b");
  EXPECT_EQ(a.id.size(), 64u);
  EXPECT_NE(a.id, b.id);
  EXPECT_NE(a.id, a.csrf);
  EXPECT_EQ(store.find(a.id)->credential, "secret-a");
  EXPECT_FALSE(store.find("onbekend"));
}

TEST(Sessions, IdleExpiryAndRefresh) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 100, 10}, clock.fn());
  auto s = store.create("token:x", "x");
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
  SessionStore store(SessionLimits{minutes(30), hours(1), 100, 10}, clock.fn());
  auto s = store.create("token:x", "x");
  for (int i = 0; i < 5; ++i) {
    clock.now += minutes(11);
    ASSERT_TRUE(store.find(s.id)) << i;
  }
  clock.now += minutes(6);  // 61 minutes after sign-in, active all along
  EXPECT_FALSE(store.find(s.id));
}

TEST(Sessions, CsrfBoundToSession) {
  SessionStore store;
  auto a = store.create("token:x", "x");
  auto b = store.create("token:y", "y");
  EXPECT_TRUE(store.checkCsrf(a.id, a.csrf));
  EXPECT_FALSE(store.checkCsrf(a.id, b.csrf));
  EXPECT_FALSE(store.checkCsrf(a.id, ""));
  EXPECT_FALSE(store.checkCsrf("onbekend", a.csrf));
  store.remove(a.id);
  EXPECT_FALSE(store.checkCsrf(a.id, a.csrf));
}

TEST(Sessions, AnAccountAtItsCapLosesItsOwnOldestSession) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 100, 3}, clock.fn());
  auto other = store.create("token:auditor", "a");
  std::vector<LoginSession> mine;
  for (int i = 0; i < 5; ++i) {
    clock.now += seconds(1);
    mine.push_back(store.create("token:beheerder", "b"));
  }
  EXPECT_EQ(store.countOf("token:beheerder"), 3u);
  EXPECT_FALSE(store.find(mine[0].id));
  EXPECT_FALSE(store.find(mine[1].id));
  EXPECT_TRUE(store.find(mine[2].id));
  EXPECT_TRUE(store.find(mine[4].id));
  EXPECT_TRUE(store.find(other.id));
}

TEST(Sessions, TenThousandLoginsOfOneAccountEvictNoOtherAccount) {
  // The attack: one token signs in 10,000 times (the old global cap).
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 10000, 10}, clock.fn());
  auto victim = store.create("token:auditor", "a");
  for (int i = 0; i < 10000; ++i) {
    clock.now += milliseconds(1);
    store.create("token:beheerder", "b");
  }
  EXPECT_TRUE(store.find(victim.id));
  EXPECT_EQ(store.size(), 11u);
}

TEST(Sessions, AFullStoreRefusesANewAccountAndEvictsNobody) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 3, 2}, clock.fn());
  auto a = store.create("token:a", "a");
  auto b = store.create("token:b", "b");
  auto c = store.create("token:c", "c");
  try {
    store.create("token:d", "d");
    FAIL() << "a full store must refuse";
  } catch (const igsgov::Error& e) {
    EXPECT_EQ(e.errorCode(), igsgov::ErrorCode::busy);
    EXPECT_NE(std::string(e.message()).find("te veel aanmeldingen"), std::string::npos) << e.message();
    EXPECT_EQ(e.place().fields.at("limit"), "intranet.max_sessions");
  }
  EXPECT_TRUE(store.find(a.id) && store.find(b.id) && store.find(c.id));
  // An account already in the store may sign in again: its own oldest goes.
  clock.now += seconds(1);
  auto a2 = store.create("token:a", "a");
  EXPECT_TRUE(store.find(a2.id));
  EXPECT_FALSE(store.find(a.id));
  EXPECT_TRUE(store.find(b.id) && store.find(c.id));
}

TEST(Sessions, ExpiredSessionsMakeRoom) {
  FakeClock clock;
  SessionStore store(SessionLimits{minutes(30), hours(8), 2, 2}, clock.fn());
  store.create("token:a", "a");
  store.create("token:b", "b");
  clock.now += hours(1);
  auto c = store.create("token:c", "c");
  EXPECT_EQ(store.size(), 1u);
  EXPECT_TRUE(store.find(c.id));
}

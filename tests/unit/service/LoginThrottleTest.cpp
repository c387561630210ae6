#include "service/LoginThrottle.hpp"

#include <gtest/gtest.h>

using namespace igsgov::service;
using namespace std::chrono;

namespace {

struct FakeClock {
  steady_clock::time_point now = steady_clock::time_point(hours(1000));
  LoginThrottle::Clock fn() {
    return [this] { return now; };
  }
};

const std::vector<std::string> kAddress{"adres 192.0.2.1"};

TEST(LoginThrottle, BurstThenOneAttemptPerRefill) {
  FakeClock clock;
  LoginThrottle t(ThrottleLimits{5, seconds(60), 100}, clock.fn());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(t.retryAfter(kAddress), 0) << i;
    t.failed(kAddress);
  }
  EXPECT_EQ(t.retryAfter(kAddress), 60);
  clock.now += seconds(59);
  EXPECT_EQ(t.retryAfter(kAddress), 1);
  clock.now += seconds(1);
  EXPECT_EQ(t.retryAfter(kAddress), 0);  // one more try
  t.failed(kAddress);
  EXPECT_EQ(t.retryAfter(kAddress), 60);
  clock.now += milliseconds(59500);
  EXPECT_EQ(t.retryAfter(kAddress), 1) << "rounded up, never 0 while waiting";
}

TEST(LoginThrottle, KeysAreIndependentAndAnyKeyBlocks) {
  FakeClock clock;
  LoginThrottle t(ThrottleLimits{2, seconds(30), 100}, clock.fn());
  const std::vector<std::string> account{"account:token:beheer"};
  t.failed({"adres a", account.front()});
  t.failed({"adres b", account.front()});
  EXPECT_EQ(t.retryAfter({"adres a"}), 0);
  EXPECT_EQ(t.retryAfter({"adres c"}), 0);
  EXPECT_EQ(t.retryAfter(account), 30);
  EXPECT_EQ(t.retryAfter({"adres c", account.front()}), 30) << "one spent key is enough to wait";
}

TEST(LoginThrottle, RefusedAttemptsSpendNothingAndFullBudgetsAreForgotten) {
  FakeClock clock;
  LoginThrottle t(ThrottleLimits{3, seconds(10), 100}, clock.fn());
  for (int i = 0; i < 3; ++i) t.failed(kAddress);
  for (int i = 0; i < 100; ++i) EXPECT_GT(t.retryAfter(kAddress), 0);  // asking costs nothing
  clock.now += seconds(10);
  EXPECT_EQ(t.retryAfter(kAddress), 0);
  EXPECT_EQ(t.size(), 1u);
  clock.now += seconds(20);  // all three failures grown back
  EXPECT_EQ(t.retryAfter(kAddress), 0);
  EXPECT_EQ(t.size(), 0u);
}

TEST(LoginThrottle, AFullTableDropsTheKeyClosestToForgotten) {
  FakeClock clock;
  LoginThrottle t(ThrottleLimits{2, seconds(60), 3}, clock.fn());
  t.failed({"adres spent"});
  t.failed({"adres spent"});  // spent: due in 120 s
  clock.now += seconds(1);
  t.failed({"adres b"});
  clock.now += seconds(1);
  t.failed({"adres c"});
  t.failed({"adres d"});  // table full: "b" (due soonest) goes
  EXPECT_EQ(t.size(), 3u);
  EXPECT_GT(t.retryAfter({"adres spent"}), 0) << "a locked key survives a flood of new keys";
}

}  // namespace

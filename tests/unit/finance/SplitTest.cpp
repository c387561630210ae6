#include "finance/Split.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace igsgov;
using namespace igsgov::finance;

namespace {
std::int64_t sum(const std::vector<Cents>& v) {
  std::int64_t s = 0;
  for (auto c : v) s += c.value();
  return s;
}
}  // namespace

TEST(Split, EqualThirdsUseTheDocumentedTieBreak) {
  // 100 cent over three equal weights: remainders tie, weights tie → member id decides.
  auto s = splitLargestRemainder(Cents(100), {{"c", 1}, {"a", 1}, {"b", 1}});
  EXPECT_EQ(s[0].value(), 33);  // c
  EXPECT_EQ(s[1].value(), 34);  // a: smallest id gets the extra cent
  EXPECT_EQ(s[2].value(), 33);  // b
}

TEST(Split, LargerRemainderFirstThenLargerWeight) {
  // 10 cent over weights 1,2,3 (W=6): quotas 1.67, 3.33, 5 → floors 1,3,5, one cent left to the 0.67.
  auto s = splitLargestRemainder(Cents(10), {{"x", 1}, {"y", 2}, {"z", 3}});
  EXPECT_EQ(s[0].value(), 2);
  EXPECT_EQ(s[1].value(), 3);
  EXPECT_EQ(s[2].value(), 5);
  // 1 cent over weights 2 and 4 over W=... remainders: 1*2%6=2, 1*4%6=4 → larger remainder "b".
  auto t = splitLargestRemainder(Cents(1), {{"a", 2}, {"b", 4}});
  EXPECT_EQ(t[0].value(), 0);
  EXPECT_EQ(t[1].value(), 1);
  // Same remainder, different weights: 3 cent over weights 1,1,2 → quotas .75,.75,1.5:
  // remainders 3,3,2 (of W=4): the two weight-1 members get the cents.
  auto u = splitLargestRemainder(Cents(3), {{"a", 1}, {"b", 1}, {"c", 2}});
  EXPECT_EQ(u[0].value() + u[1].value() + u[2].value(), 3);
  EXPECT_EQ(u[2].value(), 1);
  // Remainders equal AND weights differ: 2 cent over 1,3 (W=4)? rem 2,6%4=2 → tie → larger weight.
  auto v = splitLargestRemainder(Cents(2), {{"a", 1}, {"b", 3}});
  EXPECT_EQ(v[0].value(), 0);
  EXPECT_EQ(v[1].value(), 2);
}

TEST(Split, DoesNotDependOnInputOrder) {
  std::vector<Weight> w = {{"m1", 7}, {"m2", 7}, {"m3", 3}, {"m4", 11}};
  auto a = splitLargestRemainder(Cents(1001), w);
  std::reverse(w.begin(), w.end());
  auto b = splitLargestRemainder(Cents(1001), w);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[a.size() - 1 - i]);
}

TEST(Split, NegativeTotalIsTheMirror) {
  std::vector<Weight> w = {{"a", 1}, {"b", 1}, {"c", 1}};
  auto pos = splitLargestRemainder(Cents(100), w);
  auto neg = splitLargestRemainder(Cents(-100), w);
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_EQ(neg[i], -pos[i]);
}

TEST(Split, Refusals) {
  EXPECT_THROW(splitLargestRemainder(Cents(5), {{"a", 0}, {"b", 0}}), Error);
  EXPECT_THROW(splitLargestRemainder(Cents(5), {{"a", -1}, {"b", 2}}), Error);
  EXPECT_THROW(splitLargestRemainder(Cents(5), {{"a", 1}, {"a", 2}}), Error);
  EXPECT_THROW(splitLargestRemainder(Cents(5), {{"", 1}}), Error);
  auto z = splitLargestRemainder(Cents(0), {{"a", 0}});
  EXPECT_EQ(z[0].value(), 0);
}

TEST(Split, ExtremeValuesStayExact) {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  auto s = splitLargestRemainder(Cents(max), {{"a", max}, {"b", max - 1}, {"c", 1}});
  EXPECT_EQ(sum(s), max);
  auto m = splitLargestRemainder(Cents(std::numeric_limits<std::int64_t>::min()), {{"a", 1}, {"b", 1}});
  EXPECT_EQ(m[0].value(), std::numeric_limits<std::int64_t>::min() / 2);
}

// Property: for many random totals and weights the split sums exactly to the
// total and every share differs from its exact quota T·w/W by less than 1 cent.
TEST(Split, RandomSplitsSumExactlyAndStayWithinOneCentOfTheQuota) {
  std::mt19937_64 rng(20260101);
  for (int round = 0; round < 5000; ++round) {
    const int n = 1 + static_cast<int>(rng() % 20);
    std::vector<Weight> w;
    __int128 W = 0;
    for (int i = 0; i < n; ++i) {
      std::int64_t weight = round % 3 == 0 ? static_cast<std::int64_t>(rng() % 4)  // many ties and zeros
                                           : static_cast<std::int64_t>(rng() % 600000);
      w.push_back({"m" + std::to_string(i), weight});
      W += weight;
    }
    if (W == 0) w[0].weight = 1, W = 1;
    std::int64_t total = static_cast<std::int64_t>(rng() % 10000000000LL) - (round % 5 == 0 ? 5000000000LL : 0);
    auto s = splitLargestRemainder(Cents(total), w);
    ASSERT_EQ(sum(s), total) << "round " << round;
    for (int i = 0; i < n; ++i) {
      // |share·W − T·w| < W  ⇔  |share − quota| < 1 cent
      __int128 diff = static_cast<__int128>(s[i].value()) * W - static_cast<__int128>(total) * w[i].weight;
      if (diff < 0) diff = -diff;
      ASSERT_LT(diff, W) << "round " << round << " member " << i;
    }
  }
}

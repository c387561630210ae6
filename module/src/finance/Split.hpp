// Split: divides a total in cents over weighted members so the shares add up
// EXACTLY to the total (largest-remainder / Hamilton method).
//
// Method, for a total T >= 0 and weights w_i >= 0 with W = Σ w_i > 0:
//   1. every member gets floor(T · w_i / W) cents (exact 128-bit arithmetic);
//   2. the cents left over (fewer than the number of members) go one each to
//      the members ordered by
//        a. larger remainder (T · w_i mod W) first,
//        b. then larger weight,
//        c. then smaller member id (byte-wise string comparison).
//   A member with remainder 0 never receives an extra cent, so every share
//   differs from its exact quota T · w_i / W by less than one cent.
// A negative total is split as its magnitude and negated, so splitting −T
// gives exactly the negated shares of T. The result is deterministic: it does
// not depend on the order of the input.
//
// Failure: Error(invalid) when a weight is negative, a member id is empty or
// repeated, or all weights are 0 while the total is not 0 (a zero total over
// zero weights gives all zero shares). The `place` is attached to the error.
//
// Thread safety: pure function.
#pragma once

#include "finance/Money.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace igsgov::finance {

struct Weight {
  std::string member;
  std::int64_t weight = 0;
};

// Shares in the order of `weights`.
std::vector<Cents> splitLargestRemainder(Cents total, const std::vector<Weight>& weights, const Place& place = {});

}  // namespace igsgov::finance

#include "finance/Split.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace igsgov::finance {

std::vector<Cents> splitLargestRemainder(Cents total, const std::vector<Weight>& weights, const Place& place) {
  using Wide = __int128;
  std::set<std::string> seen;
  Wide sum = 0;
  for (const auto& w : weights) {
    if (w.member.empty()) throwInvalid("verdeling: lid zonder id", place);
    if (!seen.insert(w.member).second) throwInvalid("verdeling: lid '" + w.member + "' komt twee keer voor", place);
    if (w.weight < 0)
      throwInvalid("verdeling: negatief gewicht " + std::to_string(w.weight) + " voor lid '" + w.member + "'", place);
    sum += w.weight;
  }
  std::vector<Cents> out(weights.size());
  if (total.isZero()) return out;
  if (sum == 0) throwInvalid("verdeling: de som van de gewichten is 0, het bedrag kan niet verdeeld worden", place);

  const bool negative = total.value() < 0;
  // Magnitude as Wide: |INT64_MIN| does not fit int64.
  const Wide mag = negative ? -static_cast<Wide>(total.value()) : static_cast<Wide>(total.value());
  std::vector<Wide> base(weights.size()), rem(weights.size());
  Wide given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    Wide p = mag * weights[i].weight;  // |T| < 2^63, w < 2^63: fits in 127 bits
    base[i] = p / sum;
    rem[i] = p % sum;
    given += base[i];
  }
  Wide left = mag - given;  // < number of members
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rem[a] != rem[b]) return rem[a] > rem[b];
    if (weights[a].weight != weights[b].weight) return weights[a].weight > weights[b].weight;
    return weights[a].member < weights[b].member;
  });
  for (std::size_t k = 0; k < order.size() && left > 0; ++k, --left) base[order[k]] += 1;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    Wide v = negative ? -base[i] : base[i];
    out[i] = Cents(static_cast<std::int64_t>(v));  // |share| <= |total|: fits
  }
  return out;
}

}  // namespace igsgov::finance

#include "core/Timestamp.hpp"

#include "core/Date.hpp"

#include <chrono>
#include <cstdio>

namespace igsgov {

std::string formatTimestamp(Micros us) {
  Micros days = us / 86400000000LL;
  Micros rem = us % 86400000000LL;
  if (rem < 0) { rem += 86400000000LL; --days; }
  Date d = Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(days));
  int secs = static_cast<int>(rem / 1000000);
  int frac = static_cast<int>(rem % 1000000);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%06dZ", d.iso().c_str(), secs / 3600, secs / 60 % 60,
                secs % 60, frac);
  return buf;
}

std::optional<Micros> parseTimestamp(const std::string& t) {
  auto date = Date::parse(t.substr(0, 10));
  if (!date) return std::nullopt;
  Micros base = static_cast<Micros>(date->days()) * 86400000000LL;
  if (t.size() == 10) return base;
  if (t.size() < 20 || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':') return std::nullopt;
  auto num = [&](size_t pos, size_t n, int max) -> int {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v > max ? -1 : v;
  };
  int h = num(11, 2, 23), mi = num(14, 2, 59), s = num(17, 2, 60);
  if (h < 0 || mi < 0 || s < 0) return std::nullopt;
  size_t pos = 19;
  Micros frac = 0;
  if (pos < t.size() && t[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
      if (digits < 6) frac = frac * 10 + (t[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 6; ++i) frac *= 10;
  }
  Micros offset = 0;
  if (pos < t.size() && t[pos] == 'Z' && pos + 1 == t.size()) {
  } else if (pos + 6 == t.size() && (t[pos] == '+' || t[pos] == '-') && t[pos + 3] == ':') {
    int oh = num(pos + 1, 2, 23), om = num(pos + 4, 2, 59);
    if (oh < 0 || om < 0) return std::nullopt;
    offset = (oh * 3600LL + om * 60LL) * 1000000LL * (t[pos] == '+' ? 1 : -1);
  } else {
    return std::nullopt;
  }
  return base + ((h * 3600LL + mi * 60LL + s) * 1000000LL) + frac - offset;
}

Micros nowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Micros RecordClock::next() {
  Micros now = nowMicros();
  last_ = now > last_ ? now : last_ + 1;
  return last_;
}

}  // namespace igsgov

#include "core/TimeZone.hpp"

#include "core/Error.hpp"
#include "core/FileBytes.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace igsgov {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t be(const std::string& s, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

// Reads the POSIX TZ footer ("CET-1CEST,M3.5.0,M10.5.0/3").
class FooterReader {
public:
  FooterReader(const std::string& text, const std::string& file) : t_(text), file_(file) {}

  bool atEnd() const { return i_ >= t_.size(); }
  char peek() const { return atEnd() ? '\0' : t_[i_]; }
  void expect(char c) {
    if (peek() != c) fail();
    ++i_;
  }
  void name() {
    std::size_t start = i_;
    if (peek() == '<') {
      while (!atEnd() && t_[i_] != '>') ++i_;
      expect('>');
    } else {
      while (std::isalpha(static_cast<unsigned char>(peek()))) ++i_;
    }
    if (i_ == start) fail();
  }
  // [+-]hh[:mm[:ss]] as seconds.
  int time() {
    int sign = 1;
    if (peek() == '+' || peek() == '-') sign = t_[i_++] == '-' ? -1 : 1;
    int parts[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
      if (p > 0) {
        if (peek() != ':') break;
        ++i_;
      }
      if (!std::isdigit(static_cast<unsigned char>(peek()))) fail();
      while (std::isdigit(static_cast<unsigned char>(peek()))) parts[p] = parts[p] * 10 + (t_[i_++] - '0');
    }
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  }
  int number() {
    if (!std::isdigit(static_cast<unsigned char>(peek()))) fail();
    int v = 0;
    while (std::isdigit(static_cast<unsigned char>(peek()))) v = v * 10 + (t_[i_++] - '0');
    return v;
  }
  TimeZone::Rule rule() {
    expect('M');
    TimeZone::Rule r;
    r.month = number();
    expect('.');
    r.week = number();
    expect('.');
    r.weekday = number();
    if (r.month < 1 || r.month > 12 || r.week < 1 || r.week > 5 || r.weekday > 6) fail();
    if (peek() == '/') {
      ++i_;
      r.seconds = time();
    }
    return r;
  }
  [[noreturn]] void fail() const {
    throwInvalid("tijdzoneregel '" + t_ + "' wordt niet ondersteund (verwacht bv. CET-1CEST,M3.5.0,M10.5.0/3)",
                 Place().set("file", file_));
  }

private:
  const std::string& t_;
  const std::string& file_;
  std::size_t i_ = 0;
};

// Local midnight (as seconds on the local time line) of the rule's day in `year`.
std::int64_t ruleDay(const TimeZone::Rule& r, int year) {
  Date first = Date::fromYmd(year, r.month, 1);
  Date next = r.month == 12 ? Date::fromYmd(year + 1, 1, 1) : Date::fromYmd(year, r.month + 1, 1);
  int firstWeekday = static_cast<int>(((first.days() + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  int day = 1 + (r.weekday - firstWeekday + 7) % 7 + 7 * (r.week - 1);
  while (day > next.days() - first.days()) day -= 7;
  return static_cast<std::int64_t>(first.days() + day - 1) * kDay;
}

}  // namespace

TimeZone TimeZone::load(const std::string& name, const std::string& dir) {
  std::string file = dir + "/" + name;
  auto bytes = readFileBytes(file);
  if (!bytes)
    throw Error(ErrorCode::io, "tijdzone " + name + " niet gevonden (installeer het Debian-pakket tzdata)",
                Place().set("file", file));
  const std::string& s = *bytes;
  auto bad = [&](const std::string& why) { throwInvalid("geen geldig tijdzonebestand: " + why, Place().set("file", file)); };
  if (s.size() < 44 || s.compare(0, 4, "TZif") != 0) bad("begint niet met TZif");
  if (s[4] < '2') bad("versie 1 heeft geen 64-bitsgedeelte");
  auto counts = [&](std::size_t at) {
    if (at + 44 > s.size()) bad("te kort");
    std::vector<std::int64_t> c;
    for (int k = 0; k < 6; ++k) c.push_back(be(s, at + 20 + 4 * k, 4));
    return c;  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  };
  auto c1 = counts(0);
  std::size_t v2 = 44 + c1[3] * 5 + c1[4] * 6 + c1[5] + c1[2] * 8 + c1[1] + c1[0];
  auto c = counts(v2);
  std::int64_t timecnt = c[3], typecnt = c[4];
  std::size_t at = v2 + 44;
  std::size_t end = at + timecnt * 9 + typecnt * 6 + c[5] + c[2] * 12 + c[1] + c[0];
  if (typecnt < 1 || end > s.size()) bad("te kort");
  TimeZone z;
  z.name_ = name;
  std::vector<int> offsets;
  std::size_t types = at + timecnt * 9;
  for (std::int64_t k = 0; k < typecnt; ++k) offsets.push_back(static_cast<int>(be(s, types + 6 * k, 4)));
  for (std::int64_t k = 0; k < timecnt; ++k) {
    z.transitions_.push_back(be(s, at + 8 * k, 8));
    auto type = static_cast<unsigned char>(s[at + timecnt * 8 + k]);
    if (type >= typecnt) bad("overgang naar een onbekend type");
    z.offsetAfter_.push_back(offsets[type]);
  }
  if (!std::is_sorted(z.transitions_.begin(), z.transitions_.end())) bad("overgangen niet op volgorde");
  z.offsetBefore_ = offsets[0];
  z.lastTransition_ = timecnt ? z.transitions_.back() : INT64_MIN;
  // Footer: "\n<TZ string>\n".
  std::size_t nl = s.find('\n', end + 1);
  std::string footer = end < s.size() && s[end] == '\n' && nl != std::string::npos ? s.substr(end + 1, nl - end - 1) : "";
  if (footer.empty()) {  // no rule after the last transition: its offset stays
    z.footerStd_ = timecnt ? z.offsetAfter_.back() : z.offsetBefore_;
    return z;
  }
  FooterReader f(footer, file);
  f.name();
  z.footerStd_ = -f.time();  // POSIX counts west of UTC
  if (!f.atEnd()) {
    f.name();
    z.footerDstOffset_ = f.peek() == ',' ? z.footerStd_ + 3600 : -f.time();
    f.expect(',');
    z.dstStart_ = f.rule();
    f.expect(',');
    z.dstEnd_ = f.rule();
    if (!f.atEnd()) f.fail();
    z.footerDst_ = true;
  }
  return z;
}

int TimeZone::offsetAt(Micros utc) const {
  std::int64_t t = floorDiv(utc, 1000000);
  if (!transitions_.empty() && t < transitions_.front()) return offsetBefore_;
  if (t < lastTransition_) {
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
    return offsetAfter_[static_cast<std::size_t>(it - transitions_.begin()) - 1];
  }
  if (!footerDst_) return footerStd_;
  int year = Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(floorDiv(t + footerStd_, kDay))).year();
  std::int64_t start = ruleDay(dstStart_, year) + dstStart_.seconds - footerStd_;        // given in standard time
  std::int64_t end = ruleDay(dstEnd_, year) + dstEnd_.seconds - footerDstOffset_;       // given in summer time
  bool dst = start < end ? (t >= start && t < end) : (t >= start || t < end);
  return dst ? footerDstOffset_ : footerStd_;
}

LocalTime TimeZone::local(Micros utc) const {
  int offset = offsetAt(utc);
  std::int64_t s = floorDiv(utc, 1000000) + offset;
  std::int64_t days = floorDiv(s, kDay);
  std::int64_t rest = s - days * kDay;
  LocalTime l;
  l.date = Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(days));
  l.hour = static_cast<int>(rest / 3600);
  l.minute = static_cast<int>(rest / 60 % 60);
  l.second = static_cast<int>(rest % 60);
  l.offsetSeconds = offset;
  return l;
}

Micros TimeZone::utcOf(const Date& day, int hour, int minute) const {
  std::int64_t wall = static_cast<std::int64_t>(day.days()) * kDay + hour * 3600 + minute * 60;
  int before = offsetAt((wall - kDay) * 1000000);
  int after = offsetAt((wall + kDay) * 1000000);
  for (int o : {before, after})
    if (offsetAt((wall - o) * 1000000) == o) return (wall - o) * 1000000;
  return (wall - before) * 1000000;  // the skipped hour: read with the offset before the jump
}

std::string dutchDateTime(Micros utc, const TimeZone& zone) {
  LocalTime l = zone.local(utc);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  return dutchLongDate(l.date) + " om " + hm;
}

std::string localInputValue(Micros utc, const TimeZone& zone) {
  LocalTime l = zone.local(utc);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  return l.date.iso() + "T" + hm;
}

}  // namespace igsgov

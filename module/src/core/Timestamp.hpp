// Record time: the instant the register learned a fact.
//
// Kept as UTC ISO 8601 text with microseconds ("2026-11-22T08:00:00.000001Z"),
// which sorts lexically in the same order as in time, so SQL compares it as text.
// RecordClock hands out strictly increasing instants per register so that two
// operations in the same microsecond still have an order. Not thread-safe:
// one RecordClock belongs to one open register, used under its write lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace igsgov {

// Microseconds since the Unix epoch, UTC.
using Micros = std::int64_t;

std::string formatTimestamp(Micros us);
// Accepts "YYYY-MM-DD" (start of that day, UTC), "YYYY-MM-DDTHH:MM:SS[.ffffff]Z"
// and the same with a +HH:MM offset. nullopt when malformed.
std::optional<Micros> parseTimestamp(const std::string& text);
Micros nowMicros();

class RecordClock {
public:
  // Continues after `last` (e.g. the newest record time already stored).
  void seed(Micros last) { if (last > last_) last_ = last; }
  Micros next();

private:
  Micros last_ = 0;
};

}  // namespace igsgov

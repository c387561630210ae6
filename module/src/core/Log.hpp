// Log: the library's one logger and where its lines go.
//
// Every area of the library (adapters, capi, ...) logs through logger(), an
// spdlog logger owned by the library and never registered in spdlog's
// process-wide registry, so a host that uses spdlog itself is not disturbed and
// nothing the library logs depends on the host's spdlog setup. Its lines go to
// one receiver set by the front end: the C ABI forwards them to the host's
// callback (igsgov_log_set_callback), igsgovd writes them to its own log. With
// no receiver the logger is off and logging costs one level check.
//
// Levels are spdlog's, which the C ABI's igsgov_log_level repeats: trace 0,
// debug 1, info 2, warn 3, error 4. A line is the message only (English, no
// trailing newline, no timestamp: the receiver adds what it needs).
//
// Thread safety: all functions may be called from any thread. The receiver is
// called with a mutex held, so lines arrive one at a time, and setLogReceiver
// returns only when no call of the previous receiver is running. A line logged
// from inside the receiver on the same thread is dropped instead of
// deadlocking; setLogReceiver from inside the receiver throws Error(invalid).
// Exceptions thrown by the receiver are swallowed; spdlog's own errors never
// reach stderr.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace spdlog { class logger; }

namespace igsgov {

using LogReceiver = std::function<void(int level, const std::string& line)>;

// The library's logger (never null, lives until the process ends).
const std::shared_ptr<spdlog::logger>& logger();

// Sends lines at or above minLevel (0..4) to receiver; an empty receiver turns
// logging off.
void setLogReceiver(LogReceiver receiver, int minLevel);

// True while the calling thread runs the receiver.
bool inLogReceiver();

}  // namespace igsgov

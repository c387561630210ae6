// The library's logger: an spdlog logger owned by libigsgov (never registered
// in spdlog's global registry, so a host that uses spdlog itself is not
// disturbed) whose sink forwards lines to the host's callback.
//
// Thread safety: both functions may be called from any thread. The sink's
// mutex is held while the callback runs, so lines arrive one at a time and
// setLogCallback returns only when no call of the previous callback is running.
// A log() made from inside the callback on the same thread is dropped instead
// of deadlocking. Exceptions thrown by a (C++) callback are swallowed; spdlog's
// own errors never reach the host's stderr.
#pragma once

#include "igsgov/igsgov.h"

#include <string>

namespace igsgov::capi {

// minLevel is an igsgov_log_level (0..4), checked by the caller.
void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel);
void log(int level, const std::string& message);
// True while the calling thread runs the host's log callback.
bool inLogCallback();

}  // namespace igsgov::capi

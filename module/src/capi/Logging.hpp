// The C ABI's side of the library's log (core/Log.hpp): the host's callback
// becomes the library logger's receiver, so every area's lines (adapters,
// sync, the C ABI itself) reach the host.
//
// Thread safety and reentrancy as in core/Log.hpp: lines arrive one at a time,
// setLogCallback returns only when no call of the previous callback is running,
// a log() made from inside the callback on the same thread is dropped, and
// exceptions thrown by a (C++) callback are swallowed.
#pragma once

#include "igsgov/igsgov.h"

#include <string>

namespace igsgov::capi {

// minLevel is an igsgov_log_level (0..4), checked by the caller. fn NULL: off.
void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel);
void log(int level, const std::string& message);
// True while the calling thread runs the host's log callback.
bool inLogCallback();

}  // namespace igsgov::capi

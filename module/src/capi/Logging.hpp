// The library's logger: an spdlog logger owned by libigsgov (never registered
// in spdlog's global registry, so a host that uses spdlog itself is not
// disturbed) whose sink forwards lines to the host's callback.
// setLogCallback is called under the C ABI's init contract (no concurrent calls);
// log() is thread-safe.
#pragma once

#include "igsgov/igsgov.h"

#include <string>

namespace igsgov::capi {

void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel);
void log(int level, const std::string& message);

}  // namespace igsgov::capi

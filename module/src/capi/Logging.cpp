#include "capi/Logging.hpp"

#include "core/Log.hpp"

#include <spdlog/logger.h>

namespace igsgov::capi {

void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel) {
  LogReceiver receiver;
  if (fn) receiver = [fn, userdata](int level, const std::string& line) { fn(level, line.c_str(), userdata); };
  setLogReceiver(std::move(receiver), minLevel);
}

void log(int level, const std::string& message) {
  if (inLogReceiver()) return;
  const auto& l = logger();
  auto lvl = static_cast<spdlog::level::level_enum>(level);
  if (!l->should_log(lvl)) return;
  l->log(lvl, message);
}

bool inLogCallback() { return inLogReceiver(); }

}  // namespace igsgov::capi

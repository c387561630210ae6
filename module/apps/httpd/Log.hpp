// Structured log lines for igsgovd, one event per line in key=value form:
//   ts=2025-01-01T10:00:00.123456Z level=info event=request method=GET path=/api/v1/health status=200 ms=0.21
// Values with spaces, quotes, '=' or control characters are double-quoted
// with backslash escapes, so a line can always be split again. Secrets never
// go into a line: request bodies, the Authorization header and token secrets
// are not logged (only a token's name and role).
//
// The logger writes to stderr (systemd's journal collects it). Thread-safe
// (spdlog's _mt sink).
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>
#include <string_view>

namespace igsgov::httpd {

class LogLine {
public:
  explicit LogLine(std::string_view event);
  LogLine& add(std::string_view key, std::string_view value);
  LogLine& add(std::string_view key, long long value);
  LogLine& add(std::string_view key, double value);
  const std::string& text() const { return text_; }

private:
  std::string text_;
};

// level: trace debug info warn error off.
std::shared_ptr<spdlog::logger> makeLogger(const std::string& level);

// Makes `to` the receiver of the library's own log (core/Log.hpp: adapters,
// sync, ...), at to's level: each line becomes `event=library message="..."`.
void forwardLibraryLog(std::shared_ptr<spdlog::logger> to);

}  // namespace igsgov::httpd

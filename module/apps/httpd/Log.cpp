#include "Log.hpp"

#include "core/Log.hpp"

#include <spdlog/sinks/stdout_sinks.h>

#include <cstdio>

namespace igsgov::httpd {

namespace {

bool needsQuotes(std::string_view v) {
  if (v.empty()) return true;
  for (unsigned char c : v)
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) return true;
  return false;
}

void appendValue(std::string& out, std::string_view v) {
  if (!needsQuotes(v)) {
    out += v;
    return;
  }
  out += '"';
  for (unsigned char c : v) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < ' ' || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

}  // namespace

LogLine::LogLine(std::string_view event) {
  text_ = "event=";
  appendValue(text_, event);
}

LogLine& LogLine::add(std::string_view key, std::string_view value) {
  text_ += ' ';
  text_ += key;
  text_ += '=';
  appendValue(text_, value);
  return *this;
}

LogLine& LogLine::add(std::string_view key, long long value) { return add(key, std::to_string(value)); }

LogLine& LogLine::add(std::string_view key, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return add(key, std::string_view(buf));
}

std::shared_ptr<spdlog::logger> makeLogger(const std::string& level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("igsgovd", sink);
  logger->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%fZ level=%l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  return logger;
}

void forwardLibraryLog(std::shared_ptr<spdlog::logger> to) {
  const auto level = to->level();
  if (level == spdlog::level::off) return setLogReceiver(nullptr, spdlog::level::err);
  setLogReceiver(
      [to](int lineLevel, const std::string& line) {
        to->log(static_cast<spdlog::level::level_enum>(lineLevel), LogLine("library").add("message", line).text());
      },
      static_cast<int>(level));  // trace..error (Config allows no other level but off)
}

}  // namespace igsgov::httpd

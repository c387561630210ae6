#include "capi/Logging.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>

namespace igsgov::capi {
namespace {

class CallbackSink : public spdlog::sinks::base_sink<std::mutex> {
public:
  void set(igsgov_log_fn fn, void* userdata) {
    std::lock_guard lock(mutex_);
    fn_ = fn;
    userdata_ = userdata;
  }

protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (!fn_) return;
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::string line(formatted.data(), formatted.size());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    fn_(static_cast<int>(msg.level), line.c_str(), userdata_);
  }
  void flush_() override {}

private:
  igsgov_log_fn fn_ = nullptr;
  void* userdata_ = nullptr;
};

struct LoggerHolder {
  std::shared_ptr<CallbackSink> sink = std::make_shared<CallbackSink>();
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("igsgov", sink);
  LoggerHolder() {
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::off);
  }
};

LoggerHolder& holder() {
  static LoggerHolder h;
  return h;
}

}  // namespace

void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel) {
  auto& h = holder();
  h.sink->set(fn, userdata);
  h.logger->set_level(fn ? static_cast<spdlog::level::level_enum>(minLevel) : spdlog::level::off);
}

void log(int level, const std::string& message) {
  holder().logger->log(static_cast<spdlog::level::level_enum>(level), message);
}

}  // namespace igsgov::capi

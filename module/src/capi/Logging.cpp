#include "capi/Logging.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>

namespace igsgov::capi {
namespace {

thread_local bool t_inCallback = false;

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
    t_inCallback = true;
    try {
      fn_(static_cast<int>(msg.level), line.c_str(), userdata_);
    } catch (...) {
    }
    t_inCallback = false;
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
    logger->set_error_handler([](const std::string&) {});
  }
};

// Never destroyed: threads of the host may log during static destruction.
LoggerHolder& holder() {
  static LoggerHolder* h = new LoggerHolder;
  return *h;
}

}  // namespace

void setLogCallback(igsgov_log_fn fn, void* userdata, int minLevel) {
  auto& h = holder();
  if (!fn) h.logger->set_level(spdlog::level::off);
  h.sink->set(fn, userdata);
  if (fn) h.logger->set_level(static_cast<spdlog::level::level_enum>(minLevel));
}

void log(int level, const std::string& message) {
  if (t_inCallback) return;
  auto& h = holder();
  auto lvl = static_cast<spdlog::level::level_enum>(level);
  if (!h.logger->should_log(lvl)) return;
  h.logger->log(lvl, message);
}

bool inLogCallback() { return t_inCallback; }

}  // namespace igsgov::capi

#include "core/Log.hpp"

#include "core/Error.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

#include <mutex>

namespace igsgov {
namespace {

thread_local bool t_inReceiver = false;

// Forwards each line's message to the receiver. Not a base_sink: the check for
// a line logged from inside the receiver must come before the mutex is taken.
class ReceiverSink final : public spdlog::sinks::sink {
public:
  void setReceiver(LogReceiver receiver) {
    std::lock_guard lock(mutex_);
    receiver_ = std::move(receiver);
  }

  void log(const spdlog::details::log_msg& msg) override {
    if (t_inReceiver) return;
    std::lock_guard lock(mutex_);
    if (!receiver_) return;
    std::string line(msg.payload.data(), msg.payload.size());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    t_inReceiver = true;
    try {
      receiver_(static_cast<int>(msg.level), line);
    } catch (...) {
    }
    t_inReceiver = false;
  }
  void flush() override {}
  void set_pattern(const std::string&) override {}  // lines are the message only
  void set_formatter(std::unique_ptr<spdlog::formatter>) override {}

private:
  std::mutex mutex_;
  LogReceiver receiver_;
};

struct Holder {
  std::shared_ptr<ReceiverSink> sink = std::make_shared<ReceiverSink>();
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("igsgov", sink);
  Holder() {
    logger->set_level(spdlog::level::off);
    logger->set_error_handler([](const std::string&) {});
  }
};

// Never destroyed: threads of the host may log during static destruction.
Holder& holder() {
  static Holder* h = new Holder;
  return *h;
}

}  // namespace

const std::shared_ptr<spdlog::logger>& logger() { return holder().logger; }

void setLogReceiver(LogReceiver receiver, int minLevel) {
  if (t_inReceiver) throwInvalid("de logbestemming kan niet vanuit de logbestemming zelf veranderd worden");
  if (minLevel < spdlog::level::trace || minLevel > spdlog::level::err)
    throwInvalid(std::to_string(minLevel) + " is geen logniveau (0 tot 4)");
  auto& h = holder();
  const bool on = static_cast<bool>(receiver);
  if (!on) h.logger->set_level(spdlog::level::off);
  h.sink->setReceiver(std::move(receiver));
  if (on) h.logger->set_level(static_cast<spdlog::level::level_enum>(minLevel));
}

bool inLogReceiver() { return t_inReceiver; }

}  // namespace igsgov

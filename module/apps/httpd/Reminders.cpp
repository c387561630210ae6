#include "Reminders.hpp"

#include "Log.hpp"
#include "core/Error.hpp"
#include "ops/ServerPaths.hpp"

namespace igsgov::httpd {

ReminderRunner::ReminderRunner(ApiContext& ctx, int intervalSeconds, int firstDelaySeconds)
    : ctx_(ctx), interval_(intervalSeconds), firstDelay_(firstDelaySeconds) {
  if (ctx_.config.files.count("smtp_config")) thread_ = std::thread([this] { loop(); });
}

ReminderRunner::~ReminderRunner() { stop(); }

void ReminderRunner::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReminderRunner::loop() {
  int wait = firstDelay_;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (wake_.wait_for(lock, std::chrono::seconds(wait), [this] { return stopping_; })) return;
    }
    runOnce();
    wait = interval_;
  }
}

void ReminderRunner::runOnce() {
  try {
    const ops::Operation* op = ops::catalogue().find("reminders.send");
    auto in = ops::remoteInput(*op, newObject(), ctx_.config.files);
    ops::Caller caller;
    caller.actor = "igsgovd";
    caller.role = "beheerder";
    caller.reason = "herinneringen per e-mail";
    auto out = ctx_.session->execute("reminders.send", in, caller);
    auto failed = out->getArray("failed");
    ctx_.log->info(LogLine("reminders")
                       .add("sent", static_cast<long long>(out->getArray("sent")->size()))
                       .add("already_sent", static_cast<long long>(out->getValue<int>("already_sent")))
                       .add("failed", static_cast<long long>(failed->size()))
                       .text());
    for (std::size_t i = 0; i < failed->size(); ++i) {
      auto f = failed->getObject(static_cast<unsigned>(i));
      ctx_.log->warn(LogLine("reminder_failed")
                         .add("account", f->getValue<std::string>("account"))
                         .add("deadline", f->getValue<std::string>("deadline"))
                         .add("message", f->getValue<std::string>("error"))
                         .text());
    }
  } catch (const Error& e) {
    ctx_.log->error(LogLine("reminders_failed").add("message", e.fullText()).text());
  } catch (const std::exception& e) {
    ctx_.log->error(LogLine("reminders_failed").add("message", e.what()).text());
  }
}

}  // namespace igsgov::httpd

// igsgovd's periodic run of the email reminders (reminders.send,
// ops/ReminderOps.cpp): when files.smtp_config is configured, a thread runs
// the operation as "igsgovd" (role beheerder) a few seconds after the start
// and then every intervalSeconds, with the service's files filled in
// (smtp_config, calendar_dir, rules_dir). Each run logs one line (sent,
// already sent, failed) and one warning per failed email; a failure is tried
// again by the next run (the operation records only what was sent).
// Two igsgovd on one register are safe: the operation claims each email in
// the register before sending it.
//
// Thread safety: start/stop from the main thread; the run itself goes through
// the shared Session. Ownership: holds a reference to the context, which must
// outlive it. stop() wakes the thread and joins it (a run in progress ends first).
#pragma once

#include "Api.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace igsgov::httpd {

class ReminderRunner {
public:
  ReminderRunner(ApiContext& ctx, int intervalSeconds = 900, int firstDelaySeconds = 2);
  ~ReminderRunner();
  ReminderRunner(const ReminderRunner&) = delete;
  ReminderRunner& operator=(const ReminderRunner&) = delete;
  void stop();

private:
  void loop();
  void runOnce();

  ApiContext& ctx_;
  int interval_, firstDelay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace igsgov::httpd

#include "core/ChildProcess.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace igsgov {

namespace {

// posix_spawn's attributes and file actions, destroyed on every path.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  SpawnSetup() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

int statusOf(const siginfo_t& info) {
  return info.si_code == CLD_EXITED ? info.si_status : 128 + info.si_status;
}

}  // namespace

ChildProcess::ChildProcess(const Spec& spec) {
  const std::string exe = std::filesystem::absolute(spec.executable).string();
  auto fail = [&](const char* what, int err) {
    throw Error(errnoCode(err), std::string("hulpprogramma kan niet gestart worden (") + what + "): " + std::strerror(err),
                Place().set("file", exe));
  };
  SpawnSetup s;
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM})
    sigaddset(&defaults, sig);
  int rc = posix_spawnattr_setflags(&s.attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (rc == 0) rc = posix_spawnattr_setpgroup(&s.attr, 0);
  if (rc == 0) rc = posix_spawnattr_setsigmask(&s.attr, &none);
  if (rc == 0) rc = posix_spawnattr_setsigdefault(&s.attr, &defaults);
  if (rc == 0) rc = posix_spawn_file_actions_addopen(&s.actions, 0, "/dev/null", O_RDONLY, 0);
  if (rc == 0)
    rc = posix_spawn_file_actions_addopen(&s.actions, 1, spec.outputFile.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW, 0);
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&s.actions, 1, 2);
  if (rc == 0 && !spec.workDir.empty()) rc = posix_spawn_file_actions_addchdir_np(&s.actions, spec.workDir.c_str());
  if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&s.actions, 3);
  if (rc != 0) fail("voorbereiding", rc);

  std::vector<std::string> argStore;
  argStore.reserve(spec.args.size() + 1);
  argStore.push_back(exe);
  argStore.insert(argStore.end(), spec.args.begin(), spec.args.end());
  std::vector<char*> argv;
  for (auto& a : argStore) argv.push_back(a.data());
  argv.push_back(nullptr);
  rc = posix_spawn(&pid_, exe.c_str(), &s.actions, &s.attr, argv.data(), environ);
  if (rc != 0) {
    pid_ = -1;
    fail("posix_spawn", rc);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !status_) kill();
}

std::optional<int> ChildProcess::finished() {
  if (status_) return status_;
  siginfo_t info{};
  // WNOWAIT: look without reaping, so the group id stays ours until the group is killed.
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
    if (errno == EINTR) return std::nullopt;
    status_ = 255;  // ECHILD: someone else reaped it; nothing left to wait for
    return status_;
  }
  if (info.si_pid == 0) return std::nullopt;
  ::kill(-pid_, SIGKILL);  // whatever the program left running in its group
  return reap();
}

int ChildProcess::kill() {
  if (status_) return *status_;
  ::kill(-pid_, SIGKILL);
  return reap();
}

int ChildProcess::reap() {
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED);
  } while (rc != 0 && errno == EINTR);
  status_ = rc == 0 ? statusOf(info) : 255;
  return *status_;
}

}  // namespace igsgov

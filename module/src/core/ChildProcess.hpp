// ChildProcess: a helper program (LibreOffice) run so that it, and everything
// it starts, can be stopped together and nothing of it outlives its owner.
//
//   - The program runs in a process group of its own (posix_spawn with
//     POSIX_SPAWN_SETPGROUP), so kill() reaches the program and every process
//     it started (LibreOffice's soffice script execs oosplash, which starts
//     soffice.bin: killing the first PID alone would leave soffice.bin running).
//   - Standard input is /dev/null; standard output and standard error are
//     appended to `outputFile`, which must already exist (the caller creates
//     it in a private folder and reads it while the program runs; no pipe
//     that could fill up). No other descriptor is inherited (closefrom 3), the
//     signal mask is empty and ignored signals are back to their default.
//   - The working directory is `workDir`; a relative executable is resolved
//     against the caller's working directory first.
//   - The group is always signalled while its leader is not yet reaped (a
//     zombie keeps the process-group id in use), so the signal can never reach
//     a process that later got the same id.
//
// finished() never blocks: once the program has exited it kills whatever the
// program left running in its group (SIGKILL), reaps the program and returns
// its exit status (128 + signal number when a signal ended it). kill() sends
// SIGKILL to the whole group and reaps the program. The destructor kills a
// program that has not finished.
//
// Failure: Error(io) naming the program when it cannot be started.
// Thread safety: one owner; different ChildProcesses are independent. The
// owner must not reap children with wait(-1) elsewhere.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace igsgov {

class ChildProcess {
public:
  struct Spec {
    std::string executable;
    std::vector<std::string> args;  // without argv[0]
    std::string workDir;
    std::string outputFile;
  };

  explicit ChildProcess(const Spec& spec);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The exit status once the program has ended (its group then killed and
  // the program reaped), else nullopt.
  std::optional<int> finished();
  // SIGKILL to the program's whole group; reaps the program. Returns its status.
  int kill();

private:
  int reap();
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace igsgov

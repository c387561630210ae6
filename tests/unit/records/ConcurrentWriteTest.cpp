// Several processes write one register at once (issue 16: several igsgovd on
// one PostgreSQL; on SQLite several CLI calls on one file): every write lands
// exactly once, the journal stays one chain (no gap, no fork), and it verifies.
// A writer that finds the register locked gets `busy` and tries again, as a
// client of igsgovd would after a 503.
#include "RegisterFixture.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

namespace {

class ConcurrentWrite : public RegisterFixture {};

// In a forked child: its own Session (own connection), `count` writes, then _exit.
[[noreturn]] void writer(const std::string& path, int process, int count) {
  int status = 0;
  try {
    ops::Session session(path, false);
    ops::Caller caller;
    caller.actor = "proces-" + std::to_string(process);
    for (int i = 0; i < count; ++i) {
      std::string id = "p-" + std::to_string(process) + "-" + std::to_string(i);
      for (int attempt = 0;; ++attempt) {
        try {
          session.execute("person.create", parseJsonObject(R"({"id":")" + id + R"(","name":"Persoon )" + id +
                                                            R"(","fictitious":true})"),
                          caller);
          break;
        } catch (const Error& e) {
          if (e.errorCode() != ErrorCode::busy || attempt > 50) throw;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "writer %d: %s\n", process, e.what());
    status = 1;
  }
  ::_exit(status);
}

}  // namespace

TEST_F(ConcurrentWrite, SeveralProcessesKeepOneChain) {
  constexpr int kProcesses = 4, kWrites = 15;
  long long before = journalLength();
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) writer(path_, p, kWrites);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed (see its stderr)";
  }
  // Every write exactly once, in one chain without gaps.
  auto j = run("audit.journal", R"({"limit": 100000})");
  auto entries = j->getArray("entries");
  ASSERT_EQ(static_cast<long long>(entries->size()), before + kProcesses * kWrites);
  std::set<long long> seqs;
  for (size_t i = 0; i < entries->size(); ++i) seqs.insert(entries->getObject(i)->getValue<long long>("seq"));
  EXPECT_EQ(seqs.size(), entries->size());
  EXPECT_EQ(*seqs.begin(), 1);
  EXPECT_EQ(*seqs.rbegin(), static_cast<long long>(entries->size()));
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
}

// A writer that cannot get the register's write lock in time gets `busy` (CLI
// exit 9, HTTP 503 with Retry-After) and writes nothing, on both stores.
TEST_F(ConcurrentWrite, WriterThatCannotGetTheLockIsBusy) {
  long long before = journalLength();
  {
    store::Database other(path_, false);
    store::Transaction held(other);  // another process's write in progress
    Error e = fails("person.create", R"({"id":"p-wacht","name":"Wacht Even","fictitious":true})");
    EXPECT_EQ(e.errorCode(), ErrorCode::busy) << e.fullText();
  }
  EXPECT_EQ(journalLength(), before);
  run("person.create", R"({"id":"p-wacht","name":"Wacht Even","fictitious":true})");
  EXPECT_EQ(journalLength(), before + 1);
}

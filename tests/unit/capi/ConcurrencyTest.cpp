// Concurrent callers of the C ABI: threads sharing one register handle,
// threads with their own registers, two handles on one file, a close racing
// with calls, and log lines from many threads. Afterwards audit.verify must
// pass and every count must add up. Run under ThreadSanitizer too (see
// docs/dev/c-abi.md).
#include "CapiFixture.hpp"

#include <Poco/JSON/Array.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

using namespace capitest;

namespace {

constexpr int kThreads = 8;
constexpr int kWritesPerThread = 6;

std::string personJson(int thread, int i) {
  return "{\"id\":\"p-t" + std::to_string(thread) + "-" + std::to_string(i) + "\",\"name\":\"Draad " +
         std::to_string(thread) + " persoon " + std::to_string(i) + "\",\"fictitious\":true}";
}

// Executes without gtest assertions (safe from any thread); returns rc.
int exec(igsgov_register* reg, const char* op, const std::string& json, std::string* output = nullptr) {
  igsgov_buf out{};
  int rc = igsgov_execute(&out, reg, op, json.c_str(), nullptr);
  if (rc == IGSGOV_OK && output) output->assign(out.ptr, out.size);
  igsgov_buf_dispose(&out);
  return rc;
}

size_t personCount(igsgov_register* reg) { return run(reg, "person.list")->getArray("persons")->size(); }

}  // namespace

TEST(CapiConcurrency, ThreadsShareOneRegister) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  size_t personsBefore = personCount(reg);
  long long entriesBefore = run(reg, "audit.verify")->getValue<long long>("entries");

  std::atomic<int> failures{0};
  std::atomic<int> badReads{0};
  std::vector<std::string> firstError(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        if (exec(reg, "person.create", personJson(t, i)) != IGSGOV_OK) {
          if (firstError[t].empty()) firstError[t] = igsgov_error_last()->message;
          ++failures;
        }
        std::string composition;
        if (exec(reg, "body.composition", "{\"body\":\"igs-cultuur-va-rvb\",\"as_of\":\"2023-06-01\"}", &composition) !=
                IGSGOV_OK ||
            composition.find("igs-cultuur-va-rvb") == std::string::npos)
          ++badReads;
        // A failing call on this thread must not disturb the others' last error.
        if (exec(reg, "body.composition", "{\"body\":\"bestaat-niet-" + std::to_string(t) + "\"}") != IGSGOV_ENOTFOUND ||
            std::string(igsgov_error_last()->message).find("bestaat-niet-" + std::to_string(t)) == std::string::npos)
          ++badReads;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& e : firstError) EXPECT_EQ(e, "");
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(badReads.load(), 0);

  auto verify = run(reg, "audit.verify");
  EXPECT_TRUE(verify->getValue<bool>("ok"));
  EXPECT_EQ(verify->getValue<long long>("entries"), entriesBefore + kThreads * kWritesPerThread);
  EXPECT_EQ(personCount(reg), personsBefore + kThreads * kWritesPerThread);
  // Every write is its own journal entry, numbered without gaps.
  auto entries = run(reg, "audit.journal", "{\"from_seq\":" + std::to_string(entriesBefore + 1) + ",\"limit\":1000}")
                     ->getArray("entries");
  ASSERT_EQ(entries->size(), size_t(kThreads * kWritesPerThread));
  for (size_t i = 0; i < entries->size(); ++i) {
    EXPECT_EQ(entries->getObject(i)->getValue<long long>("seq"), entriesBefore + 1 + (long long)i);
    EXPECT_EQ(entries->getObject(i)->getValue<std::string>("operation"), "person.create");
  }
  igsgov_close(reg);
}

TEST(CapiConcurrency, RegistersAreIndependent) {
  Lib lib;
  Tmp tmp;
  constexpr int kRegisters = 4;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::vector<igsgov_register*> regs(kRegisters, nullptr);
  for (int r = 0; r < kRegisters; ++r) {
    threads.emplace_back([&, r] {
      igsgov_open_options o = IGSGOV_OPEN_OPTIONS_INIT;
      o.create = 1;
      if (igsgov_open(&regs[r], tmp.file("r" + std::to_string(r) + ".db").c_str(), &o) != IGSGOV_OK) {
        ++failures;
        return;
      }
      if (exec(regs[r], "register.import", "{\"path\":\"" + samplePath() + "\"}") != IGSGOV_OK) ++failures;
      for (int i = 0; i <= r; ++i)
        if (exec(regs[r], "person.create", personJson(r, i)) != IGSGOV_OK) ++failures;
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(failures.load(), 0);
  size_t base = 0;
  for (int r = 0; r < kRegisters; ++r) {
    EXPECT_TRUE(run(regs[r], "audit.verify")->getValue<bool>("ok"));
    size_t n = personCount(regs[r]);
    if (r == 0) base = n - 1;
    EXPECT_EQ(n, base + r + 1) << "register " << r << " holds only its own writes";
    igsgov_close(regs[r]);
  }
}

TEST(CapiConcurrency, TwoHandlesOnOneFile) {
  Lib lib;
  Tmp tmp;
  igsgov_register* a = openSample(tmp.file("r.db"));
  igsgov_register* b = nullptr;
  ASSERT_EQ(igsgov_open(&b, tmp.file("r.db").c_str(), nullptr), IGSGOV_OK) << lastMessage();
  size_t before = personCount(a);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      igsgov_register* reg = t % 2 ? a : b;
      for (int i = 0; i < 4; ++i)
        if (exec(reg, "person.create", personJson(t, i)) != IGSGOV_OK) ++failures;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0) << "SQLite's busy timeout serialises the two connections";
  EXPECT_TRUE(run(b, "audit.verify")->getValue<bool>("ok"));
  EXPECT_EQ(personCount(a), before + 16);
  EXPECT_EQ(personCount(b), before + 16);
  igsgov_close(a);
  igsgov_close(b);
}

TEST(CapiConcurrency, CloseRacesWithCalls) {
  Lib lib;
  Tmp tmp;
  igsgov_register* reg = openSample(tmp.file("r.db"));
  std::atomic<bool> go{false};
  std::atomic<int> ok{0}, closed{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      for (;;) {
        int rc = exec(reg, "body.composition", "{\"body\":\"igs-cultuur-va-rvb\"}");
        if (rc == IGSGOV_OK) {
          ++ok;
        } else if (rc == IGSGOV_EARGUMENT) {
          ++closed;
          return;
        } else {
          ++other;
          return;
        }
      }
    });
  }
  go = true;
  // Close once the readers are running (or have all stopped on an error).
  while (ok.load() < 20 && closed.load() + other.load() < 4) std::this_thread::yield();
  igsgov_close(reg);
  for (auto& th : threads) th.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(closed.load(), 4) << "every thread sees the handle closed, none crashes";
}

TEST(CapiConcurrency, LogLinesFromManyThreads) {
  Lib lib;
  Tmp tmp;
  struct Counter {
    std::atomic<int> lines{0};
    std::atomic<int> inside{0};
    std::atomic<int> overlap{0};
  } counter;
  auto fn = [](int, const char*, void* p) {
    auto* c = static_cast<Counter*>(p);
    if (c->inside.fetch_add(1) != 0) ++c->overlap;
    ++c->lines;
    c->inside.fetch_sub(1);
  };
  igsgov_register* reg = openSample(tmp.file("r.db"));
  ASSERT_EQ(igsgov_log_set_callback(fn, &counter, IGSGOV_LOG_DEBUG), IGSGOV_OK);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) exec(reg, "audit.journal", "{\"limit\":1}");
    });
  for (auto& th : threads) th.join();
  ASSERT_EQ(igsgov_log_set_callback(nullptr, nullptr, 0), IGSGOV_OK);
  EXPECT_EQ(counter.lines.load(), kThreads * 10) << "one debug line per call";
  EXPECT_EQ(counter.overlap.load(), 0) << "the callback is never run concurrently";
  igsgov_close(reg);
}

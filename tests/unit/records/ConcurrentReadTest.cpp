// Reads on pooled read-only connections: they run side by side, each sees one
// committed state, and cannot write past the journal.
#include "RegisterFixture.hpp"

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

namespace {

class ConcurrentRead : public RegisterFixture {
protected:
  long long persons(store::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM person");
    st.step();
    return st.integer(0);
  }
};

}  // namespace

TEST_F(ConcurrentRead, TwoReadsRunAtTheSameTime) {
  auto& reg = session_->reg();
  std::mutex m;
  std::condition_variable cv;
  int inside = 0;
  // Each read waits (at most 10 s) until the other one is inside too: with
  // serialised reads the first would time out alone.
  auto reader = [&] {
    bool met = false;
    reg.read([&](store::Database&) {
      std::unique_lock lock(m);
      ++inside;
      cv.notify_all();
      met = cv.wait_for(lock, std::chrono::seconds(10), [&] { return inside == 2; });
      return newObject();
    });
    return met;
  };
  auto a = std::async(std::launch::async, reader);
  auto b = std::async(std::launch::async, reader);
  EXPECT_TRUE(a.get());
  EXPECT_TRUE(b.get());
}

TEST_F(ConcurrentRead, AReadSeesOneCommittedStateAndEveryEarlierWrite) {
  auto& reg = session_->reg();
  run("person.create", R"({"id":"p1","name":"Eerste Persoon","fictitious":true})");
  // A write committed before the read started is visible (read-your-writes).
  reg.read([&](store::Database& db) {
    EXPECT_EQ(persons(db), 1);
    // A write committing while this read runs is not: the snapshot holds.
    auto writer = std::async(std::launch::async, [&] {
      run("person.create", R"({"id":"p2","name":"Tweede Persoon","fictitious":true})");
    });
    writer.get();  // readers do not block the writer (WAL)
    EXPECT_EQ(persons(db), 1);
    return newObject();
  });
  reg.read([&](store::Database& db) {
    EXPECT_EQ(persons(db), 2);
    return newObject();
  });
}

TEST_F(ConcurrentRead, AReadCannotChangeTheRegister) {
  auto& reg = session_->reg();
  EXPECT_THROW(reg.read([&](store::Database& db) {
    db.exec("DELETE FROM person");
    return newObject();
  }),
               Error);
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
}

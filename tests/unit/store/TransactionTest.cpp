// store::Transaction and store::ReadTransaction own one BEGIN each: they can be
// neither copied nor moved (a copy used to roll back twice, issue 14), and the
// write transaction rolls back unless committed.
#include "store/Database.hpp"

#include "WorkDir.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace igsgov::store {
namespace {

static_assert(!std::is_copy_constructible_v<Transaction>);
static_assert(!std::is_copy_assignable_v<Transaction>);
static_assert(!std::is_move_constructible_v<Transaction>);
static_assert(!std::is_move_assignable_v<Transaction>);
static_assert(!std::is_copy_constructible_v<ReadTransaction>);
static_assert(!std::is_move_constructible_v<ReadTransaction>);

class TransactionTest : public igsgov::testing::WorkDir {
protected:
  TransactionTest() : WorkDir("store") {}
  long long rows(Database& db) {
    auto st = db.prepare("SELECT count(*) FROM t");
    st.step();
    return st.integer(0);
  }
};

TEST_F(TransactionTest, RollsBackUnlessCommitted) {
  Database db((dir_ / "t.sqlite").string(), true);
  db.exec("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
  }
  EXPECT_FALSE(db.inTransaction());
  EXPECT_EQ(rows(db), 0);
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (2)");
    tx.commit();
  }
  EXPECT_FALSE(db.inTransaction());
  EXPECT_EQ(rows(db), 1);
}

}  // namespace
}  // namespace igsgov::store

// The PostgreSQL backend's SQL rewriting (store/PostgresSql.hpp): ?-parameters
// become $n outside literals and comments; INSERT targets are recognised.
#include "store/PostgresSql.hpp"

#include <gtest/gtest.h>

namespace igsgov::store {
namespace {

TEST(PostgresSql, NumbersParametersOutsideLiteralsAndComments) {
  int n = 0;
  EXPECT_EQ(numberParameters("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?", n),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(numberParameters("SELECT \"a?\" -- what?\nFROM t /* ? */ WHERE x = ? AND y = 'it''s ?'", n),
            "SELECT \"a?\" -- what?\nFROM t /* ? */ WHERE x = $1 AND y = 'it''s ?'");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(numberParameters("SELECT 1 WHERE (? IS NULL OR a <= ?) AND ?\n is not null", n),
            "SELECT 1 WHERE ($1::text IS NULL OR a <= $2) AND $3::text\n is not null");
  EXPECT_EQ(numberParameters("SELECT a FROM t WHERE b = ?2 AND c <= ?1 AND d > ?2", n),
            "SELECT a FROM t WHERE b = $2 AND c <= $1 AND d > $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(numberParameters("SELECT 1", n), "SELECT 1");
  EXPECT_EQ(n, 0);
}

TEST(PostgresSql, FindsTheTableOfAnInsert) {
  EXPECT_EQ(insertTarget("INSERT INTO mandate (id, role) VALUES (?, ?)"), "mandate");
  EXPECT_EQ(insertTarget("  insert  into Journal_Effect VALUES (?)"), "journal_effect");
  EXPECT_EQ(insertTarget("INSERT INTO t (a) VALUES (?) RETURNING a"), "");
  EXPECT_EQ(insertTarget("UPDATE t SET a = ?"), "");
  EXPECT_EQ(insertTarget("SELECT 1"), "");
}

// Which statements may run during a bulk write without sending the queued rows
// first (PostgresBackend): only SELECTs that name no table with queued rows.
TEST(PostgresSql, SelectsNoneOfNamesWholeWordsOnly) {
  std::vector<std::string> queued = {"mandate", "mandate_key"};
  EXPECT_TRUE(selectsNoneOf("SELECT * FROM person WHERE id = ?", queued));
  EXPECT_TRUE(selectsNoneOf("  select 1 from seat_mandate_x", queued));  // part of a longer name
  EXPECT_FALSE(selectsNoneOf("SELECT id FROM mandate WHERE seat_id = ?", queued));
  EXPECT_FALSE(selectsNoneOf("SELECT 1 FROM MANDATE_KEY WHERE id = ?", queued));
  EXPECT_FALSE(selectsNoneOf("SELECT 1 FROM person p JOIN \"mandate\" m ON m.person_id = p.id", queued));
  EXPECT_FALSE(selectsNoneOf("UPDATE person SET x = 1", queued));
  EXPECT_FALSE(selectsNoneOf("WITH x AS (SELECT 1) SELECT * FROM x", queued));
  EXPECT_FALSE(selectsNoneOf("INSERT INTO person VALUES (1)", queued));
}

}  // namespace
}  // namespace igsgov::store

// register.copy (ops/RegisterCopy.hpp): a register moved to another store keeps
// every row and its journal as they are and verifies there. In the
// records.postgresql run the fixture's register is on PostgreSQL, so the copy
// goes PostgreSQL -> SQLite -> PostgreSQL (both directions); in the plain run
// SQLite -> SQLite -> SQLite.
#include "RegisterFixture.hpp"

#include "store/Database.hpp"

namespace igsgov::testing {
namespace {

class RegisterCopy : public RegisterFixture {
protected:
  // A register with more than one version of an entity: import, then a correction.
  void sampleWithHistory() {
    importSample();
    smallRegister();
    run("person.correct", R"({"id":"p2","name":"Bart Proefmans","reason":"tikfout"})");
  }

  JsonObject copy(const std::string& from, const std::string& to) {
    return run("register.copy", R"({"from":")" + from + R"(","to":")" + to + R"("})");
  }

  // The other store's fresh address: SQLite in the PostgreSQL run and the reverse.
  std::string otherStore(const std::string& name) { return dir_ + "/" + name + ".db"; }
  std::string sameStore(const std::string& name) { return onPostgres() ? freshPostgresDatabase() : otherStore(name); }

  // The register at `address` as export and verified journal head.
  std::string stateOf(const std::string& address) {
    ops::Session other(address, false);
    ops::Caller caller;
    caller.actor = "test";
    auto verify = other.execute("audit.verify", newObject(), caller);
    auto out = other.execute("register.export", newObject(), caller);
    out->remove("exported_at");
    return canonicalJson(out) + canonicalJson(verify);
  }
};

TEST_F(RegisterCopy, CopiesBothWaysRowForRowAndVerifiesOnTheTarget) {
  sampleWithHistory();
  std::string before = state();
  auto source = path_;
  auto there = otherStore("kopie");
  auto out = copy(source, there);
  EXPECT_TRUE(out->getValue<bool>("verified"));
  EXPECT_GT(out->getValue<long long>("rows"), 100);
  EXPECT_EQ(out->getObject("journal")->getValue<long long>("seq"), journalLength());
  auto back = sameStore("terug");
  copy(there, back);

  std::string reference = stateOf(source);
  EXPECT_EQ(stateOf(there), reference);
  EXPECT_EQ(stateOf(back), reference);
  EXPECT_EQ(state(), before);  // the source is only read

  // The copy is a working register: the next write continues the chain and the
  // row ids (PostgreSQL's identity sequences moved past the copied rows).
  for (const auto& address : {there, back}) {
    ops::Session target(address, false);
    ops::Caller caller;
    caller.actor = "test";
    target.execute("person.create", parseJsonObject(R"({"id":"p9","name":"Dirk Nieuw","gender":"m","fictitious":true})"),
                   caller);
    auto verify = target.execute("audit.verify", newObject(), caller);
    EXPECT_EQ(verify->getValue<long long>("entries"), journalLength() + 1) << address;
  }
}

TEST_F(RegisterCopy, RefusedIntoANonEmptyTargetWhichStaysUnchanged) {
  smallRegister();
  auto target = sameStore("vol");
  {
    ops::Session other(target, true);
    ops::Caller caller;
    caller.actor = "test";
    other.execute("person.create", parseJsonObject(R"({"id":"px","name":"Eva Eigen","gender":"v","fictitious":true})"),
                  caller);
  }
  std::string before = stateOf(target);
  auto e = fails("register.copy", R"({"from":")" + path_ + R"(","to":")" + target + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  EXPECT_NE(std::string(e.what()).find("niet leeg"), std::string::npos) << e.what();
  EXPECT_EQ(stateOf(target), before);
}

TEST_F(RegisterCopy, ASourceThatDoesNotVerifyCopiesNothing) {
  smallRegister();
  {
    store::Database raw(path_, false);
    raw.exec("UPDATE person SET name = 'Iemand Anders' WHERE id = 'p2'");
  }
  auto sqliteTarget = otherStore("niets");
  auto e = fails("register.copy", R"({"from":")" + path_ + R"(","to":")" + sqliteTarget + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::integrity) << e.what();
  EXPECT_NE(std::string(e.what()).find("niets gekopieerd"), std::string::npos) << e.what();
  EXPECT_FALSE(Poco::File(sqliteTarget).exists());  // all or nothing: not even the file
  if (onPostgres()) {
    auto pgTarget = freshPostgresDatabase();
    EXPECT_EQ(fails("register.copy", R"({"from":")" + path_ + R"(","to":")" + pgTarget + R"("})").errorCode(),
              ErrorCode::integrity);
    store::Database raw(pgTarget, false);
    EXPECT_TRUE(raw.tables().empty());
    EXPECT_EQ(raw.schemaVersion(), 0);
  }
}

TEST_F(RegisterCopy, AMissingSourceIsNamed) {
  auto e = fails("register.copy", R"({"from":")" + dir_ + R"(/weg.db","to":")" + otherStore("x") + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_FALSE(Poco::File(otherStore("x")).exists());
}

}  // namespace
}  // namespace igsgov::testing

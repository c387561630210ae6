// audit.verify detects edits made to the database file behind the library's
// back (through a second, raw SQLite connection) and names the place.
#include "RegisterFixture.hpp"

#include "store/Database.hpp"

using namespace igsgov;
using igsgov::testing::RegisterFixture;

class Journal : public RegisterFixture {
protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    smallRegister();
    run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01"})");
    run("mandate.correct", R"({"id":"a1","fractie":"Groen","reason":"aanvulling"})");
    ASSERT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  }
  void tamper(const std::string& sql) {
    store::Database raw(path_, false);
    raw.exec("PRAGMA foreign_keys = OFF");
    raw.exec(sql);
  }
  Error verifyFails() {
    Error e = fails("audit.verify", "{}");
    EXPECT_EQ(e.errorCode(), ErrorCode::integrity) << e.fullText();
    return e;
  }
};

TEST_F(Journal, IntactRegisterVerifies) {
  auto out = run("audit.verify", "{}");
  EXPECT_GE(out->getValue<long long>("entries"), 9);
  EXPECT_EQ(out->getValue<std::string>("head_hash").size(), 64u);
}

TEST_F(Journal, EditedRowIsLocated) {
  tamper("UPDATE person SET name = 'Iemand Anders' WHERE id = 'p2'");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "person");
  EXPECT_NE(e.fullText().find("komt niet meer overeen"), std::string::npos) << e.fullText();
}

TEST_F(Journal, DeletedRowIsLocated) {
  tamper("DELETE FROM mandate WHERE id = 'a1' AND rec_to IS NULL");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "mandate");
  EXPECT_NE(e.fullText().find("ontbreekt"), std::string::npos) << e.fullText();
}

TEST_F(Journal, InsertedRowIsLocated) {
  tamper("INSERT INTO person_key (id, jseq) VALUES ('ghost', 1)");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "person_key");
}

TEST_F(Journal, ReopenedHistoryIsDetected) {
  // Clearing rec_to would resurrect the superseded version.
  tamper("UPDATE mandate SET rec_to = NULL WHERE id = 'a1' AND rec_to IS NOT NULL");
  Error e = verifyFails();
  EXPECT_NE(e.fullText().find("rec_to"), std::string::npos) << e.fullText();
}

TEST_F(Journal, EditedJournalEntryBreaksTheChain) {
  tamper("UPDATE journal SET actor = 'iemand anders' WHERE seq = 3");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("journaalregel"), "3");
}

TEST_F(Journal, RemovedJournalEntryIsDetected) {
  tamper("DELETE FROM journal_effect WHERE seq = 4; DELETE FROM journal WHERE seq = 4");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("journaalregel"), "4");
}

TEST_F(Journal, EditedEffectListIsDetected) {
  tamper("UPDATE journal_effect SET digests = '00' || substr(digests, 3) WHERE seq = 2 AND n = 1");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("journaalregel"), "2");
}

TEST_F(Journal, ReferenceDataIsCoveredToo) {
  tamper("UPDATE ref_population SET inwoners = inwoners + 1 WHERE nis = '45035'");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "ref_population");
}

TEST_F(Journal, EveryWriteIsOneEntryWithActorAndReason) {
  auto entries = run("audit.journal", "{}")->getArray("entries");
  auto last = entries->getObject(static_cast<unsigned>(entries->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("operation"), "mandate.correct");
  EXPECT_EQ(last->getValue<std::string>("actor"), "test");
}

// audit.verify detects edits made to the database file behind the library's
// back (through a second, raw SQLite connection) and names the place.
#include "../records/RegisterFixture.hpp"

#include "store/Database.hpp"

using namespace igsgov;
using igsgov::testing::RegisterFixture;
using igsgov::testing::onPostgres;

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
    // Behind the library's back, as the sqlite3 shell or psql would (foreign keys off).
    raw.exec(raw.dialect() == store::Dialect::postgresql ? "SET session_replication_role = replica"
                                                         : "PRAGMA foreign_keys = OFF");
    raw.exec(sql);
  }
  // The same forgery in each engine's SQL (psql cannot store a BLOB in a text
  // column: it changes the column's type, which the verifier reads the same way).
  void tamper(const std::string& sqlite, const std::string& postgresql) {
    tamper(onPostgres() ? postgresql : sqlite);
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

// A TEXT value turned into a BLOB with the same bytes hides the mandate from
// the composition (a BLOB never compares equal to, or below, a text date),
// while the row's bytes are unchanged: the digest must cover the storage type.
TEST_F(Journal, TextTurnedIntoBlobIsLocatedWithItsColumn) {
  auto composition = [&] {
    return run("body.composition", R"({"body":"rvb","as_of":"2022-01-01"})")->getArray("mandates")->size();
  };
  ASSERT_EQ(composition(), 1u);
  tamper("UPDATE mandate SET valid_from = CAST(valid_from AS BLOB) WHERE id = 'a1' AND rec_to IS NULL",
         "ALTER TABLE mandate ALTER COLUMN valid_from TYPE bytea USING convert_to(valid_from, 'UTF8')");
  if (!onPostgres()) {
    ASSERT_EQ(composition(), 0u) << "the forgery must matter, or this test shows nothing";
  }
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "mandate");
  EXPECT_EQ(e.place().fields.at("kolom"), "valid_from");
  EXPECT_TRUE(e.place().fields.count("rij"));
  EXPECT_NE(e.fullText().find("BLOB"), std::string::npos) << e.fullText();
}

// An INTEGER column keeps a REAL only when it has a fraction (SQLite turns
// 5.0 back into 5): the check names the column, not just the row.
TEST_F(Journal, RealValueIsLocatedWithItsColumn) {
  tamper("UPDATE ref_population SET inwoners = inwoners + 0.5 WHERE nis = '45035'",
         "ALTER TABLE ref_population ALTER COLUMN inwoners TYPE double precision; "
         "UPDATE ref_population SET inwoners = inwoners + 0.5 WHERE nis = '45035'");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "ref_population");
  EXPECT_EQ(e.place().fields.at("kolom"), "inwoners");
}

TEST_F(Journal, BlobInTheJournalItselfIsLocated) {
  tamper("UPDATE journal SET operation = CAST(operation AS BLOB) WHERE seq = 3",
         "ALTER TABLE journal ALTER COLUMN operation TYPE bytea USING convert_to(operation, 'UTF8')");
  Error e = verifyFails();
  // On PostgreSQL the column's type changed for every entry: the first is named.
  EXPECT_EQ(e.place().fields.at("journaalregel"), onPostgres() ? "1" : "3");
  EXPECT_EQ(e.place().fields.at("kolom"), "operation");
}

// The newest entry deleted (its effects left behind) is named by its number,
// not found through a dangling foreign key of journal_effect.
TEST_F(Journal, DeletedLastEntryIsNamed) {
  long long last = journalLength();
  tamper("DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(last)) << e.fullText();
  EXPECT_NE(e.fullText().find("journaalregel " + std::to_string(last) + " ontbreekt"), std::string::npos)
      << e.fullText();
}

// The newest entry and its effect lines deleted: its rows still name it (jseq).
TEST_F(Journal, DeletedLastEntryWithItsEffectsIsNamedByItsRows) {
  long long last = journalLength();
  tamper("DELETE FROM journal_effect WHERE seq = (SELECT max(seq) FROM journal); "
         "DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(last)) << e.fullText();
  EXPECT_NE(e.fullText().find("journaalregel " + std::to_string(last) + " ontbreekt"), std::string::npos)
      << e.fullText();
}

// A trigger could change every later write (or drop it) without touching a
// stored row; the register creates none.
TEST_F(Journal, TriggerAddedOutsideTheRegisterIsNamed) {
  tamper("CREATE TRIGGER stil AFTER INSERT ON mandate "
         "BEGIN UPDATE mandate SET fractie = 'X' WHERE row_id = NEW.row_id; END",
         "CREATE FUNCTION stil_f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.fractie := 'X'; RETURN NEW; END$$; "
         "CREATE TRIGGER stil BEFORE INSERT ON mandate FOR EACH ROW EXECUTE FUNCTION stil_f()");
  Error e = verifyFails();
  EXPECT_EQ(e.place().fields.at("tabel"), "mandate");
  EXPECT_NE(e.fullText().find("trigger 'stil'"), std::string::npos) << e.fullText();
}

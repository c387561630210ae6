// A forger who can write the register file (a second, raw SQLite connection
// here) and recompute hashes: removing the newest entry cleanly, appending an
// entry with correct hashes and rewriting the whole chain consistently all
// passed audit.verify before signatures and checkpoints. Each must now fail
// with the public key or with a checkpoint taken earlier, naming the entry.
// Also what is not detected without them (docs/dev/security.md).
#include "../records/RegisterFixture.hpp"

#include "core/Sha256.hpp"
#include "journal/Checkpoint.hpp"
#include "journal/Journal.hpp"
#include "journal/Signing.hpp"
#include "store/Database.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <sys/stat.h>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

namespace {

std::string readFile(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  return text;
}

std::string jsonString(const std::string& s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

// Recomputes prev_hash and hash of every entry from `fromSeq` on, as a
// forger with the library's formulas would; re-signs them when given a key.
void rechain(store::Database& db, long long fromSeq, const journal::SigningKey* key = nullptr) {
  auto st = db.prepare(
      "SELECT seq, at, actor, operation, reason, input, effect_count, effects_digest FROM journal ORDER BY seq");
  std::string prev = journal::kGenesisHash;
  struct Row { long long seq; std::string at, prev, hash; };
  std::vector<Row> rows;
  while (st.step()) {
    long long seq = st.integer(0);
    std::string hash = journal::entryHash(
        prev, journal::entryCanonical(seq, st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                                      st.integer(6), st.text(7)));
    if (seq >= fromSeq) rows.push_back({seq, st.text(1), prev, hash});
    prev = hash;
  }
  for (const auto& r : rows) {
    auto up = db.prepare("UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?");
    up.bind(1, r.prev).bind(2, r.hash).bind(3, r.seq).run();
    if (key) {
      auto sign = db.prepare("UPDATE journal SET key_id = ?, signature = ? WHERE seq = ?");
      sign.bind(1, key->keyId()).bind(2, key->sign(journal::entryMessage(r.seq, r.at, r.hash))).bind(3, r.seq).run();
    }
  }
}

}  // namespace

class SignedJournal : public RegisterFixture {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    path_ = dir_ + "/register.db";
    key_ = journal::generateKey(dir_ + "/journal.key");
    publicPem_ = readFile(key_.publicPath);
    reopen(key_.privatePath, true);
    smallRegister();
    run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01"})");
    run("mandate.correct", R"({"id":"a1","fractie":"Groen","reason":"aanvulling"})");
  }

  void reopen(const std::string& keyFile, bool create = false) {
    session_.reset();
    records::OpenOptions options;
    options.signingKeyFile = keyFile;
    session_ = std::make_unique<ops::Session>(path_, create, options);
  }

  JsonObject verify(const std::string& extra = "") {
    return run("audit.verify", "{" + extra + "}");
  }
  std::string withKey() { return "\"public_key_pem\":" + jsonString(publicPem_); }
  std::string withCheckpoint(const std::string& text) { return "\"checkpoint_text\":" + jsonString(text); }
  std::string both(const std::string& checkpoint) { return withKey() + "," + withCheckpoint(checkpoint); }

  Error verifyFails(const std::string& extra) {
    Error e = fails("audit.verify", "{" + extra + "}");
    EXPECT_EQ(e.errorCode(), ErrorCode::integrity) << e.fullText();
    return e;
  }

  std::string checkpoint() { return run("audit.head", "{}")->getValue<std::string>("checkpoint"); }

  // The forger's own connection to the file.
  std::unique_ptr<store::Database> forger() {
    auto db = std::make_unique<store::Database>(path_, false);
    db->exec("PRAGMA foreign_keys = OFF");
    return db;
  }

  // Removes the newest entry as cleanly as a forger can: the entry, its effect
  // lines, the rows it inserted, and the rec_to it set on the rows it closed.
  void removeLastEntryCleanly() {
    auto db = forger();
    long long last = journalLength();
    std::string at;
    {
      auto st = db->prepare("SELECT at FROM journal WHERE seq = ?");
      st.bind(1, last);
      ASSERT_TRUE(st.step());
      at = st.text(0);
    }
    auto tables = db->prepare("SELECT DISTINCT tbl FROM journal_effect WHERE seq = ?");
    tables.bind(1, last);
    std::vector<std::string> names;
    while (tables.step()) names.push_back(tables.text(0));
    for (const auto& t : names) {
      db->prepare("DELETE FROM " + t + " WHERE jseq = ?").bind(1, last).run();
      db->prepare("UPDATE " + t + " SET rec_to = NULL WHERE rec_to = ?").bind(1, at).run();
    }
    db->prepare("DELETE FROM journal_effect WHERE seq = ?").bind(1, last).run();
    db->prepare("DELETE FROM journal WHERE seq = ?").bind(1, last).run();
  }

  // Appends an entry with correct hashes (no effects) after the newest one.
  long long appendForgedEntry(const std::string& keyId, const std::string& signature) {
    auto db = forger();
    auto head = db->prepare("SELECT seq, hash, at FROM journal ORDER BY seq DESC LIMIT 1");
    EXPECT_TRUE(head.step());
    long long seq = head.integer(0) + 1;
    std::string at = "2099-01-01T00:00:00.000000Z";
    std::string digest = Sha256().hexDigest();  // of no effect lines
    std::string input = "{}";
    std::string hash = journal::entryHash(
        head.text(1), journal::entryCanonical(seq, at, "iemand", "person.create", "", input, 0, digest));
    auto st = db->prepare(
        "INSERT INTO journal (seq, at, actor, operation, reason, input, effect_count, effects_digest, prev_hash, hash, "
        "key_id, signature) VALUES (?, ?, 'iemand', 'person.create', '', ?, 0, ?, ?, ?, ?, ?)");
    st.bind(1, seq).bind(2, at).bind(3, input).bind(4, digest).bind(5, head.text(1)).bind(6, hash);
    if (keyId.empty()) st.bindNull(7).bindNull(8);
    else st.bind(7, keyId).bind(8, signature);
    head.reset();
    st.run();
    return seq;
  }

  journal::GeneratedKey key_;
  std::string publicPem_;
};

TEST_F(SignedJournal, EveryEntryIsSignedAndVerifiesWithThePublicKey) {
  auto plain = verify();
  EXPECT_FALSE(plain->getValue<bool>("signatures_checked"));
  EXPECT_EQ(plain->getValue<long long>("signed_entries"), plain->getValue<long long>("entries"));
  auto out = verify(withKey());
  EXPECT_TRUE(out->getValue<bool>("signatures_checked"));
  EXPECT_EQ(out->getArray("key_ids")->getElement<std::string>(0), key_.keyId);
  // The register stores the key id, never the key.
  auto db = forger();
  auto st = db->prepare("SELECT count(*) FROM journal WHERE key_id = ? AND length(signature) = 128");
  st.bind(1, key_.keyId);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.integer(0), journalLength());
}

TEST_F(SignedJournal, RemovedLastEntryFailsWithACheckpointAndNamesIt) {
  long long last = journalLength();
  std::string cp = checkpoint();
  removeLastEntryCleanly();
  // What the chain alone cannot see (and a key cannot either: every remaining entry is genuine).
  EXPECT_TRUE(verify()->getValue<bool>("ok"));
  EXPECT_TRUE(verify(withKey())->getValue<bool>("ok"));
  Error e = verifyFails(withCheckpoint(cp));
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(last)) << e.fullText();
  EXPECT_NE(e.fullText().find("journaalregel " + std::to_string(last) + " ontbreekt"), std::string::npos)
      << e.fullText();
}

TEST_F(SignedJournal, AppendedEntryWithCorrectHashesFailsWithTheKey) {
  auto db = forger();
  auto st = db->prepare("SELECT key_id, signature FROM journal ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(st.step());
  // A copied key id and signature: the best a forger without the key can do.
  long long forged = appendForgedEntry(st.text(0), st.text(1));
  st.reset();
  EXPECT_TRUE(verify()->getValue<bool>("ok")) << "without the key a copied signature is not checked";
  Error e = verifyFails(withKey());
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(forged)) << e.fullText();
  EXPECT_NE(e.fullText().find("handtekening klopt niet"), std::string::npos) << e.fullText();
}

TEST_F(SignedJournal, AppendedUnsignedEntryFailsEvenWithoutTheKey) {
  long long forged = appendForgedEntry("", "");
  Error e = verifyFails("");
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(forged)) << e.fullText();
  EXPECT_NE(e.fullText().find("niet ondertekend"), std::string::npos) << e.fullText();
}

TEST_F(SignedJournal, ConsistentlyRewrittenChainFailsWithTheKeyAtTheFirstRewrittenEntry) {
  std::string cp = checkpoint();
  {
    auto db = forger();
    db->exec("UPDATE journal SET actor = 'iemand anders' WHERE seq = 3");
    rechain(*db, 3);
  }
  EXPECT_TRUE(verify()->getValue<bool>("ok")) << "the chain alone cannot tell";
  Error e = verifyFails(withKey());
  EXPECT_EQ(e.place().fields.at("journaalregel"), "3") << e.fullText();
  Error c = verifyFails(withCheckpoint(cp));
  EXPECT_EQ(c.place().fields.at("journaalregel"), std::to_string(journalLength())) << c.fullText();
  EXPECT_NE(c.fullText().find("verschilt van het controlepunt"), std::string::npos) << c.fullText();
}

// An insider with the key re-signs a rewritten history: only a checkpoint kept
// outside the register shows it, and both signed versions prove the fork.
TEST_F(SignedJournal, HistoryRewrittenWithTheKeyFailsWithACheckpoint) {
  std::string earlier = checkpoint();
  run("person.create", R"({"id":"p9","name":"Dirk Later","gender":"m","fictitious":true})");
  std::string later = checkpoint();
  auto key = journal::SigningKey::load(key_.privatePath);
  {
    auto db = forger();
    db->exec("UPDATE journal SET reason = 'anders' WHERE seq = 5");
    rechain(*db, 5, key.get());
  }
  EXPECT_TRUE(verify(withKey())->getValue<bool>("ok"));
  Error e = verifyFails(both(earlier + "\n" + later));
  EXPECT_NE(e.fullText().find("verschilt van het controlepunt"), std::string::npos) << e.fullText();
  EXPECT_NE(e.fullText().find("twee verschillende geschiedenissen"), std::string::npos) << e.fullText();
}

TEST_F(SignedJournal, CheckpointsBoundWhereTheHistoryDiffers) {
  std::string first = checkpoint();
  long long firstSeq = journalLength();
  run("person.create", R"({"id":"p8","name":"Eva Later","gender":"v","fictitious":true})");
  run("person.create", R"({"id":"p9","name":"Dirk Later","gender":"m","fictitious":true})");
  std::string second = checkpoint();
  {
    auto db = forger();
    db->prepare("UPDATE journal SET actor = 'x' WHERE seq = ?").bind(1, firstSeq + 2).run();
    rechain(*db, firstSeq + 2);
  }
  Error e = verifyFails(withCheckpoint("# notitie\n" + first + "\n" + second));
  EXPECT_NE(e.fullText().find("tussen " + std::to_string(firstSeq + 1) + " en " + std::to_string(firstSeq + 2)),
            std::string::npos)
      << e.fullText();
}

TEST_F(SignedJournal, ExtendedRegisterStillMatchesItsCheckpoint) {
  std::string cp = checkpoint();
  run("person.create", R"({"id":"p9","name":"Dirk Later","gender":"m","fictitious":true})");
  auto out = verify(both(cp));
  EXPECT_EQ(out->getValue<long long>("checkpoints_matched"), 1);
}

TEST_F(SignedJournal, EditedCheckpointIsNotGenuine) {
  std::string cp = checkpoint();
  auto pos = cp.find("\nat ") + 4;
  cp[pos + 3] = cp[pos + 3] == '1' ? '2' : '1';  // another year
  Error e = verifyFails(both(cp));
  EXPECT_NE(e.fullText().find("niet echt"), std::string::npos) << e.fullText();
}

TEST_F(SignedJournal, AnotherKeyIsNotAccepted) {
  auto other = journal::generateKey(dir_ + "/other.key");
  Error e = verifyFails("\"public_key\":" + jsonString(other.publicPath));
  EXPECT_EQ(e.place().fields.at("journaalregel"), "1");
  EXPECT_NE(e.fullText().find(key_.keyId), std::string::npos) << e.fullText();
  // Both keys (a rotation): accepted.
  std::string bothKeys = readFile(other.publicPath) + publicPem_;
  EXPECT_TRUE(verify("\"public_key_pem\":" + jsonString(bothKeys))->getValue<bool>("ok"));
}

TEST_F(SignedJournal, WritingWithoutTheKeyIsRefused) {
  reopen("");
  std::string before = state();
  Error e = fails("person.create", R"({"id":"p9","name":"Dirk Later","gender":"m","fictitious":true})");
  EXPECT_EQ(e.errorCode(), ErrorCode::denied) << e.fullText();
  EXPECT_NE(e.fullText().find(key_.keyId), std::string::npos) << e.fullText();
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(verify(withKey())->getValue<bool>("ok")) << "reading needs no key";
}

TEST_F(SignedJournal, PrivateKeyReadableByOthersIsRefused) {
  ASSERT_EQ(::chmod(key_.privatePath.c_str(), 0644), 0);
  session_.reset();
  records::OpenOptions options;
  options.signingKeyFile = key_.privatePath;
  try {
    ops::Session s(path_, false, options);
    ADD_FAILURE() << "a world-readable key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::denied) << e.fullText();
    EXPECT_EQ(e.place().fields.at("file"), key_.privatePath);
    EXPECT_NE(e.fullText().find("0644"), std::string::npos) << e.fullText();
  }
  ASSERT_EQ(::chmod(key_.privatePath.c_str(), 0640), 0);
  reopen(key_.privatePath);  // group-readable for the service's group: fine
}

TEST_F(SignedJournal, PublicKeyGivenAsPrivateKeyIsNamed) {
  Error e = fails("audit.verify", "{\"public_key\":" + jsonString(key_.privatePath) + "}");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.fullText().find("privésleutel"), std::string::npos) << e.fullText();
}

TEST(SigningKeys, GenerationIsExclusiveWithPrivateMode) {
  std::string dir = Poco::TemporaryFile::tempName();
  Poco::File(dir).createDirectories();
  auto key = journal::generateKey(dir + "/k");
  struct stat st {};
  ASSERT_EQ(::stat(key.privatePath.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(key.publicPath, dir + "/k.pub");
  std::string before = readFile(key.privatePath);
  try {
    journal::generateKey(dir + "/k");
    ADD_FAILURE() << "an existing key was overwritten";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  }
  EXPECT_EQ(readFile(key.privatePath), before);
  // A symlink planted at the name is not followed.
  ASSERT_EQ(::symlink((dir + "/elders").c_str(), (dir + "/s").c_str()), 0);
  EXPECT_THROW(journal::generateKey(dir + "/s"), Error);
  EXPECT_FALSE(Poco::File(dir + "/elders").exists());
  // The public key planted beforehand: nothing is left behind.
  Poco::FileOutputStream(dir + "/p.pub") << "x";
  EXPECT_THROW(journal::generateKey(dir + "/p"), Error);
  EXPECT_FALSE(Poco::File(dir + "/p").exists());
  Poco::File(dir).remove(true);
}

TEST(SigningKeys, SignaturesVerifyOnlyForTheirMessageAndKey) {
  std::string dir = Poco::TemporaryFile::tempName();
  Poco::File(dir).createDirectories();
  auto gen = journal::generateKey(dir + "/k");
  auto key = journal::SigningKey::load(gen.privatePath);
  auto pub = journal::PublicKey::parsePem(readFile(gen.publicPath), Place());
  ASSERT_EQ(pub.size(), 1u);
  EXPECT_EQ(pub[0].keyId(), key->keyId());
  std::string sig = key->sign("bericht");
  EXPECT_EQ(sig.size(), 128u);
  EXPECT_TRUE(pub[0].verify("bericht", sig));
  EXPECT_FALSE(pub[0].verify("bericht!", sig));
  EXPECT_FALSE(pub[0].verify("bericht", sig.substr(0, 126) + (sig[126] == '0' ? "11" : "00")));
  EXPECT_FALSE(pub[0].verify("bericht", "zz"));
  Poco::File(dir).remove(true);
}

TEST(Checkpoints, BadTextNamesTheLine) {
  std::string good =
      "igsgov-checkpoint v1\nseq 4\nat 2026-01-01T00:00:00.000000Z\nhash " + std::string(64, 'a') +
      "\nkey -\nsignature -\n";
  EXPECT_EQ(journal::parseCheckpoints("# notitie\n\n" + good + "\n" + good, Place()).size(), 2u);
  auto line = [&](const std::string& text) {
    try {
      journal::parseCheckpoints(text, Place().set("file", "cp.txt"));
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
      EXPECT_EQ(e.place().fields.at("file"), "cp.txt");
      return e.place().fields.at("line");
    }
    ADD_FAILURE() << "accepted: " << text;
    return std::string();
  };
  EXPECT_EQ(line("iets anders\n"), "1");
  EXPECT_EQ(line(good.substr(0, good.find("seq 4")) + "seq vier\n"), "2");
  EXPECT_EQ(line(good.substr(0, good.find("\nkey")) + "\n"), "5");  // ends before 'key'
  EXPECT_EQ(line(std::string(good).replace(good.find("hash ") + 5, 1, "G")), "4");
  EXPECT_EQ(line(std::string(good).replace(good.find("key -"), 5, "key " + std::string(32, 'b'))), "6");
  EXPECT_THROW(journal::parseCheckpoints("# alleen een notitie\n", Place()), Error);
}

// A register written without a key keeps verifying when it gets one: its
// older entries form an unsigned prefix, anchored by the first signed entry.
class LaterSignedJournal : public RegisterFixture {};

TEST_F(LaterSignedJournal, UnsignedPrefixThenSignedEntriesVerify) {
  smallRegister();
  long long unsignedEntries = journalLength();
  std::string pem;
  {
    auto gen = journal::generateKey(dir_ + "/journal.key");
    pem = readFile(gen.publicPath);
    session_.reset();
    records::OpenOptions options;
    options.signingKeyFile = gen.privatePath;
    session_ = std::make_unique<ops::Session>(path_, false, options);
  }
  Error none = fails("audit.verify", "{\"public_key_pem\":" + jsonString(pem) + "}");
  EXPECT_NE(none.fullText().find("geen enkele journaalregel is ondertekend"), std::string::npos) << none.fullText();
  run("person.create", R"({"id":"p9","name":"Dirk Later","gender":"m","fictitious":true})");
  auto out = run("audit.verify", "{\"public_key_pem\":" + jsonString(pem) + "}");
  EXPECT_EQ(out->getValue<long long>("signed_entries"), 1);
  EXPECT_EQ(out->getValue<long long>("entries"), unsignedEntries + 1);
  // Rewriting the unsigned prefix breaks the first signed entry's signature.
  {
    store::Database db(path_, false);
    db.exec("UPDATE journal SET actor = 'iemand' WHERE seq = 2");
    rechain(db, 2);
  }
  Error e = fails("audit.verify", "{\"public_key_pem\":" + jsonString(pem) + "}");
  EXPECT_EQ(e.place().fields.at("journaalregel"), std::to_string(unsignedEntries + 1)) << e.fullText();
}

// A register from before migration 0010 (no signature columns) is migrated on
// open and verifies unchanged: no row is re-hashed.
TEST_F(LaterSignedJournal, RegisterFromBeforeSignaturesVerifiesAfterMigration) {
  smallRegister();
  std::string headBefore = run("audit.verify", "{}")->getValue<std::string>("head_hash");
  session_.reset();
  {
    store::Database db(path_, false);
    // Undo 0010 and what later migrations added (0011: accounts, 0012: founding
    // check-offs, its nullable legal_form re-applied harmlessly; 0013: calendar
    // feeds; 0014: reminders), so the file is what a register from before 0010 was.
    db.exec("ALTER TABLE journal DROP COLUMN signature; ALTER TABLE journal DROP COLUMN key_id; "
            "DROP TABLE access_grant; DROP TABLE account_password; DROP TABLE account; "
            "DROP TABLE founding_checkoff; DROP TABLE founding_checkoff_key; "
            "DROP TABLE calendar_feed; DROP TABLE reminder_setting; DROP TABLE reminder_sent; "
            "PRAGMA user_version = 9");
  }
  session_ = std::make_unique<ops::Session>(path_, false);
  EXPECT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  auto entries = run("audit.journal", R"({"limit": 100000})")->getArray("entries");
  auto entry = [&](std::size_t fromEnd) { return entries->getObject(static_cast<unsigned>(entries->size() - fromEnd)); };
  EXPECT_EQ(entry(1)->getValue<std::string>("operation"), "store.migrate");
  // The head before the migration is still where it was: the register extends it.
  std::string checkpointBefore = "igsgov-checkpoint v1\nseq " + std::to_string(entry(2)->getValue<long long>("seq")) +
                                 "\nat " + entry(2)->getValue<std::string>("at") + "\nhash " + headBefore +
                                 "\nkey -\nsignature -\n";
  EXPECT_EQ(run("audit.verify", "{\"checkpoint_text\":" + jsonString(checkpointBefore) + "}")
                ->getValue<long long>("checkpoints_matched"),
            1);
}

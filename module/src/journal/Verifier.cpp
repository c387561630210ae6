#include "journal/Verifier.hpp"

#include "core/Sha256.hpp"
#include "journal/Journal.hpp"
#include "journal/RowDigest.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace igsgov::journal {

const std::vector<std::string>& journaledTables() {
  static const std::vector<std::string> tables = {
      "ref_gemeente", "ref_population", "cooperation_key", "member_key", "body_key", "seat_key",
      "person_key",   "cooperation",     "member",     "body",     "seat",
      "person",       "mandate",
      "gov_blob", "gov_document_key", "gov_version_key", "gov_approval_key", "gov_rule_key",  // 0002 governance
      "gov_document", "gov_version", "gov_approval", "gov_rule",
      "fin_plan_key", "fin_key_key", "fin_schedule_key", "fin_plan", "fin_key", "fin_schedule",  // 0003 finance
      "rule_ack_key", "rule_ack", "rule_override_key", "rule_override",
      "api_token",  // 0005 tokens
      "sync_state", "sync_run", "sync_target", "sparql_proposal", "sync_intent", "sync_mtime",  // 0007-0009 sync
      "doc_generated",  // 0006 documents
      "account", "account_password", "access_grant",  // 0011 accounts
      "founding_checkoff_key", "founding_checkoff",  // 0012 founding
      "calendar_feed", "reminder_setting", "reminder_sent"};  // 0013 calendar feeds, 0014 reminders
  return tables;
}

namespace {

struct Range {
  long long seq, first, last;
  std::string digests;
  long long expect;  // next row id of this range not yet seen
};

bool tableExists(store::Database& db, const std::string& table) { return db.tableExists(table); }

std::string rowName(const std::string& table, long long rowId) {
  return "tabel " + table + ", rij " + std::to_string(rowId);
}

std::string entryName(long long seq) { return "journaalregel " + std::to_string(seq); }

std::string shortHash(const std::string& hash) { return hash.substr(0, 16) + "…"; }

// The checks of one verify() call and what they found.
class Run {
public:
  Run(store::Database& db, const VerifyOptions& options) : db_(db), options_(options) {}

  VerifyReport run() {
    checkCheckpointSignatures();
    checkSchemaObjects();
    checkChain();
    checkOrphanEffects();
    checkCheckpointsBeyondHead();
    checkHeadSigned();
    std::size_t journalProblems = report_.problems.size();
    checkTables();
    // An entry found missing through its rows is the cause of their problems: report it first.
    std::vector<VerifyProblem> missing;
    for (auto& [seq, p] : missingEntries_) missing.push_back(std::move(p));
    report_.problems.insert(report_.problems.begin() + static_cast<std::ptrdiff_t>(journalProblems), missing.begin(),
                            missing.end());
    checkForeignKeys();
    if (report_.problems.size() > options_.maxProblems) report_.problems.resize(options_.maxProblems);
    report_.signaturesChecked = !options_.keys.empty() && report_.ok;
    return std::move(report_);
  }

private:
  void add(VerifyProblem p) {
    report_.ok = false;
    if (report_.problems.size() < options_.maxProblems) report_.problems.push_back(std::move(p));
  }

  const PublicKey* key(const std::string& id) const {
    for (const auto& k : options_.keys)
      if (k.keyId() == id) return &k;
    return nullptr;
  }

  bool present(long long seq) const { return std::binary_search(seqs_.begin(), seqs_.end(), seq); }

  // A checkpoint the caller holds must be genuine before it may prove anything.
  void checkCheckpointSignatures() {
    if (options_.keys.empty()) return;
    for (const auto& c : options_.checkpoints) {
      if (c.signature.empty()) continue;
      const PublicKey* k = key(c.keyId);
      if (!k)
        add({"checkpoint", c.seq, "", 0, "",
             "het controlepunt voor " + entryName(c.seq) + " is ondertekend met sleutel " + c.keyId +
                 ", die niet bij de opgegeven publieke sleutels zit"});
      else if (!k->verify(entryMessage(c.seq, c.at, c.hash), c.signature))
        add({"checkpoint", c.seq, "", 0, "",
             "het controlepunt voor " + entryName(c.seq) +
                 " is niet echt: zijn handtekening klopt niet (het controlepunt werd gewijzigd)"});
    }
  }

  // The migrations create no trigger and no view: one in the file was put
  // there by someone else, and could change later writes or what reads see.
  void checkSchemaObjects() {
    for (const auto& o : db_.foreignSchemaObjects()) {
      std::string what = o.type == "trigger" ? "trigger '" + o.name + "' op tabel " + o.table
                         : o.type == "rule"  ? "regel (rule) '" + o.name + "' op tabel " + o.table
                                             : "view '" + o.name + "'";
      add({"schema", 0, o.table, 0, "",
           what + ": niet door het register gemaakt (buiten het register toegevoegd; zo'n object kan latere wijzigingen "
               "of wat het register leest ongemerkt veranderen)"});
    }
  }

  // Integer columns must hold integers, text columns text (or NULL where allowed).
  void checkJournalStorage(const store::Statement& st, long long seq, const std::vector<int>& integerColumns) {
    for (int i = 0; i < st.columnCount(); ++i) {
      bool integer = std::find(integerColumns.begin(), integerColumns.end(), i) != integerColumns.end();
      auto c = st.storageClass(i);
      bool ok = integer ? c == store::StorageClass::integer
                        : c == store::StorageClass::text || c == store::StorageClass::null;
      if (!ok)
        add({"journal_entry", seq, "", 0, st.columnName(i),
             entryName(seq) + ", kolom " + st.columnName(i) + ": opgeslagen als " + store::storageClassName(c) +
                 ", wat het register nooit schrijft (buiten het register gewijzigd)"});
    }
  }

  // 1. The chain, entry by entry, with the digest of its effect lines, the
  // entries' signatures and the checkpoints that fall inside it.
  void checkChain() {
    std::multimap<long long, const Checkpoint*> checkpoints;
    for (const auto& c : options_.checkpoints) checkpoints.emplace(c.seq, &c);
    auto entries = db_.prepare(
        "SELECT seq, at, actor, operation, reason, input, effect_count, effects_digest, prev_hash, hash, key_id, "
        "signature FROM journal ORDER BY seq");
    auto effectRows = db_.prepare(
        "SELECT tbl, first_row, last_row, action, digests, seq, n FROM journal_effect WHERE seq = ? ORDER BY n");
    std::string prev = kGenesisHash;
    long long expectSeq = 1;
    bool chainBroken = false;
    long long firstSigned = 0;
    while (entries.step()) {
      long long seq = entries.integer(0);
      seqs_.push_back(seq);
      ++report_.entries;
      if (chainBroken) continue;
      checkJournalStorage(entries, seq, {0, 6});
      std::string storedPrev = entries.text(8), storedHash = entries.text(9);
      if (seq != expectSeq) {
        add({"journal_entry", expectSeq, "", 0, "",
             entryName(expectSeq) + " ontbreekt (volgende gevonden: " + std::to_string(seq) + ")"});
        chainBroken = true;
        continue;
      }
      if (storedPrev != prev) {
        add({"journal_entry", seq, "", 0, "",
             entryName(seq) + ": de vorige hash klopt niet (regel verwijderd of gewijzigd)"});
        chainBroken = true;
        continue;
      }
      Sha256 effectsHash;
      long long rows = 0;
      effectRows.bind(1, seq);
      while (effectRows.step()) {
        checkJournalStorage(effectRows, seq, {1, 2, 5, 6});
        Effect e{effectRows.text(0), effectRows.integer(1), effectRows.integer(2), effectRows.text(3),
                 effectRows.text(4)};
        effectsHash.update(effectLine(e));
        rows += e.last - e.first + 1;
      }
      effectRows.reset();
      std::string effectsDigest = effectsHash.hexDigest();
      std::string at = entries.text(1);
      std::string canonical = entryCanonical(seq, at, entries.text(2), entries.text(3), entries.text(4),
                                             entries.text(5), entries.integer(6), entries.text(7));
      if (rows != entries.integer(6) || effectsDigest != entries.text(7)) {
        add({"effects", seq, "", 0, "",
             entryName(seq) + " (" + entries.text(3) + "): de lijst van wijzigingen werd aangepast"});
      } else if (entryHash(prev, canonical) != storedHash) {
        add({"journal_entry", seq, "", 0, "",
             entryName(seq) + " (" + entries.text(3) + ") werd gewijzigd: de hash klopt niet"});
        chainBroken = true;
        continue;
      }
      checkSignature(seq, at, storedHash, entries.optText(10).value_or(""), entries.optText(11).value_or(""),
                     firstSigned);
      for (auto [c, end] = checkpoints.equal_range(seq); c != end; ++c) checkCheckpoint(*c->second, at, storedHash,
                                                                                         entries.optText(11));
      prev = storedHash;
      report_.headSeq = seq;
      report_.headHash = storedHash;
      report_.headAt = at;
      ++expectSeq;
    }
    chainIntact_ = !chainBroken;
  }

  void checkSignature(long long seq, const std::string& at, const std::string& hash, const std::string& keyId,
                      const std::string& signature, long long& firstSigned) {
    bool isSigned = !signature.empty() || !keyId.empty();
    if (!isSigned) {
      if (firstSigned)
        add({"signature", seq, "", 0, "",
             entryName(seq) + " is niet ondertekend, terwijl " + entryName(firstSigned) +
                 " en later dat wel zijn (buiten het register toegevoegd of gewijzigd?)"});
      return;
    }
    if (!firstSigned) firstSigned = seq;
    ++report_.signedEntries;
    if (std::find(report_.keyIds.begin(), report_.keyIds.end(), keyId) == report_.keyIds.end())
      report_.keyIds.push_back(keyId);
    if (options_.keys.empty()) return;
    const PublicKey* k = key(keyId);
    if (!k)
      add({"signature", seq, "", 0, "",
           entryName(seq) + " is ondertekend met sleutel '" + keyId + "', die niet bij de opgegeven publieke " +
               "sleutels zit"});
    else if (!k->verify(entryMessage(seq, at, hash), signature))
      add({"signature", seq, "", 0, "",
           entryName(seq) + ": de handtekening klopt niet (de regel of de geschiedenis ervoor werd buiten het " +
               "register gewijzigd, of de regel werd toegevoegd zonder de sleutel)"});
  }

  void checkCheckpoint(const Checkpoint& c, const std::string& at, const std::string& hash,
                       const std::optional<std::string>& signature) {
    if (c.hash != hash) {
      std::string after = lastMatched_ ? "; het vorige controlepunt, bij " + entryName(lastMatched_) +
                                             ", klopt nog: de geschiedenis verschilt vanaf een regel tussen " +
                                             std::to_string(lastMatched_ + 1) + " en " + std::to_string(c.seq)
                                       : "";
      std::string fork;
      if (!options_.keys.empty() && signature && !c.signature.empty()) {
        const PublicKey* k = key(c.keyId);
        if (k && k->verify(entryMessage(c.seq, at, hash), *signature))
          fork = ". Beide versies zijn geldig ondertekend met sleutel " + c.keyId +
                 ": de sleutelhouder ondertekende twee verschillende geschiedenissen";
      }
      add({"checkpoint", c.seq, "", 0, "",
           entryName(c.seq) + " verschilt van het controlepunt van " + c.at + " (hash " + shortHash(hash) +
               " in het register, " + shortHash(c.hash) + " in het controlepunt): het register zet dat " +
               "controlepunt niet voort (geschiedenis herschreven of afgesplitst)" + after + fork});
      return;
    }
    if (c.at != at) {
      add({"checkpoint", c.seq, "", 0, "",
           "het controlepunt voor " + entryName(c.seq) + " noemt tijdstip " + c.at + ", de regel heeft " + at +
               ": het controlepunt werd gewijzigd"});
      return;
    }
    ++report_.checkpointsMatched;
    lastMatched_ = std::max(lastMatched_, c.seq);
  }

  // An entry deleted while its effect lines stay (the newest one: a gap in the
  // middle already broke the chain and was reported there).
  void checkOrphanEffects() {
    if (!chainIntact_) return;
    auto st = db_.prepare(
        "SELECT seq, count(*) FROM journal_effect WHERE seq NOT IN (SELECT seq FROM journal) "
        "GROUP BY seq ORDER BY seq");
    while (st.step()) {
      long long seq = st.integer(0);
      reportedMissing_.insert(seq);
      add({"journal_entry", seq, "", 0, "",
           entryName(seq) + " ontbreekt: het journaal eindigt bij regel " + std::to_string(report_.headSeq) +
               ", maar " + std::to_string(st.integer(1)) + " wijzigingsregel(s) van " + entryName(seq) +
               " staan nog in het register (de journaalregel werd verwijderd)"});
    }
  }

  // Entries removed from the end (or the register set back): the head is older than a checkpoint.
  void checkCheckpointsBeyondHead() {
    if (!chainIntact_) return;
    const Checkpoint* furthest = nullptr;
    for (const auto& c : options_.checkpoints)
      if (c.seq > report_.headSeq && (!furthest || c.seq > furthest->seq)) furthest = &c;
    if (!furthest) return;
    long long first = report_.headSeq + 1;
    add({"journal_entry", first, "", 0, "",
         entryName(first) + " ontbreekt: het journaal eindigt bij regel " + std::to_string(report_.headSeq) +
             ", maar het controlepunt van " + furthest->at + " noemt " + entryName(furthest->seq) +
             (first < furthest->seq ? " (regels " + std::to_string(first) + " tot " + std::to_string(furthest->seq) +
                                          " verwijderd, of het register teruggezet)"
                                    : " (verwijderd, of het register teruggezet)")});
  }

  void checkHeadSigned() {
    if (options_.keys.empty() || !chainIntact_ || report_.headSeq == 0) return;
    if (report_.signedEntries == 0)
      add({"signature", report_.headSeq, "", 0, "",
           "geen enkele journaalregel is ondertekend, dus geen enkele is te controleren met de publieke sleutel "
           "(het register kreeg nooit een sleutel, of de handtekeningen werden verwijderd)"});
  }

  // 2. Every journaled table, merged in row order with its effect ranges.
  void checkTables() {
    std::vector<std::string> tables = journaledTables();
    {
      // Effects may name tables this build does not list (e.g. a dropped table).
      auto st = db_.prepare("SELECT DISTINCT tbl FROM journal_effect");
      while (st.step())
        if (std::find(tables.begin(), tables.end(), st.text(0)) == tables.end()) tables.push_back(st.text(0));
    }
    for (const auto& table : tables) checkTable(table);
  }

  void checkTable(const std::string& table) {
    std::vector<Range> ranges;
    std::unordered_map<long long, std::pair<long long, std::string>> closes;
    auto eff = db_.prepare(
        "SELECT seq, first_row, last_row, action, digests FROM journal_effect WHERE tbl = ? ORDER BY first_row, seq");
    eff.bind(1, table);
    while (eff.step()) {
      if (eff.text(3) == "insert")
        ranges.push_back({eff.integer(0), eff.integer(1), eff.integer(2), eff.text(4), eff.integer(1)});
      else
        closes[eff.integer(1)] = {eff.integer(0), eff.text(4)};
    }
    auto missing = [&](const Range& r, long long from, long long to) {
      for (long long id = from; id <= to; ++id)
        add({"row_missing", r.seq, table, id, "",
             rowName(table, id) + " ontbreekt (verwijderd buiten het register; geschreven in " + entryName(r.seq) +
                 ")"});
    };
    if (!tableExists(db_, table)) {
      for (const auto& r : ranges) missing(r, r.first, r.last);
      return;
    }
    auto rows = db_.prepare("SELECT * FROM " + table + " ORDER BY row_id");
    int recToIndex = -1, jseqIndex = -1;
    for (int i = 0; i < rows.columnCount(); ++i) {
      if (rows.columnName(i) == "rec_to") recToIndex = i;
      if (rows.columnName(i) == "jseq") jseqIndex = i;
    }
    std::size_t ri = 0;
    while (rows.step()) {
      ++report_.rows;
      long long rowId = rows.integer(0);
      while (ri < ranges.size() && ranges[ri].last < rowId) {
        missing(ranges[ri], ranges[ri].expect, ranges[ri].last);
        ++ri;
      }
      if (ri == ranges.size() || ranges[ri].first > rowId) {
        unexplained(rows, table, rowId, jseqIndex);
        continue;
      }
      Range& r = ranges[ri];
      if (rowId > r.expect) missing(r, r.expect, rowId - 1);
      r.expect = rowId + 1;
      if (int col = foreignStorageColumn(rows); col >= 0) {
        add({"row_changed", r.seq, table, rowId, rows.columnName(col),
             rowName(table, rowId) + ", kolom " + rows.columnName(col) + ": opgeslagen als " +
                 store::storageClassName(rows.storageClass(col)) +
                 " in plaats van als tekst of geheel getal, wat het register nooit schrijft (buiten het register " +
                 "gewijzigd; " + entryName(r.seq) + " schreef de rij)"});
        continue;
      }
      std::string expected = r.digests.substr(static_cast<std::size_t>(rowId - r.first) * 64, 64);
      if (insertDigest(table, readColumns(rows)) != expected) {
        add({"row_changed", r.seq, table, rowId, "",
             rowName(table, rowId) + " komt niet meer overeen met " + entryName(r.seq) +
                 " (buiten het register gewijzigd)"});
        continue;
      }
      if (recToIndex >= 0) {
        auto recTo = rows.optText(recToIndex);
        auto c = closes.find(rowId);
        bool closedInJournal = c != closes.end();
        if (recTo.has_value() != closedInJournal || (recTo && closeDigest(table, rowId, *recTo) != c->second.second)) {
          add({"rec_to_changed", closedInJournal ? c->second.first : r.seq, table, rowId, "rec_to",
               rowName(table, rowId) + ": de registratietijd (rec_to) werd buiten het register gewijzigd"});
        }
      }
    }
    for (; ri < ranges.size(); ++ri) missing(ranges[ri], ranges[ri].expect, ranges[ri].last);
  }

  // A row no effect line explains. When it names (jseq) an entry the journal
  // lacks, that entry was removed: report it by number, once.
  void unexplained(const store::Statement& rows, const std::string& table, long long rowId, int jseqIndex) {
    long long jseq = jseqIndex >= 0 && rows.storageClass(jseqIndex) == store::StorageClass::integer
                         ? rows.integer(jseqIndex)
                         : 0;
    bool entryMissing = jseq > 0 && !present(jseq);
    if (entryMissing && !reportedMissing_.count(jseq) && !missingEntries_.count(jseq)) {
      report_.ok = false;
      missingEntries_[jseq] = {"journal_entry", jseq, table, rowId, "",
                               entryName(jseq) + " ontbreekt: " + rowName(table, rowId) +
                                   " werd erdoor geschreven (jseq), maar het journaal kent die regel niet " +
                                   "(verwijderd, met haar wijzigingsregels)"};
    }
    add({"row_unexplained", entryMissing ? jseq : 0, table, rowId, "",
         rowName(table, rowId) + ": niet door het register geschreven (geen journaalregel" +
             (entryMissing ? "; de rij noemt " + entryName(jseq) + ", die ontbreekt)" : ")")});
  }

  // Foreign keys too: the sqlite3 shell does not enforce them by default, and
  // PostgreSQL's can be switched off (DISABLE TRIGGER ALL).
  void checkForeignKeys() {
    auto problems = db_.foreignKeyProblems();
    if (!problems.empty()) {
      const auto& fk = problems.front();
      add({"row_changed", 0, fk.table, fk.rowId, "", rowName(fk.table, fk.rowId) + " verwijst naar een ontbrekende " + fk.parent});
    }
  }

  store::Database& db_;
  const VerifyOptions& options_;
  VerifyReport report_;
  std::vector<long long> seqs_;  // every seq in the journal, ascending
  bool chainIntact_ = true;
  long long lastMatched_ = 0;  // the newest checkpoint the register extends
  std::set<long long> reportedMissing_;
  std::map<long long, VerifyProblem> missingEntries_;
};

}  // namespace

VerifyReport verify(store::Database& db, const VerifyOptions& options) {
  // One snapshot for the whole check: the caller's read transaction, or our own.
  std::optional<store::ReadTransaction> snapshot;
  if (!db.inTransaction()) snapshot.emplace(db);
  return Run(db, options).run();
}

}  // namespace igsgov::journal

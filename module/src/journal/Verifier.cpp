#include "journal/Verifier.hpp"

#include "core/Sha256.hpp"
#include "journal/Journal.hpp"
#include "journal/RowDigest.hpp"

#include <unordered_map>

namespace igsgov::journal {

const std::vector<std::string>& journaledTables() {
  static const std::vector<std::string> tables = {
      "ref_gemeente", "ref_population", "cooperation_key", "member_key", "body_key", "seat_key",
      "person_key",   "mandate_key",    "cooperation",     "member",     "body",     "seat",
      "person",       "mandate",
      "rule_ack_key", "rule_ack", "rule_override_key", "rule_override"};
  return tables;
}

namespace {
struct RowEffects {
  std::string insertDigest;
  long long insertSeq = 0;
  std::string closeDigest;
  long long closeSeq = 0;
  bool seen = false;
};

std::string key(const std::string& table, long long rowId) { return table + "#" + std::to_string(rowId); }
}  // namespace

VerifyReport verify(store::Database& db, std::size_t maxProblems) {
  VerifyReport report;
  auto add = [&](VerifyProblem p) {
    report.ok = false;
    if (report.problems.size() < maxProblems) report.problems.push_back(std::move(p));
  };
  db.exec("BEGIN");
  struct Rollback {
    store::Database& db;
    ~Rollback() { db.rollback(); }
  } guard{db};

  // 1. The chain, entry by entry, with its effects.
  std::unordered_map<std::string, RowEffects> effects;
  auto entries = db.prepare(
      "SELECT seq, at, actor, operation, reason, input, effect_count, effects_digest, prev_hash, hash "
      "FROM journal ORDER BY seq");
  auto effectRows = db.prepare("SELECT n, tbl, row_id, action, digest FROM journal_effect WHERE seq = ? ORDER BY n");
  std::string prev = kGenesisHash;
  long long expectSeq = 1;
  bool chainBroken = false;
  while (entries.step()) {
    long long seq = entries.integer(0);
    ++report.entries;
    if (chainBroken) continue;
    std::string storedPrev = entries.text(8), storedHash = entries.text(9);
    if (seq != expectSeq) {
      add({"journal_entry", expectSeq, "", 0,
           "journaalregel " + std::to_string(expectSeq) + " ontbreekt (volgende gevonden: " + std::to_string(seq) + ")"});
      chainBroken = true;
      continue;
    }
    if (storedPrev != prev) {
      add({"journal_entry", seq, "", 0,
           "journaalregel " + std::to_string(seq) + ": de vorige hash klopt niet (regel verwijderd of gewijzigd)"});
      chainBroken = true;
      continue;
    }
    Sha256 effectsHash;
    long long count = 0;
    effectRows.bind(1, seq);
    while (effectRows.step()) {
      Effect e{effectRows.text(1), effectRows.integer(2), effectRows.text(3), effectRows.text(4)};
      effectsHash.update(effectLine(e));
      ++count;
      auto& re = effects[key(e.table, e.rowId)];
      if (e.action == "insert") {
        re.insertDigest = e.digest;
        re.insertSeq = seq;
      } else {
        re.closeDigest = e.digest;
        re.closeSeq = seq;
      }
    }
    effectRows.reset();
    std::string effectsDigest = effectsHash.hexDigest();
    std::string canonical = entryCanonical(seq, entries.text(1), entries.text(2), entries.text(3), entries.text(4),
                                           entries.text(5), entries.integer(6), entries.text(7));
    std::string hash = entryHash(prev, canonical);
    if (count != entries.integer(6) || effectsDigest != entries.text(7)) {
      add({"effects", seq, "", 0,
           "journaalregel " + std::to_string(seq) + " (" + entries.text(3) + "): de lijst van wijzigingen werd aangepast"});
    } else if (hash != storedHash) {
      add({"journal_entry", seq, "", 0,
           "journaalregel " + std::to_string(seq) + " (" + entries.text(3) + ") werd gewijzigd: de hash klopt niet"});
      chainBroken = true;
      continue;
    }
    prev = storedHash;
    report.headHash = storedHash;
    ++expectSeq;
  }

  // 2. Every row of every journaled table against its effects.
  for (const auto& table : journaledTables()) {
    auto rows = db.prepare("SELECT * FROM " + table + " ORDER BY row_id");
    int recToIndex = -1;
    for (int i = 0; i < rows.columnCount(); ++i)
      if (rows.columnName(i) == "rec_to") recToIndex = i;
    while (rows.step()) {
      ++report.rows;
      Columns cols = readColumns(rows);
      long long rowId = rows.integer(0);
      auto it = effects.find(key(table, rowId));
      if (it == effects.end() || it->second.insertDigest.empty()) {
        add({"row_unexplained", 0, table, rowId,
             "tabel " + table + ", rij " + std::to_string(rowId) + ": niet door het register geschreven (geen journaalregel)"});
        continue;
      }
      auto& re = it->second;
      re.seen = true;
      if (insertDigest(table, cols) != re.insertDigest) {
        add({"row_changed", re.insertSeq, table, rowId,
             "tabel " + table + ", rij " + std::to_string(rowId) + " komt niet meer overeen met journaalregel " +
                 std::to_string(re.insertSeq) + " (buiten het register gewijzigd)"});
        continue;
      }
      if (recToIndex >= 0) {
        auto recTo = rows.optText(recToIndex);
        bool closedInJournal = !re.closeDigest.empty();
        if (recTo.has_value() != closedInJournal ||
            (recTo && closeDigest(table, rowId, *recTo) != re.closeDigest)) {
          add({"rec_to_changed", closedInJournal ? re.closeSeq : re.insertSeq, table, rowId,
               "tabel " + table + ", rij " + std::to_string(rowId) +
                   ": de registratietijd (rec_to) werd buiten het register gewijzigd"});
        }
      }
    }
  }
  for (const auto& [k, re] : effects) {
    if (!re.seen && !re.insertDigest.empty()) {
      auto hash = k.find('#');
      add({"row_missing", re.insertSeq, k.substr(0, hash), std::stoll(k.substr(hash + 1)),
           "tabel " + k.substr(0, hash) + ", rij " + k.substr(hash + 1) + " ontbreekt (verwijderd buiten het register; geschreven in journaalregel " +
               std::to_string(re.insertSeq) + ")"});
    }
  }
  // Foreign keys too: the sqlite3 shell does not enforce them by default.
  auto fk = db.prepare("PRAGMA foreign_key_check");
  if (fk.step())
    add({"row_changed", 0, fk.text(0), fk.integer(1),
         "tabel " + fk.text(0) + ", rij " + std::to_string(fk.integer(1)) + " verwijst naar een ontbrekende " + fk.text(2)});
  return report;
}

}  // namespace igsgov::journal

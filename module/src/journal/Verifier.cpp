#include "journal/Verifier.hpp"

#include "core/Sha256.hpp"
#include "journal/Journal.hpp"
#include "journal/RowDigest.hpp"

#include <algorithm>
#include <optional>
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
      "doc_generated"};  // 0006 documents
  return tables;
}

namespace {

struct Range {
  long long seq, first, last;
  std::string digests;
  long long expect;  // next row id of this range not yet seen
};

bool tableExists(store::Database& db, const std::string& table) {
  auto& st = db.cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  st.bind(1, table);
  return st.step();
}

std::string rowName(const std::string& table, long long rowId) {
  return "tabel " + table + ", rij " + std::to_string(rowId);
}

}  // namespace

VerifyReport verify(store::Database& db, std::size_t maxProblems) {
  VerifyReport report;
  auto add = [&](VerifyProblem p) {
    report.ok = false;
    if (report.problems.size() < maxProblems) report.problems.push_back(std::move(p));
  };
  // One snapshot for the whole check: the caller's read transaction, or our own.
  std::optional<store::ReadTransaction> snapshot;
  if (!db.inTransaction()) snapshot.emplace(db);

  // 1. The chain, entry by entry, with the digest of its effect lines.
  auto entries = db.prepare(
      "SELECT seq, at, actor, operation, reason, input, effect_count, effects_digest, prev_hash, hash "
      "FROM journal ORDER BY seq");
  auto effectRows =
      db.prepare("SELECT tbl, first_row, last_row, action, digests FROM journal_effect WHERE seq = ? ORDER BY n");
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
    long long rows = 0;
    effectRows.bind(1, seq);
    while (effectRows.step()) {
      Effect e{effectRows.text(0), effectRows.integer(1), effectRows.integer(2), effectRows.text(3), effectRows.text(4)};
      effectsHash.update(effectLine(e));
      rows += e.last - e.first + 1;
    }
    effectRows.reset();
    std::string effectsDigest = effectsHash.hexDigest();
    std::string canonical = entryCanonical(seq, entries.text(1), entries.text(2), entries.text(3), entries.text(4),
                                           entries.text(5), entries.integer(6), entries.text(7));
    if (rows != entries.integer(6) || effectsDigest != entries.text(7)) {
      add({"effects", seq, "", 0,
           "journaalregel " + std::to_string(seq) + " (" + entries.text(3) + "): de lijst van wijzigingen werd aangepast"});
    } else if (entryHash(prev, canonical) != storedHash) {
      add({"journal_entry", seq, "", 0,
           "journaalregel " + std::to_string(seq) + " (" + entries.text(3) + ") werd gewijzigd: de hash klopt niet"});
      chainBroken = true;
      continue;
    }
    prev = storedHash;
    report.headHash = storedHash;
    ++expectSeq;
  }

  // 2. Every journaled table, merged in row order with its effect ranges.
  std::vector<std::string> tables = journaledTables();
  {
    // Effects may name tables this build does not list (e.g. a dropped table).
    auto st = db.prepare("SELECT DISTINCT tbl FROM journal_effect");
    while (st.step())
      if (std::find(tables.begin(), tables.end(), st.text(0)) == tables.end()) tables.push_back(st.text(0));
  }
  for (const auto& table : tables) {
    std::vector<Range> ranges;
    std::unordered_map<long long, std::pair<long long, std::string>> closes;
    auto eff = db.prepare(
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
        add({"row_missing", r.seq, table, id,
             rowName(table, id) + " ontbreekt (verwijderd buiten het register; geschreven in journaalregel " +
                 std::to_string(r.seq) + ")"});
    };
    if (!tableExists(db, table)) {
      for (const auto& r : ranges) missing(r, r.first, r.last);
      continue;
    }
    auto rows = db.prepare("SELECT * FROM " + table + " ORDER BY row_id");
    int recToIndex = -1;
    for (int i = 0; i < rows.columnCount(); ++i)
      if (rows.columnName(i) == "rec_to") recToIndex = i;
    std::size_t ri = 0;
    while (rows.step()) {
      ++report.rows;
      long long rowId = rows.integer(0);
      while (ri < ranges.size() && ranges[ri].last < rowId) {
        missing(ranges[ri], ranges[ri].expect, ranges[ri].last);
        ++ri;
      }
      if (ri == ranges.size() || ranges[ri].first > rowId) {
        add({"row_unexplained", 0, table, rowId,
             rowName(table, rowId) + ": niet door het register geschreven (geen journaalregel)"});
        continue;
      }
      Range& r = ranges[ri];
      if (rowId > r.expect) missing(r, r.expect, rowId - 1);
      r.expect = rowId + 1;
      std::string expected = r.digests.substr(static_cast<std::size_t>(rowId - r.first) * 64, 64);
      if (insertDigest(table, readColumns(rows)) != expected) {
        add({"row_changed", r.seq, table, rowId,
             rowName(table, rowId) + " komt niet meer overeen met journaalregel " + std::to_string(r.seq) +
                 " (buiten het register gewijzigd)"});
        continue;
      }
      if (recToIndex >= 0) {
        auto recTo = rows.optText(recToIndex);
        auto c = closes.find(rowId);
        bool closedInJournal = c != closes.end();
        if (recTo.has_value() != closedInJournal || (recTo && closeDigest(table, rowId, *recTo) != c->second.second)) {
          add({"rec_to_changed", closedInJournal ? c->second.first : r.seq, table, rowId,
               rowName(table, rowId) + ": de registratietijd (rec_to) werd buiten het register gewijzigd"});
        }
      }
    }
    for (; ri < ranges.size(); ++ri) missing(ranges[ri], ranges[ri].expect, ranges[ri].last);
  }
  // Foreign keys too: the sqlite3 shell does not enforce them by default.
  auto fk = db.prepare("PRAGMA foreign_key_check");
  if (fk.step())
    add({"row_changed", 0, fk.text(0), fk.integer(1),
         rowName(fk.text(0), fk.integer(1)) + " verwijst naar een ontbrekende " + fk.text(2)});
  return report;
}

}  // namespace igsgov::journal

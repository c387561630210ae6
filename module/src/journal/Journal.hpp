// Journal: the append-only, hash-chained log of every change to the register.
//
// One entry per write operation: seq, record time, actor, operation name,
// reason, the operation's input (canonical JSON, or a summary for bulk input),
// and the effects: every row inserted (with its insert digest) and every row
// closed (rec_to set, with its close digest). The entry's hash is
//   SHA-256(prev_hash || canonical JSON of {seq, at, actor, operation, reason,
//           input, effect_count, effects_digest})
// where effects_digest is SHA-256 over the effect lines in order. The first
// entry's prev_hash is 64 zeros.
//
// Effects are stored in journal_effect, consecutive inserts into one table
// grouped into one line (see Effect). Rows of one table continue that table's
// latest insert line even when rows of other tables were inserted in between
// (an import writes a key row and a version row per record, alternating), so
// the lines of an entry are in the order of their first row, not strictly in
// write order. The Verifier matches rows to lines per table by row id, so the
// order of lines within an entry carries no meaning beyond the entry hash.
//
// Signatures: with a signing key (setSigningKey, from the caller's
// configuration, never from the register) finish() signs each entry
// (entryMessage of journal/Signing.hpp) and stores the signature and the key
// id beside it; neither is part of the entry hash. Once an entry is signed,
// begin() without a key is refused (denied): an unsigned entry after signed
// ones is what a forger's appended entry looks like, and the verifier reports it.
//
// Use: begin() inside the caller's transaction, write rows through
// insertRow()/closeRow() (which record the effects), then finish(). If the
// operation throws, the caller rolls the transaction back and calls abandon().
// Not thread-safe; one Journal per Register, used under its write lock.
#pragma once

#include "core/Json.hpp"
#include "core/Timestamp.hpp"
#include "journal/RowDigest.hpp"
#include "journal/Signing.hpp"
#include "store/Database.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace igsgov::journal {

// One effect line: rows first..last (consecutive row ids) of one table were
// inserted, or one row was closed. `digests` holds one 64-hex-character digest
// per row, concatenated, so a bulk write of a million rows costs a thousand
// effect lines instead of a million while every row can still be located.
struct Effect {
  std::string table;
  long long first;
  long long last;
  std::string action;   // insert | close
  std::string digests;
};

constexpr long long kMaxRowsPerEffect = 1024;

struct Head {
  long long seq = 0;        // 0 when the journal is empty
  std::string hash;         // 64 zeros when empty
  std::string at;
};

extern const char* const kGenesisHash;

class Journal {
public:
  explicit Journal(store::Database& db);
  // The key that signs every entry from now on; nullptr: entries are not signed.
  void setSigningKey(std::shared_ptr<const SigningKey> key) { signingKey_ = std::move(key); }

  void begin(const std::string& actor, const std::string& operation, const std::string& reason, Micros at);
  bool active() const { return active_; }
  long long seq() const { return seq_; }           // of the entry being written
  const std::string& at() const { return atText_; }  // its record time as text

  // Inserts a row (columns without row_id, rec_to) and records the effect; returns row_id.
  long long insertRow(const std::string& table, Columns columns);
  // Sets rec_to on a current row and records the effect; throws conflict when not current.
  void closeRow(const std::string& table, long long rowId);

  // Writes the entry; returns its hash.
  std::string finish(const Poco::Dynamic::Var& input);
  void abandon();

  Head head();
  std::size_t pendingEffects() const { return effects_.size(); }

private:
  // The key id of the newest entry's signature ("" when unsigned or none).
  std::string headKeyId();
  // A prepared INSERT for one table and column list, and the digest order of
  // those columns plus the row_id that insertRow appends.
  struct Insert {
    std::vector<std::string> names;
    std::vector<std::string> queuedNames;  // names plus row_id, for Database::queueRow
    std::unique_ptr<store::Statement> statement;
    std::vector<std::size_t> digestOrder;
  };
  Insert& insertStatement(const std::string& table, const Columns& columns);

  store::Database& db_;
  std::shared_ptr<const SigningKey> signingKey_;
  bool active_ = false;
  long long seq_ = 0;
  std::string atText_, actor_, operation_, reason_;
  std::vector<Effect> effects_;
  std::map<std::string, std::size_t> openInsert_;  // table -> index in effects_ of its latest insert line
  // Prepared INSERTs per table, one per column list used.
  std::map<std::string, std::vector<Insert>> insertCache_;
};

// The canonical text hashed for one entry (exposed for the verifier and tests).
std::string entryCanonical(long long seq, const std::string& at, const std::string& actor,
                           const std::string& operation, const std::string& reason, const std::string& inputCanonical,
                           long long effectCount, const std::string& effectsDigest);
std::string entryHash(const std::string& prevHash, const std::string& canonical);
std::string effectLine(const Effect& e);

}  // namespace igsgov::journal

// Register: one open register file (SQLite) with its journal and record clock.
//
// The Register owns the database connection. Every change goes through
// write(): one BEGIN IMMEDIATE transaction, one journal entry, all or nothing.
// Reads go through read(): a read-only connection from the register's pool
// (ReaderPool, at most kMaxReaders), inside one read transaction, so a read
// sees one committed state: every write committed before it started (also
// this Register's own), none that commits while it runs.
//
// Thread safety: a Register may be shared between threads. Writes take the
// register's mutex and are serialised; reads run side by side with each other
// and with a write. Ownership: the caller owns the Register (unique_ptr);
// nothing global is kept.
#pragma once

#include "core/Json.hpp"
#include "core/Timestamp.hpp"
#include "journal/Journal.hpp"
#include "records/ReaderPool.hpp"
#include "store/Database.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace igsgov::records {

struct WriteInfo {
  std::string actor;      // who: a user, a token's owner, "cli:<user>"
  std::string operation;  // the catalogue name, e.g. "mandate.appoint"
  std::string reason;     // why (optional)
};

class Register;

// How a register is opened. Fields are appended, never reordered.
struct OpenOptions {
  // The private key file that signs every journal entry written through this
  // Register (journal/Signing.hpp); empty: entries are not signed. Comes from
  // the caller's configuration, never from the register.
  std::string signingKeyFile;
};

// What an operation may use while it writes.
class Writer {
public:
  Writer(Register& reg, journal::Journal& journal) : reg_(reg), journal_(journal) {}
  Register& reg() { return reg_; }
  store::Database& db();
  journal::Journal& journal() { return journal_; }
  const std::string& at() const { return journal_.at(); }  // record time of this write
  // The value hashed into the journal as the entry's input (default: the call's input).
  void setJournalInput(Poco::Dynamic::Var v) { journalInput_ = std::move(v); }
  const Poco::Dynamic::Var& journalInput() const { return journalInput_; }

private:
  Register& reg_;
  journal::Journal& journal_;
  Poco::Dynamic::Var journalInput_;
};

class Register {
public:
  // Creates a new register file (fails with conflict when it exists and holds a register).
  static std::unique_ptr<Register> create(const std::string& path, const OpenOptions& options = {});
  // Opens an existing register; applies pending migrations (journaled). A
  // signing key that cannot be used fails before the file is touched.
  static std::unique_ptr<Register> open(const std::string& path, const OpenOptions& options = {});
  ~Register();

  const std::string& path() const;

  // Runs fn inside one transaction and one journal entry. `input` is what the
  // entry records unless fn replaces it (Writer::setJournalInput). On any
  // exception nothing is written and the exception propagates.
  JsonObject write(const WriteInfo& info, const Poco::Dynamic::Var& input,
                   const std::function<JsonObject(Writer&)>& fn);

  // Runs fn for reading on a pooled read-only connection in one read
  // transaction; fn must not keep the Database& beyond the call.
  JsonObject read(const std::function<JsonObject(store::Database&)>& fn);

  static constexpr std::size_t kMaxReaders = 8;

  std::mutex& mutex() { return mutex_; }
  store::Database& db() { return *db_; }  // the writing connection: only under mutex()

private:
  Register(std::unique_ptr<store::Database> db, std::shared_ptr<const journal::SigningKey> key);
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<journal::Journal> journal_;
  RecordClock clock_;
  std::mutex mutex_;
  std::unique_ptr<ReaderPool> readers_;  // declared after db_: closed first
};

}  // namespace igsgov::records

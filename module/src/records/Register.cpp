#include "records/Register.hpp"

#include "core/Error.hpp"
#include "refdata/RefData.hpp"
#include "store/Migrations.hpp"

#include <Poco/File.h>

namespace igsgov::records {

store::Database& Writer::db() { return reg_.db(); }

namespace {
std::shared_ptr<const journal::SigningKey> loadKey(const OpenOptions& options) {
  return options.signingKeyFile.empty() ? nullptr : journal::SigningKey::load(options.signingKeyFile);
}
}  // namespace

Register::Register(std::unique_ptr<store::Database> db, std::shared_ptr<const journal::SigningKey> key)
    : db_(std::move(db)),
      journal_(std::make_unique<journal::Journal>(*db_)),
      readers_(std::make_unique<ReaderPool>(db_->address(), kMaxReaders)) {
  journal_->setSigningKey(std::move(key));
  if (store::schemaVersion(*db_) > 0) {
    auto head = journal_->head();
    if (auto t = parseTimestamp(head.at)) clock_.seed(*t);
  }
}

Register::~Register() { journal_.reset(); }

const std::string& Register::path() const { return db_->path(); }

std::unique_ptr<Register> Register::create(const std::string& path, const OpenOptions& options) {
  auto key = loadKey(options);
  if (store::isPostgresAddress(path) || (Poco::File(path).exists() && Poco::File(path).getSize() > 0)) {
    store::Database probe(path, false);
    if (store::schemaVersion(probe) > 0)
      throw Error(ErrorCode::conflict, "hier bestaat al een register", Place().set("file", probe.path()));
  }
  std::unique_ptr<Register> reg(new Register(std::make_unique<store::Database>(path, true), key));
  WriteInfo info{"igsgov", "register.init", "nieuw register"};
  reg->write(info, newObject(), [&](Writer& w) {
    auto applied = store::migrate(w.db());
    auto summary = refdata::load(w.journal());
    auto in = newObject();
    auto versions = newArray();
    for (const auto& m : applied) versions->add(std::to_string(m.version) + " " + m.name);
    in->set("migrations", versions);
    in->set("refdata_sha256", summary.sourcesSha256);
    in->set("gemeenten", summary.gemeenten);
    in->set("populations", summary.populations);
    w.setJournalInput(in);
    return in;
  });
  return reg;
}

std::unique_ptr<Register> Register::open(const std::string& path, const OpenOptions& options) {
  auto key = loadKey(options);
  if (!store::isPostgresAddress(path) && !Poco::File(path).exists())
    throw Error(ErrorCode::notFound, "geen register gevonden; maak er een met 'igsgov init'", Place().set("file", path));
  std::unique_ptr<Register> reg(new Register(std::make_unique<store::Database>(path, false), key));
  int version = store::schemaVersion(*reg->db_);
  if (version == 0)
    throw Error(ErrorCode::invalid, "dit bestand of deze databank is geen igsgov-register",
                Place().set("file", reg->db_->path()));
  if (version < store::latestSchemaVersion()) {
    reg->write({"igsgov", "store.migrate", "schema bijwerken"}, newObject(), [&](Writer& w) {
      auto applied = store::migrate(w.db());
      auto in = newObject();
      auto versions = newArray();
      for (const auto& m : applied) versions->add(std::to_string(m.version) + " " + m.name);
      in->set("migrations", versions);
      w.setJournalInput(in);
      return in;
    });
  } else if (version > store::latestSchemaVersion()) {
    store::migrate(*reg->db_);  // throws unsupported with a clear message
  }
  return reg;
}

JsonObject Register::write(const WriteInfo& info, const Poco::Dynamic::Var& input,
                           const std::function<JsonObject(Writer&)>& fn) {
  std::lock_guard lock(mutex_);
  struct Release {
    store::Database& db;
    ~Release() { db.releaseCached(); }
  } release{*db_};
  store::Transaction tx(*db_);
  journal_->begin(info.actor, info.operation, info.reason, clock_.next());
  try {
    Writer w(*this, *journal_);
    w.setJournalInput(input);
    JsonObject out = fn(w);
    std::string hash = journal_->finish(w.journalInput());
    tx.commit();
    if (out.isNull()) out = newObject();
    auto j = newObject();
    j->set("seq", journal_->seq());
    j->set("hash", hash);
    out->set("journal", j);
    return out;
  } catch (...) {
    journal_->abandon();
    throw;
  }
}

JsonObject Register::read(const std::function<JsonObject(store::Database&)>& fn) {
  auto lease = readers_->acquire();
  store::ReadTransaction snapshot(lease.db());
  return fn(lease.db());
}

}  // namespace igsgov::records

#include "interchange/Interchange.hpp"
#include "interchange/FilePlaces.hpp"
#include "interchange/FoundingInterchange.hpp"
#include "interchange/GovernanceInterchange.hpp"
#include "interchange/StreamedArrays.hpp"

#include "core/Error.hpp"
#include "core/FileBytes.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "journal/Journal.hpp"
#include "records/Entities.hpp"
#include "records/MandateLookup.hpp"
#include "records/Mandates.hpp"
#include "records/Organisation.hpp"
#include "records/RecordText.hpp"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace igsgov::interchange {
using namespace records;

namespace {

// Mandates whose predecessor is in the file come after it. ids[i] and
// predecessors[i] belong to mandates[i] ("" when absent; a mandate named as its
// own predecessor is left to validateMandate, which refuses it). When
// predecessors in the file loop, no order exists: `loop` gets the loop's
// indexes (each mandate followed by its predecessor, the first one again at the
// end) and the order is empty.
std::vector<std::size_t> predecessorOrder(const std::vector<std::string>& ids,
                                          const std::vector<std::string>& predecessors,
                                          std::vector<std::size_t>& loop) {
  std::vector<std::size_t> order;
  order.reserve(ids.size());
  if (std::all_of(predecessors.begin(), predecessors.end(), [](const std::string& p) { return p.empty(); })) {
    for (std::size_t i = 0; i < ids.size(); ++i) order.push_back(i);
    return order;
  }
  std::unordered_map<std::string, std::size_t> byId;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!ids[i].empty()) byId[ids[i]] = i;
  enum : char { unseen, walking, placed };
  std::vector<char> state(ids.size(), unseen);
  std::vector<std::size_t> chain;
  for (std::size_t start = 0; start < ids.size(); ++start) {
    // Walk back along the chain to its first mandate not yet placed, then place forward.
    chain.clear();
    for (std::size_t i = start; state[i] == unseen;) {
      state[i] = walking;
      chain.push_back(i);
      auto it = predecessors[i].empty() || predecessors[i] == ids[i] ? byId.end() : byId.find(predecessors[i]);
      if (it == byId.end()) break;
      i = it->second;
      if (state[i] == walking) {
        loop.assign(std::find(chain.begin(), chain.end(), i), chain.end());
        loop.push_back(i);
        return {};
      }
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      order.push_back(*it);
      state[*it] = placed;
    }
  }
  return order;
}

// The order in which the file's mandates are imported (predecessorOrder); a
// loop of predecessors is refused at the first mandate of the loop.
std::vector<std::size_t> mandateOrder(StreamedArrays& file, const std::string& fileName) {
  std::size_t n = file.size("mandates");
  std::vector<std::string> ids(n), predecessors(n);
  if (file.mayHave("mandates", "predecessor"))
    for (std::size_t i = 0; i < n; ++i) {
      ids[i] = file.stringOf("mandates", i, "id");
      predecessors[i] = file.stringOf("mandates", i, "predecessor");
    }
  std::vector<std::size_t> loop;
  auto order = predecessorOrder(ids, predecessors, loop);
  if (!loop.empty()) {
    std::vector<std::string> chain;
    for (std::size_t i : loop) chain.push_back(ids[i]);
    atElement(fileName, indexPath("mandates", loop.front()), file.text("mandates", loop.front()), [&] {
      throwInvalid(predecessorLoop(chain), recordField("mandaat", ids[loop.front()], "predecessor"));
    });
  }
  return order;
}

// The file's bytes in one read (core/FileBytes.hpp; a stream copy grew the
// string step by step: ≈ 5 % of a large import).
void readWhole(const std::string& file, std::string& text) {
  auto bytes = readFileBytes(file);
  if (!bytes)
    throw Error(ErrorCode::io, "bestand kan niet gelezen worden (of veranderde tijdens het lezen)",
                Place().set("file", file));
  text = std::move(*bytes);
}

// The store's tuning for one bulk write (Database::setBulk). finish() sends
// what is still queued (its errors propagate); the destructor only restores
// the tuning when an error left the write early (the transaction rolls back).
struct BulkCache {
  store::Database& db;
  bool on = true;
  explicit BulkCache(store::Database& d) : db(d) { db.setBulk(true); }
  void finish() {
    on = false;
    db.setQueueTag(-1);
    db.setBulk(false);
  }
  ~BulkCache() {
    if (!on) return;
    try {
      db.setBulk(false);
    } catch (...) {
    }
  }
};

}  // namespace

JsonObject importRegister(Writer& w, const JsonObject& in) {
  Reader r(in, "import");
  r.rejectUnknown({"path", "register"});
  std::string file;
  JsonObject doc;
  std::string sha;
  std::string text;
  StreamedArrays source;
  if (auto path = r.optStr("path")) {
    file = *path;
    Poco::File f(file);
    if (!f.exists() || !f.isFile()) throwNotFound("bestand niet gevonden", Place().set("file", file));
    readWhole(file, text);
    sha = sha256Hex(text);
    doc = source.parse(text, file, {"persons", "mandates"});
  } else if (auto reg = r.optObject("register")) {
    doc = reg;
    source.use(doc, file);
    sha = sha256Hex(canonicalJson(reg));
  } else {
    throwInvalid("geef een bestand ('path') of een register ('register')", r.place("path"));
  }

  Reader top(doc, "uitwisselbestand");
  if (top.optStr("format").value_or("") != kFormatName)
    throwInvalid("geen igsgov-uitwisselbestand (veld 'format' moet '" + std::string(kFormatName) + "' zijn)",
                 Place().set("file", file).set("field", "'format'"));
  long long version = top.optInteger("version").value_or(0);
  if (version > kFormatVersion)
    throw Error(ErrorCode::unsupported,
                "uitwisselformaat versie " + std::to_string(version) + " is nieuwer dan deze igsgov ondersteunt (" +
                    std::to_string(kFormatVersion) + "); werk igsgov bij",
                Place().set("file", file).set("field", "'version'"));
  if (version < 1) throwInvalid("ongeldige versie van het uitwisselformaat", Place().set("file", file).set("field", "'version'"));
  top.rejectUnknown({"format", "version", "exported_at", "journal", "persons", "cooperations", "mandates", "note",
                   "governance", "finance", "founding"});

  long long nPersons = 0, nCoops = 0, nMembers = 0, nBodies = 0, nSeats = 0, nMandates = 0;
  ImportLookup lookup(w.db());  // what the mandates refer to, and the persons created here
  for (std::size_t i = 0, n = source.size("persons"); i < n; ++i) {
    auto path = indexPath("persons", i);
    auto element = source.text("persons", i);
    if (auto plain = element ? readRecordText(personSpec(), element->first, element->second) : std::nullopt) {
      atElement(file, path, element, [&] { personInsertRead(w, plain->id, plain->data); });
      lookup.created(personSpec(), plain->id);
    } else {
      JsonObject p = source.at("persons", i, path);  // names file and path itself
      atElement(file, path, element, [&] { lookup.created(personSpec(), personInsert(w, p)); });
    }
    ++nPersons;
  }
  auto coops = arrayField(doc, "cooperations", file, "");
  // Cooperations first, then members, bodies and seats (seats may name members).
  for (std::size_t i = 0; i < coops->size(); ++i) {
    auto path = indexPath("cooperations", i);
    at(file, path, [&] {
      auto c = objectAt(coops, i, file, path);
      auto copy = newObject();
      std::vector<std::string> names;
      c->getNames(names);
      for (const auto& n : names)
        if (n != "members" && n != "bodies") copy->set(n, c->get(n));
      cooperationCreate(w, copy);
    });
    ++nCoops;
  }
  for (std::size_t i = 0; i < coops->size(); ++i) {
    auto c = coops->getObject(static_cast<unsigned>(i));
    std::string coopId = c->optValue<std::string>("id", "");
    auto base = indexPath("cooperations", i) + ".";
    auto members = arrayField(c, "members", file, base);
    for (std::size_t j = 0; j < members->size(); ++j) {
      auto path = base + indexPath("members", j);
      at(file, path, [&] {
        auto m = objectAt(members, j, file, path);
        if (!m->has("cooperation")) m->set("cooperation", coopId);
        memberAdd(w, m);
      });
      ++nMembers;
    }
    auto bodies = arrayField(c, "bodies", file, base);
    for (std::size_t j = 0; j < bodies->size(); ++j) {
      auto path = base + indexPath("bodies", j);
      at(file, path, [&] {
        auto b = objectAt(bodies, j, file, path);
        if (!b->has("cooperation")) b->set("cooperation", coopId);
        auto out = bodyCreate(w, b);
        auto seats = out->getArray("seats");
        for (std::size_t k = 0; k < seats->size(); ++k)
          lookup.created(seatSpec(), seats->getObject(static_cast<unsigned>(k))->getValue<std::string>("id"));
        nSeats += static_cast<long long>(seats->size());
      });
      ++nBodies;
    }
  }
  // On PostgreSQL the mandates' rows are queued and sent with COPY in large
  // batches (the lookups below do not send the queue); a row the database
  // refuses then surfaces later, tagged with its index, and is reported at
  // its own place in the file (placeQueued), as SQLite reports it at once.
  BulkCache bulk(w.db());
  IdCheck mandateIds(w.db(), mandateSpec());
  auto placeQueued = [&](const Error& e) {
    auto tag = e.place().fields.find("queued_row");
    if (tag == e.place().fields.end()) throw;
    std::size_t i = std::stoull(tag->second);
    Place p = e.place();
    p.fields.erase("queued_row");
    if (!file.empty()) p.set("file", file);
    p.set("path", indexPath("mandates", i));
    p.fields.erase("line");
    if (auto element = source.text("mandates", i)) p.set("line", std::to_string(lineOf(element->first, element->second.begin)));
    throw Error(e.errorCode(), e.message(), p);
  };
  try {
    for (std::size_t i : mandateOrder(source, file)) {
      auto path = indexPath("mandates", i);
      std::string id;
      JsonObject data;
      auto element = source.text("mandates", i);
      if (auto plain = element ? readMandateText(element->first, element->second) : std::nullopt) {
        id = std::move(plain->id);
        data = std::move(plain->data);
      } else {
        JsonObject m = source.at("mandates", i, path);  // names file and path itself; a syntax error names line and column
        atElement(file, path, element, [&] {
          id = Reader(m, "mandaat").str("id");
          data = readMandateFields(m, id, true);
        });
      }
      atElement(file, path, element, [&] {
        validateMandate(lookup, id, data);
        w.db().setQueueTag(static_cast<long long>(i));
        create(w, mandateSpec(), id, data, "", &mandateIds);
        auto seat = textOf(data, "seat");
        if (seat && !data->getValue<bool>("retracted"))
          lookup.added(*seat, id, textOf(data, "person").value_or(""), *dateOf(data, "from"), dateOf(data, "until"));
      });
      ++nMandates;
    }
    bulk.finish();
  } catch (const Error& e) {
    placeQueued(e);
  }

  auto counts = newObject();
  counts->set("persons", nPersons);
  counts->set("cooperations", nCoops);
  counts->set("members", nMembers);
  counts->set("bodies", nBodies);
  counts->set("seats", nSeats);
  counts->set("mandates", nMandates);
  importGovernanceAndFinance(w, doc, file, counts);  // governance and finance parts (GovernanceInterchange.cpp)
  auto provenance = importFounding(w, doc, file, counts);  // check-offs with their history (FoundingInterchange.cpp)
  auto journalInput = newObject();
  journalInput->set("source", file.empty() ? std::string("inline") : Poco::Path(file).getFileName());
  journalInput->set("sha256", sha);
  journalInput->set("counts", counts);
  if (provenance->size() > 0) journalInput->set("check_off_provenance", provenance);
  w.setJournalInput(journalInput);
  auto out = newObject();
  out->set("imported", counts);
  out->set("sha256", sha);
  return out;
}

JsonObject exportRegister(store::Database& db, const JsonObject& in) {
  Reader(in, "export").rejectUnknown({});
  auto out = newObject();
  out->set("format", std::string(kFormatName));
  out->set("version", kFormatVersion);
  out->set("exported_at", formatTimestamp(nowMicros()));
  journal::Journal j(db);
  auto head = j.head();
  auto jo = newObject();
  jo->set("seq", head.seq);
  jo->set("hash", head.hash);
  out->set("journal", jo);

  auto strip = [](JsonObject o, std::initializer_list<const char*> keys) {
    for (auto k : keys) o->remove(k);
    return o;
  };
  auto persons = newArray();
  for (const auto& v : currentAll(db, personSpec())) persons->add(versionJson(v, false));
  out->set("persons", persons);
  auto coops = newArray();
  for (const auto& c : currentAll(db, cooperationSpec())) {
    auto co = versionJson(c, false);
    auto members = newArray();
    for (const auto& m : currentAll(db, memberSpec(), "cooperation_id", c.id))
      members->add(strip(versionJson(m, false), {"cooperation"}));
    co->set("members", members);
    auto bodies = newArray();
    for (const auto& b : currentAll(db, bodySpec(), "cooperation_id", c.id)) {
      auto bo = strip(versionJson(b, false), {"cooperation"});
      auto seats = newArray();
      for (const auto& s : currentAll(db, seatSpec(), "body_id", b.id)) seats->add(strip(versionJson(s, false), {"body"}));
      bo->set("seats", seats);
      bodies->add(bo);
    }
    co->set("bodies", bodies);
    coops->add(co);
  }
  out->set("cooperations", coops);
  auto mandates = newArray();
  for (const auto& m : currentAll(db, mandateSpec())) {
    auto mo = mandateJson(versionJson(m, false));
    if (mo->has("retracted") && !mo->getValue<bool>("retracted")) mo->remove("retracted");
    mandates->add(mo);
  }
  out->set("mandates", mandates);
  exportGovernanceAndFinance(db, out);  // governance and finance parts (GovernanceInterchange.cpp)
  exportFounding(db, out);              // check-offs with their history (FoundingInterchange.cpp)
  return out;
}

}  // namespace igsgov::interchange

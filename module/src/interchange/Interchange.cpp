#include "interchange/Interchange.hpp"
#include "interchange/FilePlaces.hpp"
#include "interchange/GovernanceInterchange.hpp"

#include "core/Error.hpp"
#include "core/JsonSpans.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "journal/Journal.hpp"
#include "records/Entities.hpp"
#include "records/MandateLookup.hpp"
#include "records/Mandates.hpp"
#include "records/Organisation.hpp"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace igsgov::interchange {
using namespace records;

namespace {

// Mandates whose predecessor is in the file come after it. ids[i] and
// predecessors[i] belong to mandates[i] ("" when absent).
std::vector<std::size_t> predecessorOrder(const std::vector<std::string>& ids,
                                          const std::vector<std::string>& predecessors) {
  std::vector<std::size_t> order;
  order.reserve(ids.size());
  if (std::all_of(predecessors.begin(), predecessors.end(), [](const std::string& p) { return p.empty(); })) {
    for (std::size_t i = 0; i < ids.size(); ++i) order.push_back(i);
    return order;
  }
  std::unordered_map<std::string, std::size_t> byId;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!ids[i].empty()) byId[ids[i]] = i;
  std::vector<int> state(ids.size(), 0);
  for (std::size_t start = 0; start < ids.size(); ++start) {
    // Walk back along the chain to its first mandate not yet placed, then place forward.
    std::vector<std::size_t> chain;
    for (std::size_t i = start; state[i] == 0;) {
      state[i] = 1;
      chain.push_back(i);
      auto it = predecessors[i].empty() ? byId.end() : byId.find(predecessors[i]);
      if (it == byId.end()) break;
      i = it->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) order.push_back(*it);
  }
  return order;
}

// The mandates of the file. A file read from disk is not parsed as one DOM:
// its mandates array is located by a scan (JsonSpans) and each mandate is
// parsed when it is imported, so a million mandates never exist as objects at
// once. Anything the scan does not understand falls back to the whole-DOM
// path, whose parser reports the error with its line and column.
class MandateSource {
public:
  // Parses `text` (the file) and returns the document without its mandates when
  // they could be located, else the whole document.
  JsonObject parse(const std::string& text, const std::string& file) {
    text_ = &text;
    file_ = file;
    auto span = memberSpan(text, "mandates");
    std::optional<std::vector<JsonSpan>> elements;
    if (span) elements = elementSpans(text, *span);
    if (!elements) {
      doc_ = parseJsonObject(text, file);
      return doc_;
    }
    spans_ = std::move(*elements);
    streamed_ = true;
    try {
      doc_ = parseJsonObject(text.substr(0, span->begin) + "[]" + text.substr(span->end), file);
    } catch (const Error&) {
      parseJsonObject(text, file);  // the error with its position in the file
      throw;
    }
    hasPredecessors_ = span->of(text).find("\"predecessor\"") != std::string_view::npos;
    return doc_;
  }
  void use(JsonObject doc) { doc_ = std::move(doc); }

  // The import order (see predecessorOrder); call before at().
  std::vector<std::size_t> order() {
    if (!streamed_) dom_ = arrayField(doc_, "mandates", file_, "");
    std::size_t n = streamed_ ? spans_.size() : dom_->size();
    std::vector<std::string> ids(n), predecessors(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (streamed_) {
        if (!hasPredecessors_) continue;
        ids[i] = std::string(stringMember(*text_, spans_[i], "id").value_or(""));
        predecessors[i] = std::string(stringMember(*text_, spans_[i], "predecessor").value_or(""));
      } else if (auto o = dom_->getObject(static_cast<unsigned>(i)); !o.isNull()) {
        ids[i] = o->optValue<std::string>("id", "");
        predecessors[i] = o->optValue<std::string>("predecessor", "");
      }
    }
    return predecessorOrder(ids, predecessors);
  }

  // Mandate i as an object; a value that is not an object gives "object verwacht".
  JsonObject at(std::size_t i, const std::string& path) {
    if (!streamed_) return objectAt(dom_, i, file_, path);
    if ((*text_)[spans_[i].begin] != '{')  // a well-formed value (JsonSpans checked it), but not an object
      throwInvalid("object verwacht", Place().set("file", file_).set("path", path));
    Poco::Dynamic::Var v;
    try {
      v = parseJson(std::string(spans_[i].of(*text_)), file_);
    } catch (const Error&) {
      parseJson(*text_, file_);  // the error with its position in the file
      throw;
    }
    if (v.type() != typeid(Poco::JSON::Object::Ptr))
      throwInvalid("object verwacht", Place().set("file", file_).set("path", path));
    return v.extract<Poco::JSON::Object::Ptr>();
  }

private:
  const std::string* text_ = nullptr;
  std::string file_;
  JsonObject doc_;
  JsonArray dom_;
  std::vector<JsonSpan> spans_;
  bool streamed_ = false;
  bool hasPredecessors_ = false;
};

// A larger page cache for the bulk write (the default 2 MB makes every index
// insert of a large import evict pages); restored afterwards.
struct BulkCache {
  store::Database& db;
  explicit BulkCache(store::Database& d) : db(d) { db.exec("PRAGMA cache_size = -262144"); }
  ~BulkCache() {
    try {
      db.exec("PRAGMA cache_size = -2000");
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
  MandateSource source;
  if (auto path = r.optStr("path")) {
    file = *path;
    Poco::File f(file);
    if (!f.exists() || !f.isFile()) throwNotFound("bestand niet gevonden", Place().set("file", file));
    try {
      Poco::FileInputStream is(file);
      Poco::StreamCopier::copyToString(is, text);
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::io, "bestand kan niet gelezen worden: " + e.displayText(), Place().set("file", file));
    }
    sha = sha256Hex(text);
    doc = source.parse(text, file);
  } else if (auto reg = r.optObject("register")) {
    doc = reg;
    source.use(doc);
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
                   "governance", "finance"});

  long long nPersons = 0, nCoops = 0, nMembers = 0, nBodies = 0, nSeats = 0, nMandates = 0;
  auto persons = arrayField(doc, "persons", file, "");
  for (std::size_t i = 0; i < persons->size(); ++i) {
    auto path = indexPath("persons", i);
    at(file, path, [&] { personInsert(w, objectAt(persons, i, file, path)); });
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
        nSeats += static_cast<long long>(out->getArray("seats")->size());
      });
      ++nBodies;
    }
  }
  BulkCache bulk(w.db());
  ImportLookup lookup(w.db());
  IdCheck mandateIds(w.db(), mandateSpec());
  for (std::size_t i : source.order()) {
    auto path = indexPath("mandates", i);
    JsonObject m = source.at(i, path);  // names file and path itself; a syntax error names line and column
    at(file, path, [&] {
      std::string id = Reader(m, "mandaat").str("id");
      auto data = readMandateFields(m, id, true);
      validateMandate(lookup, id, data);
      create(w, mandateSpec(), id, data, "", &mandateIds);
      auto seat = textOf(data, "seat");
      if (seat && !data->getValue<bool>("retracted"))
        lookup.added(*seat, id, textOf(data, "person").value_or(""), *dateOf(data, "from"), dateOf(data, "until"));
    });
    ++nMandates;
  }

  auto counts = newObject();
  counts->set("persons", nPersons);
  counts->set("cooperations", nCoops);
  counts->set("members", nMembers);
  counts->set("bodies", nBodies);
  counts->set("seats", nSeats);
  counts->set("mandates", nMandates);
  importGovernanceAndFinance(w, doc, file, counts);  // governance and finance parts (GovernanceInterchange.cpp)
  auto journalInput = newObject();
  journalInput->set("source", file.empty() ? std::string("inline") : Poco::Path(file).getFileName());
  journalInput->set("sha256", sha);
  journalInput->set("counts", counts);
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
  return out;
}

}  // namespace igsgov::interchange

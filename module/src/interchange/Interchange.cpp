#include "interchange/Interchange.hpp"
#include "interchange/FilePlaces.hpp"
#include "interchange/GovernanceInterchange.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "journal/Journal.hpp"
#include "records/Entities.hpp"
#include "records/Mandates.hpp"
#include "records/Organisation.hpp"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <map>
#include <set>

namespace igsgov::interchange {
using namespace records;

namespace {

// Mandates whose predecessor is in the file come after it.
std::vector<std::size_t> predecessorOrder(const JsonArray& mandates) {
  std::map<std::string, std::size_t> byId;
  for (std::size_t i = 0; i < mandates->size(); ++i) {
    auto o = mandates->getObject(static_cast<unsigned>(i));
    if (!o.isNull() && o->has("id")) byId[o->optValue<std::string>("id", "")] = i;
  }
  std::vector<std::size_t> order;
  std::vector<int> state(mandates->size(), 0);
  std::function<void(std::size_t)> visit = [&](std::size_t i) {
    if (state[i]) return;
    state[i] = 1;
    auto o = mandates->getObject(static_cast<unsigned>(i));
    if (!o.isNull() && o->has("predecessor")) {
      auto it = byId.find(o->optValue<std::string>("predecessor", ""));
      if (it != byId.end() && state[it->second] == 0) visit(it->second);
    }
    order.push_back(i);
  };
  for (std::size_t i = 0; i < mandates->size(); ++i) visit(i);
  return order;
}

}  // namespace

JsonObject importRegister(Writer& w, const JsonObject& in) {
  Reader r(in, "import");
  r.rejectUnknown({"path", "register"});
  std::string file;
  JsonObject doc;
  std::string sha;
  if (auto path = r.optStr("path")) {
    file = *path;
    Poco::File f(file);
    if (!f.exists() || !f.isFile()) throwNotFound("bestand niet gevonden", Place().set("file", file));
    std::string text;
    try {
      Poco::FileInputStream is(file);
      Poco::StreamCopier::copyToString(is, text);
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::io, "bestand kan niet gelezen worden: " + e.displayText(), Place().set("file", file));
    }
    sha = sha256Hex(text);
    doc = parseJsonObject(text, file);
  } else if (auto reg = r.optObject("register")) {
    doc = reg;
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
    at(file, path, [&] { personCreate(w, objectAt(persons, i, file, path)); });
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
  auto mandates = arrayField(doc, "mandates", file, "");
  for (std::size_t i : predecessorOrder(mandates)) {
    auto path = indexPath("mandates", i);
    at(file, path, [&] {
      auto m = objectAt(mandates, i, file, path);
      std::string id = Reader(m, "mandaat").str("id");
      auto data = readMandateFields(m, id, true);
      validateMandate(w.db(), id, data);
      create(w, mandateSpec(), id, data);
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

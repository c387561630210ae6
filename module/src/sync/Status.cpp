// targetStatus and the Dutch text renderings of sync.run and sync.status.
#include "sync/Engine.hpp"

#include <sstream>

namespace igsgov::sync {

JsonObject targetStatus(store::Database& db, const std::string& target) {
  auto out = newObject();
  out->set("target", target);
  auto h = health(db, target);
  out->set("locked", h && h->locked);
  if (h && h->locked) {
    out->set("error", h->error);
    out->set("locked_since", h->since);
  }
  auto states = loadStates(db, target);
  std::map<std::string, int> counts;
  auto attention = newArray();
  for (const auto& [p, s] : states) {
    ++counts[s.kind + ":" + s.status];
    if (s.status != "synced") {
      auto o = newObject();
      o->set("path", p);
      o->set("status", s.status);
      if (!s.conflictPath.empty()) o->set("ours", s.conflictPath);
      o->set("item", s.item);
      attention->add(o);
    }
  }
  auto c = newObject();
  for (const auto& [k, v] : counts) c->set(k, v);
  out->set("paths", static_cast<Poco::Int64>(states.size()));
  out->set("counts", c);
  out->set("attention", attention);
  auto rs = newArray();
  for (const auto& r : runs(db, target, true, 5)) {
    auto o = newObject();
    o->set("id", r.id);
    o->set("status", r.status);
    o->set("started", r.started);
    o->set("recorded", r.recorded);
    o->set("planned", r.planned);
    o->set("done", r.done);
    o->set("conflicts", r.conflicts);
    if (!r.message.empty()) o->set("message", r.message);
    rs->add(o);
  }
  out->set("runs", rs);
  return out;
}

std::string statusText(const JsonObject& out) {
  std::ostringstream s;
  auto one = [&](const JsonObject& t) {
    s << "Doel " << t->getValue<std::string>("target") << ": " << t->getValue<Poco::Int64>("paths") << " paden gevolgd";
    if (t->getValue<bool>("locked"))
      s << "\n  VERGRENDELD sinds " << t->getValue<std::string>("locked_since") << ": " << t->getValue<std::string>("error")
        << "\n  herstel met: igsgov sync resync --target " << t->getValue<std::string>("target");
    s << "\n";
    auto att = t->getArray("attention");
    for (std::size_t i = 0; i < att->size(); ++i) {
      auto o = att->getObject(static_cast<unsigned>(i));
      std::string st = o->getValue<std::string>("status");
      s << "  " << (st == "conflict" ? "conflict" : "gewijzigd op het doel") << ": " << o->getValue<std::string>("path");
      if (o->has("ours")) s << " (onze versie: " << o->getValue<std::string>("ours") << ")";
      s << "\n";
    }
    auto rs = t->getArray("runs");
    for (std::size_t i = 0; i < rs->size(); ++i) {
      auto r = rs->getObject(static_cast<unsigned>(i));
      s << "  run " << r->getValue<std::string>("id") << ": " << r->getValue<std::string>("status") << ", "
        << r->getValue<Poco::Int64>("done") << "/" << r->getValue<Poco::Int64>("planned") << " acties";
      if (r->has("message")) s << " (" << r->getValue<std::string>("message") << ")";
      s << "\n";
    }
  };
  if (out->has("targets")) {
    auto ts = out->getArray("targets");
    if (ts->size() == 0) s << "Nog geen syncdoelen gebruikt.\n";
    for (std::size_t i = 0; i < ts->size(); ++i) one(ts->getObject(static_cast<unsigned>(i)));
  } else {
    one(out);
  }
  return s.str();
}

std::string runText(const JsonObject& out) {
  std::ostringstream s;
  bool dry = out->getValue<bool>("dry_run");
  s << (dry ? "Plan (proefdraaien, er verandert niets)" : "Sync") << " naar doel " << out->getValue<std::string>("target")
    << " (" << out->getValue<std::string>("adapter") << "): " << out->getValue<Poco::Int64>("planned") << " acties voor "
    << out->getValue<Poco::Int64>("paths") << " paden\n";
  if (out->has("locked")) s << "  LET OP: het doel is vergrendeld: " << out->getValue<std::string>("locked") << "\n";
  if (out->has("actions")) {
    auto a = out->getArray("actions");
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto o = a->getObject(static_cast<unsigned>(i));
      s << "  " << o->getValue<std::string>("path") << ": " << o->getValue<std::string>("text");
      if (o->has("conflict_path")) s << " -> " << o->getValue<std::string>("conflict_path");
      s << "\n";
    }
  }
  if (out->has("max_delete_exceeded")) s << "  GEWEIGERD bij uitvoeren: " << out->getValue<std::string>("max_delete_exceeded") << "\n";
  if (out->has("done")) s << "  uitgevoerd: " << out->getValue<Poco::Int64>("done") << ", overgeslagen: " << out->getValue<Poco::Int64>("skipped") << "\n";
  for (const char* key : {"conflicts", "problems", "warnings", "pulled"}) {
    if (!out->has(key)) continue;
    auto a = out->getArray(key);
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto o = a->getObject(static_cast<unsigned>(i));
      std::string k = key;
      if (k == "conflicts") {
        s << "  " << (o->getValue<std::string>("kind") == "conflict" ? "CONFLICT" : "gewijzigd op het doel (niet overschreven)")
          << ": " << o->getValue<std::string>("path");
        if (o->has("ours")) s << " (onze versie bewaard als " << o->getValue<std::string>("ours") << ")";
      } else if (k == "problems") {
        s << "  probleem: " << o->getValue<std::string>("path") << ": " << o->getValue<std::string>("message");
      } else if (k == "warnings") {
        s << "  waarschuwing: " << o->getValue<std::string>("path") << ": " << o->getValue<std::string>("message");
      } else {
        s << "  binnengehaald: " << o->getValue<std::string>("path") << " -> " << o->getValue<std::string>("item")
          << (o->getValue<bool>("new_version") ? " (nieuwe ontwerpversie)" : " (bestond al)");
      }
      s << "\n";
    }
  }
  if (out->has("resumed")) s << "  hervat na een onderbroken run\n";
  if (!dry && out->getValue<Poco::Int64>("planned") == 0 && !out->has("pulled")) s << "  alles is al gesynchroniseerd\n";
  return s.str();
}

}  // namespace igsgov::sync

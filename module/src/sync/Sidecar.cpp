#include "sync/Sidecar.hpp"

namespace igsgov::sync {

namespace {

std::string lastSegment(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string text(const JsonObject& o) { return toJsonText(o, true) + "\n"; }

// The fields every sidecar starts with (key order is part of the bytes: keep it).
JsonObject head(const Description& d, const std::string& fileName, const std::string& status = "") {
  auto o = newObject();
  o->set("igsgov_sidecar", 1);
  o->set("file", lastSegment(fileName));
  if (!status.empty()) o->set("status", status);
  o->set("kind", d.kind);
  o->set("item", d.item);
  return o;
}

// Every name igsgov sets, empty (= removed) until given a value.
std::map<std::string, std::string> emptyProperties() {
  std::map<std::string, std::string> p;
  for (const char* n : {"igs", "label", "kind", "item", "version", "sha256", "generated-at", "status"}) p[n] = "";
  return p;
}

}  // namespace

Description Description::of(const SourceItem& it) {
  auto var = [&](const char* name) {
    auto v = it.vars.find(name);
    return v == it.vars.end() ? std::string() : v->second;
  };
  Description d;
  d.kind = it.kind;
  d.item = it.item;
  d.version = it.version;
  d.sha256 = it.sha256;
  d.size = it.size;
  d.meta = it.meta;
  d.igs = var("igs");
  d.label = var("label");
  if (!it.meta.isNull() && it.meta->has("generated_at")) d.generatedAt = it.meta->optValue<std::string>("generated_at", "");
  return d;
}

std::string sidecarText(const Description& d, const std::string& fileName) {
  auto o = head(d, fileName);
  o->set("version", d.version);
  o->set("sha256", d.sha256);
  o->set("size", static_cast<Poco::Int64>(d.size));
  if (!d.meta.isNull()) o->set("meta", d.meta);
  return text(o);
}

std::string sidecarText(const Description& d, const std::string& fileName, const Theirs& t) {
  auto o = head(d, fileName, t.status);
  if (t.folder) {
    o->set("folder", true);
  } else {
    o->set("sha256", t.sha256);
    o->set("size", static_cast<Poco::Int64>(t.size));
  }
  auto reg = newObject();
  reg->set("version", d.version);
  reg->set("sha256", d.sha256);
  reg->set("size", static_cast<Poco::Int64>(d.size));
  if (!t.copyPath.empty()) reg->set("file", lastSegment(t.copyPath));
  o->set("register_version", reg);
  return text(o);
}

std::map<std::string, std::string> propertiesOf(const Description& d) {
  auto p = emptyProperties();
  p["igs"] = d.igs;
  p["label"] = d.label;
  p["kind"] = d.kind;
  p["item"] = d.item;
  p["version"] = d.version;
  p["sha256"] = d.sha256;
  p["generated-at"] = d.generatedAt;
  return p;
}

std::map<std::string, std::string> propertiesOf(const Description& d, const Theirs& t) {
  auto p = propertiesOf(d);  // the path's own facts (igs, label, kind, item) stay
  p["version"] = "";         // these bytes are no register version
  p["generated-at"] = "";
  p["sha256"] = t.sha256;
  p["status"] = t.status;
  return p;
}

}  // namespace igsgov::sync

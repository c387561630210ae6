#include "rules/Finding.hpp"

#include "core/Sha256.hpp"

#include <algorithm>

namespace igsgov::rules {

std::string findingKey(const std::string& ruleId, const std::string& cooperation, std::vector<RecordRef> records) {
  std::sort(records.begin(), records.end(),
            [](const RecordRef& a, const RecordRef& b) { return std::tie(a.kind, a.id) < std::tie(b.kind, b.id); });
  std::string text = ruleId + "\n" + cooperation + "\n";
  for (const auto& r : records) text += r.kind + ":" + r.id + "\n";
  return sha256Hex(text).substr(0, 16);
}

JsonObject findingJson(const Finding& f) {
  auto o = newObject();
  o->set("key", f.key);
  o->set("rule", f.ruleId);
  o->set("severity", severityName(f.severity));
  if (!f.cooperation.empty()) o->set("cooperation", f.cooperation);
  o->set("message", f.message);
  auto recs = newArray();
  for (const auto& r : f.records) {
    auto ro = newObject();
    ro->set("kind", r.kind);
    ro->set("id", r.id);
    recs->add(ro);
  }
  o->set("records", recs);
  o->set("as_of", f.asOf.iso());
  auto basis = newObject();
  basis->set("citation", f.citation);
  if (!f.link.empty()) basis->set("link", f.link);
  basis->set("verified", f.verified);
  if (!f.verified) basis->set("status", "te verifiëren");
  o->set("basis", basis);
  if (f.acknowledged) {
    auto a = newObject();
    a->set("id", f.acknowledged->id);
    a->set("motivation", f.acknowledged->motivation);
    a->set("at", f.acknowledged->at);
    a->set("as_of", f.acknowledged->asOf);
    if (!f.acknowledged->actor.empty()) a->set("actor", f.acknowledged->actor);
    o->set("acknowledged", a);
  } else {
    o->set("acknowledged", false);
  }
  return o;
}

}  // namespace igsgov::rules

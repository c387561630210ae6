#include "rules/Register.hpp"

#include "core/Error.hpp"
#include "records/Entities.hpp"
#include "rules/Evaluators.hpp"

namespace igsgov::rules {
using namespace records;

const EntitySpec& ackSpec() {
  static const EntitySpec s{"rule_ack", "erkenning van een bevinding",
                            {{"finding", "finding_key", FieldType::text, true},
                             {"rule", "rule_id", FieldType::text, true},
                             {"cooperation", "cooperation_id", FieldType::text},
                             {"motivation", "motivation", FieldType::text, true},
                             {"as_of", "as_of", FieldType::date, true},
                             {"message", "message", FieldType::text, true},
                             {"withdrawn", "withdrawn", FieldType::boolean}}};
  return s;
}

const EntitySpec& overrideSpec() {
  static const EntitySpec s{"rule_override", "afwijkende regelparameter",
                            {{"cooperation", "cooperation_id", FieldType::text, true},
                             {"rule", "rule_id", FieldType::text, true},
                             {"parameter", "parameter", FieldType::text, true},
                             {"value", "value", FieldType::text, true},
                             {"motivation", "motivation", FieldType::text, true},
                             {"withdrawn", "withdrawn", FieldType::boolean}}};
  return s;
}

namespace {
bool withdrawn(const Version& v) { return v.data->has("withdrawn") && v.data->getValue<bool>("withdrawn"); }

std::string actorOf(store::Database& db, long long jseq) {
  auto& st = db.cached("SELECT actor FROM journal WHERE seq = ?");
  st.bind(1, jseq);
  return st.step() ? st.text(0) : "";
}

JsonObject store(Writer& w, const EntitySpec& spec, const std::string& id, const JsonObject& data, const std::string& reason) {
  if (auto prev = current(w.db(), spec, id))
    revise(w, spec, *prev, data, "change", reason);
  else
    create(w, spec, id, data, reason);
  return versionJson(*current(w.db(), spec, id), true);
}
}  // namespace

std::vector<OverrideRecord> currentOverrides(store::Database& db, const std::string& cooperation) {
  std::vector<OverrideRecord> out;
  for (const auto& v : cooperation.empty() ? currentAll(db, overrideSpec())
                                           : currentAll(db, overrideSpec(), "cooperation_id", cooperation)) {
    if (withdrawn(v)) continue;
    OverrideRecord o;
    o.id = v.id;
    o.cooperation = textOf(v.data, "cooperation").value_or("");
    o.rule = textOf(v.data, "rule").value_or("");
    o.parameter = textOf(v.data, "parameter").value_or("");
    o.motivation = textOf(v.data, "motivation").value_or("");
    o.at = v.recFrom;
    o.value = parseJson("[" + textOf(v.data, "value").value_or("null") + "]", "parameterwaarde " + v.id)
                  .extract<Poco::JSON::Array::Ptr>()
                  ->get(0);
    out.push_back(std::move(o));
  }
  return out;
}

std::map<std::string, Acknowledgement> currentAcknowledgements(store::Database& db) {
  std::map<std::string, Acknowledgement> out;
  for (const auto& v : currentAll(db, ackSpec())) {
    if (withdrawn(v)) continue;
    out[textOf(v.data, "finding").value_or("")] = {v.id, textOf(v.data, "motivation").value_or(""), v.recFrom,
                                                    textOf(v.data, "as_of").value_or(""), actorOf(db, v.jseq)};
  }
  return out;
}

JsonObject setOverride(Writer& w, const RuleBook& book, const std::string& cooperation, const std::string& ruleId,
                       const std::string& parameter, const std::string& valueJson, const std::string& motivation,
                       bool withdraw) {
  const std::string k = "afwijkende regelparameter";
  requireCurrent(w.db(), cooperationSpec(), cooperation, recordField(k, cooperation, "cooperation"));
  const Rule* rule = book.find(ruleId);
  if (!rule) throwNotFound("onbekende regel '" + ruleId + "'", recordField(k, cooperation, "rule"));
  std::string id = cooperation + ":" + ruleId + ":" + parameter;
  auto data = newObject();
  data->set("cooperation", cooperation);
  data->set("rule", ruleId);
  data->set("parameter", parameter);
  data->set("motivation", motivation);
  if (withdraw) {
    auto prev = current(w.db(), overrideSpec(), id);
    if (!prev || withdrawn(*prev)) throwNotFound("er is geen afwijkende waarde om in te trekken", recordField(k, id, "parameter"));
    data->set("value", textOf(prev->data, "value").value_or("null"));
    data->set("withdrawn", true);
  } else {
    Poco::Dynamic::Var value;
    try {
      // Wrapped in a list so that scalars (true, 90000, "tekst", null) parse too.
      auto list = parseJson("[" + valueJson + "]", "parameterwaarde").extract<Poco::JSON::Array::Ptr>();
      if (list->size() != 1) throw Error(ErrorCode::invalid, "één waarde verwacht");
      value = list->get(0);
    } catch (const Error&) {
      // A bare word is taken as text ("--value ja" would otherwise need quotes).
      value = valueJson;
    }
    try {
      checkParameterValue(*rule, parameter, value);
    } catch (const Error& e) {
      throwInvalid(e.message(), recordField(k, id, parameter == "" ? "parameter" : "value"));
    }
    data->set("value", canonicalJson(value));
    data->set("withdrawn", false);
  }
  return store(w, overrideSpec(), id, data, motivation);
}

JsonObject acknowledge(Writer& w, const Finding& f, const std::string& motivation, bool withdraw) {
  std::string id = "ack-" + f.key;
  auto data = newObject();
  data->set("finding", f.key);
  data->set("rule", f.ruleId);
  if (!f.cooperation.empty()) data->set("cooperation", f.cooperation);
  data->set("motivation", motivation);
  data->set("as_of", f.asOf.iso());
  data->set("message", f.message);
  data->set("withdrawn", withdraw);
  if (withdraw) {
    auto prev = current(w.db(), ackSpec(), id);
    if (!prev || withdrawn(*prev))
      throwNotFound("bevinding " + f.key + " is niet erkend", recordField("erkenning van een bevinding", id, "key"));
  }
  return store(w, ackSpec(), id, data, motivation);
}

}  // namespace igsgov::rules

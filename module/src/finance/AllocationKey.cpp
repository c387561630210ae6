#include "finance/AllocationKey.hpp"

#include "finance/Split.hpp"

#include <set>

namespace igsgov::finance {
namespace {

const std::map<std::string, KeyKind> kKinds = {
    {"per_inhabitant", KeyKind::perInhabitant},
    {"fixed_plus_per_inhabitant", KeyKind::fixedPlusPerInhabitant},
    {"per_unit", KeyKind::perUnit},
    {"weights", KeyKind::weights}};

Place itemPlace(const CostItem& item, const std::string& field) {
  return recordField("kostenpost", item.id, field);
}

std::int64_t inhabitantsOf(const CostItem& item, const PopulationTable& pop, const std::string& member) {
  auto it = pop.inhabitants.find(member);
  if (it == pop.inhabitants.end())
    throwInvalid("geen inwonersaantal voor lid '" + member + "' in de bevolkingstabel", itemPlace(item, "key"));
  return it->second;
}

std::int64_t unitsOf(const AllocationKey& key, const std::string& member) {
  auto it = key.units.find(member);
  return it == key.units.end() ? 0 : it->second;
}

bool usesInhabitants(KeyKind k) { return k == KeyKind::perInhabitant || k == KeyKind::fixedPlusPerInhabitant; }

}  // namespace

const char* keyKindName(KeyKind k) {
  for (const auto& [name, kind] : kKinds)
    if (kind == k) return name.c_str();
  return "?";
}

void validateCostItem(const CostItem& item, const std::vector<Member>& members) {
  if (item.id.empty()) throwInvalid("kostenpost zonder id", itemPlace(item, "id"));
  const auto& key = item.key;
  const bool split = key.kind == KeyKind::perInhabitant || key.kind == KeyKind::weights ||
                     (key.kind == KeyKind::perUnit && !key.rate);
  if (key.kind == KeyKind::perUnit && key.rate && item.total)
    throwInvalid("per eenheid: geef een totaal óf een tarief per eenheid, niet allebei", itemPlace(item, "total_cents"));
  if (split && !item.total) throwInvalid("deze verdeelsleutel verdeelt een totaal: totaal ontbreekt", itemPlace(item, "total_cents"));
  if (!split && item.total)
    throwInvalid("bij deze verdeelsleutel is het totaal de som van de bedragen per lid: geen totaal opgeven",
                 itemPlace(item, "total_cents"));
  if (key.kind == KeyKind::fixedPlusPerInhabitant && !key.rate)
    throwInvalid("vast deel + per inwoner: tarief per inwoner ontbreekt", itemPlace(item, "rate_micro_eur"));
  if (key.kind != KeyKind::fixedPlusPerInhabitant && !key.fixedPart.isZero())
    throwInvalid("een vast deel kan alleen bij 'fixed_plus_per_inhabitant'", itemPlace(item, "fixed_cents"));
  if ((key.kind == KeyKind::perInhabitant || key.kind == KeyKind::weights) && key.rate)
    throwInvalid("een tarief kan alleen bij 'fixed_plus_per_inhabitant' of 'per_unit'", itemPlace(item, "rate_micro_eur"));
  if (usesInhabitants(key.kind) && !key.units.empty())
    throwInvalid("een sleutel per inwoner heeft geen eenheden of gewichten", itemPlace(item, "units"));
  std::set<std::string> ids;
  for (const auto& m : members) ids.insert(m.id);
  for (const auto& [member, n] : key.units) {
    if (!ids.count(member)) throwInvalid("onbekend lid '" + member + "' in de verdeelsleutel", itemPlace(item, "units"));
    if (n < 0) throwInvalid("negatief aantal voor lid '" + member + "'", itemPlace(item, "units"));
  }
}

ItemAllocation allocate(const CostItem& item, const std::vector<Member>& members, const PopulationTable& population) {
  validateCostItem(item, members);
  const auto& key = item.key;
  if (usesInhabitants(key.kind) && !population.referenceDate)
    throwInvalid("de bevolkingstabel heeft geen peildatum", itemPlace(item, "key"));
  ItemAllocation out;
  out.itemId = item.id;
  if (item.total) {  // split kinds
    std::vector<Weight> weights;
    for (const auto& m : members)
      weights.push_back({m.id, usesInhabitants(key.kind) ? inhabitantsOf(item, population, m.id) : unitsOf(key, m.id)});
    auto shares = splitLargestRemainder(*item.total, weights, itemPlace(item, "total_cents"));
    for (std::size_t i = 0; i < members.size(); ++i) out.perMember[members[i].id] = shares[i];
    out.total = *item.total;
    return out;
  }
  for (const auto& m : members) {  // direct kinds: amount per member, total = sum
    std::int64_t count = key.kind == KeyKind::fixedPlusPerInhabitant ? inhabitantsOf(item, population, m.id)
                                                                     : unitsOf(key, m.id);
    Cents amount = key.rate->timesRounded(count);
    if (!key.rate->timesIsExact(count)) out.exact = false;
    if (key.kind == KeyKind::fixedPlusPerInhabitant) amount += key.fixedPart;
    out.perMember[m.id] = amount;
    out.total += amount;
  }
  return out;
}

JsonObject keyToJson(const AllocationKey& key) {
  auto o = newObject();
  o->set("kind", std::string(keyKindName(key.kind)));
  if (key.kind == KeyKind::fixedPlusPerInhabitant) o->set("fixed_cents", key.fixedPart.value());
  if (key.rate) o->set("rate_micro_eur", key.rate->microEuros());
  if (key.kind == KeyKind::perUnit || key.kind == KeyKind::weights) {
    auto u = newObject();
    for (const auto& [m, n] : key.units) u->set(m, n);
    o->set(key.kind == KeyKind::weights ? "weights" : "units", u);
  }
  return o;
}

AllocationKey keyFromJson(const JsonObject& obj, const std::string& itemId) {
  Reader r(obj, "verdeelsleutel", itemId);
  r.rejectUnknown({"kind", "fixed_cents", "rate_micro_eur", "units", "weights"});
  AllocationKey key;
  std::set<std::string> names;
  for (const auto& [n, k] : kKinds) names.insert(n);
  key.kind = kKinds.at(r.oneOf("kind", names));
  if (auto f = r.optInteger("fixed_cents")) key.fixedPart = Cents(*f);
  if (auto rt = r.optInteger("rate_micro_eur")) key.rate = Rate(*rt);
  const std::string unitsField = key.kind == KeyKind::weights ? "weights" : "units";
  const std::string otherField = key.kind == KeyKind::weights ? "units" : "weights";
  if (r.has(otherField)) r.fail(otherField, "hoort niet bij soort '" + std::string(keyKindName(key.kind)) + "'");
  if (auto u = r.optObject(unitsField)) {
    Reader ur(u, "verdeelsleutel", itemId);
    std::vector<std::string> members;
    u->getNames(members);
    for (const auto& m : members) key.units[m] = ur.integer(m);
  }
  return key;
}

JsonObject costItemToJson(const CostItem& item) {
  auto o = newObject();
  o->set("id", item.id);
  o->set("title", item.title);
  o->set("key", keyToJson(item.key));
  if (item.total) o->set("total_cents", item.total->value());
  return o;
}

CostItem costItemFromJson(const JsonObject& obj) {
  Reader r(obj, "kostenpost");
  r.rejectUnknown({"id", "title", "key", "total_cents"});
  CostItem item;
  item.id = r.str("id");
  Reader ri(obj, "kostenpost", item.id);
  item.title = ri.optStr("title").value_or("");
  auto k = ri.optObject("key");
  if (k.isNull()) ri.fail("key", "verdeelsleutel ontbreekt");
  item.key = keyFromJson(k, item.id);
  if (auto t = ri.optInteger("total_cents")) item.total = Cents(*t);
  return item;
}

JsonObject populationToJson(const PopulationTable& p) {
  auto o = newObject();
  if (p.referenceDate) o->set("reference_date", p.referenceDate->iso());
  if (!p.source.empty()) o->set("source", p.source);
  auto in = newObject();
  for (const auto& [m, n] : p.inhabitants) in->set(m, n);
  o->set("inhabitants", in);
  return o;
}

PopulationTable populationFromJson(const JsonObject& obj) {
  Reader r(obj, "bevolkingstabel");
  r.rejectUnknown({"reference_date", "source", "inhabitants"});
  PopulationTable p;
  p.referenceDate = r.optDate("reference_date");
  p.source = r.optStr("source").value_or("");
  if (auto in = r.optObject("inhabitants")) {
    Reader ir(in, "bevolkingstabel");
    std::vector<std::string> members;
    in->getNames(members);
    for (const auto& m : members) {
      auto n = ir.integer(m);
      if (n < 0) ir.fail(m, "negatief inwonersaantal");
      p.inhabitants[m] = n;
    }
  }
  return p;
}

JsonObject memberToJson(const Member& m) {
  auto o = newObject();
  o->set("id", m.id);
  if (!m.name.empty()) o->set("name", m.name);
  return o;
}

Member memberFromJson(const JsonObject& obj) {
  Reader r(obj, "lid");
  r.rejectUnknown({"id", "name"});
  return Member{r.str("id"), r.optStr("name").value_or("")};
}

}  // namespace igsgov::finance

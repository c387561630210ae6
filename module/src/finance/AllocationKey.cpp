#include "finance/AllocationKey.hpp"

#include "finance/Split.hpp"

#include <algorithm>
#include <set>

namespace igsgov::finance {
namespace {

const std::map<std::string, KeyKind> kKinds = {
    {"per_inhabitant", KeyKind::perInhabitant},
    {"fixed_plus_per_inhabitant", KeyKind::fixedPlusPerInhabitant},
    {"per_unit", KeyKind::perUnit},
    {"weights", KeyKind::weights},
    {"fixed_amounts", KeyKind::fixedAmounts}};

// The member kinds an inhabitant key can count, with the plural used in reasons.
const std::map<std::string, std::string> kPayerKinds = {{"gemeente", "gemeenten"}, {"ocmw", "OCMW's"}};

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

// "de gemeenten", "de gemeenten en OCMW's"
std::string payersText(const AllocationKey& key) {
  std::string out;
  for (std::size_t i = 0; i < key.payers.size(); ++i)
    out += (i == 0 ? "" : i + 1 == key.payers.size() ? " en " : ", ") + kPayerKinds.at(key.payers[i]);
  return "de " + out;
}

// Why `m` takes no part in the item, or "" when it does.
std::string exclusionReason(const AllocationKey& key, const Member& m) {
  switch (key.kind) {
    case KeyKind::perInhabitant:
    case KeyKind::fixedPlusPerInhabitant:
      if (paysByInhabitants(key, m)) return "";
      if (key.payers.empty()) return "een partner telt geen inwoners en betaalt niet mee in een sleutel per inwoner";
      return "de sleutel rekent per inwoner over " + payersText(key);
    case KeyKind::perUnit: return unitsOf(key, m.id) == 0 ? "geen eenheden in deze sleutel" : "";
    case KeyKind::weights: return unitsOf(key, m.id) == 0 ? "geen gewicht in deze sleutel" : "";
    case KeyKind::fixedAmounts: return key.amounts.count(m.id) ? "" : "geen bedrag in deze sleutel";
  }
  return "";
}

void checkPayers(const CostItem& item, const std::vector<Member>& members) {
  const auto& key = item.key;
  if (key.payers.empty()) return;
  if (!usesInhabitants(key.kind))
    throwInvalid("'payers' hoort alleen bij een sleutel per inwoner; bij '" + std::string(keyKindName(key.kind)) +
                     "' zeggen de eenheden, gewichten of bedragen wie betaalt",
                 itemPlace(item, "payers"));
  std::set<std::string> seen;
  for (const auto& p : key.payers) {
    if (p == "partner")
      throwInvalid("een partner telt geen inwoners: geef een partner een eigen kostenpost met een vast bedrag "
                   "('fixed_amounts'), eenheden ('per_unit') of een gewicht ('weights')",
                   itemPlace(item, "payers"));
    if (!kPayerKinds.count(p)) throwInvalid("onbekende soort betaler '" + p + "': kies gemeente of ocmw", itemPlace(item, "payers"));
    if (!seen.insert(p).second) throwInvalid("'" + p + "' staat twee keer bij de betalers", itemPlace(item, "payers"));
  }
  for (const auto& m : members)
    if (m.kind.empty())
      throwInvalid("de soort van lid '" + m.id + "' is niet gekend; zonder soort kan 'payers' niet bepalen of het betaalt",
                   itemPlace(item, "payers"));
}

}  // namespace

bool paysByInhabitants(const AllocationKey& key, const Member& m) {
  if (!usesInhabitants(key.kind)) return false;
  if (key.payers.empty()) return m.kind != "partner";
  return std::find(key.payers.begin(), key.payers.end(), m.kind) != key.payers.end();
}

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
  if (key.kind != KeyKind::fixedAmounts && !key.amounts.empty())
    throwInvalid("vaste bedragen per lid kunnen alleen bij 'fixed_amounts'", itemPlace(item, "amounts_cents"));
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
  if ((key.kind == KeyKind::perInhabitant || key.kind == KeyKind::weights || key.kind == KeyKind::fixedAmounts) && key.rate)
    throwInvalid("een tarief kan alleen bij 'fixed_plus_per_inhabitant' of 'per_unit'", itemPlace(item, "rate_micro_eur"));
  if ((usesInhabitants(key.kind) || key.kind == KeyKind::fixedAmounts) && !key.units.empty())
    throwInvalid(key.kind == KeyKind::fixedAmounts ? "vaste bedragen hebben geen eenheden of gewichten: gebruik 'amounts_cents'"
                                                   : "een sleutel per inwoner heeft geen eenheden of gewichten",
                 itemPlace(item, "units"));
  checkPayers(item, members);
  std::set<std::string> ids;
  for (const auto& m : members) ids.insert(m.id);
  for (const auto& [member, n] : key.units) {
    if (!ids.count(member)) throwInvalid("onbekend lid '" + member + "' in de verdeelsleutel", itemPlace(item, "units"));
    if (n < 0) throwInvalid("negatief aantal voor lid '" + member + "'", itemPlace(item, "units"));
  }
  for (const auto& [member, c] : key.amounts) {
    if (!ids.count(member)) throwInvalid("onbekend lid '" + member + "' in de verdeelsleutel", itemPlace(item, "amounts_cents"));
    if (c.value() < 0) throwInvalid("negatief bedrag voor lid '" + member + "'", itemPlace(item, "amounts_cents"));
  }
}

ItemAllocation allocate(const CostItem& item, const std::vector<Member>& members, const PopulationTable& population) {
  validateCostItem(item, members);
  const auto& key = item.key;
  if (usesInhabitants(key.kind) && !population.referenceDate)
    throwInvalid("de bevolkingstabel heeft geen peildatum", itemPlace(item, "key"));
  ItemAllocation out;
  out.itemId = item.id;
  for (const auto& m : members)
    if (auto why = exclusionReason(key, m); !why.empty()) out.excluded[m.id] = why;
  auto inhabitants = [&](const Member& m) -> std::int64_t {
    return paysByInhabitants(key, m) ? inhabitantsOf(item, population, m.id) : 0;
  };
  if (item.total) {  // split kinds
    std::vector<Weight> weights;
    for (const auto& m : members)
      weights.push_back({m.id, usesInhabitants(key.kind) ? inhabitants(m) : unitsOf(key, m.id)});
    auto shares = splitLargestRemainder(*item.total, weights, itemPlace(item, "total_cents"));
    for (std::size_t i = 0; i < members.size(); ++i) out.perMember[members[i].id] = shares[i];
    out.total = *item.total;
    return out;
  }
  for (const auto& m : members) {  // direct kinds: amount per member, total = sum
    Cents amount;
    if (key.kind == KeyKind::fixedAmounts) {
      auto it = key.amounts.find(m.id);
      if (it != key.amounts.end()) amount = it->second;
    } else if (key.kind == KeyKind::fixedPlusPerInhabitant && !paysByInhabitants(key, m)) {
      amount = Cents();  // not a payer: neither the fixed part nor the inhabitants
    } else {
      std::int64_t count = key.kind == KeyKind::fixedPlusPerInhabitant ? inhabitants(m) : unitsOf(key, m.id);
      amount = key.rate->timesRounded(count);
      if (!key.rate->timesIsExact(count)) out.exact = false;
      if (key.kind == KeyKind::fixedPlusPerInhabitant) amount += key.fixedPart;
    }
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
  if (key.kind == KeyKind::fixedAmounts) {
    auto a = newObject();
    for (const auto& [m, c] : key.amounts) a->set(m, c.value());
    o->set("amounts_cents", a);
  }
  if (!key.payers.empty()) {
    auto p = newArray();
    for (const auto& k : key.payers) p->add(k);
    o->set("payers", p);
  }
  return o;
}

AllocationKey keyFromJson(const JsonObject& obj, const std::string& itemId) {
  Reader r(obj, "verdeelsleutel", itemId);
  r.rejectUnknown({"kind", "fixed_cents", "rate_micro_eur", "units", "weights", "amounts_cents", "payers"});
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
  if (auto a = r.optObject("amounts_cents")) {
    Reader ar(a, "verdeelsleutel", itemId);
    std::vector<std::string> members;
    a->getNames(members);
    for (const auto& m : members) key.amounts[m] = Cents(ar.integer(m));
  }
  if (auto p = r.optArray("payers")) {
    if (p->size() == 0) r.fail("payers", "noem minstens één soort deelnemer die per inwoner betaalt (gemeente, ocmw)");
    for (std::size_t i = 0; i < p->size(); ++i) {
      auto v = p->get(static_cast<unsigned>(i));
      if (!v.isString()) r.fail("payers", "een lijst van soorten deelnemers verwacht, bv. [\"gemeente\"]");
      key.payers.push_back(v.extract<std::string>());
    }
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
  if (!m.kind.empty()) o->set("kind", m.kind);
  return o;
}

Member memberFromJson(const JsonObject& obj) {
  Reader r(obj, "lid");
  r.rejectUnknown({"id", "name", "kind"});
  return Member{r.str("id"), r.optStr("name").value_or(""), r.optStr("kind").value_or("")};
}

}  // namespace igsgov::finance

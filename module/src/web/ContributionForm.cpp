#include "web/ContributionForm.hpp"

#include "finance/Money.hpp"

namespace igsgov::web {

namespace {

struct Kind {
  const char* name;
  const char* label;
};
constexpr Kind kKinds[] = {{"per_inhabitant", "Per inwoner (een totaal verdelen)"},
                           {"fixed_plus_per_inhabitant", "Vast bedrag + tarief per inwoner"},
                           {"per_unit", "Per eenheid (een totaal of een tarief per eenheid)"},
                           {"weights", "Eigen gewichten (een totaal verdelen)"},
                           {"fixed_amounts", "Vaste bedragen per deelnemer"}};
struct Payers {
  const char* value;
  const char* label;
};
constexpr Payers kPayers[] = {{"", "Standaard: gemeenten en OCMW's (geen partners)"},
                              {"gemeente", "Alleen de gemeenten"},
                              {"ocmw", "Alleen de OCMW's"},
                              {"gemeente,ocmw", "Gemeenten en OCMW's"}};

std::string prefix(std::size_t i) { return "p" + std::to_string(i) + "_"; }

std::string str(const JsonObject& o, const std::string& k) {
  return o && o->has(k) && !o->isNull(k) ? o->get(k).convert<std::string>() : "";
}

// "€ 100.000,00" → "100.000,00": the form shows amounts as people type them.
std::string withoutSign(std::string s) { return s.rfind("€ ", 0) == 0 ? s.substr(4) : s; }

// The member column of a kind: which key field holds it.
std::string memberField(const std::string& kind) {
  if (kind == "weights") return "weights";
  if (kind == "fixed_amounts") return "amounts";
  return "units";
}

bool blank(const ItemForm& it) {
  if (!it.id.empty() || !it.title.empty() || !it.total.empty() || !it.fixed.empty() || !it.rate.empty()) return false;
  for (const auto& [m, v] : it.perMember)
    if (!v.empty()) return false;
  return true;
}

}  // namespace

std::string kindLabel(const std::string& kind) {
  for (const auto& k : kKinds)
    if (kind == k.name) return k.label;
  return kind;
}

KeyForm keyFormOf(const JsonObject& key) {
  KeyForm f;
  f.id = str(key, "id");
  f.title = str(key, "title");
  auto items = key ? key->getArray("items") : nullptr;
  for (std::size_t i = 0; items && i < items->size(); ++i) {
    auto o = items->getObject(static_cast<unsigned>(i));
    auto k = o->getObject("key");
    ItemForm it;
    it.id = str(o, "id");
    it.title = str(o, "title");
    it.kind = str(k, "kind");
    if (o->has("total_cents")) it.total = withoutSign(finance::formatEuro(finance::Cents(o->getValue<long long>("total_cents"))));
    if (k && k->has("fixed_cents")) it.fixed = withoutSign(finance::formatEuro(finance::Cents(k->getValue<long long>("fixed_cents"))));
    if (k && k->has("rate_micro_eur")) it.rate = withoutSign(finance::formatRate(finance::Rate(k->getValue<long long>("rate_micro_eur"))));
    if (auto payers = k ? k->getArray("payers") : nullptr)
      for (std::size_t p = 0; p < payers->size(); ++p)
        it.payers += (p ? "," : "") + payers->getElement<std::string>(static_cast<unsigned>(p));
    for (const char* field : {"units", "weights"})
      if (auto m = k ? k->getObject(field) : nullptr)
        for (const auto& name : m->getNames()) it.perMember[name] = m->get(name).convert<std::string>();
    if (auto m = k ? k->getObject("amounts_cents") : nullptr)
      for (const auto& name : m->getNames())
        it.perMember[name] = withoutSign(finance::formatEuro(finance::Cents(m->getValue<long long>(name))));
    f.items.push_back(std::move(it));
  }
  f.items.emplace_back();  // one empty item to add
  return f;
}

KeyForm keyFormFrom(const FormFields& fields, const std::vector<KeyMember>& members) {
  KeyForm f;
  f.id = field(fields, "id");
  f.title = field(fields, "titel");
  f.reason = field(fields, "reden");
  for (std::size_t i = 0; i < 100 && fields.count(prefix(i) + "soort"); ++i) {
    std::string p = prefix(i);
    ItemForm it;
    it.id = field(fields, p + "id");
    it.title = field(fields, p + "titel");
    it.kind = field(fields, p + "soort");
    it.total = field(fields, p + "totaal");
    it.fixed = field(fields, p + "vast");
    it.rate = field(fields, p + "tarief");
    it.payers = field(fields, p + "betalers");
    it.remove = !field(fields, p + "weg").empty();
    for (const auto& m : members) it.perMember[m.id] = field(fields, p + "lid_" + m.id);
    f.items.push_back(std::move(it));
  }
  return f;
}

JsonArray itemsJson(const KeyForm& form, const std::vector<KeyMember>& members) {
  auto items = newArray();
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const ItemForm& it = form.items[i];
    if (it.remove || blank(it)) continue;
    auto o = newObject();
    o->set("id", it.id);
    if (!it.title.empty()) o->set("title", it.title);
    if (!it.total.empty()) o->set("total", it.total);
    auto key = newObject();
    key->set("kind", it.kind);
    if (!it.fixed.empty()) key->set("fixed", it.fixed);
    if (!it.rate.empty()) key->set("rate", it.rate);
    if (!it.payers.empty()) {
      auto payers = newArray();
      for (std::size_t start = 0; start <= it.payers.size();) {
        std::size_t comma = std::min(it.payers.find(',', start), it.payers.size());
        payers->add(it.payers.substr(start, comma - start));
        start = comma + 1;
      }
      key->set("payers", payers);
    }
    std::string column = memberField(it.kind);
    auto perMember = newObject();
    for (const auto& m : members) {
      auto v = it.perMember.find(m.id);
      if (v == it.perMember.end() || v->second.empty()) continue;
      if (column == "amounts") {
        perMember->set(m.id, v->second);
        continue;
      }
      std::size_t used = 0;
      long long n = 0;
      try {
        n = std::stoll(v->second, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != v->second.size())
        throwInvalid("'" + v->second + "' bij " + m.name + " is geen geheel getal (" +
                         (column == "weights" ? "gewicht" : "aantal eenheden") + ")",
                     Place().set("record", "kostenpost '" + it.id + "'").set("field", "'" + column + "'"));
      perMember->set(m.id, n);
    }
    if (perMember->size() > 0) key->set(column, perMember);
    o->set("key", key);
    items->add(o);
  }
  return items;
}

void placeError(KeyForm& form, const Error& e) {
  std::string where = e.place().describe();
  std::string fieldText = e.place().fields.count("field") ? e.place().fields.at("field") : "";
  for (auto& it : form.items) {
    bool named = where.find("kostenpost '" + it.id + "'") != std::string::npos ||
                 where.find("kostenpost " + it.id + ",") != std::string::npos;
    if (it.id.empty() || !named) continue;
    static const std::vector<std::pair<std::string, std::string>> fields = {
        {"total", "totaal"},     {"fixed", "vast"},   {"rate", "tarief"},   {"payers", "betalers"},
        {"units", "leden"},      {"weights", "leden"}, {"amounts", "leden"}, {"kind", "soort"},
        {"title", "titel"},      {"'id'", "id"}};
    for (const auto& [op, formField] : fields)
      if (fieldText.find(op) != std::string::npos) {
        it.errors[formField] = e.message();
        return;
      }
    it.errors["soort"] = e.message();
    return;
  }
  if (fieldText == "'title'") form.errors["titel"] = e.message();
  else if (fieldText == "'id'") form.errors["id"] = e.message();
  else form.errors[""] = e.message();
}

JsonObject editorData(const KeyForm& form, const std::vector<KeyMember>& members) {
  auto data = newObject();
  data->set("key_id", form.id);
  data->set("key_title", form.title);
  data->set("reason", form.reason);
  auto err = [&](JsonObject o, const std::map<std::string, std::string>& errors, const std::string& f) {
    auto e = errors.find(f);
    o->set("err_" + f, e == errors.end() ? std::string() : e->second);
    o->set("has_err_" + f, e != errors.end());
  };
  for (const char* f : {"id", "titel"}) err(data, form.errors, f);
  err(data, form.errors, "");
  data->set("form_error", form.errors.count("") ? form.errors.at("") : std::string());
  data->set("has_form_error", form.errors.count("") > 0);
  bool itemErrors = false;
  for (const auto& it : form.items) itemErrors = itemErrors || !it.errors.empty();
  data->set("has_item_error", itemErrors);
  auto items = newArray();
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const ItemForm& it = form.items[i];
    auto o = newObject();
    o->set("p", prefix(i));
    o->set("number", std::to_string(i + 1));
    o->set("is_new", i + 1 == form.items.size() && it.id.empty());
    o->set("id", it.id);
    o->set("title", it.title);
    o->set("total", it.total);
    o->set("fixed", it.fixed);
    o->set("rate", it.rate);
    o->set("remove", it.remove);
    auto kinds = newArray();
    for (const auto& k : kKinds) {
      auto ko = newObject();
      ko->set("value", k.name);
      ko->set("label", k.label);
      ko->set("selected", it.kind == k.name);
      kinds->add(ko);
    }
    o->set("kinds", kinds);
    auto payers = newArray();
    for (const auto& p : kPayers) {
      auto po = newObject();
      po->set("value", p.value);
      po->set("label", p.label);
      po->set("selected", it.payers == p.value);
      payers->add(po);
    }
    o->set("payers", payers);
    auto ms = newArray();
    for (const auto& m : members) {
      auto mo = newObject();
      mo->set("id", m.id);
      mo->set("name", m.name);
      auto v = it.perMember.find(m.id);
      mo->set("value", v == it.perMember.end() ? std::string() : v->second);
      ms->add(mo);
    }
    o->set("members", ms);
    for (const char* f : {"id", "titel", "soort", "totaal", "vast", "tarief", "betalers", "leden"}) err(o, it.errors, f);
    items->add(o);
  }
  data->set("items", items);
  data->set("item_count", std::to_string(form.items.size()));
  return data;
}

}  // namespace igsgov::web

#include "finance/Plan.hpp"

#include <cstdio>
#include <set>

namespace igsgov::finance {
namespace {

template <typename E, std::size_t N>
std::optional<E> fromName(const std::string& s, const std::array<const char*, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

const std::array<const char*, 3> kLevels = {"doelstelling", "actieplan", "actie"};
const std::array<const char*, 3> kRubrieken = {"exploitatie", "investeringen", "financiering"};
const std::array<const char*, 2> kSoorten = {"uitgaven", "ontvangsten"};

Place itemPlace(const PlanItem& item, const std::string& field = "") {
  Place p;
  p.set("record", itemLabel(item));
  if (!field.empty()) p.set("field", "'" + field + "'");
  return p;
}

void trimInPlace(std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) { s.clear(); return; }
  s = s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool isBeleidsveld(const std::string& s) {
  if (s.size() != 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

const char* ownerKindName(OwnerKind k) { return k == OwnerKind::igs ? "igs" : "lid"; }
const char* levelName(Level l) { return kLevels[static_cast<int>(l)]; }
const char* rubriekName(Rubriek r) { return kRubrieken[static_cast<int>(r)]; }
const char* soortName(Soort s) { return kSoorten[static_cast<int>(s)]; }
std::optional<Level> levelFromName(const std::string& s) { return fromName<Level>(s, kLevels); }
std::optional<Rubriek> rubriekFromName(const std::string& s) { return fromName<Rubriek>(s, kRubrieken); }
std::optional<Soort> soortFromName(const std::string& s) { return fromName<Soort>(s, kSoorten); }

PlanPeriod PlanPeriod::of(int firstYear, int lastYear) {
  if (lastYear != firstYear + 5 || ((firstYear - 2020) % 6 + 6) % 6 != 0)
    throwInvalid("ongeldige planperiode " + std::to_string(firstYear) + "-" + std::to_string(lastYear) +
                     ": een meerjarenplan loopt zes jaar, gelijk met 2020-2025, 2026-2031, ...",
                 Place().set("field", "'periode'"));
  PlanPeriod p;
  p.first_ = firstYear;
  return p;
}

PlanPeriod PlanPeriod::containing(int year) {
  int offset = ((year - 2020) % 6 + 6) % 6;
  return of(year - offset, year - offset + 5);
}

std::string PlanPeriod::text() const { return std::to_string(first_) + "-" + std::to_string(first_ + 5); }

bool YearAmounts::isZero() const {
  for (auto c : cells)
    if (!c.isZero()) return false;
  return true;
}

const PlanItem* Plan::find(const std::string& code) const {
  for (const auto& i : items)
    if (i.code == code) return &i;
  return nullptr;
}

Cents Plan::total(int year, Rubriek r, Soort s) const {
  Cents sum;
  for (const auto& i : items) {
    auto it = i.amounts.find(year);
    if (it != i.amounts.end()) sum += it->second.at(r, s);
  }
  return sum;
}

std::string itemLabel(const PlanItem& item) { return std::string(levelName(item.level)) + " '" + item.code + "'"; }

void validatePlan(Plan& plan) {
  if (plan.owner.id.empty()) throwInvalid("meerjarenplan zonder eigenaar", Place().set("field", "'eigenaar'"));
  if (plan.version < 0) throwInvalid("negatief versienummer", Place().set("field", "'versie'"));
  std::map<std::string, Level> levels;
  for (auto& item : plan.items) {
    trimInPlace(item.code);
    trimInPlace(item.parentCode);
    trimInPlace(item.title);
    trimInPlace(item.beleidsveld);
    if (item.code.empty()) throwInvalid("item zonder code", itemPlace(item, "code"));
    if (!levels.emplace(item.code, item.level).second)
      throwInvalid("code '" + item.code + "' komt meer dan eens voor", itemPlace(item, "code"));
  }
  for (auto& item : plan.items) {
    if (item.title.empty()) throwInvalid("titel ontbreekt", itemPlace(item, "titel"));
    if (item.level == Level::doelstelling) {
      if (!item.parentCode.empty())
        throwInvalid("een beleidsdoelstelling heeft geen bovenliggend item", itemPlace(item, "bovenliggend"));
    } else {
      Level want = item.level == Level::actieplan ? Level::doelstelling : Level::actieplan;
      auto it = levels.find(item.parentCode);
      if (item.parentCode.empty()) throwInvalid("bovenliggend item ontbreekt", itemPlace(item, "bovenliggend"));
      if (it == levels.end())
        throwInvalid("bovenliggend item '" + item.parentCode + "' bestaat niet", itemPlace(item, "bovenliggend"));
      if (it->second != want)
        throwInvalid("bovenliggend item '" + item.parentCode + "' moet een " + levelName(want) + " zijn",
                     itemPlace(item, "bovenliggend"));
    }
    if (!item.beleidsveld.empty() && !isBeleidsveld(item.beleidsveld))
      throwInvalid("beleidsveld '" + item.beleidsveld + "' is geen code van 4 cijfers", itemPlace(item, "beleidsveld"));
    if (item.level == Level::actie && item.beleidsveld.empty())
      throwInvalid("een actie moet een beleidsveld hebben", itemPlace(item, "beleidsveld"));
    for (auto it = item.amounts.begin(); it != item.amounts.end();) {
      if (!plan.period.contains(it->first))
        throwInvalid("boekjaar " + std::to_string(it->first) + " valt buiten de planperiode " + plan.period.text(),
                     itemPlace(item, "boekjaar"));
      it = it->second.isZero() ? item.amounts.erase(it) : std::next(it);
    }
    if (item.igsLink) {
      if (plan.owner.kind != OwnerKind::member || item.level != Level::doelstelling)
        throwInvalid("alleen een beleidsdoelstelling in het plan van een lid kan naar een IGS verwijzen",
                     itemPlace(item, "koppeling_igs"));
      if (item.igsLink->igsId.empty() || item.igsLink->doelstellingCode.empty())
        throwInvalid("koppeling met de IGS is onvolledig", itemPlace(item, "koppeling_igs"));
    }
  }
}

JsonObject planToJson(const Plan& plan) {
  auto o = newObject();
  auto owner = newObject();
  owner->set("kind", std::string(ownerKindName(plan.owner.kind)));
  owner->set("id", plan.owner.id);
  o->set("owner", owner);
  o->set("period", plan.period.text());
  o->set("version", plan.version);
  if (!plan.versionLabel.empty()) o->set("version_label", plan.versionLabel);
  auto items = newArray();
  for (const auto& i : plan.items) {
    auto io = newObject();
    io->set("level", std::string(levelName(i.level)));
    io->set("code", i.code);
    if (!i.parentCode.empty()) io->set("parent", i.parentCode);
    io->set("title", i.title);
    io->set("prioritair", i.prioritair);
    if (!i.beleidsveld.empty()) io->set("beleidsveld", i.beleidsveld);
    if (i.igsLink) {
      auto l = newObject();
      l->set("igs", i.igsLink->igsId);
      l->set("doelstelling", i.igsLink->doelstellingCode);
      io->set("igs_link", l);
    }
    auto years = newArray();
    for (const auto& [year, a] : i.amounts) {
      auto yo = newObject();
      yo->set("year", year);
      for (int r = 0; r < 3; ++r)
        for (int s = 0; s < 2; ++s) {
          Cents c = a.at(static_cast<Rubriek>(r), static_cast<Soort>(s));
          if (!c.isZero()) yo->set(std::string(kRubrieken[r]) + "_" + kSoorten[s] + "_cents", c.value());
        }
      years->add(yo);
    }
    io->set("amounts", years);
    items->add(io);
  }
  o->set("items", items);
  return o;
}

Plan planFromJson(const JsonObject& obj) {
  Reader r(obj, "meerjarenplan");
  r.rejectUnknown({"owner", "period", "version", "version_label", "items"});
  Plan plan;
  auto owner = r.optObject("owner");
  if (owner.isNull()) r.fail("owner", "eigenaar ontbreekt");
  Reader ro(owner, "meerjarenplan");
  ro.rejectUnknown({"kind", "id"});
  plan.owner.kind = ro.oneOf("kind", {"igs", "lid"}) == "igs" ? OwnerKind::igs : OwnerKind::member;
  plan.owner.id = ro.str("id");
  std::string period = r.str("period");
  int first = 0, last = 0;
  char dash = 0, extra = 0;
  if (std::sscanf(period.c_str(), "%d%c%d%c", &first, &dash, &last, &extra) != 3 || dash != '-')
    r.fail("period", "periode 'JJJJ-JJJJ' verwacht: '" + period + "'");
  try {
    plan.period = PlanPeriod::of(first, last);
  } catch (const Error& e) {
    r.fail("period", e.message());
  }
  plan.version = static_cast<int>(r.optInteger("version").value_or(0));
  plan.versionLabel = r.optStr("version_label").value_or("");
  if (auto items = r.optArray("items"))
    for (std::size_t k = 0; k < items->size(); ++k) {
      auto v = items->get(static_cast<unsigned>(k));
      if (v.type() != typeid(Poco::JSON::Object::Ptr))
        throwInvalid("object verwacht", Place().set("record", "item " + std::to_string(k + 1)));
      auto io = v.extract<Poco::JSON::Object::Ptr>();
      Reader ir(io, "item", std::to_string(k + 1));
      ir.rejectUnknown({"level", "code", "parent", "title", "prioritair", "beleidsveld", "igs_link", "amounts"});
      PlanItem item;
      item.level = *levelFromName(ir.oneOf("level", {"doelstelling", "actieplan", "actie"}));
      item.code = ir.str("code");
      Reader ic(io, levelName(item.level), item.code);
      item.parentCode = ic.optStr("parent").value_or("");
      item.title = ic.optStr("title").value_or("");
      item.prioritair = ic.optBoolean("prioritair").value_or(false);
      item.beleidsveld = ic.optStr("beleidsveld").value_or("");
      if (auto l = ic.optObject("igs_link")) {
        Reader lr(l, levelName(item.level), item.code);
        lr.rejectUnknown({"igs", "doelstelling"});
        item.igsLink = IgsLink{lr.str("igs"), lr.str("doelstelling")};
      }
      if (auto years = ic.optArray("amounts"))
        for (std::size_t y = 0; y < years->size(); ++y) {
          auto yv = years->get(static_cast<unsigned>(y));
          if (yv.type() != typeid(Poco::JSON::Object::Ptr)) ic.fail("amounts", "object per boekjaar verwacht");
          Reader yr(yv.extract<Poco::JSON::Object::Ptr>(), levelName(item.level), item.code);
          std::set<std::string> known = {"year"};
          for (auto rn : kRubrieken)
            for (auto sn : kSoorten) known.insert(std::string(rn) + "_" + sn + "_cents");
          yr.rejectUnknown(known);
          int year = static_cast<int>(yr.integer("year"));
          if (item.amounts.count(year)) yr.fail("year", "boekjaar " + std::to_string(year) + " komt twee keer voor");
          YearAmounts a;
          for (int rr = 0; rr < 3; ++rr)
            for (int s = 0; s < 2; ++s)
              a.at(static_cast<Rubriek>(rr), static_cast<Soort>(s)) =
                  Cents(yr.optInteger(std::string(kRubrieken[rr]) + "_" + kSoorten[s] + "_cents").value_or(0));
          item.amounts[year] = a;
        }
      plan.items.push_back(std::move(item));
    }
  validatePlan(plan);
  return plan;
}

}  // namespace igsgov::finance

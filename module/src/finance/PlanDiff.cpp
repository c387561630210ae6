#include "finance/PlanDiff.hpp"

#include <map>

namespace igsgov::finance {
namespace {

std::string flag(bool b) { return b ? "ja" : "nee"; }
std::string link(const std::optional<IgsLink>& l) { return l ? l->igsId + ":" + l->doelstellingCode : ""; }

YearAmounts amountsOf(const PlanItem& item, int year) {
  auto it = item.amounts.find(year);
  return it == item.amounts.end() ? YearAmounts{} : it->second;
}

std::vector<AmountChange> amountChanges(const PlanItem* before, const PlanItem* after, const PlanPeriod& period) {
  std::vector<AmountChange> out;
  for (int year = period.firstYear(); year <= period.lastYear(); ++year) {
    YearAmounts b = before ? amountsOf(*before, year) : YearAmounts{};
    YearAmounts a = after ? amountsOf(*after, year) : YearAmounts{};
    for (int r = 0; r < 3; ++r)
      for (int s = 0; s < 2; ++s) {
        auto rr = static_cast<Rubriek>(r);
        auto ss = static_cast<Soort>(s);
        if (b.at(rr, ss) != a.at(rr, ss)) out.push_back({year, rr, ss, b.at(rr, ss), a.at(rr, ss)});
      }
  }
  return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string amountLine(const AmountChange& c) {
  Cents d = c.delta();
  return std::to_string(c.year) + " " + rubriekName(c.rubriek) + " " + soortName(c.soort) + ": " +
         formatEuro(c.before) + " → " + formatEuro(c.after) + " (" + (d.value() > 0 ? "+" : "") + formatEuro(d) + ")";
}

JsonObject amountJson(const AmountChange& c) {
  auto o = newObject();
  o->set("year", c.year);
  o->set("rubriek", std::string(rubriekName(c.rubriek)));
  o->set("soort", std::string(soortName(c.soort)));
  o->set("before_cents", c.before.value());
  o->set("after_cents", c.after.value());
  o->set("delta_cents", c.delta().value());
  return o;
}

}  // namespace

PlanDiff diffPlans(const Plan& before, const Plan& after) {
  if (!(before.owner == after.owner) || !(before.period == after.period))
    throwInvalid("versies van verschillende meerjarenplannen kunnen niet vergeleken worden (" +
                 std::string(ownerKindName(before.owner.kind)) + " '" + before.owner.id + "' " + before.period.text() +
                 " tegenover " + ownerKindName(after.owner.kind) + " '" + after.owner.id + "' " + after.period.text() + ")");
  PlanDiff d;
  d.owner = after.owner;
  d.period = after.period;
  d.fromVersion = before.version;
  d.toVersion = after.version;
  d.fromLabel = before.versionLabel;
  d.toLabel = after.versionLabel;
  for (const auto& a : after.items) {
    const PlanItem* b = before.find(a.code);
    if (!b) {
      d.added.push_back(a);
      continue;
    }
    ItemChange c;
    c.code = a.code;
    c.level = a.level;
    c.title = a.title;
    auto field = [&](const char* name, const std::string& x, const std::string& y) {
      if (x != y) c.fields.push_back({name, x, y});
    };
    field("niveau", levelName(b->level), levelName(a.level));
    field("bovenliggend", b->parentCode, a.parentCode);
    field("titel", b->title, a.title);
    field("prioritair", flag(b->prioritair), flag(a.prioritair));
    field("beleidsveld", b->beleidsveld, a.beleidsveld);
    field("koppeling_igs", link(b->igsLink), link(a.igsLink));
    c.amounts = amountChanges(b, &a, d.period);
    if (!c.fields.empty() || !c.amounts.empty()) d.changed.push_back(std::move(c));
  }
  for (const auto& b : before.items)
    if (!after.find(b.code)) d.removed.push_back(b);
  for (int year = d.period.firstYear(); year <= d.period.lastYear(); ++year)
    for (int r = 0; r < 3; ++r)
      for (int s = 0; s < 2; ++s) {
        auto rr = static_cast<Rubriek>(r);
        auto ss = static_cast<Soort>(s);
        Cents x = before.total(year, rr, ss), y = after.total(year, rr, ss);
        if (x != y) d.totals.push_back({year, rr, ss, x, y});
      }
  return d;
}

std::string diffToText(const PlanDiff& d) {
  auto version = [](int v, const std::string& label) {
    return "versie " + std::to_string(v) + (label.empty() ? "" : " (" + label + ")");
  };
  std::string out = "Meerjarenplan " + std::string(d.owner.kind == OwnerKind::igs ? "IGS" : "lid") + " '" +
                    d.owner.id + "' " + d.period.text() + ": " + version(d.fromVersion, d.fromLabel) + " → " +
                    version(d.toVersion, d.toLabel) + "\n";
  if (d.empty()) return out + "Geen wijzigingen.\n";
  for (const auto& i : d.added) {
    out += "Toegevoegd: " + itemLabel(i) + " " + quoted(i.title) + "\n";
    for (const auto& c : amountChanges(nullptr, &i, d.period)) out += "  " + amountLine(c) + "\n";
  }
  for (const auto& i : d.removed) {
    out += "Verwijderd: " + itemLabel(i) + " " + quoted(i.title) + "\n";
    for (const auto& c : amountChanges(&i, nullptr, d.period)) out += "  " + amountLine(c) + "\n";
  }
  for (const auto& c : d.changed) {
    out += "Gewijzigd: " + std::string(levelName(c.level)) + " '" + c.code + "' " + quoted(c.title) + "\n";
    for (const auto& f : c.fields) out += "  " + f.field + ": " + quoted(f.before) + " → " + quoted(f.after) + "\n";
    for (const auto& a : c.amounts) out += "  " + amountLine(a) + "\n";
  }
  if (!d.totals.empty()) {
    out += "Totalen van het plan:\n";
    for (const auto& t : d.totals) out += "  " + amountLine(t) + "\n";
  }
  return out;
}

JsonObject diffToJson(const PlanDiff& d) {
  auto o = newObject();
  auto owner = newObject();
  owner->set("kind", std::string(ownerKindName(d.owner.kind)));
  owner->set("id", d.owner.id);
  o->set("owner", owner);
  o->set("period", d.period.text());
  o->set("from_version", d.fromVersion);
  o->set("to_version", d.toVersion);
  auto items = [](const std::vector<PlanItem>& v) {
    auto a = newArray();
    for (const auto& i : v) {
      auto io = newObject();
      io->set("level", std::string(levelName(i.level)));
      io->set("code", i.code);
      io->set("title", i.title);
      a->add(io);
    }
    return a;
  };
  o->set("added", items(d.added));
  o->set("removed", items(d.removed));
  auto changed = newArray();
  for (const auto& c : d.changed) {
    auto co = newObject();
    co->set("level", std::string(levelName(c.level)));
    co->set("code", c.code);
    co->set("title", c.title);
    auto fields = newArray();
    for (const auto& f : c.fields) {
      auto fo = newObject();
      fo->set("field", f.field);
      fo->set("before", f.before);
      fo->set("after", f.after);
      fields->add(fo);
    }
    co->set("fields", fields);
    auto amounts = newArray();
    for (const auto& a : c.amounts) amounts->add(amountJson(a));
    co->set("amounts", amounts);
    changed->add(co);
  }
  o->set("changed", changed);
  auto totals = newArray();
  for (const auto& t : d.totals) totals->add(amountJson(t));
  o->set("totals", totals);
  return o;
}

}  // namespace igsgov::finance

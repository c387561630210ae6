#include "finance/Schedule.hpp"

#include <set>

namespace igsgov::finance {

Schedule computeSchedule(const ScheduleInputs& inputs) {
  std::set<std::string> memberIds;
  for (const auto& m : inputs.members)
    if (m.id.empty() || !memberIds.insert(m.id).second)
      throwInvalid("lid '" + m.id + "' is leeg of komt twee keer voor", Place().set("record", "verdeling"));
  Schedule s;
  s.inputs = inputs;
  int previous = 0;
  for (const auto& yi : inputs.years) {
    Place yp;
    yp.set("record", "boekjaar " + std::to_string(yi.year));
    if (!s.years.empty() && yi.year <= previous)
      throwInvalid("boekjaren moeten stijgend en uniek zijn", yp);
    previous = yi.year;
    YearSchedule ys;
    ys.year = yi.year;
    std::set<std::string> itemIds;
    std::vector<ItemAllocation> allocations;
    for (const auto& item : yi.items) {
      if (!itemIds.insert(item.id).second) throwInvalid("kostenpost '" + item.id + "' komt twee keer voor", yp);
      try {
        allocations.push_back(allocate(item, inputs.members, yi.population));
      } catch (Error& e) {
        Place p = e.place();
        p.set("record", p.fields.count("record") ? p.fields["record"] + " (boekjaar " + std::to_string(yi.year) + ")"
                                                 : yp.fields["record"]);
        throw Error(e.errorCode(), e.message(), p);
      }
    }
    for (const auto& m : inputs.members) {
      MemberLine line;
      line.member = m.id;
      for (const auto& a : allocations) {
        Cents c = a.perMember.at(m.id);
        line.items[a.itemId] = c;
        line.total += c;
        if (auto why = a.excluded.find(m.id); why != a.excluded.end()) line.excluded[a.itemId] = why->second;
      }
      ys.lines.push_back(std::move(line));
    }
    for (const auto& a : allocations) {
      ys.itemTotals[a.itemId] = a.total;
      ys.total += a.total;
      if (!a.exact) ys.exact = false;
    }
    s.years.push_back(std::move(ys));
  }
  return s;
}

const YearSchedule& Schedule::year(int y) const {
  for (const auto& ys : years)
    if (ys.year == y) return ys;
  throwNotFound("geen boekjaar " + std::to_string(y) + " in de verdeling");
}

Cents Schedule::amount(int y, const std::string& member, const std::string& item) const {
  for (const auto& line : year(y).lines)
    if (line.member == member) {
      auto it = line.items.find(item);
      if (it == line.items.end()) throwNotFound("geen kostenpost '" + item + "' in boekjaar " + std::to_string(y));
      return it->second;
    }
  throwNotFound("geen lid '" + member + "' in de verdeling");
}

Cents Schedule::memberTotal(int y, const std::string& member) const {
  for (const auto& line : year(y).lines)
    if (line.member == member) return line.total;
  throwNotFound("geen lid '" + member + "' in de verdeling");
}

JsonObject scheduleInputsToJson(const ScheduleInputs& in) {
  auto o = newObject();
  o->set("title", in.title);
  auto members = newArray();
  for (const auto& m : in.members) members->add(memberToJson(m));
  o->set("members", members);
  auto years = newArray();
  for (const auto& y : in.years) {
    auto yo = newObject();
    yo->set("year", y.year);
    yo->set("population", populationToJson(y.population));
    auto items = newArray();
    for (const auto& it : y.items) items->add(costItemToJson(it));
    yo->set("items", items);
    years->add(yo);
  }
  o->set("years", years);
  return o;
}

namespace {
JsonObject objectAt(const JsonArray& arr, std::size_t i, const std::string& kind) {
  auto v = arr->get(static_cast<unsigned>(i));
  if (v.type() != typeid(Poco::JSON::Object::Ptr))
    throwInvalid("object verwacht", Place().set("record", kind + " " + std::to_string(i + 1)));
  return v.extract<Poco::JSON::Object::Ptr>();
}
}  // namespace

ScheduleInputs scheduleInputsFromJson(const JsonObject& obj) {
  Reader r(obj, "verdeling");
  r.rejectUnknown({"title", "members", "years"});
  ScheduleInputs in;
  in.title = r.optStr("title").value_or("");
  if (auto ms = r.optArray("members"))
    for (std::size_t i = 0; i < ms->size(); ++i) in.members.push_back(memberFromJson(objectAt(ms, i, "lid")));
  if (auto ys = r.optArray("years"))
    for (std::size_t i = 0; i < ys->size(); ++i) {
      auto yo = objectAt(ys, i, "boekjaar");
      Reader yr(yo, "boekjaar");
      yr.rejectUnknown({"year", "population", "items"});
      YearInputs y;
      y.year = static_cast<int>(yr.integer("year"));
      if (auto p = yr.optObject("population")) y.population = populationFromJson(p);
      if (auto items = yr.optArray("items"))
        for (std::size_t k = 0; k < items->size(); ++k)
          y.items.push_back(costItemFromJson(objectAt(items, k, "kostenpost")));
      in.years.push_back(std::move(y));
    }
  return in;
}

JsonObject scheduleToJson(const Schedule& s) {
  auto o = newObject();
  o->set("inputs", scheduleInputsToJson(s.inputs));
  auto years = newArray();
  for (const auto& ys : s.years) {
    auto yo = newObject();
    yo->set("year", ys.year);
    yo->set("total_cents", ys.total.value());
    yo->set("exact", ys.exact);
    auto totals = newObject();
    for (const auto& [id, c] : ys.itemTotals) totals->set(id, c.value());
    yo->set("item_totals", totals);
    auto lines = newArray();
    for (const auto& l : ys.lines) {
      auto lo = newObject();
      lo->set("member", l.member);
      lo->set("total_cents", l.total.value());
      auto items = newObject();
      for (const auto& [id, c] : l.items) items->set(id, c.value());
      lo->set("items", items);
      lines->add(lo);
    }
    yo->set("members", lines);
    years->add(yo);
  }
  o->set("years", years);
  return o;
}

JsonArray exclusionsToJson(const YearSchedule& y) {
  auto out = newArray();
  for (const auto& line : y.lines)
    for (const auto& [item, why] : line.excluded) {
      auto o = newObject();
      o->set("member", line.member);
      o->set("item", item);
      o->set("reason", why);
      out->add(o);
    }
  return out;
}

Schedule scheduleFromJson(const JsonObject& obj) {
  Reader r(obj, "verdeling");
  r.rejectUnknown({"inputs", "years"});
  auto in = r.optObject("inputs");
  if (in.isNull()) r.fail("inputs", "de gegevens waaruit de verdeling berekend is ontbreken");
  Schedule computed = computeSchedule(scheduleInputsFromJson(in));
  // Compare the stored figures with the recomputation through their canonical JSON.
  auto stored = r.optArray("years");
  auto expected = scheduleToJson(computed)->getArray("years");
  const std::size_t n = stored.isNull() ? 0 : stored->size();
  if (n != expected->size())
    throw Error(ErrorCode::integrity, "de verdeling heeft " + std::to_string(n) + " boekjaren, de herberekening " +
                                          std::to_string(expected->size()),
                Place().set("record", "verdeling"));
  for (std::size_t i = 0; i < n; ++i) {
    auto so = objectAt(stored, i, "boekjaar");
    auto eo = expected->getObject(static_cast<unsigned>(i));
    if (canonicalJson(so) == canonicalJson(eo)) continue;
    std::string where = "boekjaar " + std::to_string(computed.years[i].year);
    auto sl = so->getArray("members");
    auto el = eo->getArray("members");
    for (std::size_t k = 0; !sl.isNull() && k < sl->size() && k < el->size(); ++k)
      if (canonicalJson(sl->get(static_cast<unsigned>(k))) != canonicalJson(el->get(static_cast<unsigned>(k)))) {
        where += ", lid '" + computed.years[i].lines[k].member + "'";
        break;
      }
    throw Error(ErrorCode::integrity, "de bedragen van de verdeling volgen niet uit haar gegevens",
                Place().set("record", where));
  }
  return computed;
}

}  // namespace igsgov::finance

// Contributions per member: from the call, or from the register's stored
// contribution schedule (budget::latestSchedule, verified and recomputed by
// finance::scheduleFromJson, which also gives why a member pays nothing).
#include "budget/Contributions.hpp"
#include "core/Error.hpp"
#include "documents/DataParts.hpp"
#include "finance/Schedule.hpp"

namespace igsgov::documents {

namespace {

Contributions fromInput(const std::vector<MemberRef>& members, int year, const JsonObject& input) {
  Contributions out;
  out.source = "opgegeven bij het maken van het document";
  for (const auto& key : input->getNames()) {
    Place place;
    place.set("field", "contributions." + key);
    const MemberRef* m = findMember(members, key, place);
    if (!m) throwNotFound("'" + key + "' is geen deelnemer van het samenwerkingsverband op de gevraagde datum", place);
    auto v = input->get(key);
    Contribution c;
    c.year = year;
    if (v.isInteger()) {
      c.cents = v.convert<long long>();
    } else if (v.isString()) {
      c.cents = finance::parseAmount(v.convert<std::string>(), place).value();
    } else {
      throwInvalid("bijdrage verwacht in cent (geheel getal) of als bedrag (\"12.500,00\")", place);
    }
    if (c.cents < 0) throwInvalid("een bijdrage kan niet negatief zijn", place);
    out.byMember[m->id] = c;
  }
  return out;
}

}  // namespace

Contributions loadContributions(store::Database& db, const std::string& cooperation,
                                const std::vector<MemberRef>& members, int year, const JsonObject& input) {
  if (input && input->size() > 0) return fromInput(members, year, input);
  Contributions out;
  out.source = "geen verdeling van de bijdragen in het register voor " + std::to_string(year);
  auto stored = budget::latestSchedule(db, cooperation, year);
  if (!stored) return out;
  const std::string& keyId = stored->keyId;
  const std::string& title = stored->keyTitle;  // "" when the key has no title but its id
  const finance::Schedule& schedule = stored->schedule;
  for (const auto& y : schedule.years) {
    if (y.year != year) continue;
    std::map<std::string, std::string> itemTitles;  // item id → its title, as the letter names it
    for (const auto& in : schedule.inputs.years)
      if (in.year == year)
        for (const auto& item : in.items) itemTitles[item.id] = item.title.empty() ? item.id : item.title;
    for (const auto& line : y.lines) {
      const MemberRef* m = findMember(members, line.member, Place().set("field", "contributions"));
      if (!m) continue;
      std::string reason;
      if (line.total.isZero())
        for (const auto& [item, why] : line.excluded)
          reason += (reason.empty() ? "" : "; ") + (itemTitles.count(item) ? itemTitles[item] : item) + ": " + why;
      out.byMember[m->id] = Contribution{line.total.value(), year, title, reason};
    }
  }
  out.fromRegister = true;
  out.key = title;
  out.source = "verdeelsleutel '" + (title.empty() ? keyId : title) + "' in het register";
  return out;
}

}  // namespace igsgov::documents

#include "records/MandateLookup.hpp"
#include "records/Entities.hpp"

namespace igsgov::records {
namespace {

const char* const kOpenEnd = "9999-12-31";

std::string describe(const std::string& mandate, const std::string& person, const std::string& from,
                     const std::string& until) {
  return "mandaat '" + mandate + "' van '" + person + "' (" + from + " – " + (until.empty() ? std::string("…") : until) +
         ")";
}

}  // namespace

const Version* DbLookup::current(const EntitySpec& spec, const std::string& id) {
  auto v = records::current(db_, spec, id);
  if (!v) return nullptr;
  read_.push_back(std::move(*v));
  return &read_.back();
}

bool DbLookup::exists(const EntitySpec& spec, const std::string& id) { return records::exists(db_, spec, id); }

SeatHolders DbLookup::holders(const std::string& seat, const std::string& mandateId, const Date& from,
                              const std::optional<Date>& until) {
  auto& st = db_.cached(
      "SELECT id, person_id, valid_from, valid_until FROM mandate WHERE seat_id = ? AND rec_to IS NULL "
      "AND retracted = 0 AND id <> ? AND valid_from <= coalesce(?, '9999-12-31') "
      "AND coalesce(valid_until, '9999-12-31') >= ? ORDER BY valid_from");
  st.bind(1, seat).bind(2, mandateId).bind(3, until ? std::optional<std::string>(until->iso()) : std::nullopt);
  st.bind(4, from.iso());
  SeatHolders out;
  while (st.step())
    if (++out.count == 1) out.first = describe(st.text(0), st.text(1), st.text(2), st.text(3));
  return out;
}

const Version* ImportLookup::current(const EntitySpec& spec, const std::string& id) {
  auto& known = entities_[&spec];
  if (auto it = known.find(id); it != known.end()) return &it->second;  // elements stay put on rehash
  auto v = records::current(db_, spec, id);
  if (!v) return nullptr;
  return &known.emplace(id, std::move(*v)).first->second;
}

bool ImportLookup::exists(const EntitySpec& spec, const std::string& id) {
  auto& known = existing_[&spec];
  if (known.count(id)) return true;
  if (auto e = entities_.find(&spec); e != entities_.end() && e->second.count(id)) return true;
  if (!records::exists(db_, spec, id)) return false;
  known.insert(id);
  return true;
}

void ImportLookup::created(const EntitySpec& spec, const std::string& id) {
  existing_[&spec].insert(id);
  if (&spec == &seatSpec()) seats_.emplace(id, std::vector<Holder>{});  // new: no holders in the database
}

std::vector<ImportLookup::Holder>& ImportLookup::seatHolders(const std::string& seat) {
  auto it = seats_.find(seat);
  if (it != seats_.end()) return it->second;
  auto& list = seats_[seat];
  auto& st = db_.cached(
      "SELECT id, person_id, valid_from, valid_until FROM mandate WHERE seat_id = ? AND rec_to IS NULL "
      "AND retracted = 0 ORDER BY valid_from");
  st.bind(1, seat);
  while (st.step()) list.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
  return list;
}

SeatHolders ImportLookup::holders(const std::string& seat, const std::string& mandateId, const Date& from,
                                  const std::optional<Date>& until) {
  // Same condition as DbLookup's query, on ISO date strings (they sort as dates).
  std::string lo = from.iso(), hi = until ? until->iso() : std::string(kOpenEnd);
  SeatHolders out;
  const Holder* first = nullptr;
  for (const auto& h : seatHolders(seat)) {
    if (h.mandate == mandateId || h.from > hi || (!h.until.empty() && h.until < lo)) continue;
    ++out.count;
    if (!first || h.from < first->from) first = &h;
  }
  if (first) out.first = describe(first->mandate, first->person, first->from, first->until);
  return out;
}

void ImportLookup::added(const std::string& seat, const std::string& mandateId, const std::string& person,
                         const Date& from, const std::optional<Date>& until) {
  seatHolders(seat).push_back({mandateId, person, from.iso(), until ? until->iso() : std::string()});
}

}  // namespace igsgov::records

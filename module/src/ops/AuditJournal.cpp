#include "ops/AuditJournal.hpp"

#include "core/Date.hpp"
#include "core/LocalTime.hpp"
#include "core/Timestamp.hpp"
#include "core/Csv.hpp"

#include <cstdio>
#include <set>
#include <sstream>

namespace igsgov::ops {
namespace {

constexpr long long kMaxLimit = 1000000;

// The UTC instant where a Belgian calendar day starts (transitions happen at
// 01:00 UTC, never at local midnight, so the offset one hour before is right).
Micros belgianDayStart(const Date& d) {
  Micros midnightUtc = static_cast<Micros>(d.days()) * 86'400'000'000LL;
  return midnightUtc - static_cast<Micros>(brusselsOffsetMinutes(midnightUtc - 3'600'000'000LL)) * 60'000'000LL;
}

// `from`/`until` as a bound on the stored UTC text; `endOfDay` for until with a date.
std::optional<std::string> instantBound(const Reader& r, const std::string& field, bool endOfDay) {
  auto text = r.optStr(field);
  if (!text) return std::nullopt;
  if (text->size() == 10) {
    auto d = Date::parse(*text);
    if (!d) r.fail(field, "'" + *text + "' is geen geldige datum (JJJJ-MM-DD)");
    return formatTimestamp(belgianDayStart(endOfDay ? d->addDays(1) : *d) - (endOfDay ? 1 : 0));
  }
  auto us = parseTimestamp(*text);
  if (!us) r.fail(field, "'" + *text + "' is geen geldige datum of tijdstip (JJJJ-MM-DD of JJJJ-MM-DDTUU:MM:SSZ)");
  return formatTimestamp(*us);
}

// Journal entries whose effects inserted or closed a row with `id` = record.
std::set<long long> entriesOfRecord(store::Database& db, const std::string& record) {
  std::set<long long> seqs;
  std::vector<std::string> tables;
  auto t = db.prepare("SELECT DISTINCT tbl FROM journal_effect ORDER BY tbl");
  while (t.step()) tables.push_back(t.text(0));
  for (const auto& table : tables) {
    auto probe = db.prepare("SELECT * FROM \"" + table + "\" LIMIT 0");
    bool hasId = false;
    for (int i = 0; i < probe.columnCount(); ++i) hasId = hasId || probe.columnName(i) == "id";
    if (!hasId) continue;
    auto st = db.prepare("SELECT DISTINCT e.seq FROM journal_effect e JOIN \"" + table +
                         "\" r ON r.row_id BETWEEN e.first_row AND e.last_row WHERE e.tbl = ? AND r.id = ?");
    st.bind(1, table).bind(2, record);
    while (st.step()) seqs.insert(st.integer(0));
  }
  return seqs;
}

// "06/12/2026 08:22:05": a cell that spreadsheets in Belgium read as a date and time.
std::string belgianCell(const std::string& timestamp) {
  auto us = parseTimestamp(timestamp);
  if (!us) return timestamp;
  LocalDateTime t = brusselsLocal(*us);
  char clock[16];
  std::snprintf(clock, sizeof clock, " %02d:%02d:%02d", t.hour, t.minute, t.second);
  return dutchShortDate(t.date) + clock;
}

}  // namespace

JsonObject auditJournal(store::Database& db, const JsonObject& in) {
  Reader r(in, "journaal");
  long long fromSeq = r.optInteger("from_seq").value_or(1);
  if (auto after = r.optInteger("after")) {  // the change feed's cursor: entries after this one
    if (in->has("from_seq")) r.fail("after", "geef 'after' of 'from_seq', niet beide");
    if (*after < 0) r.fail("after", "moet 0 of meer zijn");
    fromSeq = *after + 1;
  }
  long long limit = r.optInteger("limit").value_or(100);
  if (limit < 1 || limit > kMaxLimit) r.fail("limit", "moet tussen 1 en " + std::to_string(kMaxLimit) + " liggen");
  auto from = instantBound(r, "from", false);
  auto until = instantBound(r, "until", true);
  auto actor = r.optStr("by");
  auto operation = r.optStr("operation");
  auto record = r.optStr("record");
  bool csv = r.optBoolean("csv").value_or(false);

  std::string sql = "SELECT seq, at, actor, operation, reason, effect_count, hash, key_id FROM journal WHERE seq >= ?";
  if (from) sql += " AND at >= ?";
  if (until) sql += " AND at <= ?";
  if (actor) sql += " AND actor = ?";
  bool areaWide = operation && operation->size() > 2 && operation->ends_with(".*");
  if (operation) sql += areaWide ? " AND substr(operation, 1, ?) = ?" : " AND operation = ?";
  sql += " ORDER BY seq";
  auto st = db.prepare(sql);
  int n = 1;
  st.bind(n++, fromSeq);
  if (from) st.bind(n++, *from);
  if (until) st.bind(n++, *until);
  if (actor) st.bind(n++, *actor);
  if (areaWide) {
    std::string prefix = operation->substr(0, operation->size() - 1);  // "mandate."
    st.bind(n++, static_cast<long long>(prefix.size()));
    st.bind(n++, prefix);
  } else if (operation) {
    st.bind(n++, *operation);
  }
  std::optional<std::set<long long>> ofRecord;
  if (record) ofRecord = entriesOfRecord(db, *record);

  auto list = newArray();
  std::vector<std::vector<std::string>> rows = {{"regel", "tijdstip (Belgische tijd)", "tijdstip (UTC)", "door", "operatie", "reden", "rijen", "hash", "sleutel-id"}};
  bool more = false;
  while (st.step()) {
    long long seq = st.integer(0);
    if (ofRecord && !ofRecord->count(seq)) continue;
    if (static_cast<long long>(list->size()) == limit) {
      more = true;
      break;
    }
    auto e = newObject();
    e->set("seq", seq);
    e->set("at", st.text(1));
    e->set("actor", st.text(2));
    e->set("operation", st.text(3));
    if (!st.isNull(4) && !st.text(4).empty()) e->set("reason", st.text(4));
    e->set("effects", st.integer(5));
    e->set("hash", st.text(6));
    if (!st.isNull(7)) e->set("key_id", st.text(7));
    list->add(e);
    rows.push_back({std::to_string(seq), belgianCell(st.text(1)), st.text(1), st.text(2), st.text(3), st.text(4), std::to_string(st.integer(5)),
                    st.text(6), st.text(7)});
  }
  auto out = newObject();
  out->set("entries", list);
  out->set("more", more);
  // The cursor for the next page (--after): the last entry listed.
  out->set("next", list->size() ? list->getObject(static_cast<unsigned>(list->size() - 1))->get("seq") : Poco::Dynamic::Var());
  if (csv) out->set("csv", writeCsv(rows));
  return out;
}

std::string auditJournalText(const JsonObject& o) {
  if (o->has("csv")) return o->getValue<std::string>("csv");
  auto list = o->getArray("entries");
  std::ostringstream os;
  if (list->size() == 0) return "Geen journaalregels die aan de filters voldoen.\n";
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto e = list->getObject(static_cast<unsigned>(i));
    os << "Regel " << e->getValue<long long>("seq") << " — " << dutchDateTime(e->getValue<std::string>("at")) << " — "
       << e->getValue<std::string>("actor") << " — " << e->getValue<std::string>("operation") << " ("
       << e->getValue<long long>("effects") << (e->getValue<long long>("effects") == 1 ? " rij)" : " rijen)") << "\n";
    if (e->has("reason")) os << "  reden: " << e->getValue<std::string>("reason") << "\n";
    os << "  hash: " << e->getValue<std::string>("hash");
    if (e->has("key_id")) os << ", ondertekend met sleutel " << e->getValue<std::string>("key_id");
    os << "\n";
  }
  if (o->optValue<bool>("more", false))
    os << "Er zijn meer regels: vraag de volgende met --after " << o->getValue<long long>("next")
       << " of verhoog --limit.\n";
  return os.str();
}

}  // namespace igsgov::ops

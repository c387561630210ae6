#include "exports/Sheets.hpp"

namespace igsgov::exports {

namespace {

std::string str(const JsonObject& o, const std::string& key) {
  if (!o || !o->has(key) || o->get(key).isEmpty()) return "";
  return o->get(key).convert<std::string>();
}

JsonObject sub(const JsonObject& o, const std::string& key) {
  return o && o->isObject(key) ? o->getObject(key) : JsonObject();
}

template <class Fn>
void each(const JsonObject& o, const std::string& key, Fn fn) {
  if (!o || !o->isArray(key)) return;
  auto a = o->getArray(key);
  for (std::size_t i = 0; i < a->size(); ++i) fn(a->getObject(static_cast<unsigned>(i)));
}

std::string yesNo(const JsonObject& o, const std::string& key) {
  if (!o || !o->has(key) || o->get(key).isEmpty()) return "";
  return o->getValue<bool>(key) ? "ja" : "nee";
}

std::string word(const Words& words, const std::string& key, const std::string& code) {
  return code.empty() ? code : words(key, code);
}

std::string nameOf(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second;
}

// The decision columns shared by composition and mandate history.
const std::vector<Column> kDecisionColumns = {
    {"Besluit door", Kind::text, 28}, {"Datum besluit", Kind::date, 13}, {"Referentie besluit", Kind::text, 18}};

void addDecision(std::vector<std::string>& row, const JsonObject& decision) {
  row.push_back(str(decision, "council"));
  row.push_back(str(decision, "date"));
  row.push_back(str(decision, "reference"));
}

}  // namespace

Table compositionTable(const JsonObject& comp, const Words& words) {
  Table t;
  t.title = "Samenstelling";
  t.columns = {{"Rol", Kind::text, 20},       {"Naam", Kind::text, 28},     {"Deelnemer", Kind::text, 22},
               {"NIS-code", Kind::text, 10},  {"Zijde", Kind::text, 13},    {"Fractie", Kind::text, 16},
               {"Stemrecht", Kind::text, 10}, {"Statuut", Kind::text, 12},  {"Van", Kind::date, 12},
               {"Tot", Kind::date, 12}};
  t.columns.insert(t.columns.end(), kDecisionColumns.begin(), kDecisionColumns.end());
  t.columns.push_back({"Mandaat (id)", Kind::text, 26});
  each(comp, "mandates", [&](const JsonObject& m) {
    auto member = sub(m, "member");
    std::vector<std::string> row{str(m, "role_label").empty() ? word(words, "role", str(m, "role")) : str(m, "role_label"),
                                 str(sub(m, "person"), "name"),
                                 str(member, "name"),
                                 str(member, "nis"),
                                 word(words, "side", str(m, "side")),
                                 str(m, "fractie"),
                                 yesNo(m, "voting"),
                                 word(words, "status", str(m, "status")),
                                 str(m, "from"),
                                 str(m, "until")};
    addDecision(row, sub(m, "decision"));
    row.push_back(str(m, "mandate"));
    t.rows.push_back(std::move(row));
  });
  return t;
}

Table mandatesTable(const SeatHistories& h, const Words& words) {
  Table t;
  t.title = "Mandaatgeschiedenis";
  t.columns = {{"Zetel", Kind::text, 24},      {"Mandaat (id)", Kind::text, 26}, {"Versie", Kind::integer, 8},
               {"Naam", Kind::text, 28},       {"Deelnemer", Kind::text, 22},    {"Rol", Kind::text, 20},
               {"Zijde", Kind::text, 13},      {"Fractie", Kind::text, 16},      {"Stemrecht", Kind::text, 10},
               {"Statuut", Kind::text, 12},    {"Van", Kind::date, 12},          {"Tot", Kind::date, 12},
               {"Ingetrokken", Kind::text, 12}};
  t.columns.insert(t.columns.end(), kDecisionColumns.begin(), kDecisionColumns.end());
  t.columns.insert(t.columns.end(), {{"Voorganger (id)", Kind::text, 26},
                                     {"Vastgelegd op (UTC)", Kind::timestamp, 20},
                                     {"Soort registratie", Kind::text, 18},
                                     {"Vastgelegd door", Kind::text, 20},
                                     {"Reden", Kind::text, 30}});
  for (const auto& seat : h.seats) {
    std::string label = str(seat, "label").empty() ? str(seat, "id") : str(seat, "label");
    each(seat, "mandates", [&](const JsonObject& mandate) {
      long long version = 0;
      each(mandate, "versions", [&](const JsonObject& v) {
        auto rec = sub(v, "recorded");
        std::vector<std::string> row{label,
                                     str(v, "id"),
                                     std::to_string(++version),
                                     nameOf(h.personNames, str(v, "person")),
                                     nameOf(h.memberNames, str(v, "member")),
                                     word(words, "role", str(v, "role")),
                                     word(words, "side", str(v, "side")),
                                     str(v, "fractie"),
                                     yesNo(v, "voting"),
                                     word(words, "status", str(v, "status")),
                                     str(v, "from"),
                                     str(v, "until"),
                                     yesNo(v, "retracted")};
        addDecision(row, sub(v, "decision"));
        row.push_back(str(v, "predecessor"));
        row.push_back(str(rec, "from"));
        row.push_back(word(words, "kind", str(rec, "kind")));
        row.push_back(str(rec, "actor"));
        row.push_back(str(rec, "reason"));
        t.rows.push_back(std::move(row));
      });
    });
  }
  return t;
}

Table membersTable(const JsonObject& coop, const std::map<std::string, Inhabitants>& inhabitants,
                   const JsonObject& schedule, const Words& words) {
  Table t;
  t.title = "Deelnemers";
  t.columns = {{"Deelnemer", Kind::text, 28}, {"Soort", Kind::text, 12},     {"NIS-code", Kind::text, 10},
               {"Van", Kind::date, 12},       {"Tot", Kind::date, 12},       {"Inwoners", Kind::integer, 11},
               {"Peildatum inwoners", Kind::date, 13}};
  // The schedule of the year: items (id, title) and per member the amount of each, and the total.
  std::vector<std::pair<std::string, std::string>> items;
  std::map<std::string, JsonObject> perMember;
  JsonObject yearRow;
  if (schedule) {
    auto s = sub(schedule, "schedule");
    each(s, "years", [&](const JsonObject& y) {
      if (str(y, "year") == str(schedule, "year")) yearRow = y;
    });
    each(sub(s, "inputs"), "years", [&](const JsonObject& y) {
      if (str(y, "year") != str(schedule, "year")) return;
      each(y, "items", [&](const JsonObject& item) { items.emplace_back(str(item, "id"), str(item, "title")); });
    });
    each(yearRow, "members", [&](const JsonObject& m) { perMember[str(m, "member")] = m; });
    for (const auto& [id, title] : items)
      t.columns.push_back({"Bijdrage " + str(schedule, "year") + ": " + (title.empty() ? id : title), Kind::amount, 18});
    t.columns.push_back({"Bijdrage " + str(schedule, "year") + " totaal", Kind::amount, 18});
  }
  each(coop, "members", [&](const JsonObject& m) {
    std::string id = str(m, "id");
    auto inh = inhabitants.find(id);
    std::vector<std::string> row{str(m, "name"),
                                 word(words, "kind", str(m, "kind")),
                                 str(m, "nis"),
                                 str(m, "from"),
                                 str(m, "until"),
                                 inh == inhabitants.end() ? "" : std::to_string(inh->second.count),
                                 inh == inhabitants.end() ? "" : inh->second.peildatum};
    if (schedule) {
      auto pm = perMember.find(id);
      JsonObject amounts = pm == perMember.end() ? JsonObject() : sub(pm->second, "items");
      for (const auto& item : items) row.push_back(str(amounts, item.first));
      row.push_back(pm == perMember.end() ? "" : str(pm->second, "total_cents"));
    }
    t.rows.push_back(std::move(row));
  });
  return t;
}

Table findingsTable(const JsonObject& check, const Words& words) {
  Table t;
  t.title = "Bevindingen";
  t.columns = {{"Ernst", Kind::text, 13},          {"Regel", Kind::text, 24},          {"Bevinding", Kind::text, 70},
               {"Betreft", Kind::text, 30},        {"Rechtsgrond", Kind::text, 36},    {"Link", Kind::text, 30},
               {"Geverifieerd", Kind::text, 12},   {"Erkend", Kind::text, 9},          {"Erkend op (UTC)", Kind::timestamp, 20},
               {"Reden erkenning", Kind::text, 36}, {"Datum controle", Kind::date, 14}, {"Sleutel", Kind::text, 18}};
  each(check, "findings", [&](const JsonObject& f) {
    std::string about;
    each(f, "records", [&](const JsonObject& r) {
      about += (about.empty() ? "" : ", ") + word(words, "kind", str(r, "kind")) + " " + str(r, "id");
    });
    auto basis = sub(f, "basis");
    auto ack = sub(f, "acknowledged");
    t.rows.push_back({str(f, "severity"), str(f, "rule"), str(f, "message"), about, str(basis, "citation"),
                      str(basis, "link"), yesNo(basis, "verified"), ack ? "ja" : "nee", str(ack, "at"),
                      str(ack, "motivation"), str(f, "as_of"), str(f, "key")});
  });
  return t;
}

}  // namespace igsgov::exports

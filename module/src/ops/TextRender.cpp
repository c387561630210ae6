#include "ops/TextRender.hpp"

#include "core/Date.hpp"
#include "core/LocalTime.hpp"
#include "ops/DutchText.hpp"

#include <algorithm>
#include <vector>

#include <sstream>

namespace igsgov::ops {
namespace {

using Var = Poco::Dynamic::Var;

bool isObject(const Var& v) { return v.type() == typeid(Poco::JSON::Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Poco::JSON::Array::Ptr); }

std::string pad(int n) { return std::string(static_cast<size_t>(n) * 2, ' '); }

// Characters on a terminal: UTF-8 code points (continuation bytes do not count).
std::size_t displayWidth(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// The keys of an object in output order, each with the key whose label it
// shows: "x_label" is shown as "x" (the person-readable form of the code),
// and "x" is left out when its "_label" exists.
std::vector<std::pair<std::string, std::string>> shownKeys(const JsonObject& o) {
  std::vector<std::string> names;
  o->getNames(names);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& n : names) {
    if (o->has(n + "_label")) continue;
    std::string labelKey = n.size() > 6 && n.ends_with("_label") ? n.substr(0, n.size() - 6) : n;
    out.emplace_back(n, labelKey);
  }
  return out;
}

bool flat(const JsonObject& o) {
  for (const auto& [key, labelKey] : shownKeys(o))
    if (isObject(o->get(key)) || isArray(o->get(key))) return false;
  return true;
}

void renderObject(std::ostringstream& os, const JsonObject& o, int indent, bool headed = false, const std::string& parentId = "");

// A list of flat objects with short values as a table: Dutch headers, one row each.
// A column whose every cell names the object that holds the list (each
// member's "cooperation" in a cooperation) is left out: it says nothing.
bool renderTable(std::ostringstream& os, const Poco::JSON::Array::Ptr& a, int indent, const std::string& parentId) {
  constexpr std::size_t kMaxCell = 40;
  std::vector<std::pair<std::string, std::string>> columns;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto item = a->get(static_cast<unsigned>(i));
    if (!isObject(item) || !flat(item.extract<JsonObject>())) return false;
    for (const auto& k : shownKeys(item.extract<JsonObject>()))
      if (std::find(columns.begin(), columns.end(), k) == columns.end()) columns.push_back(k);
  }
  if (!parentId.empty()) {
    std::erase_if(columns, [&](const std::pair<std::string, std::string>& c) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        auto o = a->getObject(static_cast<unsigned>(i));
        if (!o->has(c.first) || o->get(c.first).convert<std::string>() != parentId) return false;
      }
      return true;
    });
  }
  if (columns.empty() || columns.size() > 8) return false;
  std::vector<std::vector<std::string>> rows(1);
  for (const auto& c : columns) rows[0].push_back(capitalised(dutchLabel(c.second)));
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto o = a->getObject(static_cast<unsigned>(i));
    std::vector<std::string> row;
    for (const auto& [key, labelKey] : columns) {
      std::string cell = o->has(key) ? dutchValue(labelKey, o->get(key)) : "";
      if (displayWidth(cell) > kMaxCell) return false;
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  os << textTable(rows, indent);
  return true;
}

// The line that heads an item of a list: its name, title or label, with its id.
std::string itemHeading(const JsonObject& o) {
  std::string id = o->has("id") && !isObject(o->get("id")) ? o->get("id").convert<std::string>() : "";
  for (const char* k : {"name", "title", "label", "display_name"}) {
    if (o->has(k) && !isObject(o->get(k)) && !isArray(o->get(k))) {
      std::string name = o->get(k).convert<std::string>();
      return id.empty() || id == name ? name : name + " (" + id + ")";
    }
  }
  return id;
}

void renderValue(std::ostringstream& os, const Var& v, int indent, const std::string& labelKey, const std::string& parentId) {
  std::string label = capitalised(dutchLabel(labelKey));
  if (isObject(v)) {
    os << pad(indent) << label << ":\n";
    renderObject(os, v.extract<JsonObject>(), indent + 1);
    return;
  }
  if (!isArray(v)) {
    os << pad(indent) << label << ": " << dutchValue(labelKey, v) << "\n";
    return;
  }
  auto a = v.extract<Poco::JSON::Array::Ptr>();
  if (a->size() == 0) {
    os << pad(indent) << label << ": geen\n";
    return;
  }
  bool scalars = true;
  for (std::size_t i = 0; i < a->size(); ++i)
    if (isObject(a->get(static_cast<unsigned>(i))) || isArray(a->get(static_cast<unsigned>(i)))) scalars = false;
  if (scalars) {
    os << pad(indent) << label << ": ";
    for (std::size_t i = 0; i < a->size(); ++i) os << (i ? ", " : "") << dutchValue(labelKey, a->get(static_cast<unsigned>(i)));
    os << "\n";
    return;
  }
  os << pad(indent) << label << " (" << a->size() << "):\n";
  if (renderTable(os, a, indent + 1, parentId)) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto item = a->get(static_cast<unsigned>(i));
    if (!isObject(item)) {
      renderValue(os, item, indent + 1, labelKey, parentId);
      continue;
    }
    auto o = item.extract<JsonObject>();
    std::string heading = itemHeading(o);
    os << pad(indent + 1) << "- " << (heading.empty() ? std::to_string(i + 1) : heading) << "\n";
    renderObject(os, o, indent + 2, !heading.empty(), parentId);
  }
}

// `headed`: the item's heading line (itemHeading) was written above it.
// `parentId`: the id of the object that holds this one; a field that only repeats it is left out.
void renderObject(std::ostringstream& os, const JsonObject& o, int indent, bool headed, const std::string& parentId) {
  std::string heading = headed ? itemHeading(o) : "";
  for (const auto& [key, labelKey] : shownKeys(o)) {
    // The item's heading line already shows its name and id.
    if (!heading.empty() && (key == "id" || key == "name" || key == "title" || key == "label" || key == "display_name")) continue;
    const Var& v = o->get(key);
    if (!parentId.empty() && !isObject(v) && !isArray(v) && !v.isEmpty() && key != "id" && v.convert<std::string>() == parentId) continue;
    renderValue(os, v, indent, labelKey, o->has("id") && !isObject(o->get("id")) ? o->get("id").convert<std::string>() : "");
  }
}

std::string dateText(const std::string& iso) {
  auto d = Date::parse(iso);
  return d ? dutchLongDate(*d) : iso;
}

}  // namespace

std::string genericText(const JsonObject& output) {
  std::ostringstream os;
  if (!output.isNull()) renderObject(os, output, 0);
  return os.str();
}

std::string compositionText(const JsonObject& o) {
  std::ostringstream os;
  auto body = o->getObject("body");
  os << body->optValue<std::string>("name", "") << " (" << body->optValue<std::string>("id", "") << ")";
  if (body->has("cooperation_name")) os << " — " << body->getValue<std::string>("cooperation_name");
  os << "\nSamenstelling op " << dateText(o->getValue<std::string>("as_of"));
  if (o->has("known_at")) os << ", zoals gekend op " << o->getValue<std::string>("known_at");
  os << "\n";
  if (!o->getValue<bool>("body_active")) os << "Let op: het orgaan was op die datum niet actief.\n";
  auto list = o->getArray("mandates");
  if (list->size() == 0) os << "  (niemand)\n";
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto m = list->getObject(static_cast<unsigned>(i));
    auto person = m->getObject("person");
    os << "  " << m->getValue<std::string>("role_label") << ": " << person->getValue<std::string>("name");
    if (person->has("fictitious")) os << " (fictief)";
    if (m->has("member")) os << ", voor " << m->getObject("member")->getValue<std::string>("name");
    if (m->has("side")) os << ", " << m->getValue<std::string>("side");
    if (m->has("fractie")) os << " (" << m->getValue<std::string>("fractie") << ")";
    os << (m->getValue<bool>("voting") ? ", stemgerechtigd" : ", raadgevend");
    os << ", sinds " << dateText(m->getValue<std::string>("from"));
    if (m->has("until")) os << " tot en met " << dateText(m->getValue<std::string>("until"));
    if (m->has("decision")) {
      auto d = m->getObject("decision");
      os << "\n      aangeduid door " << d->optValue<std::string>("council", "?");
      if (d->has("date")) os << " op " << dateText(d->getValue<std::string>("date"));
      if (d->has("reference")) os << " (" << d->getValue<std::string>("reference") << ")";
    }
    os << "\n";
  }
  auto c = o->getObject("counts");
  os << "Totaal " << c->getValue<long long>("total") << ": " << c->getValue<long long>("voting") << " stemgerechtigd, "
     << c->getValue<long long>("advisory") << " raadgevend; " << c->getValue<long long>("meerderheid")
     << " meerderheid, " << c->getValue<long long>("oppositie") << " oppositie\n";
  return os.str();
}

}  // namespace igsgov::ops

namespace igsgov::ops {
namespace {

std::string str(const JsonObject& o, const std::string& key) {
  return o->has(key) && !o->get(key).isEmpty() ? o->get(key).convert<std::string>() : "";
}

// One line about a mandate version: role, person, side, voting, period, decision.
std::string mandateLine(const JsonObject& m) {
  std::string line = dutchValue("role", m->get("role")) + ", persoon " + str(m, "person");
  if (m->has("side")) line += ", " + dutchValue("side", m->get("side"));
  if (m->has("fractie")) line += " (" + str(m, "fractie") + ")";
  if (m->has("voting")) line += m->getValue<bool>("voting") ? ", stemgerechtigd" : ", raadgevend";
  if (m->has("from")) line += ", van " + dutchValue("from", m->get("from"));
  if (m->has("until")) line += " tot en met " + dutchValue("until", m->get("until"));
  if (m->has("status")) line += ", " + dutchValue("status", m->get("status"));
  if (m->optValue<bool>("retracted", false)) line += ", INGETROKKEN";
  return line;
}

std::string decisionLine(const JsonObject& m) {
  auto d = m->getObject("decision");
  if (!d) return "";
  std::string line = "aangeduid door " + (d->has("council") ? str(d, "council") : std::string("?"));
  if (d->has("date")) line += " op " + dutchValue("date", d->get("date"));
  if (d->has("reference")) line += " (" + str(d, "reference") + ")";
  return line;
}

// The fields a version changed against the one before: "fractie: Open VLD → N-VA".
std::vector<std::string> changedFields(const JsonObject& before, const JsonObject& after) {
  std::vector<std::string> out;
  std::vector<std::string> names;
  after->getNames(names);
  std::vector<std::string> old;
  before->getNames(old);
  for (const auto& n : old)
    if (!after->has(n)) names.push_back(n);
  for (const auto& n : names) {
    if (n == "recorded" || n == "decision" || n == "id") continue;
    std::string a = before->has(n) ? dutchValue(n, before->get(n)) : "-";
    std::string b = after->has(n) ? dutchValue(n, after->get(n)) : "-";
    if (a != b) out.push_back(dutchLabel(n) + ": " + a + " → " + b);
  }
  std::string da = before->has("decision") ? decisionLine(before) : "", db = after->has("decision") ? decisionLine(after) : "";
  if (da != db) out.push_back("besluit: " + (db.empty() ? std::string("-") : db));
  return out;
}

std::string journalNote(const JsonObject& o) {
  auto j = o->getObject("journal");
  return j ? "Journaalregel " + str(j, "seq") + ".\n" : "";
}

}  // namespace

std::string mandateWriteText(const JsonObject& o) {
  std::ostringstream os;
  if (o->has("ended") && o->has("started")) {
    auto ended = o->getObject("ended"), started = o->getObject("started");
    os << "Mandaat " << str(ended, "id") << " eindigt op " << dutchValue("until", ended->get("until")) << "; mandaat "
       << str(started, "id") << " neemt over vanaf " << dutchValue("from", started->get("from")) << ".\n"
       << "  nieuw: " << mandateLine(started) << "\n";
    if (started->has("decision")) os << "  " << decisionLine(started) << "\n";
    os << journalNote(o);
    return os.str();
  }
  auto recorded = o->getObject("recorded");
  std::string kind = recorded ? str(recorded, "kind") : "";
  std::string id = str(o, "id");
  if (kind == "create") os << "Mandaat " << id << " geregistreerd.\n";
  else if (kind == "correction") os << "Correctie van mandaat " << id << " geregistreerd.\n";
  else if (kind == "end") os << "Mandaat " << id << " beëindigd op " << dutchValue("until", o->get("until")) << ".\n";
  else if (kind == "retraction") os << "Mandaat " << id << " ingetrokken.\n";
  else os << "Mandaat " << id << " bijgewerkt.\n";
  os << "  " << mandateLine(o) << "\n";
  if (o->has("decision")) os << "  " << decisionLine(o) << "\n";
  if (recorded && recorded->has("reason")) os << "  reden: " << str(recorded, "reason") << "\n";
  os << journalNote(o);
  return os.str();
}

std::string mandateHistoryText(const JsonObject& o) {
  std::ostringstream os;
  os << "Geschiedenis van mandaat " << str(o, "mandate") << ", zoals het register ze kent\n";
  auto chain = o->getArray("chain");
  for (std::size_t i = 0; chain && i < chain->size(); ++i) {
    auto link = chain->getObject(static_cast<unsigned>(i));
    auto versions = link->getArray("versions");
    os << "\nMandaat " << str(link, "id") << (i ? " (opvolger)" : "") << "\n";
    JsonObject previous;
    for (std::size_t k = 0; versions && k < versions->size(); ++k) {
      auto v = versions->getObject(static_cast<unsigned>(k));
      auto rec = v->getObject("recorded");
      os << "  " << (rec ? dutchDateTime(str(rec, "from")) : std::string("?")) << " — "
         << (rec ? dutchValue("kind", rec->get("kind")) : std::string("?"));
      if (rec && rec->has("actor")) os << " door " << str(rec, "actor");
      if (rec && rec->has("journal_seq")) os << " (journaalregel " << str(rec, "journal_seq") << ")";
      os << "\n";
      if (rec && rec->has("reason")) os << "      reden: " << str(rec, "reason") << "\n";
      if (!previous) {
        os << "      " << mandateLine(v) << "\n";
        if (v->has("decision")) os << "      " << decisionLine(v) << "\n";
      } else {
        auto changes = changedFields(previous, v);
        if (changes.empty()) os << "      geen verandering in de gegevens\n";
        for (const auto& c : changes) os << "      " << c << "\n";
      }
      previous = v;
    }
  }
  return os.str();
}

std::string textTable(const std::vector<std::vector<std::string>>& rows, int indent) {
  std::size_t n = 0;
  for (const auto& row : rows) n = std::max(n, row.size());
  std::vector<std::size_t> widths(n, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row[c]));
  std::string out;
  for (const auto& row : rows) {
    std::string line = pad(indent);
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - displayWidth(row[c]) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace igsgov::ops

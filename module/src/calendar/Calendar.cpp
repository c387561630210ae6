#include "calendar/Calendar.hpp"

#include "core/Embedded.hpp"
#include "core/Error.hpp"
#include "core/Json.hpp"
#include "core/JsonFile.hpp"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace igsgov {
EmbeddedFiles embeddedCalendars();
}

namespace igsgov::calendar {
namespace {

Place at(const std::string& source, const std::string& part) {
  Place p;
  p.set("file", source);
  if (!part.empty()) p.set("part", part);
  return p;
}

std::string text(const JsonObject& o, const std::string& key, const std::string& source, const std::string& part,
                 bool required = true) {
  if (!o->has(key) || o->isNull(key)) {
    if (required) throwInvalid("verplicht veld '" + key + "' ontbreekt", at(source, part));
    return "";
  }
  if (!o->get(key).isString()) throwInvalid("veld '" + key + "' is een tekst", at(source, part));
  return o->getValue<std::string>(key);
}

Date date(const JsonObject& o, const std::string& key, const std::string& source, const std::string& part) {
  std::string t = text(o, key, source, part);
  auto d = Date::parse(t);
  if (!d) throwInvalid("veld '" + key + "': '" + t + "' is geen datum (JJJJ-MM-DD)", at(source, part));
  return *d;
}

bool flag(const JsonObject& o, const std::string& key, const std::string& source, const std::string& part) {
  if (!o->has(key) || !o->get(key).isBoolean()) throwInvalid("'" + key + "' (true of false) ontbreekt", at(source, part));
  return o->getValue<bool>(key);
}

std::set<std::string> texts(const JsonObject& o, const std::string& key, const std::string& source) {
  std::set<std::string> out;
  if (!o->has(key)) return out;
  auto a = o->getArray(key);
  if (a.isNull()) throwInvalid("'" + key + "' is een lijst van teksten", at(source, "applies_to"));
  for (std::size_t i = 0; i < a->size(); ++i) out.insert(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

}  // namespace

CalendarFile parseCalendarFile(const std::string& body, const std::string& source, const std::string& fileName) {
  auto doc = parseJsonFile(body, source);
  CalendarFile f;
  f.source = source;
  f.name = text(doc, "calendar", source, "");
  if (f.name + ".json" != fileName)
    throwInvalid("de kalender heet '" + f.name + "' maar het bestand '" + fileName + "'", at(source, "calendar"));
  f.title = text(doc, "title", source, "");
  auto applies = doc->getObject("applies_to");
  if (applies.isNull()) throwInvalid("'applies_to' ontbreekt", at(source, "applies_to"));
  f.all = applies->has("all") && applies->get("all").isBoolean() && applies->getValue<bool>("all");
  f.domains = texts(applies, "domains", source);
  f.legalForms = texts(applies, "legal_forms", source);
  if (auto events = doc->getArray("events")) {
    for (std::size_t i = 0; i < events->size(); ++i) {
      auto e = events->getObject(static_cast<unsigned>(i));
      std::string part = "events[" + std::to_string(i) + "]";
      if (e.isNull()) throwInvalid("een gebeurtenis is een object", at(source, part));
      FixedEvent ev;
      ev.id = text(e, "id", source, part);
      part = "gebeurtenis '" + ev.id + "'";
      ev.date = date(e, "date", source, part);
      ev.title = text(e, "title", source, part);
      ev.description = text(e, "description", source, part, false);
      ev.source = text(e, "source", source, part, false);
      ev.verified = flag(e, "verified", source, part);
      for (const auto& other : f.events)
        if (other.id == ev.id) throwInvalid("id '" + ev.id + "' komt meer dan eens voor", at(source, part));
      f.events.push_back(ev);
    }
  }
  if (auto list = doc->getArray("redesignation")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto e = list->getObject(static_cast<unsigned>(i));
      std::string part = "redesignation[" + std::to_string(i) + "]";
      if (e.isNull()) throwInvalid("een heraanduiding is een object", at(source, part));
      Redesignation r{date(e, "election", source, part), date(e, "councils_installed", source, part),
                      date(e, "deadline", source, part), flag(e, "verified", source, part)};
      if (r.deadline < r.councilsInstalled || r.councilsInstalled < r.election)
        throwInvalid("verwacht verkiezing ≤ installatie ≤ uiterste datum", at(source, part));
      f.redesignations.push_back(r);
    }
  }
  if (auto renewal = doc->getObject("renewal")) {
    if (!renewal->has("months_before_term_end") || !renewal->get("months_before_term_end").isInteger())
      throwInvalid("'months_before_term_end' is een geheel getal", at(source, "renewal"));
    int m = renewal->getValue<int>("months_before_term_end");
    if (m < 0 || m > 120) throwInvalid("'months_before_term_end' ligt tussen 0 en 120", at(source, "renewal"));
    f.renewalMonthsBefore = m;
    f.renewalVerified = flag(renewal, "verified", source, "renewal");
  }
  return f;
}

Calendar loadCalendar(const std::string& dirArg) {
  std::map<std::string, CalendarFile> byName;
  for (const auto& e : embeddedCalendars())
    byName[e.name] = parseCalendarFile(std::string(e.bytes), std::string("ingebouwd:") + e.name, e.name);
  Calendar cal;
  std::string dir = dirArg;
  if (dir.empty())
    if (const char* env = std::getenv("IGSGOV_CALENDAR_DIR")) dir = env;
  if (!dir.empty()) {
    Poco::File d(dir);
    if (!d.exists() || !d.isDirectory()) throwNotFound("kalendermap '" + dir + "' bestaat niet", at(dir, ""));
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
      const std::string n = it.name();
      if (n.size() <= 5 || n.substr(n.size() - 5) != ".json") continue;
      std::string path = Poco::Path(dir).append(n).toString(), body;
      try {
        Poco::FileInputStream in(path);
        Poco::StreamCopier::copyToString(in, body);
      } catch (const Poco::Exception& e) {
        throw Error(ErrorCode::io, "kalenderbestand kan niet gelezen worden: " + e.displayText(), at(path, ""));
      }
      byName[n] = parseCalendarFile(body, path, n);
    }
    cal.overrideDir = dir;
  }
  for (auto& [n, f] : byName) cal.files.push_back(std::move(f));
  return cal;
}

}  // namespace igsgov::calendar

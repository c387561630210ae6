#include "calendar/Ics.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>

namespace igsgov::calendar {
namespace {

std::string compact(Date d) {
  std::string iso = d.iso();
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string icsEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string icsFold(const std::string& line) {
  std::string out;
  std::size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && continuation(static_cast<unsigned char>(line[cut]))) --cut;  // keep UTF-8 sequences whole
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
  return out;
}

std::string toIcs(const std::vector<Deadline>& deadlines, const IcsOptions& options) {
  std::string stamp = options.stampUtc.empty()
                          ? Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y%m%dT%H%M%SZ")
                          : options.stampUtc;
  std::string out;
  auto line = [&](const std::string& l) { out += icsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//igsgov//igsgov termijnen//NL");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + icsEscape(options.name));
  if (options.refreshMinutes > 0) {
    line("REFRESH-INTERVAL;VALUE=DURATION:PT" + std::to_string(options.refreshMinutes) + "M");
    line("X-PUBLISHED-TTL:PT" + std::to_string(options.refreshMinutes) + "M");
  }
  for (const auto& d : deadlines) {
    std::string summary = d.title + (d.verified ? "" : " (te verifiëren)");
    line("BEGIN:VEVENT");
    line("UID:" + deadlineUid(d));
    line("DTSTAMP:" + stamp);
    if (options.sequence > 0) line("SEQUENCE:" + std::to_string(options.sequence));
    if (!options.lastModifiedUtc.empty()) line("LAST-MODIFIED:" + options.lastModifiedUtc);
    line("DTSTART;VALUE=DATE:" + compact(d.date));
    line("DTEND;VALUE=DATE:" + compact(d.date.addDays(1)));
    line("SUMMARY:" + icsEscape(summary));
    line("DESCRIPTION:" + icsEscape(d.description));
    line("CATEGORIES:" + icsEscape(kindLabel(d.kind)));
    line("TRANSP:TRANSPARENT");
    if (options.alarmDays > 0) {
      line("BEGIN:VALARM");
      line("ACTION:DISPLAY");
      line("DESCRIPTION:" + icsEscape(summary));
      line("TRIGGER:-P" + std::to_string(options.alarmDays) + "D");
      line("END:VALARM");
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

void writeIcsFile(const std::string& path, const std::string& ics) { writeFileAtomically(path, ics); }

}  // namespace igsgov::calendar

#include "ops/AuditReport.hpp"

#include "core/Error.hpp"
#include "core/LocalTime.hpp"

#include <sstream>

namespace igsgov::ops {

void throwNotIntact(const journal::VerifyReport& report) {
  const auto& p = report.problems.front();
  Place place;
  if (p.seq) place.set("journaalregel", std::to_string(p.seq));
  if (!p.table.empty()) place.set("tabel", p.table);
  if (p.rowId) place.set("rij", std::to_string(p.rowId));
  if (!p.column.empty()) place.set("kolom", p.column);
  std::string more = report.problems.size() > 1
                         ? " (en nog " + std::to_string(report.problems.size() - 1) + " andere problemen)"
                         : "";
  throw Error(ErrorCode::integrity, "het register is niet intact: " + p.message + more, place);
}

JsonObject verifyReportJson(const journal::VerifyReport& report, long long checkpoints) {
  auto out = newObject();
  out->set("ok", true);
  out->set("entries", report.entries);
  out->set("rows", report.rows);
  out->set("head_seq", report.headSeq);
  out->set("head_hash", report.headHash);
  out->set("head_at", report.headAt);
  out->set("signed_entries", report.signedEntries);
  auto keys = newArray();
  for (const auto& k : report.keyIds) keys->add(k);
  out->set("key_ids", keys);
  out->set("signatures_checked", report.signaturesChecked);
  out->set("checkpoints", checkpoints);
  out->set("checkpoints_matched", report.checkpointsMatched);
  return out;
}

std::string verifyText(const JsonObject& o) {
  std::ostringstream os;
  long long entries = o->getValue<long long>("entries"), signedEntries = o->getValue<long long>("signed_entries");
  os << "Journaal intact: " << entries << " journaalregels, " << o->getValue<long long>("rows")
     << " rijen nagerekend.\n";
  os << "Laatste regel: " << o->getValue<long long>("head_seq") << " (" << dutchDateTime(o->getValue<std::string>("head_at"))
     << "), hash " << o->getValue<std::string>("head_hash") << "\n";
  if (o->getValue<bool>("signatures_checked")) {
    os << "Handtekeningen: " << signedEntries << " van " << entries
       << " regels ondertekend, alle nagegaan met de opgegeven publieke sleutel.\n";
  } else if (signedEntries > 0) {
    os << "Handtekeningen: " << signedEntries << " van " << entries
       << " regels ondertekend, NIET nagegaan: geef --public-key om ze te controleren.\n";
  } else {
    os << "Handtekeningen: geen (het register heeft geen ondertekeningssleutel).\n";
  }
  long long checkpoints = o->getValue<long long>("checkpoints");
  if (checkpoints > 0) {
    os << "Controlepunten: " << checkpoints << " nagegaan; het register zet ze voort.\n";
  } else {
    os << "Geen controlepunt opgegeven: regels die achteraan verwijderd werden of een volledig herschreven journaal "
          "vallen zo niet op (zie 'igsgov audit head' en --checkpoint).\n";
  }
  return os.str();
}

}  // namespace igsgov::ops

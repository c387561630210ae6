#include "documents/DataParts.hpp"
#include "journal/Verifier.hpp"

namespace igsgov::documents {

namespace {
std::string str(const JsonObject& o, const char* k) {
  return o && o->has(k) && !o->get(k).isEmpty() ? o->get(k).convert<std::string>() : "";
}
// "journaal": whether the journal is intact, in words a reader of the report
// understands (no commands: the report is read by people without igsgov).
JsonObject journalPart(store::Database& db) {
  auto report = journal::verify(db, {});
  auto j = newObject();
  j->set("intact", report.ok);
  j->set("regels", report.entries);
  j->set("laatste_regel", report.headSeq);
  j->set("laatste_hash", report.headHash);
  j->set("ondertekend", report.signedEntries);
  std::string text;
  if (report.ok) {
    text = "Het journaal is intact: de hashketen van de " + std::to_string(report.entries) +
           " journaalregels en elke rij van het register werden nagerekend en kloppen (laatste regel " +
           std::to_string(report.headSeq) + ", hash " + report.headHash + ").";
    if (report.signedEntries > 0)
      text += " " + std::to_string(report.signedEntries) + " regels dragen een handtekening van het register.";
  } else {
    const auto& p = report.problems.front();
    text = "Het journaal is NIET intact: " + p.message +
           (p.seq ? " (journaalregel " + std::to_string(p.seq) + ")" : std::string()) +
           (report.problems.size() > 1 ? "; en nog " + std::to_string(report.problems.size() - 1) + " andere problemen"
                                       : std::string()) +
           ". De gegevens in dit rapport zijn daarom niet betrouwbaar tot dat onderzocht is.";
  }
  j->set("tekst", text);
  return j;
}

}  // namespace

void addAudit(JsonObject& data, store::Database& db, const std::string& cooperation, const Date& asOf,
              const FindingsSource& source) {
  JsonObject result = source ? source(db, cooperation, asOf) : nullptr;
  auto findings = newArray();
  auto notEvaluable = newArray();
  auto audit = newObject();
  audit->set("bron", result ? "regelcontrole van igsgov op de gegevens van het register"
                            : "geen regelcontrole beschikbaar in deze installatie");
  audit->set("beschikbaar", static_cast<bool>(result));
  long long fout = 0, waarschuwing = 0, info = 0, erkend = 0;
  if (result) {
    auto list = result->getArray("findings");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      auto f = list->getObject(static_cast<unsigned>(i));
      if (!str(f, "cooperation").empty() && str(f, "cooperation") != cooperation) continue;
      auto row = newObject();
      row->set("regel", str(f, "rule"));
      row->set("ernst", str(f, "severity"));
      row->set("boodschap", str(f, "message"));
      auto basis = f->getObject("basis");
      std::string grond = str(basis, "citation");
      if (basis && basis->has("verified") && !basis->getValue<bool>("verified")) grond += " (te verifiëren)";
      row->set("grondslag", grond);
      bool ack = f->has("acknowledged") && f->get("acknowledged").type() != typeid(bool);
      row->set("erkend", ack ? "ja" : "nee");
      findings->add(row);
      if (ack) {
        ++erkend;
      } else {
        std::string s = str(f, "severity");
        (s == "fout" ? fout : s == "waarschuwing" ? waarschuwing : info)++;
      }
    }
    auto ne = result->getArray("not_evaluable");
    for (std::size_t i = 0; ne && i < ne->size(); ++i) {
      auto n = ne->getObject(static_cast<unsigned>(i));
      if (!str(n, "cooperation").empty() && str(n, "cooperation") != cooperation) continue;
      auto row = newObject();
      row->set("regel", str(n, "rule"));
      row->set("reden", str(n, "reason"));
      notEvaluable->add(row);
    }
  }
  audit->set("fout", fout);
  audit->set("waarschuwing", waarschuwing);
  audit->set("info", info);
  audit->set("erkend", erkend);
  data->set("audit", audit);
  data->set("journaal", journalPart(db));
  data->set("bevindingen", findings);
  data->set("niet_evalueerbaar", notEvaluable);
  data->set("heeft_niet_evalueerbaar", notEvaluable->size() > 0);
}

}  // namespace igsgov::documents

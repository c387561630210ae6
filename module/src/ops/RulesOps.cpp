// Compliance and deadline operations: compliance.check (igsgov check),
// compliance.acknowledge, compliance.override, compliance.rules and
// deadlines.list (igsgov deadlines, with --ics FILE). See docs/regels.md.
#include "calendar/Calendar.hpp"
#include "core/Date.hpp"
#include "calendar/Deadlines.hpp"
#include "calendar/Ics.hpp"
#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "ops/DutchText.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"
#include "rules/Engine.hpp"
#include "rules/Register.hpp"

#include <sstream>

namespace igsgov::ops {
namespace {

const Param kRulesDir{"rules_dir", "path", false, "map met regelsets die de ingebouwde vervangen (anders $IGSGOV_RULES_DIR)",
                      "rules_dir"};

rules::CheckResult runCheck(store::Database& db, const rules::RuleBook& book, const Reader& r) {
  rules::CheckOptions o;
  o.cooperation = r.optStr("cooperation").value_or("");
  o.asOf = r.optDate("as_of").value_or(Date::today());
  return rules::check(db, book, o);
}

JsonObject checkOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "nalevingscontrole");
  auto book = rules::loadRuleBook(r.optStr("rules_dir").value_or(""));
  auto result = runCheck(db, book, r);
  return rules::checkResultJson(result, book, r.optStr("cooperation").value_or(""));
}

std::string checkText(const JsonObject& out) {
  std::ostringstream os;
  auto counts = out->getObject("counts");
  os << "Nalevingscontrole op " << dutchLongDate(*Date::parse(out->getValue<std::string>("as_of")));
  if (out->has("cooperation")) os << " voor " << out->getValue<std::string>("cooperation");
  os << ": " << counts->getValue<int>("fout") << " fout(en), " << counts->getValue<int>("waarschuwing")
     << " waarschuwing(en), " << counts->getValue<int>("info") << " info, " << counts->getValue<int>("acknowledged")
     << " erkend (" << counts->getValue<int>("rules_evaluated") << " regels, " << counts->getValue<int>("cooperations")
     << " samenwerkingsverband(en))\n";
  if (auto op = out->getArray("in_oprichting"))
    for (std::size_t i = 0; i < op->size(); ++i)
      os << "\nIn oprichting: " << op->getObject(static_cast<unsigned>(i))->getValue<std::string>("note")
         << " De stand van de oprichting: igsgov founding status --cooperation "
         << op->getObject(static_cast<unsigned>(i))->getValue<std::string>("cooperation") << "\n";
  auto findings = out->getArray("findings");
  for (std::size_t i = 0; i < findings->size(); ++i) {
    auto f = findings->getObject(static_cast<unsigned>(i));
    auto basis = f->getObject("basis");
    os << "\n[" << f->getValue<std::string>("severity") << "] " << f->getValue<std::string>("rule");
    if (f->has("cooperation")) os << " — " << f->getValue<std::string>("cooperation");
    os << "\n  " << f->getValue<std::string>("message") << "\n";
    std::string recs;
    auto rs = f->getArray("records");
    for (std::size_t k = 0; k < rs->size(); ++k) {
      auto rec = rs->getObject(static_cast<unsigned>(k));
      recs += (recs.empty() ? "" : ", ") + dutchValue("kind", rec->get("kind")) + " " + rec->getValue<std::string>("id");
    }
    os << "  betreft: " << recs << "\n";
    os << "  grond: " << basis->getValue<std::string>("citation");
    if (basis->has("link")) os << " <" << basis->getValue<std::string>("link") << ">";
    os << (basis->getValue<bool>("verified") ? " (geverifieerd)" : " (te verifiëren)") << "\n";
    if (f->isObject("acknowledged")) {
      auto a = f->getObject("acknowledged");
      os << "  ERKEND op " << dutchDateTime(a->getValue<std::string>("at")) << ": " << a->getValue<std::string>("motivation") << "\n";
    }
    os << "  sleutel: " << f->getValue<std::string>("key") << "\n";
  }
  auto ne = out->getArray("not_evaluable");
  if (ne->size()) os << "\nNiet evalueerbaar:\n";
  for (std::size_t i = 0; i < ne->size(); ++i) {
    auto n = ne->getObject(static_cast<unsigned>(i));
    os << "  " << n->getValue<std::string>("rule") << " — " << n->getValue<std::string>("cooperation") << ": "
       << n->getValue<std::string>("reason") << "\n";
  }
  auto na = out->getArray("not_applicable");
  if (na && na->size()) os << "\nNiet van toepassing:\n";
  for (std::size_t i = 0; na && i < na->size(); ++i) {
    auto n = na->getObject(static_cast<unsigned>(i));
    os << "  " << n->getValue<std::string>("rule") << " — " << n->getValue<std::string>("cooperation") << ": "
       << n->getValue<std::string>("reason") << "\n";
  }
  return os.str();
}

JsonObject acknowledgeOp(records::Writer& w, const JsonObject& in) {
  Reader r(in, "erkenning");
  std::string key = r.str("key");
  std::string motivation = r.str("reason");
  auto book = rules::loadRuleBook(r.optStr("rules_dir").value_or(""));
  auto result = runCheck(w.db(), book, r);
  for (const auto& f : result.findings)
    if (f.key == key) return rules::acknowledge(w, f, motivation, r.optBoolean("withdraw").value_or(false));
  throwNotFound("geen bevinding met sleutel '" + key + "' op " + dutchLongDate(result.asOf) +
                    " (zie 'igsgov check'; geef --as-of en --cooperation zoals bij de controle)",
                r.place("key"));
}

JsonObject overrideOp(records::Writer& w, const JsonObject& in) {
  Reader r(in, "afwijkende regelparameter");
  auto book = rules::loadRuleBook(r.optStr("rules_dir").value_or(""));
  bool withdraw = r.optBoolean("withdraw").value_or(false);
  std::string value = withdraw ? "" : r.str("value");
  return rules::setOverride(w, book, r.str("cooperation"), r.str("rule"), r.str("parameter"), value, r.str("reason"),
                            withdraw);
}

JsonObject rulesOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "regels");
  auto book = rules::loadRuleBook(r.optStr("rules_dir").value_or(""));
  auto out = newObject();
  auto sets = newArray();
  for (const auto& s : book.sets) {
    auto so = newObject();
    so->set("ruleset", s.name);
    so->set("title", s.title);
    so->set("source", s.source);
    auto list = newArray();
    for (const auto& rule : s.rules) {
      auto ro = newObject();
      ro->set("id", rule.id);
      ro->set("evaluator", rule.evaluator);
      ro->set("description", rule.description);
      ro->set("severity", rules::severityName(rule.severity));
      ro->set("parameters", rule.parameters);
      ro->set("citation", rule.citation);
      if (!rule.link.empty()) ro->set("link", rule.link);
      ro->set("verified", rule.verified);
      list->add(ro);
    }
    so->set("rules", list);
    sets->add(so);
  }
  out->set("rulesets", sets);
  auto overrides = newArray();
  for (const auto& o : rules::currentOverrides(db, r.optStr("cooperation").value_or(""))) {
    auto oo = newObject();
    oo->set("cooperation", o.cooperation);
    oo->set("rule", o.rule);
    oo->set("parameter", o.parameter);
    oo->set("value", o.value);
    oo->set("motivation", o.motivation);
    oo->set("since", o.at);
    overrides->add(oo);
  }
  out->set("overrides", overrides);
  if (!book.overrideDir.empty()) out->set("directory", book.overrideDir);
  return out;
}

JsonObject deadlinesOp(store::Database& db, const JsonObject& in) {
  Reader r(in, "termijnen");
  calendar::DeadlineOptions o;
  o.from = r.optDate("from").value_or(Date::today());
  o.until = r.optDate("until").value_or(o.from.addYears(2));
  if (o.until < o.from) r.fail("until", "ligt voor 'from'");
  o.cooperation = r.optStr("cooperation").value_or("");
  auto cal = calendar::loadCalendar(r.optStr("calendar_dir").value_or(""));
  auto list = calendar::deadlines(db, cal, o);
  auto out = newObject();
  out->set("from", o.from.iso());
  out->set("until", o.until.iso());
  auto arr = newArray();
  for (const auto& d : list) arr->add(calendar::deadlineJson(d));
  out->set("deadlines", arr);
  calendar::IcsOptions io;
  io.alarmDays = static_cast<int>(r.optInteger("alarm_days").value_or(0));
  if (io.alarmDays < 0 || io.alarmDays > 365) r.fail("alarm_days", "tussen 0 en 365 dagen");
  if (auto path = r.optStr("ics")) {
    calendar::writeIcsFile(*path, calendar::toIcs(list, io));
    out->set("ics", *path);
  }
  if (r.optBoolean("ics_text").value_or(false)) out->set("ics_text", calendar::toIcs(list, io));
  return out;
}

std::string deadlinesText(const JsonObject& out) {
  std::ostringstream os;
  auto list = out->getArray("deadlines");
  os << "Termijnen van " << out->getValue<std::string>("from") << " tot " << out->getValue<std::string>("until") << ": "
     << list->size() << "\n";
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    os << "  " << d->getValue<std::string>("date") << "  " << d->getValue<std::string>("title")
       << (d->getValue<bool>("verified") ? "" : " (te verifiëren)") << "\n";
  }
  if (out->has("ics")) os << "iCalendar geschreven: " << out->getValue<std::string>("ics") << "\n";
  return os.str();
}

// compliance.check for a caller who sees some cooperations: their findings,
// counted again.
void keepVisibleFindings(store::Database& db, JsonObject out, const Visible& visible) {
  keepVisibleAll({{"findings", "cooperation"}, {"not_evaluable", "cooperation"}, {"not_applicable", "cooperation"},
                  {"in_oprichting", "cooperation"}})(db, out, visible);
  int fout = 0, waarschuwing = 0, info = 0, acknowledged = 0;
  auto findings = out->getArray("findings");
  for (std::size_t i = 0; i < findings->size(); ++i) {
    auto f = findings->getObject(static_cast<unsigned>(i));
    if (f->isObject("acknowledged")) {
      ++acknowledged;
      continue;
    }
    std::string severity = f->getValue<std::string>("severity");
    fout += severity == "fout";
    waarschuwing += severity == "waarschuwing";
    info += severity == "info";
  }
  auto counts = out->getObject("counts");
  counts->set("fout", fout);
  counts->set("waarschuwing", waarschuwing);
  counts->set("info", info);
  counts->set("acknowledged", acknowledged);
  int cooperations = 0;
  auto st = db.prepare("SELECT DISTINCT id FROM cooperation WHERE rec_to IS NULL");
  while (st.step()) cooperations += visible(st.text(0));
  if (!out->has("cooperation")) counts->set("cooperations", cooperations);
  if (out->has("exit_code")) out->set("exit_code", fout > 0 ? rules::kFoutExitCode : 0);
}

Operation op(std::string name, std::string summary, Access access, std::vector<Param> params, std::vector<std::string> cli) {
  Operation o;
  o.name = std::move(name);
  o.summary = std::move(summary);
  o.access = access;
  o.roles = access == Access::read ? kAllRoles : std::set<std::string>{"beheerder", "directeur"};
  o.params = std::move(params);
  o.cli = std::move(cli);
  return o;
}

}  // namespace

void addRulesOperations(Catalogue& c) {
  const Param coop{"cooperation", "string", false, "alleen dit samenwerkingsverband"};
  const Param asOf{"as_of", "date", false, "datum van de controle (standaard vandaag)"};

  auto check = op("compliance.check", "Controleer de regels (rechtsvorm, domein, gegevens) op een datum", Access::read,
                  {coop, asOf, kRulesDir}, {"check"});
  check.read = checkOp;
  check.text = checkText;
  check.exitCode = true;
  c.add(check, rs::object({{"as_of", rs::date()}, {"findings", rs::list(rs::finding())}, {"counts", rs::object({{"fout", rs::integer()}, {"waarschuwing", rs::integer()}, {"info", rs::integer()}})}},
                              {{"exit_code", rs::integer()},
                               {"in_oprichting", rs::list(rs::object({{"cooperation", rs::text()}, {"name", rs::text()}, {"note", rs::text()}}))},
                               {"not_applicable", rs::list(rs::object({{"rule", rs::text()}, {"cooperation", rs::text()}, {"reason", rs::text()}}))}}));

  auto ack = op("compliance.acknowledge", "Erken een bevinding met een reden (blijft zichtbaar als erkend)", Access::write,
                {{"key", "string", true, "sleutel van de bevinding (zie igsgov check)"},
                 {"reason", "string", true, "waarom de bevinding gekend en aanvaard is"},
                 coop, asOf, kRulesDir, {"withdraw", "boolean", false, "trek de erkenning in"}},
                {"check", "acknowledge"});
  ack.write = acknowledgeOp;
  c.add(ack, rs::written({{"id", rs::text()}, {"finding", rs::text()}, {"rule", rs::text()}, {"cooperation", rs::text()},
                             {"withdrawn", rs::boolean()}, {"recorded", rs::recorded()}},
                            {{"motivation", rs::text()}, {"as_of", rs::date()}, {"message", rs::text()}}));

  auto ov = op("compliance.override", "Wijk voor één samenwerkingsverband af van een regelparameter (met reden)",
               Access::write,
               {{"cooperation", "string", true, "samenwerkingsverband"},
                {"rule", "string", true, "regel-id, bv. cultuur.inwoners"},
                {"parameter", "string", true, "naam van de parameter"},
                {"value", "string", false, "nieuwe waarde als JSON (bv. true, 90000, \"tekst\")"},
                {"reason", "string", true, "waarom (komt in het register en het journaal)"},
                {"withdraw", "boolean", false, "trek de afwijking in"}, kRulesDir},
               {"check", "override"});
  ov.write = overrideOp;
  c.add(ov, rs::written({{"id", rs::text()}, {"cooperation", rs::text()}, {"rule", rs::text()}, {"parameter", rs::text()},
                            {"withdrawn", rs::boolean()}, {"recorded", rs::recorded()}},
                           {{"value", rs::any()}, {"motivation", rs::text()}}));

  auto list = op("compliance.rules", "Toon de regelsets met parameters, rechtsgrond en verificatiestatus", Access::read,
                 {coop, kRulesDir}, {"check", "rules"});
  list.read = rulesOp;
  c.add(list, rs::object({{"rulesets", rs::list(rs::object({{"ruleset", rs::text()}, {"rules", rs::list(rs::any())}}))}}));

  auto dl = op("deadlines.list", "Termijnen: looptijd, verlenging, mandaten, heraanduiding, oprichting, subsidiekalender", Access::read,
               {{"from", "date", false, "vanaf (standaard vandaag)"},
                {"until", "date", false, "tot en met (standaard twee jaar na 'from')"},
                coop,
                {"ics", "path", false, "schrijf ook een iCalendar-bestand (RFC 5545) naar dit pad"},
                {"ics_text", "boolean", false, "geef de iCalendar-tekst mee in de uitvoer"},
                {"alarm_days", "integer", false, "herinnering zoveel dagen vooraf in de iCalendar"},
                {"calendar_dir", "path", false, "map met kalenderbestanden (anders $IGSGOV_CALENDAR_DIR)", "calendar_dir"}},
               {"deadlines"});
  dl.read = deadlinesOp;
  dl.text = deadlinesText;
  c.add(dl, rs::object({{"from", rs::date()}, {"until", rs::date()}, {"deadlines", rs::list(rs::object({{"date", rs::date()}, {"kind", rs::text()}, {"title", rs::text()}}))}}));

  // Which cooperation each operation's input concerns (ops/Scope.hpp). Without
  // a cooperation, a check or a deadline list shows a caller only the
  // cooperations it may see; acknowledging needs the cooperation named.
  const auto byCooperation = refs({{"cooperation", Ref::cooperation}});
  const auto listing = refs({{"cooperation", Ref::cooperation}}, Concerns::none());
  c.setScope("compliance.check", listing, keepVisibleFindings);
  c.setScope("compliance.acknowledge", byCooperation);
  c.setScope("compliance.override", byCooperation);
  c.setScope("compliance.rules", listing, keepVisible("overrides", "cooperation"));
  // The iCalendar text is made before any filter: without a cooperation it is
  // for callers who see the whole register only.
  c.setScope("deadlines.list",
             [listing](store::Database& db, const JsonObject& in) {
               if (!in->has("cooperation") && in->has("ics_text") && in->get("ics_text") == true)
                 return Concerns::wholeRegister();
               return listing(db, in);
             },
             keepVisible("deadlines", "cooperation"));
}

}  // namespace igsgov::ops

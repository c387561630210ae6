// Email reminders of deadlines (issue 17; docs/kalender.md):
//   reminder.set    an account's wish: an email N days before each deadline
//                   of a kind (own account; a beheerder of the whole
//                   register also for another); without days: no more emails;
//   reminder.list   an account's wishes, one row per kind (with its Dutch
//                   label; days only where set), and the address the emails
//                   go to (same rule: own account, a beheerder also another);
//   reminders.send  sends what is due on a day (--today, default today) to
//                   every account with settings and an email address, for the
//                   deadlines the account may see (deadlines.list's roles and
//                   scope), over SMTP (calendar/Mail.hpp). igsgovd runs it
//                   periodically; the CLI and tests run it for a given day.
// Never twice: each email is one register write that first inserts its row in
// reminder_sent (migration 0014, a unique index on account, deadline, due
// date and days) and then sends, in the same transaction; a failed send rolls
// the row back (retried by the next run, reported in "failed"), and a row
// already there (a restart, a second igsgovd) means nothing is sent.
#include "calendar/Calendar.hpp"
#include "calendar/Deadlines.hpp"
#include "calendar/Mail.hpp"
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "ops/Authorization.hpp"
#include "ops/OpBuilders.hpp"
#include "ops/ResultSchema.hpp"
#include "rules/Facts.hpp"
#include "rules/RuleSet.hpp"
#include "service/Accounts.hpp"

#include <map>
#include <sstream>

namespace igsgov::ops {

namespace {

// The kinds of deadlines (calendar/Deadlines.hpp) in the order the pages list them.
const std::vector<std::string> kKindOrder = {"term_end",      "renewal",  "statuten", "mandate_end",
                                             "redesignation", "founding", "calendar"};
const std::set<std::string> kKinds(kKindOrder.begin(), kKindOrder.end());

struct AlreadySent {};  // thrown inside the write to roll it back without a journal entry

JsonObject setReminder(records::Writer& w, const JsonObject& in, const Caller& caller) {
  std::string account = service::normaliseAccountId(accountActedOn(in, caller, true));
  Reader r(in, "herinnering", account);
  std::string kind = r.oneOf("kind", kKinds);
  auto days = r.optInteger("days");
  if (days && (*days < 0 || *days > 365)) r.fail("days", "tussen 0 en 365 dagen");
  if (!service::accountIdentity(w.db(), account))
    throwNotFound("geen actief account met deze naam", Place().set("field", "'account'"));
  auto current = w.db().prepare("SELECT row_id FROM reminder_setting WHERE account_id = ? AND kind = ? AND rec_to IS NULL");
  current.bind(1, account);
  current.bind(2, kind);
  if (current.step()) w.journal().closeRow("reminder_setting", current.integer(0));
  auto out = newObject();
  out->set("account", account);
  out->set("kind", kind);
  out->set("label", calendar::kindLabel(kind));
  if (days) {
    w.journal().insertRow("reminder_setting", {{"account_id", account},
                                               {"kind", kind},
                                               {"days_before", *days},
                                               {"rec_from", w.at()},
                                               {"jseq", w.journal().seq()},
                                               {"change_kind", std::string("set")},
                                               {"reason", store::Value{}}});
    out->set("days", *days);
  }
  return out;
}

JsonObject listReminders(store::Database& db, const JsonObject& in, const Caller& caller) {
  std::string account = service::normaliseAccountId(accountActedOn(in, caller, true));
  if (!service::accountIdentity(db, account))
    throwNotFound("geen actief account met deze naam", Place().set("field", "'account'"));
  std::map<std::string, long long> days;
  auto st = db.prepare("SELECT kind, days_before FROM reminder_setting WHERE account_id = ? AND rec_to IS NULL");
  st.bind(1, account);
  while (st.step()) days[st.text(0)] = st.integer(1);
  auto out = newObject();
  out->set("account", account);
  auto mail = db.prepare("SELECT email FROM account WHERE id = ? AND rec_to IS NULL");
  mail.bind(1, account);
  if (mail.step() && !mail.isNull(0) && !mail.text(0).empty()) out->set("email", mail.text(0));
  auto rows = newArray();
  for (const auto& kind : kKindOrder) {
    auto row = newObject();
    row->set("kind", kind);
    row->set("label", calendar::kindLabel(kind));
    if (auto d = days.find(kind); d != days.end()) row->set("days", d->second);
    rows->add(row);
  }
  out->set("reminders", rows);
  return out;
}

std::string listText(const JsonObject& out) {
  std::ostringstream os;
  os << "Herinneringen van '" << out->getValue<std::string>("account") << "'"
     << (out->has("email") ? " (aan " + out->getValue<std::string>("email") + ")" : std::string(" (geen e-mailadres)"))
     << ":\n";
  auto rows = out->getArray("reminders");
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto row = rows->getObject(static_cast<unsigned>(i));
    os << "  " << row->getValue<std::string>("label") << ": "
       << (row->has("days") ? std::to_string(row->getValue<long long>("days")) + " dagen vooraf" : std::string("geen e-mail"))
       << "\n";
  }
  return os.str();
}

std::string setText(const JsonObject& out) {
  std::string kind = calendar::kindLabel(out->getValue<std::string>("kind"));
  if (!out->has("days"))
    return "Geen e-mails meer voor '" + kind + "' aan '" + out->getValue<std::string>("account") + "'.\n";
  return "'" + out->getValue<std::string>("account") + "' krijgt een e-mail " +
         std::to_string(out->getValue<int>("days")) + " dagen voor elke termijn '" + kind + "'.\n";
}

// Why a deadline matters: the rule of the cooperation's rule sets behind its
// kind, with its legal basis; for a calendar date its source.
std::string whyOf(const calendar::Deadline& d, const rules::RuleBook& book,
                  const std::map<std::string, std::pair<std::string, std::string>>& forms) {
  static const std::map<std::string, std::string> evaluators = {{"term_end", "term_limit"},
                                                                 {"renewal", "term_limit"},
                                                                 {"statuten", "statuten_approved"},
                                                                 {"mandate_end", "local_mandate"},
                                                                 {"redesignation", "local_mandate"}};
  if (d.kind == "calendar")
    return d.source.empty() ? "een datum van de kalender van igsgov" : "kalender, bron: " + d.source;
  if (d.kind == "founding")
    return "een stap van het stappenplan voor de oprichting" + (d.source.empty() ? std::string() : ", bron: " + d.source) + ".";
  auto form = forms.find(d.cooperation);
  auto evaluator = evaluators.find(d.kind);
  if (form != forms.end() && evaluator != evaluators.end())
    for (const auto& set : book.sets)
      if (set.appliesTo(form->second.first, form->second.second))
        for (const auto& rule : set.rules)
          if (rule.evaluator == evaluator->second)
            return rule.description + " Rechtsgrond: " + rule.citation + (rule.verified ? "" : " (te verifiëren)") + ".";
  return "de termijn volgt uit de gegevens in het register (" + calendar::kindLabel(d.kind) + ").";
}

struct Candidate {
  std::string account, name, address;
  calendar::Deadline deadline;
  int days = 0;
  std::string why;
};

calendar::Mail mailFor(const Candidate& c, const calendar::SmtpSettings& smtp, Date today) {
  const auto& d = c.deadline;
  int left = d.date.days() - today.days();
  std::string when = left == 0 ? "vandaag" : left == 1 ? "morgen" : "over " + std::to_string(left) + " dagen";
  std::string link = smtp.intranetUrl + (d.cooperation.empty() ? "/intranet/igs" : "/intranet/igs/" + d.cooperation + "/termijnen");
  std::ostringstream body;
  body << "Beste " << c.name << ",\n\n"
       << "Op " << dutchLongDate(d.date) << " (" << when << ") valt deze termijn:\n\n"
       << d.title << (d.verified ? "" : " (te verifiëren)") << "\n\n"
       << d.description << "\n\n"
       << "Waarom: " << c.why << "\n\n"
       << "Bekijk de termijnen op het intranet:\n" << link << "\n\n"
       << "U krijgt deze e-mail omdat voor uw account herinneringen voor '" << calendar::kindLabel(d.kind) << "' "
       << c.days << " dagen vooraf zijn ingesteld. Wijzigen of stoppen kan op het intranet:\n"
       << smtp.intranetUrl << "/intranet/agenda#herinneringen\n-- \nigsgov\n";
  return {c.address, "Herinnering: " + d.title + " op " + dutchLongDate(d.date), body.str()};
}

JsonObject sendReminders(records::Register& reg, const JsonObject& in, const records::WriteInfo& info) {
  Reader r(in, "herinneringen");
  Date today = r.optDate("today").value_or(Date::today());
  auto smtpPath = r.optStr("smtp_config");
  if (!smtpPath) r.fail("smtp_config", "geen SMTP-instellingen: geef --smtp-config, of files.smtp_config voor igsgovd");
  auto smtp = calendar::loadSmtpSettings(*smtpPath);
  auto cal = calendar::loadCalendar(r.optStr("calendar_dir").value_or(""));
  auto book = rules::loadRuleBook(r.optStr("rules_dir").value_or(""));
  const Operation* list = catalogue().find("deadlines.list");

  std::vector<Candidate> todo;
  int already = 0;
  auto noAddress = newArray();
  reg.read([&](store::Database& db) {
    std::map<std::string, std::map<std::string, int>> settings;
    auto st = db.prepare("SELECT account_id, kind, days_before FROM reminder_setting WHERE rec_to IS NULL");
    while (st.step()) settings[st.text(0)][st.text(1)] = static_cast<int>(st.integer(2));
    if (settings.empty()) return JsonObject();
    int longest = 0;
    for (const auto& [a, kinds] : settings)
      for (const auto& [k, n] : kinds) longest = std::max(longest, n);
    auto all = calendar::deadlines(db, cal, {today, today.addDays(longest), ""});
    std::map<std::string, std::pair<std::string, std::string>> forms;
    for (const auto& c : rules::loadFacts(db, "")) forms[c.id] = {c.legalForm, c.domain};
    for (const auto& [account, kinds] : settings) {
      auto who = service::accountIdentity(db, account);
      if (!who) continue;  // disabled or gone
      auto mail = db.prepare("SELECT email FROM account WHERE id = ? AND rec_to IS NULL");
      mail.bind(1, account);
      std::string address = mail.step() && !mail.isNull(0) ? mail.text(0) : "";
      Caller caller{who->id, "", "", who->grants, who->id};
      for (const auto& d : all) {
        auto wish = kinds.find(d.kind);
        if (wish == kinds.end() || today < d.date.addDays(-wish->second)) continue;
        if (!d.cooperation.empty() && !mayRun(*list, caller, d.cooperation)) continue;
        auto sent = db.prepare(
            "SELECT 1 FROM reminder_sent WHERE account_id = ? AND deadline = ? AND due = ? AND days_before = ?");
        sent.bind(1, account);
        sent.bind(2, d.identity);
        sent.bind(3, d.date.iso());
        sent.bind(4, static_cast<long long>(wish->second));
        if (sent.step()) {
          ++already;
          continue;
        }
        if (address.empty()) {
          auto o = newObject();
          o->set("account", account);
          o->set("title", d.title);
          noAddress->add(o);
          continue;
        }
        todo.push_back({account, who->displayName, address, d, wish->second, whyOf(d, book, forms)});
      }
    }
    return JsonObject();
  });

  auto sent = newArray(), failed = newArray();
  for (const auto& c : todo) {
    auto entry = newObject();
    entry->set("account", c.account);
    entry->set("to", c.address);
    entry->set("deadline", c.deadline.identity);
    entry->set("date", c.deadline.date.iso());
    entry->set("title", c.deadline.title);
    entry->set("days", c.days);
    try {
      reg.write(info, entry, [&](records::Writer& w) {
        auto again = w.db().prepare(
            "SELECT 1 FROM reminder_sent WHERE account_id = ? AND deadline = ? AND due = ? AND days_before = ?");
        again.bind(1, c.account);
        again.bind(2, c.deadline.identity);
        again.bind(3, c.deadline.date.iso());
        again.bind(4, static_cast<long long>(c.days));
        if (again.step()) throw AlreadySent{};  // another run claimed it first
        w.journal().insertRow("reminder_sent", {{"account_id", c.account},
                                                {"deadline", c.deadline.identity},
                                                {"due", c.deadline.date.iso()},
                                                {"days_before", static_cast<long long>(c.days)},
                                                {"address", c.address},
                                                {"rec_from", w.at()},
                                                {"jseq", w.journal().seq()},
                                                {"change_kind", std::string("sent")},
                                                {"reason", store::Value{}}});
        calendar::sendMail(smtp, mailFor(c, smtp, today));
        return newObject();
      });
      sent->add(entry);
    } catch (const AlreadySent&) {
      ++already;
    } catch (const Error& e) {
      entry->set("error", std::string(e.message()));
      failed->add(entry);
    }
  }
  auto out = newObject();
  out->set("today", today.iso());
  out->set("sent", sent);
  out->set("already_sent", already);
  out->set("failed", failed);
  out->set("no_address", noAddress);
  out->set("exit_code", failed->size() > 0 ? 1 : 0);
  return out;
}

std::string sendText(const JsonObject& out) {
  std::ostringstream os;
  auto sent = out->getArray("sent"), failed = out->getArray("failed"), none = out->getArray("no_address");
  os << "Herinneringen van " << out->getValue<std::string>("today") << ": " << sent->size() << " verstuurd, "
     << out->getValue<int>("already_sent") << " al eerder verstuurd, " << failed->size() << " mislukt.\n";
  for (std::size_t i = 0; i < sent->size(); ++i) {
    auto s = sent->getObject(static_cast<unsigned>(i));
    os << "  verstuurd aan " << s->getValue<std::string>("to") << ": " << s->getValue<std::string>("title") << "\n";
  }
  for (std::size_t i = 0; i < failed->size(); ++i) {
    auto f = failed->getObject(static_cast<unsigned>(i));
    os << "  MISLUKT voor " << f->getValue<std::string>("to") << ": " << f->getValue<std::string>("title") << " ("
       << f->getValue<std::string>("error") << "); de volgende ronde probeert opnieuw\n";
  }
  for (std::size_t i = 0; i < none->size(); ++i) {
    auto n = none->getObject(static_cast<unsigned>(i));
    os << "  geen e-mailadres voor account '" << n->getValue<std::string>("account") << "': "
       << n->getValue<std::string>("title") << "\n";
  }
  return os.str();
}

}  // namespace

void addReminderOperations(Catalogue& c) {
  auto set = makeOperation("reminder.set",
                           "Stel in hoeveel dagen vooraf een account een e-mail krijgt voor een soort termijn (zonder "
                           "--days: geen e-mails meer)",
                           Access::write,
                           {{"kind", "string", true, "soort termijn", "", kKindOrder},
                            {"days", "integer", false, "zoveel dagen voor de termijn (0 tot 365)"},
                            {"account", "string", false, "het account (standaard het eigen; een ander: alleen een beheerder)"}});
  set.roles = kAllRoles;
  set.writeAs = setReminder;
  set.text = setText;
  set.scope = refs({}, Concerns::none());
  c.add(set, rs::written({{"account", rs::text()}, {"kind", rs::text()}, {"label", rs::text()}}, {{"days", rs::integer()}}));

  auto list = makeOperation("reminder.list",
                            "Toon per soort termijn hoeveel dagen vooraf een account een e-mail krijgt, en aan welk adres",
                            Access::read,
                            {{"account", "string", false, "het account (standaard het eigen; een ander: alleen een beheerder)"}});
  list.roles = kAllRoles;
  list.readAs = listReminders;
  list.text = listText;
  list.scope = refs({}, Concerns::none());
  c.add(list, rs::object({{"account", rs::text()},
                          {"reminders", rs::list(rs::object({{"kind", rs::text()}, {"label", rs::text()}},
                                                            {{"days", rs::integer()}}))}},
                         {{"email", rs::text()}}));

  auto send = runOp("reminders.send",
                    "Verstuur de herinneringen per e-mail die op een dag vallen (igsgovd doet dit zelf regelmatig)",
                    {{"today", "date", false, "de dag (standaard vandaag)"},
                     {"smtp_config", "path", false, "bestand met de SMTP-instellingen (igsgovd: files.smtp_config)", "smtp_config"},
                     {"calendar_dir", "path", false, "map met kalenderbestanden (anders $IGSGOV_CALENDAR_DIR)", "calendar_dir"},
                     {"rules_dir", "path", false, "map met regelsets (anders $IGSGOV_RULES_DIR)", "rules_dir"}},
                    sendReminders, sendText);
  send.roles = {"beheerder"};
  send.exitCode = true;
  // One email: "error" only in "failed".
  auto reminder = [] {
    return rs::object({{"account", rs::text()}, {"to", rs::text()}, {"deadline", rs::text()}, {"date", rs::date()},
                       {"title", rs::text()}, {"days", rs::integer()}},
                      {{"error", rs::text()}});
  };
  c.add(send, rs::object({{"today", rs::date()},
                          {"sent", rs::list(reminder())},
                          {"already_sent", rs::integer()},
                          {"failed", rs::list(reminder())},
                          {"no_address", rs::list(rs::object({{"account", rs::text()}, {"title", rs::text()}}))},
                          {"exit_code", rs::integer()}}));
}

}  // namespace igsgov::ops

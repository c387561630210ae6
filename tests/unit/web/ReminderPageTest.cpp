// The e-mail reminders on the own-account page /intranet/agenda (issue 17,
// web/ReminderForm.hpp) against a real register (SiteFixture.hpp): the
// current settings per kind of deadline and the address are shown; a row is
// saved through reminder.set (journaled, with the signed-in account as actor);
// bad days or an unknown kind are refused in Dutch next to the field with what
// was typed kept and nothing written; a POST without CSRF token is refused;
// the form cannot reach another account's settings; the auditor sets their own.
#include "SiteFixture.hpp"

namespace {

constexpr const char* kPage = "/intranet/agenda";

class ReminderPageTest : public SiteTest {
protected:
  // reminder.list of an account as a beheerder of the whole register sees it.
  JsonObject settingsOf(const std::string& account) {
    auto in = newObject();
    in->set("account", account);
    return session_->execute("reminder.list", in, ops::Caller{});
  }
  // Days set for a kind, -1 when none.
  long long daysOf(const std::string& account, const std::string& kind) {
    auto rows = settingsOf(account)->getArray("reminders");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      auto row = rows->getObject(static_cast<unsigned>(i));
      if (row->getValue<std::string>("kind") == kind) return row->has("days") ? row->getValue<long long>("days") : -1;
    }
    ADD_FAILURE() << "no row for " << kind;
    return -2;
  }
  long long journalSeq() { return session_->execute("audit.head", newObject(), ops::Caller{})->getValue<long long>("seq"); }
  Response save(const std::string& cookie, const std::string& csrf, const std::string& rest) {
    return post(kPage, "csrf=" + csrf + "&actie=herinnering&" + rest, cookie);
  }
};

TEST_F(ReminderPageTest, ShowsTheCurrentSettingsAndTheAddress) {
  execute("account.change", R"({"id":"a-directeur","email":"directeur@igs.example"})");
  execute("reminder.set", R"({"account":"a-directeur","kind":"statuten","days":14})");
  std::string cookie = login("directeur");
  auto page = get(kPage, cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Herinneringen per e-mail"), std::string::npos);
  EXPECT_NE(page.body.find("directeur@igs.example"), std::string::npos);
  for (const char* label : {"Einde looptijd", "Verlenging", "Statuten", "Einde mandaat", "Heraanduiding", "Oprichting", "Kalender"})
    EXPECT_NE(page.body.find(std::string("<strong>") + label + "</strong>"), std::string::npos) << label;
  auto statuten = page.body.find("name=\"soort\" value=\"statuten\"");
  ASSERT_NE(statuten, std::string::npos);
  auto row = page.body.substr(statuten, page.body.find("</form>", statuten) - statuten);
  EXPECT_NE(row.find(" checked>"), std::string::npos) << row;
  EXPECT_NE(row.find("value=\"14\""), std::string::npos) << row;
  auto renewal = page.body.find("name=\"soort\" value=\"renewal\"");
  auto other = page.body.substr(renewal, page.body.find("</form>", renewal) - renewal);
  EXPECT_EQ(other.find(" checked>"), std::string::npos) << other;

  // Without an address the page says the e-mails cannot come yet.
  auto secretariaat = get(kPage, login("secretariaat"));
  EXPECT_NE(secretariaat.body.find("Uw account heeft geen e-mailadres"), std::string::npos);
}

TEST_F(ReminderPageTest, SavesARowThroughTheJournalTheAuditorToo) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  long long before = journalSeq();
  auto ok = save(cookie, csrf, "soort=mandate_end&herinner=ja&dagen=30");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.body.find("Bewaard: u krijgt een e-mail 30 dagen voor elke termijn &#39;Einde mandaat&#39;."), std::string::npos)
      << ok.body.substr(0, 3000);
  EXPECT_EQ(daysOf("a-secretariaat", "mandate_end"), 30);
  EXPECT_EQ(journalSeq(), before + 1);
  auto entries = session_->execute("audit.journal", parseJsonObject(R"({"operation":"reminder.set"})"), ops::Caller{})
                     ->getArray("entries");
  ASSERT_GT(entries->size(), 0u);
  auto last = entries->getObject(static_cast<unsigned>(entries->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("actor"), "a-secretariaat");

  // Unticked: no more e-mails for that kind.
  auto off = save(cookie, csrf, "soort=mandate_end&dagen=30");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_NE(off.body.find("geen e-mails meer"), std::string::npos);
  EXPECT_EQ(daysOf("a-secretariaat", "mandate_end"), -1);

  // Read-only applies to the register, not to one's own account settings (as
  // the password and the calendar link): the auditor sets their own reminders.
  std::string auditor = login("auditor");
  auto page = get(kPage, auditor);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("value=\"herinnering\""), std::string::npos);
  auto own = save(auditor, csrfOf(page.body), "soort=term_end&herinner=ja&dagen=60");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(daysOf("a-auditor", "term_end"), 60);
}

TEST_F(ReminderPageTest, RefusesBadInputAndAMissingTokenAndWritesNothing) {
  std::string cookie = login("secretariaat");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  long long before = journalSeq();
  struct Case {
    std::string body, message;
  };
  for (const auto& c : std::vector<Case>{{"soort=statuten&herinner=ja&dagen=-1", "tussen 0 en 365 dagen"},
                                         {"soort=statuten&herinner=ja&dagen=366", "tussen 0 en 365 dagen"},
                                         {"soort=statuten&herinner=ja&dagen=twee", "geheel getal"},
                                         {"soort=statuten&herinner=ja&dagen=", "vul het aantal dagen in"}}) {
    auto r = save(cookie, csrf, c.body);
    EXPECT_EQ(r.status, 422) << c.body;
    auto row = r.body.find("name=\"soort\" value=\"statuten\"");
    ASSERT_NE(row, std::string::npos);
    auto form = r.body.substr(row, r.body.find("</form>", row) - row);
    EXPECT_NE(form.find("class=\"field-error\" id=\"fout-dagen-statuten\""), std::string::npos) << c.body << form;
    EXPECT_NE(form.find(c.message), std::string::npos) << c.body << form;
    EXPECT_NE(form.find("aria-invalid=\"true\""), std::string::npos) << form;
    std::string typed = c.body.substr(c.body.rfind('=') + 1);
    EXPECT_NE(form.find("value=\"" + typed + "\" aria-label"), std::string::npos) << "typed value kept: " << form;
    EXPECT_NE(form.find(" checked>"), std::string::npos) << "ticked box kept: " << form;
  }
  auto unknown = save(cookie, csrf, "soort=verjaardag&herinner=ja&dagen=3");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("class=\"error\" role=\"alert\""), std::string::npos);
  EXPECT_NE(unknown.body.find("toegelaten"), std::string::npos) << unknown.body.substr(0, 3000);
  // Without the session's form token: refused, whatever the row says.
  EXPECT_EQ(post(kPage, "actie=herinnering&soort=statuten&herinner=ja&dagen=7", cookie).status, 403);
  EXPECT_EQ(post(kPage, "csrf=verkeerd&actie=herinnering&soort=statuten&herinner=ja&dagen=7", cookie).status, 403);
  EXPECT_EQ(journalSeq(), before) << "nothing written";
  EXPECT_EQ(daysOf("a-secretariaat", "statuten"), -1);
}

TEST_F(ReminderPageTest, AnotherAccountsSettingsAreOutOfReach) {
  execute("reminder.set", R"({"account":"a-directeur","kind":"statuten","days":14})");
  std::string cookie = login("sec-rupel");
  std::string csrf = csrfOf(get(kPage, cookie).body);
  // The form never names an account: an added one is ignored, the own settings change.
  auto r = save(cookie, csrf, "soort=statuten&herinner=ja&dagen=3&account=a-directeur");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(daysOf("a-directeur", "statuten"), 14);
  EXPECT_EQ(daysOf("sec-rupel", "statuten"), 3);
  // Nor does the page show another account's settings.
  EXPECT_EQ(r.body.find("value=\"14\""), std::string::npos);
  // The operations themselves refuse another account to anyone but a beheerder of the whole register.
  ops::Caller caller{.actor = "sec-rupel", .role = "secretariaat", .grants = {{"secretariaat", "igs-rupel"}}, .account = "sec-rupel"};
  for (const char* op : {"reminder.set", "reminder.list"}) {
    auto in = parseJsonObject(R"({"account":"a-directeur","kind":"statuten","days":1})");
    if (std::string(op) == "reminder.list") in = parseJsonObject(R"({"account":"a-directeur"})");
    try {
      session_->execute(op, in, caller);
      ADD_FAILURE() << op << " for another account was allowed";
    } catch (const Error& e) {
      EXPECT_EQ(e.errorCode(), ErrorCode::denied) << op << ": " << e.what();
    }
  }
  EXPECT_EQ(daysOf("a-directeur", "statuten"), 14);
}

}  // namespace

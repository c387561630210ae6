// Calendar feeds against the real igsgovd (issue 17): an account makes a
// secret link on the intranet (/intranet/agenda), a calendar program fetches
// /api/v1/kalender/<secret>[/<cooperation>].ics without a session, and the
// feed is read back by Debian's python3-icalendar
// (tests/integration/calendar/parse_feed.py). A second fetch after a change
// keeps the UID and raises SEQUENCE; a deadline that left the register leaves
// the feed; the feed shows only the account's cooperations; a revoked, wrong
// or malformed link is 404; the secret never reaches the log.
#include "Harness.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace igsgov::test;

namespace {

constexpr const char* kOwn = "igs-cultuur-va";      // Cultuurregio Vlaamse Ardennen (voorbeeld)
constexpr const char* kOther = "igs-rupel";         // Erfgoed Rupelstreek (voorbeeld)
constexpr const char* kPassword = "kalender-wachtwoord-123";

struct Event {
  std::string date, sequence, lastModified, categories, summary;
};

std::string inDays(int days) {
  Poco::DateTime d;
  d += Poco::Timespan(days, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(d, "%Y-%m-%d");
}

class CalendarFeedTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("feed-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    addAccount(*reg_, "feed-own", kPassword, {std::string("directeur@") + kOwn});
    addAccount(*reg_, "feed-other", kPassword, {std::string("directeur@") + kOther});
    server_ = new Igsgovd(*dir_, {"--register", reg_->path});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }
  static Igsgovd& server() { return *server_; }

  static Response form(const std::string& cookie, const std::string& body) {
    return server().request("POST", "/intranet/agenda", body, "",
                            {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static std::string csrfOf(const std::string& html) {
    std::string key = "name=\"csrf\" value=\"";
    auto p = html.find(key);
    return p == std::string::npos ? "" : html.substr(p + key.size(), 64);
  }
  // Signs in and makes a new feed on the intranet page; returns the secret.
  static std::string makeFeed(const std::string& account, std::string* cookieOut = nullptr) {
    std::string cookie = server().signIn(account, kPassword);
    EXPECT_FALSE(cookie.empty());
    auto page = server().request("GET", "/intranet/agenda", "", "", {{"Cookie", cookie}});
    EXPECT_EQ(page.status, 200);
    auto made = form(cookie, "csrf=" + csrfOf(page.body) + "&actie=maak");
    EXPECT_EQ(made.status, 200) << made.body;
    std::string origin = "http://127.0.0.1:" + std::to_string(server().port()) + "/api/v1/kalender/";
    auto p = made.body.find(origin);
    EXPECT_NE(p, std::string::npos) << made.body;
    if (cookieOut) *cookieOut = cookie;
    if (p == std::string::npos) return "";
    std::string secret = made.body.substr(p + origin.size(), std::string("igsgovcal_").size() + 64);
    // One link per cooperation the account sees, and only those.
    EXPECT_NE(made.body.find(origin + secret + "/"), std::string::npos);
    return secret;
  }
  // Fetches and parses a feed; uid -> event. Fails the test when the oracle refuses it.
  static std::map<std::string, Event> fetch(const std::string& path) {
    auto r = server().get(path);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.headers["Content-Type"].rfind("text/calendar", 0), 0u);
    std::string file = *dir_ + "/feed.ics";
    std::ofstream(file, std::ios::binary) << r.body;
    auto parsed = run({"/usr/bin/python3", sourceDir() + "/tests/integration/calendar/parse_feed.py", file});
    EXPECT_EQ(parsed.exitCode, 0) << parsed.err;
    std::map<std::string, Event> events;
    std::istringstream in(parsed.out);
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> f;
      std::istringstream cols(line);
      for (std::string c; std::getline(cols, c, '\t');) f.push_back(c);
      if (f.size() == 6) events[f[0]] = {f[1], f[2], f[3], f[4], f[5]};
    }
    return events;
  }
  static void changeTermEnd(const std::string& coop, const std::string& date) {
    auto r = server().post("/api/v1/cooperation.change",
                           R"({"id":")" + coop + R"(","term_end":")" + date + R"(","reason":"looptijd gewijzigd"})",
                           reg_->secrets.at("beheerder"));
    ASSERT_EQ(r.status, 200) << r.body;
  }
  static const Event* termEnd(const std::map<std::string, Event>& events, std::string* uid = nullptr) {
    for (const auto& [u, e] : events)
      if (e.summary.rfind("Einde looptijd Cultuurregio Vlaamse Ardennen", 0) == 0) {
        if (uid) *uid = u;
        return &e;
      }
    return nullptr;
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};

std::string* CalendarFeedTest::dir_ = nullptr;
SampleRegister* CalendarFeedTest::reg_ = nullptr;
Igsgovd* CalendarFeedTest::server_ = nullptr;

}  // namespace

TEST_F(CalendarFeedTest, FollowsTheRegisterAndShowsOnlyTheAccountsCooperations) {
  changeTermEnd(kOwn, inDays(30));
  changeTermEnd(kOther, inDays(40));
  std::string cookie, secret = makeFeed("feed-own", &cookie);
  ASSERT_FALSE(secret.empty());
  std::string all = "/api/v1/kalender/" + secret + ".ics";

  auto first = fetch(all);
  std::string uid;
  const Event* end = termEnd(first, &uid);
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(end->date, inDays(30));
  EXPECT_EQ(end->categories, "Einde looptijd");
  for (const auto& [u, e] : first) EXPECT_EQ(e.summary.find("Rupelstreek"), std::string::npos) << e.summary;
  EXPECT_EQ(fetch("/api/v1/kalender/" + secret + "/" + kOwn + ".ics").size(), first.size() - [&] {
    std::size_t everyone = 0;  // the elections' dates belong to no cooperation and are in both
    for (const auto& [u, e] : first) everyone += e.summary.find("(voorbeeld)") == std::string::npos;
    return everyone;
  }());
  // Another cooperation through this link: as if it did not exist.
  EXPECT_EQ(server().get("/api/v1/kalender/" + secret + "/" + kOther + ".ics").status, 404);
  EXPECT_EQ(server().get("/api/v1/kalender/" + secret + "/bestaat-niet.ics").status, 404);
  // The other account's feed does show it (the filter is the account's, not a blanket one).
  std::string otherSecret = makeFeed("feed-other");
  bool rupel = false;
  for (const auto& [u, e] : fetch("/api/v1/kalender/" + otherSecret + ".ics"))
    rupel = rupel || e.summary.find("Rupelstreek") != std::string::npos;
  EXPECT_TRUE(rupel);

  // A change: same UID, the new date, a higher SEQUENCE; a deadline that left the range leaves the feed.
  changeTermEnd(kOwn, inDays(60));
  auto second = fetch(all);
  const Event* moved = termEnd(second);
  ASSERT_NE(moved, nullptr);
  EXPECT_TRUE(second.count(uid));
  EXPECT_EQ(second.at(uid).date, inDays(60));
  EXPECT_GT(std::stoll(second.at(uid).sequence), std::stoll(first.at(uid).sequence));
  EXPECT_GE(second.at(uid).lastModified, first.at(uid).lastModified);
  changeTermEnd(kOwn, "2099-12-31");
  EXPECT_FALSE(fetch(all).count(uid));

  // Revoked by its owner: 404 from then on, like a wrong or malformed link.
  auto page = server().request("GET", "/intranet/agenda", "", "", {{"Cookie", cookie}});
  auto revoked = form(cookie, "csrf=" + csrfOf(page.body) + "&actie=intrek");
  EXPECT_EQ(revoked.status, 200);
  EXPECT_NE(revoked.body.find("ingetrokken"), std::string::npos);
  EXPECT_EQ(server().get(all).status, 404);
  std::string wrong = secret;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  EXPECT_EQ(server().get("/api/v1/kalender/" + wrong + ".ics").status, 404);
  EXPECT_EQ(server().get("/api/v1/kalender/x.ics").status, 404);
  // The secrets never reach the log.
  std::string log = server().log();
  EXPECT_EQ(log.find(secret), std::string::npos);
  EXPECT_EQ(log.find(otherSecret), std::string::npos);
}

TEST_F(CalendarFeedTest, ABeheerderRevokesAnotherAccountsFeedADirecteurCannot) {
  std::string secret = makeFeed("feed-other");
  ASSERT_FALSE(secret.empty());
  std::string path = "/api/v1/kalender/" + secret + ".ics";
  EXPECT_EQ(server().get(path).status, 200);
  auto refused = server().post("/api/v1/calendar.feed-revoke", R"({"account":"feed-other"})",
                               reg_->secrets.at("directeur"));
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(server().get(path).status, 200);
  auto done = server().post("/api/v1/calendar.feed-revoke", R"({"account":"feed-other"})", reg_->secrets.at("beheerder"));
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(server().get(path).status, 404);
  // A token has no account of its own to make a feed for.
  auto noAccount = server().post("/api/v1/calendar.feed-create", "{}", reg_->secrets.at("beheerder"));
  EXPECT_EQ(noAccount.status, 400) << noAccount.body;
}

// reminder.set and reminder.list over REST (their answers checked against the
// published schemas by the harness): a beheerder of the whole register for
// another account, nobody else; a token has no account of its own.
TEST_F(CalendarFeedTest, RemindersOverRestOnlyForTheOwnAccountOrABeheerder) {
  auto set = server().post("/api/v1/reminder.set", R"({"account":"feed-own","kind":"statuten","days":21})",
                           reg_->secrets.at("beheerder"));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_NE(set.body.find(R"("label":"Statuten")"), std::string::npos) << set.body;
  auto list = server().post("/api/v1/reminder.list", R"({"account":"feed-own"})", reg_->secrets.at("beheerder"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find(R"("days":21)"), std::string::npos) << list.body;
  EXPECT_EQ(server().post("/api/v1/reminder.list", R"({"account":"feed-own"})", reg_->secrets.at("directeur")).status, 403);
  EXPECT_EQ(server().post("/api/v1/reminder.set", R"({"account":"feed-own","kind":"statuten","days":1})",
                          reg_->secrets.at("directeur")).status,
            403);
  EXPECT_EQ(server().post("/api/v1/reminder.list", "{}", reg_->secrets.at("beheerder")).status, 400) << "no own account";
}

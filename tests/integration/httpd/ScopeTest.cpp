// Roles per cooperation against the real igsgovd (issue 15): for each role,
// for its own cooperation and another one, a read and a write, over REST (an
// API token limited to one cooperation) and on the intranet pages (a personal
// account with that role for one cooperation). A refused write is 403 and
// changes nothing; a beheerder limited to one cooperation manages no accounts.
#include "Harness.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

using namespace igsgov::test;

namespace {

constexpr const char* kOwn = "igs-cultuur-va";
constexpr const char* kOther = "igs-rupel";
const char* const kRoles[] = {"beheerder", "directeur", "secretariaat", "auditor"};

bool writes(const std::string& role) { return role != "auditor"; }

class ScopeTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("scope-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    for (const char* role : kRoles) {
      auto r = cli(reg_->path, {"token", "create", "--name", std::string("tok-") + role, "--role", role,
                                "--cooperations", std::string(R"([")") + kOwn + R"("])"});
      if (r.exitCode != 0) throw std::runtime_error(r.err);
      auto at = r.out.find("\"secret\"");
      auto start = r.out.find("igsgov_", at);
      (*tokens())[role] = r.out.substr(start, r.out.find('"', start) - start);
      addAccount(*reg_, std::string("own-") + role, rolePassword(role), {std::string(role) + "@" + kOwn});
    }
    server_ = new Igsgovd(*dir_, {"--register", reg_->path});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }
  static std::map<std::string, std::string>* tokens() {
    static std::map<std::string, std::string> t;
    return &t;
  }
  static Igsgovd& server() { return *server_; }
  static long long journalHead() { return server().get("/api/v1/health").json()->getValue<long long>("journal_head"); }
  static std::string changeBody(const std::string& coop) {
    return R"({"id":")" + coop + R"(","term_end":"2040-12-31","reason":"looptijd verlengd"})";
  }
  static Response page(const std::string& cookie, const std::string& path) {
    return server().request("GET", path, "", "", {{"Cookie", cookie}});
  }
  static Response form(const std::string& cookie, const std::string& path, const std::string& body) {
    return server().request("POST", path, body, "",
                            {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static std::string csrfOf(const std::string& html) {
    std::string key = "name=\"csrf\" value=\"";
    auto p = html.find(key);
    return p == std::string::npos ? "" : html.substr(p + key.size(), 64);
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};

std::string* ScopeTest::dir_ = nullptr;
SampleRegister* ScopeTest::reg_ = nullptr;
Igsgovd* ScopeTest::server_ = nullptr;

}  // namespace

TEST_F(ScopeTest, RestReadAndWritePerRoleAndCooperation) {
  for (const char* role : kRoles) {
    SCOPED_TRACE(role);
    const std::string& token = tokens()->at(role);
    EXPECT_EQ(server().get(std::string("/api/v1/cooperation.show?id=") + kOwn, token).status, 200);
    auto otherRead = server().get(std::string("/api/v1/cooperation.show?id=") + kOther, token);
    EXPECT_EQ(otherRead.status, 403) << otherRead.body;
    EXPECT_NE(otherRead.body.find("samenwerkingsverband"), std::string::npos) << otherRead.body;

    auto before = journalHead();
    auto own = server().post("/api/v1/cooperation.change", changeBody(kOwn), token);
    EXPECT_EQ(own.status, writes(role) ? 200 : 403) << own.body;
    EXPECT_EQ(journalHead(), before + (writes(role) ? 1 : 0));
    auto other = server().post("/api/v1/cooperation.change", changeBody(kOther), token);
    EXPECT_EQ(other.status, 403) << other.body;
    EXPECT_EQ(journalHead(), before + (writes(role) ? 1 : 0)) << "a refused write changed the register";

    // A listing shows the own cooperation only.
    auto list = server().get("/api/v1/cooperation.list", token);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_NE(list.body.find(kOwn), std::string::npos);
    EXPECT_EQ(list.body.find(kOther), std::string::npos) << list.body;
  }
}

TEST_F(ScopeTest, PagesReadAndWritePerRoleAndCooperation) {
  const std::string generate = "&sjabloon=samenstelling&formaat=html&deelnemer=&datum=2026-01-01";
  for (const char* role : kRoles) {
    SCOPED_TRACE(role);
    std::string cookie = server().signIn(std::string("own-") + role, rolePassword(role));
    ASSERT_FALSE(cookie.empty());
    auto list = page(cookie, "/intranet/igs");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_NE(list.body.find(std::string("/intranet/igs/") + kOwn), std::string::npos);
    EXPECT_EQ(list.body.find(std::string("/intranet/igs/") + kOther), std::string::npos);

    auto own = page(cookie, std::string("/intranet/igs/") + kOwn + "/documenten");
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(own.body.find("name=\"sjabloon\"") != std::string::npos, writes(role)) << "form offered as allowed";
    EXPECT_EQ(page(cookie, std::string("/intranet/igs/") + kOther).status, 403);
    EXPECT_EQ(page(cookie, std::string("/intranet/igs/") + kOther + "/documenten").status, 403);

    std::string csrf = csrfOf(own.body);
    auto before = journalHead();
    auto write = form(cookie, std::string("/intranet/igs/") + kOwn + "/documenten", "csrf=" + csrf + generate);
    EXPECT_EQ(write.status, writes(role) ? 200 : 403) << write.body.substr(0, 400);
    EXPECT_EQ(journalHead(), before + (writes(role) ? 1 : 0));
    auto forged = form(cookie, std::string("/intranet/igs/") + kOther + "/documenten", "csrf=" + csrf + generate);
    EXPECT_EQ(forged.status, 403) << forged.body.substr(0, 400);
    EXPECT_EQ(journalHead(), before + (writes(role) ? 1 : 0)) << "a refused form changed the register";
  }
}

TEST_F(ScopeTest, OnlyABeheerderForEveryCooperationManagesAccounts) {
  const std::string body = R"({"id":"nieuw","display_name":"Nieuw","password":"een-goed-wachtwoord"})";
  auto limited = server().post("/api/v1/account.create", body, tokens()->at("beheerder"));
  EXPECT_EQ(limited.status, 403) << limited.body;
  EXPECT_EQ(server().post("/api/v1/account.create", body, tokens()->at("secretariaat")).status, 403);
  EXPECT_EQ(server().post("/api/v1/account.create", body, reg_->secrets.at("directeur")).status, 403);
  auto made = server().post("/api/v1/account.create", body, reg_->secrets.at("beheerder"));
  ASSERT_EQ(made.status, 200) << made.body;
  auto grant = server().post("/api/v1/account.grant", R"({"id":"nieuw","role":"auditor","cooperation":"igs-rupel"})",
                             reg_->secrets.at("beheerder"));
  ASSERT_EQ(grant.status, 200) << grant.body;
  std::string cookie = server().signIn("nieuw", "een-goed-wachtwoord");
  ASSERT_FALSE(cookie.empty());
  EXPECT_EQ(page(cookie, "/intranet/igs/igs-rupel").status, 200);
  EXPECT_EQ(page(cookie, std::string("/intranet/igs/") + kOwn).status, 403);
  // The account list never shows a password or its hash.
  auto accounts = server().get("/api/v1/account.list", reg_->secrets.at("beheerder"));
  ASSERT_EQ(accounts.status, 200);
  EXPECT_EQ(accounts.body.find("argon2"), std::string::npos);
  EXPECT_EQ(accounts.body.find("een-goed-wachtwoord"), std::string::npos);
}

// The mandate and members pages through igsgovd: a role that writes appoints
// (with a new person, one transaction) and adds a partner in its own IGS; the
// auditor sees no form; nobody writes in another IGS (403, journal unchanged).
TEST_F(ScopeTest, MandateAndMemberPagesPerRoleAndCooperation) {
  for (const char* role : kRoles) {
    SCOPED_TRACE(role);
    std::string cookie = server().signIn(std::string("own-") + role, rolePassword(role));
    ASSERT_FALSE(cookie.empty());
    const std::string own = std::string("/intranet/igs/") + kOwn;
    const std::string other = std::string("/intranet/igs/") + kOther;
    auto composition = page(cookie, own + "/samenstelling");
    ASSERT_EQ(composition.status, 200) << composition.body.substr(0, 400);
    EXPECT_EQ(composition.body.find("/mandaten/nieuw") != std::string::npos, writes(role)) << "offered as allowed";
    auto members = page(cookie, own + "/deelnemers");
    ASSERT_EQ(members.status, 200) << members.body.substr(0, 400);
    EXPECT_EQ(members.body.find("name=\"actie\"") != std::string::npos, writes(role));
    EXPECT_EQ(page(cookie, other + "/deelnemers").status, 403);
    EXPECT_EQ(page(cookie, own + "/mandaten/nieuw").status, writes(role) ? 200 : 403);

    std::string csrf = csrfOf(members.body);
    std::string tag = std::string("scope-") + role;
    std::string appoint = "csrf=" + csrf + "&id=m-" + tag + "&persoon_id=p-" + tag + "&persoon=&nieuwe_naam=Persoon+" +
                          role + "&geslacht=&orgaan=igs-cultuur-va-rvb&zetel=&deelnemer=&rol=deskundige&kant=" +
                          "&fractie=&stem=&van=2026-05-01&tot=&raad=&besluit_datum=&referentie=&uri=";
    std::string partner = "csrf=" + csrf + "&actie=partner&par_naam=Partner+" + role +
                          "&par_soort=publiek&par_van=2026-05-01&par_tot=";
    auto before = journalHead();
    auto forged = form(cookie, other + "/mandaten/nieuw", appoint);
    EXPECT_EQ(forged.status, 403) << forged.body.substr(0, 400);
    EXPECT_EQ(form(cookie, other + "/deelnemers", partner).status, 403);
    EXPECT_EQ(form(cookie, other + "/mandaten/igs-rupel-bc-2-11018", "csrf=" + csrf + "&actie=intrekken&intr_reden=x")
                  .status,
              403);
    EXPECT_EQ(journalHead(), before) << "a refused form changed the register";
    auto made = form(cookie, own + "/mandaten/nieuw", appoint);
    EXPECT_EQ(made.status, writes(role) ? 303 : 403) << made.body.substr(0, 600);
    auto added = form(cookie, own + "/deelnemers", partner);
    EXPECT_EQ(added.status, writes(role) ? 303 : 403) << added.body.substr(0, 600);
    EXPECT_EQ(journalHead(), before + (writes(role) ? 2 : 0)) << "one journal entry per form, person and mandate together";
    if (writes(role)) {
      auto history = server().get("/api/v1/mandate.history?id=m-" + tag, reg_->secrets.at("auditor"));
      ASSERT_EQ(history.status, 200) << history.body;
      EXPECT_NE(history.body.find(std::string("\"actor\":\"own-") + role + "\""), std::string::npos) << history.body;
    }
  }
}

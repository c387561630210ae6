// Bad input over HTTP against the real igsgovd (issues 13 and 14): JSON with a
// key given twice or a syntax error is refused with its line and column; NUL,
// control characters and invalid UTF-8 are refused with the field named, in
// REST bodies, query parameters and intranet form posts; nothing is stored.
#include "Harness.hpp"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <string>
#include <unistd.h>
#include <vector>

using namespace igsgov::test;

namespace {

class InputTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("input-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    addRoleAccounts(*reg_);
    server_ = new Igsgovd(*dir_, {"--register", reg_->path});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }
  static Igsgovd& server() { return *server_; }
  static const std::string& token(const std::string& role) { return reg_->secrets.at(role); }

  static long long journalHead() {
    auto h = server().get("/api/v1/health");
    EXPECT_EQ(h.status, 200) << h.body;
    return h.json()->getValue<long long>("journal_head");
  }
  static std::string placeOf(const Response& r, const std::string& key) {
    auto place = r.json()->getObject("place");
    return place && place->has(key) ? place->getValue<std::string>(key) : "";
  }
  // POSTs a JSON body that must be refused with 400 "invalid"; returns the response.
  static Response refused(const std::string& op, const std::string& body) {
    auto r = server().post("/api/v1/" + op, body, token("beheerder"));
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("code"), "invalid") << r.body;
    return r;
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};
std::string* InputTest::dir_ = nullptr;
SampleRegister* InputTest::reg_ = nullptr;
Igsgovd* InputTest::server_ = nullptr;

// The value of a hidden or other input field of a page.
std::string fieldOf(const std::string& html, const std::string& name) {
  auto p = html.find("name=\"" + name + "\" value=\"");
  if (p == std::string::npos) return "";
  p += name.size() + 15;
  return html.substr(p, html.find('"', p) - p);
}

}  // namespace

TEST_F(InputTest, KeyGivenTwiceIsRefusedWithItsPlace) {
  long long before = journalHead();
  auto r = refused("person.create", R"({"id":"p-dup","name":"A","name":"B"})");
  EXPECT_EQ(placeOf(r, "field"), "'name'");
  EXPECT_EQ(placeOf(r, "line"), "1");
  EXPECT_EQ(placeOf(r, "column"), "26");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("komt twee keer voor"), std::string::npos) << r.body;
  r = refused("mandate.appoint",
              "{\"id\": \"m-dup\",\n \"decision\": {\"council\": \"11002\",\n   \"council\": \"11004\"}}");
  EXPECT_EQ(placeOf(r, "line"), "3");
  EXPECT_EQ(placeOf(r, "column"), "4");
  EXPECT_EQ(placeOf(r, "path"), "decision");
  EXPECT_EQ(journalHead(), before);
  EXPECT_EQ(server().get("/api/v1/person.list", token("auditor")).body.find("p-dup"), std::string::npos);
}

TEST_F(InputTest, SyntaxErrorsNameLineAndColumn) {
  auto r = refused("person.create", "{\n  \"id\": \"p-x\"\n  \"name\": \"X\"\n}");  // missing comma
  EXPECT_EQ(placeOf(r, "line"), "3");
  EXPECT_EQ(placeOf(r, "column"), "3");
  r = refused("person.create", "{\"id\": \"p-x\", \"name\": \"X\"} extra");
  EXPECT_EQ(placeOf(r, "line"), "1");
  EXPECT_EQ(placeOf(r, "column"), "28");
}

TEST_F(InputTest, ControlCharactersAndBadUtf8AreRefusedWithTheField) {
  long long before = journalHead();
  auto r = refused("person.create", R"({"id":"p-nul","name":"Jan\u0000Peeters"})");
  EXPECT_EQ(placeOf(r, "field"), "'name'");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("nulteken"), std::string::npos) << r.body;
  r = refused("person.create", R"({"id":"p-esc","name":"Jan\u001b[2J"})");
  EXPECT_EQ(placeOf(r, "field"), "'name'");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("stuurteken U+001B"), std::string::npos) << r.body;
  r = refused("person.create", "{\"id\":\"p-utf\",\"name\":\"Jan\xC0\xAF\"}");  // overlong
  EXPECT_EQ(placeOf(r, "field"), "'name'");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("UTF-8"), std::string::npos) << r.body;
  r = refused("person.create", R"({"id":"p-sur","name":"Jan\ud800"})");  // lone surrogate
  EXPECT_EQ(placeOf(r, "field"), "'name'");
  r = refused("person.create", R"({"id":"p-lf","name":"Jan\nPeeters"})");  // one-line field
  EXPECT_NE(r.json()->getValue<std::string>("message").find("regeleinde"), std::string::npos) << r.body;
  r = refused("person.correct", R"({"id":"p-001","name":"X","reason":"tik\u0007fout"})");
  EXPECT_EQ(placeOf(r, "field"), "'reason'");
  // A query parameter is decoded, then checked the same way.
  auto q = server().get("/api/v1/body.composition?body=igs-cultuur-va-rvb%01", token("auditor"));
  EXPECT_EQ(q.status, 400) << q.body;
  EXPECT_EQ(placeOf(q, "field"), "'body'");
  EXPECT_EQ(journalHead(), before);
  auto people = server().get("/api/v1/person.list", token("auditor")).body;
  for (const char* id : {"p-nul", "p-esc", "p-utf", "p-sur", "p-lf"}) EXPECT_EQ(people.find(id), std::string::npos) << id;
  // Multi-line text keeps its lines.
  auto ok = server().post("/api/v1/person.correct", R"({"id":"p-001","name":"Anna Peeters","reason":"regel 1\nregel 2"})",
                          token("beheerder"));
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(InputTest, IntranetFormWithAControlCharacterIsRefusedAndStoresNothing) {
  // Sign in as a browser does: the login form's token and cookie, then the session cookie.
  std::string cookie = server().signIn("a-directeur", rolePassword("directeur"));
  ASSERT_FALSE(cookie.empty());
  auto page = server().request("GET", "/intranet/igs/igs-cultuur-va/bevindingen", "", "", {{"Cookie", cookie}});
  ASSERT_EQ(page.status, 200) << page.body;
  std::string csrf = fieldOf(page.body, "csrf"), key = fieldOf(page.body, "key");
  ASSERT_FALSE(csrf.empty()) << page.body;
  if (key.empty()) key = "geen";

  long long before = journalHead();
  auto post = server().request("POST", "/intranet/igs/igs-cultuur-va/bevindingen/erkennen",
                               "csrf=" + csrf + "&key=" + key + "&reden=gekend%01aanvaard", "",
                               {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(post.status, 400) << post.body;
  EXPECT_NE(post.body.find("stuurteken U+0001"), std::string::npos) << post.body;
  EXPECT_NE(post.body.find("reason"), std::string::npos) << post.body;
  EXPECT_EQ(journalHead(), before);
}

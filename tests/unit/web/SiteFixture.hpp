// The fixture of the web::Site tests: a real register made through the
// catalogue (sample imported), one personal account per role for every
// cooperation and some for one cooperation, and a Site over it; helpers to
// sign in, GET and POST as a browser does, and read a page's CSRF token.
#pragma once

#include "core/Error.hpp"
#include "ops/Session.hpp"
#include "tests/support/SampleRegister.hpp"
#include "tests/support/Scratch.hpp"
#include "web/Forms.hpp"
#include "web/Site.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace igsgov;
using namespace igsgov::web;

namespace {

class SiteTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = igsgov::testing::scratchDir("web", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    session_ = std::make_unique<ops::Session>(igsgov::testing::newSampleRegister(dir_.string()), false);
    for (const char* role : {"beheerder", "directeur", "secretariaat", "auditor"})
      account(std::string("a-") + role, {{role, "*"}});
    account("sec-rupel", {{"secretariaat", "igs-rupel"}});
    account("gemengd", {{"secretariaat", "igs-rupel"}, {"auditor", "igs-cultuur-va"}});
    account("beh-rupel", {{"beheerder", "igs-rupel"}});
    auto t = newObject();
    t->set("name", std::string("t-beheerder"));
    t->set("role", std::string("beheerder"));
    tokenSecret_ = session_->execute("token.create", t, ops::Caller{})->getValue<std::string>("secret");
    site_ = std::make_unique<Site>(*session_, SiteOptions{false, "test", {}, (dir_ / "documenten").string()});
  }

  Response get(const std::string& path, const std::string& cookie = "", const std::string& query = "") {
    return site_->handle(Request{"GET", path, query, cookie, "", ""});
  }
  Response post(const std::string& path, const std::string& body, const std::string& cookie = "") {
    return site_->handle(Request{"POST", path, "", cookie, "application/x-www-form-urlencoded", body});
  }
  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }
  // A personal account with password password(id) and these grants.
  void account(const std::string& id, const std::vector<std::pair<std::string, std::string>>& grants) {
    auto a = newObject();
    a->set("id", id);
    a->set("display_name", "Gebruiker " + id);
    a->set("password", password(id));
    session_->execute("account.create", a, ops::Caller{});
    for (const auto& [role, cooperation] : grants) {
      auto g = newObject();
      g->set("id", id);
      g->set("role", role);
      g->set("cooperation", cooperation);
      session_->execute("account.grant", g, ops::Caller{});
    }
  }
  static std::string password(const std::string& id) { return "wachtwoord-van-" + id; }
  // Signs in as "a-<role>" (or an account by its id); returns the Cookie header value.
  std::string login(const std::string& role) {
    const std::set<std::string> roles = {"beheerder", "directeur", "secretariaat", "auditor"};
    std::string id = roles.count(role) ? "a-" + role : role;
    auto r = postLogin(id, password(id));
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(header(r, "Location"), "/intranet/igs");
    std::string set = header(r, "Set-Cookie");
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
    return set.substr(0, set.find(';'));
  }
  // Posts the login form as a browser does: the form's token and its cookie from a GET first.
  Response postLogin(const std::string& name, const std::string& password) {
    auto form = get("/intranet/aanmelden");
    std::string set = header(form, "Set-Cookie");
    EXPECT_EQ(set.rfind(std::string(kLoginCookie) + "=", 0), 0u) << set;
    return post("/intranet/aanmelden", "csrf=" + csrfOf(form.body) + "&naam=" + name + "&wachtwoord=" + password,
                set.substr(0, set.find(';')));
  }
  void execute(const std::string& op, const std::string& json) {
    session_->execute(op, parseJsonObject(json), ops::Caller{});
  }
  // The csrf hidden field of a page.
  static std::string csrfOf(const std::string& html) {
    auto p = html.find("name=\"csrf\" value=\"");
    if (p == std::string::npos) return "";
    p += 19;
    return html.substr(p, html.find('"', p) - p);
  }

  std::filesystem::path dir_;
  std::unique_ptr<ops::Session> session_;
  std::string tokenSecret_;
  std::unique_ptr<Site> site_;
};

}  // namespace

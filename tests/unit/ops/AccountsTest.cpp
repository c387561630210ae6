// Personal accounts through the catalogue (account.*, service/Accounts.hpp)
// against a real register: passwords stored as Argon2id and never journaled,
// sign-in, disabling, resets ending the credential, grants, and the names an
// account may have.
#include "core/Error.hpp"
#include "SampleSession.hpp"
#include "ops/Session.hpp"
#include "service/Accounts.hpp"

#include <gtest/gtest.h>


using namespace igsgov;
using namespace igsgov::ops;

namespace {

class AccountsTest : public ::testing::Test {
protected:
  void SetUp() override { session_ = test::sampleSession(); }
  JsonObject run(const std::string& op, const std::string& json, const Caller& who = Caller{"beheer", "beheerder", ""}) {
    return session_->execute(op, parseJsonObject(json), who);
  }
  Error failure(const std::string& op, const std::string& json, const Caller& who = Caller{"beheer", "beheerder", ""}) {
    try {
      run(op, json, who);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << op << " " << json << " succeeded";
    return Error(ErrorCode::ok, "");
  }
  std::optional<service::Identity> login(const std::string& name, const std::string& password) {
    std::optional<service::Identity> who;
    session_->reg().read([&](store::Database& db) {
      who = service::passwordLogin(db, name, password);
      return JsonObject();
    });
    return who;
  }
  // Every journal input and every stored column as one text.
  std::string everythingStored() {
    std::string all;
    session_->reg().read([&](store::Database& db) {
      auto st = db.prepare("SELECT input FROM journal");
      while (st.step()) all += st.text(0) + "\n";
      auto pw = db.prepare("SELECT hash FROM account_password");
      while (pw.step()) all += pw.text(0) + "\n";
      return JsonObject();
    });
    return all;
  }

  std::unique_ptr<Session> session_;
};

}  // namespace

TEST_F(AccountsTest, PasswordIsHashedAndNeverJournaled) {
  auto out = run("account.create",
                 R"({"id":"An.Peeters","display_name":"An Peeters","password":"geheim-wachtwoord-1","reason":"nieuw"})");
  EXPECT_EQ(out->getValue<std::string>("id"), "an.peeters") << "login names are lowercased";
  EXPECT_TRUE(out->getValue<bool>("has_password"));
  std::string stored = everythingStored();
  EXPECT_EQ(stored.find("geheim-wachtwoord-1"), std::string::npos) << stored;
  EXPECT_NE(stored.find("$argon2id$v=19$m=19456,t=2,p=1$"), std::string::npos);
  EXPECT_NE(stored.find("(gewijzigd)"), std::string::npos);
  EXPECT_EQ(run("audit.verify", "{}")->getValue<bool>("ok"), true);

  auto who = login("AN.PEETERS ", "geheim-wachtwoord-1");
  ASSERT_TRUE(who);
  EXPECT_EQ(who->id, "an.peeters");
  EXPECT_EQ(who->principal, "account:an.peeters");
  EXPECT_FALSE(login("an.peeters", "geheim-wachtwoord-2"));
  EXPECT_FALSE(login("onbekend", "geheim-wachtwoord-1"));
}

TEST_F(AccountsTest, ResetGeneratesOnceAndEndsTheOldCredential) {
  run("account.create", R"({"id":"jan","display_name":"Jan","password":"eerste-wachtwoord"})");
  auto before = login("jan", "eerste-wachtwoord");
  ASSERT_TRUE(before);
  auto out = run("account.password", R"({"id":"jan","reason":"vergeten"})");
  std::string generated = out->getValue<std::string>("password");
  EXPECT_EQ(generated.size(), 20u);
  EXPECT_FALSE(login("jan", "eerste-wachtwoord"));
  auto after = login("jan", generated);
  ASSERT_TRUE(after);
  EXPECT_NE(after->credential, before->credential) << "a session started with the old password must end";
  EXPECT_EQ(everythingStored().find(generated), std::string::npos);
  // Listing never shows a hash.
  std::string list = toJsonText(run("account.list", "{}"), false);
  EXPECT_EQ(list.find("argon2"), std::string::npos) << list;
}

TEST_F(AccountsTest, OwnPasswordNeedsTheCurrentOne) {
  run("account.create", R"({"id":"jan","display_name":"Jan","password":"eerste-wachtwoord"})");
  run("account.grant", R"({"id":"jan","role":"auditor","cooperation":"igs-rupel"})");
  Caller jan{"jan", "", "", {{"auditor", "igs-rupel"}}, "jan"};
  auto wrong = failure("account.own-password", R"({"current_password":"fout-wachtwoord","new_password":"tweede-wachtwoord"})", jan);
  EXPECT_EQ(wrong.errorCode(), ErrorCode::invalid);
  EXPECT_NE(wrong.place().describe().find("current_password"), std::string::npos);
  auto weak = failure("account.own-password", R"({"current_password":"eerste-wachtwoord","new_password":"kort"})", jan);
  EXPECT_NE(weak.place().describe().find("new_password"), std::string::npos);
  run("account.own-password", R"({"current_password":"eerste-wachtwoord","new_password":"tweede-wachtwoord"})", jan);
  EXPECT_TRUE(login("jan", "tweede-wachtwoord"));
  // Without a personal account (a token, the CLI) there is no own password.
  EXPECT_EQ(failure("account.own-password", R"({"current_password":"a","new_password":"tweede-wachtwoord"})")
                .errorCode(),
            ErrorCode::denied);
}

TEST_F(AccountsTest, DisabledAccountCannotSignIn) {
  run("account.create", R"({"id":"jan","display_name":"Jan","password":"eerste-wachtwoord"})");
  run("account.change", R"({"id":"jan","disabled":true,"reason":"uit dienst"})");
  EXPECT_FALSE(login("jan", "eerste-wachtwoord"));
  run("account.change", R"({"id":"jan","disabled":false})");
  EXPECT_TRUE(login("jan", "eerste-wachtwoord"));
}

TEST_F(AccountsTest, BadInputIsRefusedInDutchAndChangesNothing) {
  auto name = failure("account.create", R"({"id":"Jan Janssens","display_name":"Jan"})");
  EXPECT_EQ(name.errorCode(), ErrorCode::invalid);
  EXPECT_NE(std::string(name.message()).find("gebruikersnaam"), std::string::npos);
  auto weak = failure("account.create", R"({"id":"jan","display_name":"Jan","password":"kort"})");
  EXPECT_NE(std::string(weak.message()).find("te kort"), std::string::npos);
  EXPECT_EQ(run("account.list", "{}")->getArray("accounts")->size(), 0u) << "nothing half-made";
  auto mail = failure("account.create", R"({"id":"jan","display_name":"Jan","email":"geen-adres"})");
  EXPECT_NE(mail.place().describe().find("email"), std::string::npos);

  run("account.create", R"({"id":"jan","display_name":"Jan"})");
  EXPECT_EQ(failure("account.create", R"({"id":"JAN","display_name":"Jan"})").errorCode(), ErrorCode::conflict);
  EXPECT_EQ(failure("account.grant", R"({"id":"jan","role":"koning","cooperation":"igs-rupel"})").errorCode(),
            ErrorCode::invalid);
  EXPECT_EQ(failure("account.grant", R"({"id":"jan","role":"auditor","cooperation":"igs-bestaat-niet"})").errorCode(),
            ErrorCode::notFound);
  run("account.grant", R"({"id":"jan","role":"auditor","cooperation":"igs-rupel"})");
  EXPECT_EQ(failure("account.grant", R"({"id":"jan","role":"auditor","cooperation":"igs-rupel"})").errorCode(),
            ErrorCode::conflict);
  run("account.revoke", R"({"id":"jan","role":"auditor","cooperation":"igs-rupel"})");
  EXPECT_EQ(failure("account.revoke", R"({"id":"jan","role":"auditor","cooperation":"igs-rupel"})").errorCode(),
            ErrorCode::notFound);
}

TEST_F(AccountsTest, AccountAndTokenNamesNeverCollide) {
  run("token.create", R"({"name":"robot","role":"auditor"})");
  EXPECT_EQ(failure("account.create", R"({"id":"robot","display_name":"Robot"})").errorCode(), ErrorCode::conflict);
  run("account.create", R"({"id":"jan","display_name":"Jan"})");
  EXPECT_EQ(failure("token.create", R"({"name":"jan","role":"auditor"})").errorCode(), ErrorCode::conflict);
}

TEST_F(AccountsTest, ScopedTokenActsOnlyForItsCooperations) {
  run("token.create", R"({"name":"robot","role":"secretariaat","cooperations":["igs-rupel"]})");
  auto tokens = run("token.list", "{}")->getArray("tokens");
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ(tokens->getObject(0)->getArray("cooperations")->size(), 1u);
  service::Identity who;
  session_->reg().read([&](store::Database& db) {
    who = service::tokenIdentity(db, service::TokenIdentity{"robot", "secretariaat"});
    return JsonObject();
  });
  ASSERT_EQ(who.grants.size(), 1u);
  EXPECT_EQ(who.grants[0].cooperation, "igs-rupel");
  EXPECT_EQ(failure("token.create", R"({"name":"r2","role":"auditor","cooperations":["*"]})").errorCode(),
            ErrorCode::invalid);
}

// Roles per cooperation, enforced in Session::execute from each operation's
// scope (ops/Scope.hpp, ops/Authorization.hpp), against a real register with
// the sample imported (cooperations igs-rupel, igs-noordrand, ...): every role
// x own / other cooperation x a write and a read, listings cut down, the whole
// register only for a role for every cooperation, and every operation of the
// catalogue either declaring its scope or being listed here as whole-register.
#include "core/Error.hpp"
#include "SampleSession.hpp"
#include "ops/Session.hpp"

#include <gtest/gtest.h>


using namespace igsgov;
using namespace igsgov::ops;

namespace {

constexpr const char* kOwn = "igs-rupel";
constexpr const char* kOther = "igs-noordrand";

// Operations that concern the whole register on purpose (no scope function):
// only a role for every cooperation runs them.
const std::set<std::string> kWholeRegister = {
    "register.init", "register.import", "register.export",  // every cooperation's data at once
    "register.copy",  // every row of a register, to another store
    "audit.verify", "audit.journal", "audit.head", "changes",  // the journal of every cooperation
    "audit.pack",  // holds every journal entry of the period, of every cooperation
    "document.verify-files",                                // every stored file
    "token.create", "token.list", "token.revoke",           // administration
    "account.create", "account.change", "account.password", "account.grant", "account.revoke", "account.list",
    "sync.run", "sync.resync", "sync.status",               // a sync target serves the whole register
    "sparql.proposals", "sparql.list", "sparql.reject",     // proposals arrive for every cooperation
    "reminders.send"};  // emails every account about every cooperation it sees

class AuthorizationTest : public ::testing::Test {
protected:
  void SetUp() override { session_ = test::sampleSession(); }

  static Caller as(const std::string& role, const std::string& cooperation) {
    return Caller{"a-" + role, "", "", {{role, cooperation}}, "a-" + role};
  }
  JsonObject run(const std::string& op, const std::string& json, const Caller& who) {
    return session_->execute(op, parseJsonObject(json), who);
  }
  ErrorCode code(const std::string& op, const std::string& json, const Caller& who) {
    try {
      run(op, json, who);
      return ErrorCode::ok;
    } catch (const Error& e) {
      return e.errorCode();
    }
  }
  static std::string change(const char* coop) {
    return std::string(R"({"id":")") + coop + R"(","reason":"looptijd verlengd","term_end":"2040-12-31"})";
  }
  static std::string show(const char* coop) { return std::string(R"({"id":")") + coop + R"("})"; }
  long long journalLength() {
    return run("audit.verify", "{}", Caller{})->getValue<long long>("entries");
  }

  std::unique_ptr<Session> session_;
};

}  // namespace

TEST_F(AuthorizationTest, WritersChangeOnlyTheirOwnCooperation) {
  for (const char* role : {"secretariaat", "directeur", "beheerder"}) {
    SCOPED_TRACE(role);
    EXPECT_EQ(code("cooperation.change", change(kOwn), as(role, kOwn)), ErrorCode::ok);
    auto before = journalLength();
    EXPECT_EQ(code("cooperation.change", change(kOther), as(role, kOwn)), ErrorCode::denied);
    EXPECT_EQ(journalLength(), before) << "a refused write changes nothing";
    EXPECT_EQ(code("cooperation.show", show(kOwn), as(role, kOwn)), ErrorCode::ok);
    EXPECT_EQ(code("cooperation.show", show(kOther), as(role, kOwn)), ErrorCode::denied);
  }
}

TEST_F(AuthorizationTest, AuditorReadsOnlyWhatItIsGiven) {
  Caller auditor = as("auditor", kOwn);
  EXPECT_EQ(code("cooperation.show", show(kOwn), auditor), ErrorCode::ok);
  EXPECT_EQ(code("cooperation.show", show(kOther), auditor), ErrorCode::denied);
  EXPECT_EQ(code("cooperation.change", change(kOwn), auditor), ErrorCode::denied);
  EXPECT_EQ(code("cooperation.change", change(kOther), auditor), ErrorCode::denied);
  // Listings keep only the given cooperation.
  auto list = run("cooperation.list", "{}", auditor)->getArray("cooperations");
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("id"), kOwn);
  auto findings = run("compliance.check", "{}", auditor)->getArray("findings");
  for (std::size_t i = 0; i < findings->size(); ++i)
    EXPECT_EQ(findings->getObject(static_cast<unsigned>(i))->getValue<std::string>("cooperation"), kOwn);
  // A member, body or mandate of another cooperation is refused through its id.
  EXPECT_EQ(code("body.composition", R"({"body":"igs-noordrand-rvb"})", auditor), ErrorCode::denied);
  EXPECT_EQ(code("body.composition", R"({"body":"igs-rupel-bc"})", auditor), ErrorCode::ok);
  // The whole register is not "what it is given".
  EXPECT_EQ(code("register.export", "{}", auditor), ErrorCode::denied);
  EXPECT_EQ(code("register.export", "{}", as("auditor", "*")), ErrorCode::ok);
}

TEST_F(AuthorizationTest, SeveralGrantsCombine) {
  Caller mixed{"gemengd", "", "", {{"secretariaat", kOwn}, {"auditor", kOther}}, "gemengd"};
  EXPECT_EQ(code("cooperation.change", change(kOwn), mixed), ErrorCode::ok);
  EXPECT_EQ(code("cooperation.change", change(kOther), mixed), ErrorCode::denied);
  EXPECT_EQ(code("cooperation.show", show(kOther), mixed), ErrorCode::ok);
  EXPECT_EQ(run("cooperation.list", "{}", mixed)->getArray("cooperations")->size(), 2u);
}

TEST_F(AuthorizationTest, OnlyABeheerderForEveryCooperationManagesAccounts) {
  const std::string create = R"({"id":"jan","display_name":"Jan"})";
  EXPECT_EQ(code("account.create", create, as("secretariaat", "*")), ErrorCode::denied);
  EXPECT_EQ(code("account.create", create, as("beheerder", kOwn)), ErrorCode::denied);
  EXPECT_EQ(code("account.create", create, as("beheerder", "*")), ErrorCode::ok);
  EXPECT_EQ(code("account.list", "{}", as("auditor", "*")), ErrorCode::denied);
  EXPECT_EQ(code("token.list", "{}", as("beheerder", kOwn)), ErrorCode::denied);
}

TEST_F(AuthorizationTest, AnAccountWithoutGrantsMayDoNothing) {
  Caller nobody{"niemand", "", "", {}, "niemand"};
  EXPECT_EQ(code("cooperation.list", "{}", nobody), ErrorCode::denied);
  EXPECT_EQ(code("cooperation.show", show(kOwn), nobody), ErrorCode::denied);
}

TEST_F(AuthorizationTest, LocalUseActsForEveryCooperation) {
  EXPECT_EQ(code("cooperation.change", change(kOther), Caller{}), ErrorCode::ok);
  EXPECT_EQ(code("cooperation.change", change(kOther), Caller{"cli", "auditor", ""}), ErrorCode::denied);
}

TEST_F(AuthorizationTest, MayRunAnswersWhatPagesOffer) {
  EXPECT_TRUE(mayRun("compliance.acknowledge", as("directeur", kOwn), kOwn));
  EXPECT_FALSE(mayRun("compliance.acknowledge", as("directeur", kOwn), kOther));
  EXPECT_FALSE(mayRun("compliance.acknowledge", as("secretariaat", kOwn), kOwn)) << "not the role's operation";
  EXPECT_TRUE(mayRun("documents.generate", as("secretariaat", "*"), kOther));
  EXPECT_FALSE(mayRun("documents.generate", as("auditor", kOwn), kOwn));
  EXPECT_FALSE(mayRun("onbekend", as("beheerder", "*"), kOwn));
}

TEST(CatalogueScope, EveryOperationDeclaresWhichCooperationItConcerns) {
  for (const auto& name : kWholeRegister) EXPECT_TRUE(catalogue().find(name)) << name << " is no operation";
  for (const auto& op : catalogue().all()) {
    if (op.scope) {
      EXPECT_FALSE(kWholeRegister.count(op.name)) << op.name << " has a scope: remove it from kWholeRegister";
      continue;
    }
    EXPECT_TRUE(kWholeRegister.count(op.name))
        << op.name << " declares no scope (Catalogue::setScope): it would be closed to every role limited to "
           "some cooperations. Give it one, or list it in kWholeRegister with a reason.";
  }
}

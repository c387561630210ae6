// End to end through the operation catalogue: designations read from a real
// Virtuoso (fixture tests/fixtures/sparql/igs-mandaten.ttl, started by
// run-with-virtuoso.sh) become pending proposals in the register; accepting
// one appoints the mandate (creating the person) in one journal entry, and the
// board's composition shows the person; rejecting needs a reason; re-reading
// the endpoint is idempotent; audit verify stays clean. The endpoint is a
// named source of the SPARQL configuration (sparql.json beside the register,
// or "config"), never a URL in the request.
#include "../../unit/sync/SyncTestSupport.hpp"

#include "core/Error.hpp"
#include "ops/Session.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace igsgov;

namespace {

JsonObject obj(const std::string& json) { return parseJsonObject(json); }

struct Env {
  std::string dir = sync::testing::tempDir("igsgov-sparqlaccept");
  ops::Session session{dir + "/register.db", true};
  ops::Caller caller;
  Env() {
    caller.actor = "test:secretariaat";
    // The named source, in sparql.json beside the register (the default place).
    std::ofstream(dir + "/sparql.json") << R"({"sources": {"leiestreek": {"endpoint": ")"
                                        << std::getenv("IGSGOV_SPARQL_ENDPOINT") << R"(", "graph": ")"
                                        << std::getenv("IGSGOV_SPARQL_GRAPH") << R"(", "timeout_s": 60}}})";
    exec("cooperation.create", R"({"id": "igs-leie", "name": "IGS Cultuur Leiestreek, fictief", "legal_form": "projectvereniging"})");
    exec("member.add", R"({"id": "igs-leie-44083", "cooperation": "igs-leie", "kind": "gemeente", "nis": "44083", "from": "2021-01-01"})");
    exec("body.create", R"({"id": "igs-leie-rvb", "cooperation": "igs-leie", "type": "raad_van_bestuur", "name": "Raad van bestuur", "from": "2021-01-01"})");
  }
  JsonObject exec(const std::string& op, const std::string& json) { return session.execute(op, obj(json), caller); }
  JsonObject fetch() { return exec("sparql.proposals", R"({"source": "leiestreek"})"); }
  // The pending proposal for a person and role.
  std::string find(const std::string& familyName, const std::string& role) {
    auto list = exec("sparql.list", R"({"status": "pending"})")->getArray("proposals");
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto p = list->getObject(i)->getObject("proposal");
      if (p->getObject("person")->getValue<std::string>("family_name") == familyName && !p->isNull("role") &&
          p->getValue<std::string>("role") == role)
        return list->getObject(i)->getValue<std::string>("id");
    }
    return "";
  }
};

}  // namespace

TEST(SparqlAccept, ProposalsAcceptCompositionShowsThePerson) {
  ASSERT_NE(std::getenv("IGSGOV_SPARQL_ENDPOINT"), nullptr) << "run through run-with-virtuoso.sh";
  Env env;
  auto first = env.fetch();
  EXPECT_EQ(first->getValue<int>("count"), 9);
  EXPECT_EQ(first->getValue<int>("added"), 9);
  EXPECT_EQ(first->getValue<std::string>("endpoint"), std::getenv("IGSGOV_SPARQL_ENDPOINT"));
  // The journal records which source and URL were read.
  auto entry = env.exec("audit.journal", R"({"limit": 1000})")->getArray("entries");
  bool journaled = false;
  for (std::size_t i = 0; i < entry->size(); ++i)
    journaled = journaled || entry->getObject(i)->getValue<std::string>("operation") == "sparql.proposals";
  EXPECT_TRUE(journaled);
  auto second = env.fetch();
  EXPECT_EQ(second->getValue<int>("added"), 0);
  EXPECT_EQ(second->getValue<int>("unchanged"), 9);

  std::string id = env.find("Claeys (fictief)", "voorzitter");
  ASSERT_FALSE(id.empty());
  auto before = env.exec("body.composition", R"({"body": "igs-leie-rvb", "as_of": "2025-06-01"})");
  EXPECT_EQ(ops::Session::renderText("body.composition", before).find("Claeys"), std::string::npos);

  auto in = newObject();
  in->set("id", id);
  in->set("body", "igs-leie-rvb");
  auto accepted = env.session.execute("sparql.accept", in, env.caller);
  EXPECT_TRUE(accepted->getValue<bool>("person_created"));
  auto mandate = accepted->getObject("mandate");
  EXPECT_EQ(mandate->getValue<std::string>("member"), "igs-leie-44083");  // found from "Deinze"

  auto comp = env.exec("body.composition", R"({"body": "igs-leie-rvb", "as_of": "2025-06-01"})");
  std::string text = ops::Session::renderText("body.composition", comp);
  EXPECT_NE(text.find("Anneke Claeys (fictief)"), std::string::npos) << text;
  EXPECT_NE(text.find("voorzitter"), std::string::npos) << text;

  // Accepting twice is refused and changes nothing.
  EXPECT_THROW(env.session.execute("sparql.accept", in, env.caller), Error);
  // The same person's second designation reuses the person (found by URI).
  std::string other = env.find("Claeys (fictief)", "bestuurder");
  ASSERT_FALSE(other.empty());
  auto in2 = newObject();
  in2->set("id", other);
  in2->set("body", "igs-leie-rvb");
  EXPECT_FALSE(env.session.execute("sparql.accept", in2, env.caller)->getValue<bool>("person_created"));

  // Reject needs a reason; with one the proposal is closed.
  std::string maes = env.find("Maes (fictief)", "bestuurder");
  ASSERT_FALSE(maes.empty());
  EXPECT_THROW(env.exec("sparql.reject", R"({"id": ")" + maes + R"("})"), Error);
  env.exec("sparql.reject", R"({"id": ")" + maes + R"(", "reason": "dubbel ingevoerd"})");
  auto rejected = env.exec("sparql.list", R"({"status": "rejected"})")->getArray("proposals");
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("decision"), "dubbel ingevoerd");
  // Re-reading the source leaves decided proposals alone.
  auto third = env.fetch();
  EXPECT_EQ(third->getValue<int>("added"), 0);
  auto verify = env.exec("audit.verify", "{}");
  EXPECT_TRUE(verify->getValue<bool>("ok"));
}

TEST(SparqlAccept, SourcesComeFromTheConfigurationOnly) {
  ASSERT_NE(std::getenv("IGSGOV_SPARQL_ENDPOINT"), nullptr) << "run through run-with-virtuoso.sh";
  Env env;
  // A URL in the request is not a parameter at all.
  try {
    env.exec("sparql.proposals", std::string(R"({"endpoint": ")") + std::getenv("IGSGOV_SPARQL_ENDPOINT") + "\"}");
    FAIL() << "a URL from the request was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << e.what();
  }
  // An unknown name lists the configured ones.
  try {
    env.exec("sparql.proposals", R"({"source": "elders"})");
    FAIL() << "unknown source read";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::notFound) << e.what();
    EXPECT_NE(std::string(e.what()).find("leiestreek"), std::string::npos) << e.what();
  }
  // A local caller may name another configuration file.
  std::ofstream(env.dir + "/andere.json") << R"({"sources": {"andere": {"endpoint": ")"
                                          << std::getenv("IGSGOV_SPARQL_ENDPOINT") << R"(", "graph": ")"
                                          << std::getenv("IGSGOV_SPARQL_GRAPH") << R"("}}})";
  auto got = env.exec("sparql.proposals", R"({"source": "andere", "config": ")" + env.dir + R"(/andere.json"})");
  EXPECT_EQ(got->getValue<int>("added"), 9);
  EXPECT_EQ(env.exec("sparql.list", "{}")->getArray("proposals")->size(), 9u);
}

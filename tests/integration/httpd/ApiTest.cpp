// igsgovd REST API against the real server: roles x read/write, tokens,
// error bodies and statuses, health, OpenAPI coverage, logs without secrets.
#include "Harness.hpp"
#include "SchemaCheck.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace igsgov::test;

namespace {

const char* kBody = "igs-cultuur-va-rvb";

std::string toJson(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream os;
  o->stringify(os);
  return os.str();
}

class ApiTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    // ctest runs each test of this suite as its own process, in parallel:
    // one folder per process, or two SetUpTestSuite calls race on one register.
    dir_ = new std::string(freshDir("api-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    server_ = new Igsgovd(*dir_, {"--register", reg_->path});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete dir_;
  }
  static Igsgovd& server() { return *server_; }
  static const std::string& token(const std::string& role) { return reg_->secrets.at(role); }

  static void expectError(const Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    auto e = r.json();
    EXPECT_EQ(e->getValue<std::string>("code"), code) << r.body;
    EXPECT_LT(e->getValue<int>("number"), 0);
    EXPECT_FALSE(e->getValue<std::string>("message").empty());
    EXPECT_FALSE(e->getObject("place").isNull()) << r.body;
  }

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
};
std::string* ApiTest::dir_ = nullptr;
SampleRegister* ApiTest::reg_ = nullptr;
Igsgovd* ApiTest::server_ = nullptr;

struct RoleCase {
  std::string role;
  bool mayWrite;
};

TEST_F(ApiTest, EveryRoleReadsAndOnlyWritersWrite) {
  const RoleCase cases[] = {{"beheerder", true}, {"directeur", true}, {"secretariaat", true}, {"auditor", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.role);
    auto read = server().get(std::string("/api/v1/body.composition?body=") + kBody + "&as_of=2025-06-01", token(c.role));
    ASSERT_EQ(read.status, 200) << read.body;
    auto seats = read.json();
    EXPECT_GT(seats->size(), 0u);

    std::string id = "p-rest-" + c.role;
    auto write = server().post("/api/v1/person.create", "{\"id\":\"" + id + "\",\"name\":\"Rest " + c.role + "\",\"fictitious\":true}",
                               token(c.role));
    if (c.mayWrite) {
      ASSERT_EQ(write.status, 200) << write.body;
      EXPECT_GT(write.json()->getObject("journal")->getValue<long long>("seq"), 0);
    } else {
      expectError(write, 403, "denied");
      EXPECT_NE(write.json()->getValue<std::string>("message").find("auditor"), std::string::npos) << write.body;
    }
    // The register tells whether the person exists: the denied write changed nothing.
    auto people = server().get("/api/v1/person.list", token("auditor"));
    ASSERT_EQ(people.status, 200);
    EXPECT_EQ(people.body.find("\"" + id + "\"") != std::string::npos, c.mayWrite) << c.role;
  }
}

TEST_F(ApiTest, JournalRecordsTheTokenNameAsActor) {
  ASSERT_EQ(server().post("/api/v1/person.create", R"({"id":"p-actor","name":"Actor Tset"})", token("directeur")).status, 200);
  auto w = server().post("/api/v1/person.correct", R"({"id":"p-actor","name":"Actor Test","reason":"rest-test"})",
                         token("secretariaat"));
  ASSERT_EQ(w.status, 200) << w.body;
  long long seq = w.json()->getObject("journal")->getValue<long long>("seq");
  auto j = server().get("/api/v1/audit.journal?from_seq=" + std::to_string(seq) + "&limit=1", token("auditor"));
  ASSERT_EQ(j.status, 200) << j.body;
  auto entry = j.json()->getArray("entries")->getObject(0);
  EXPECT_EQ(entry->getValue<std::string>("actor"), "t-secretariaat");
  EXPECT_EQ(entry->getValue<std::string>("operation"), "person.correct");
  EXPECT_EQ(entry->getValue<std::string>("reason"), "rest-test");
}

TEST_F(ApiTest, TokenOperationsAreForTheBeheerderOnly) {
  for (const char* role : {"directeur", "secretariaat", "auditor"}) {
    SCOPED_TRACE(role);
    expectError(server().get("/api/v1/token.list", token(role)), 403, "denied");
  }
  auto list = server().get("/api/v1/token.list", token("beheerder"));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()->getArray("tokens")->size(), 4u);
  for (const auto& [role, secret] : reg_->secrets) EXPECT_EQ(list.body.find(secret), std::string::npos);
}

TEST_F(ApiTest, MissingWrongAndRevokedTokensAre401) {
  auto none = server().get("/api/v1/person.list");
  expectError(none, 401, "denied");
  EXPECT_EQ(none.headers["WWW-Authenticate"], "Bearer realm=\"igsgov\"");
  EXPECT_EQ(none.json()->getObject("place")->getValue<std::string>("header"), "Authorization");

  std::string wrong = token("auditor");
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  expectError(server().get("/api/v1/person.list", wrong), 401, "denied");
  expectError(server().request("GET", "/api/v1/person.list", "", "", {{"Authorization", "Basic dGVzdDp0ZXN0"}}), 401,
              "denied");

  // A token made and revoked by the CLI while the server runs.
  auto made = cli(reg_->path, {"token", "create", "--name", "kortstondig", "--role", "auditor"});
  ASSERT_EQ(made.exitCode, 0) << made.err;
  Poco::JSON::Parser p;
  std::string secret = p.parse(made.out).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("secret");
  EXPECT_EQ(server().get("/api/v1/person.list", secret).status, 200);
  auto revoked = cli(reg_->path, {"token", "revoke", "kortstondig", "--reason", "test"});
  ASSERT_EQ(revoked.exitCode, 0) << revoked.err;
  expectError(server().get("/api/v1/person.list", secret), 401, "denied");
}

TEST_F(ApiTest, CliAndServiceWriteOneRegisterAndTheJournalStaysIntact) {
  // The service keeps the register open while the CLI (another process) writes.
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    auto viaCli = cli(reg_->path, {"person", "create", "--id", "p-cli-" + n, "--name", "Via CLI " + n});
    ASSERT_EQ(viaCli.exitCode, 0) << viaCli.err;
    auto viaRest = server().post("/api/v1/person.create", "{\"id\":\"p-rest-x" + n + "\",\"name\":\"Via REST\"}", token("beheerder"));
    ASSERT_EQ(viaRest.status, 200) << viaRest.body;
  }
  auto verify = server().get("/api/v1/audit.verify", token("auditor"));
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json()->getValue<bool>("ok"));
}

TEST_F(ApiTest, ErrorsCarryCodeNumberMessageAndPlace) {
  const auto& t = token("beheerder");
  expectError(server().get("/api/v1/nergens.iets", t), 404, "not_found");
  expectError(server().get("/elders", t), 404, "not_found");
  expectError(server().get("/api/v1/register.init", t), 404, "not_found");  // creating registers is not served

  auto badJson = server().post("/api/v1/person.create", "{\"id\": ", t);
  expectError(badJson, 400, "invalid");

  auto unknownParam = server().post("/api/v1/person.create", R"({"id":"p-x","name":"X","leeftijd":3})", t);
  expectError(unknownParam, 400, "invalid");
  EXPECT_EQ(unknownParam.json()->getObject("place")->getValue<std::string>("field"), "'leeftijd'");

  auto badQuery = server().get("/api/v1/audit.journal?limit=veel", t);
  expectError(badQuery, 400, "invalid");
  EXPECT_EQ(badQuery.json()->getObject("place")->getValue<std::string>("field"), "'limit'");

  expectError(server().get("/api/v1/body.composition?body=bestaat-niet", t), 404, "not_found");

  ASSERT_EQ(server().post("/api/v1/person.create", R"({"id":"p-twice","name":"Twee"})", t).status, 200);
  expectError(server().post("/api/v1/person.create", R"({"id":"p-twice","name":"Twee"})", t), 409, "conflict");

  auto wrongMethod = server().get("/api/v1/person.create?id=p-y&name=Y", t);
  expectError(wrongMethod, 405, "invalid");
  EXPECT_EQ(wrongMethod.headers["Allow"], "POST");
  expectError(server().request("DELETE", "/api/v1/person.list", "", t), 405, "invalid");
}

TEST_F(ApiTest, BodiesOverTheLimitAre413AndChangeNothing) {
  // Declared too large: answered before the body is sent.
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", server().port()));
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  std::string head = "POST /api/v1/person.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                     token("beheerder") + "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n";
  s.sendBytes(head.data(), static_cast<int>(head.size()));
  std::string answer;
  char buf[4096];
  while (int n = s.receiveBytes(buf, sizeof buf)) answer.append(buf, static_cast<size_t>(n));
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"code\":\"invalid\""), std::string::npos) << answer;

  // Streamed (chunked) without a length: cut off at the limit.
  std::string big = "{\"id\":\"p-big\",\"name\":\"" + std::string(1536 * 1024, 'a') + "\"}";
  auto r = server().request("POST", "/api/v1/person.create", big, token("beheerder"), {{"Transfer-Encoding", "chunked"}});
  expectError(r, 413, "invalid");
  auto people = server().get("/api/v1/person.list", token("auditor"));
  EXPECT_EQ(people.body.find("p-big"), std::string::npos);
}

TEST_F(ApiTest, GetAndPostGiveTheSameReadResult) {
  const auto& t = token("directeur");
  auto viaGet = server().get(std::string("/api/v1/body.composition?body=") + kBody + "&as_of=2023-06-01", t);
  auto viaPost = server().post("/api/v1/body.composition", std::string("{\"body\":\"") + kBody + "\",\"as_of\":\"2023-06-01\"}", t);
  ASSERT_EQ(viaGet.status, 200) << viaGet.body;
  EXPECT_EQ(viaGet.body, viaPost.body);
}

TEST_F(ApiTest, HealthIsPublic) {
  auto h = server().get("/api/v1/health");
  ASSERT_EQ(h.status, 200);
  EXPECT_EQ(h.json()->getValue<std::string>("status"), "ok");
  EXPECT_GT(h.json()->getValue<long long>("journal_head"), 0);
}

TEST_F(ApiTest, OpenApiListsEveryServedOperationWithItsRoles) {
  auto doc = server().get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  auto paths = doc.json()->getObject("paths");
  auto catalogue = cli(reg_->path, {"--help"});  // the CLI lists the same catalogue
  ASSERT_EQ(catalogue.exitCode, 0);
  for (const char* op : {"body.composition", "person.create", "token.create", "audit.verify", "register.export"}) {
    SCOPED_TRACE(op);
    ASSERT_TRUE(paths->has(std::string("/api/v1/") + op));
  }
  EXPECT_FALSE(paths->has("/api/v1/register.init"));
  auto composition = paths->getObject("/api/v1/body.composition");
  EXPECT_TRUE(composition->has("get"));
  EXPECT_EQ(composition->getObject("get")->getArray("x-igsgov-roles")->size(), 4u);
  auto create = paths->getObject("/api/v1/token.create");
  EXPECT_FALSE(create->has("get"));
  auto roles = create->getObject("post")->getArray("x-igsgov-roles");
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ(roles->getElement<std::string>(0), "beheerder");
}

namespace {

// Every "example" below `node` checked against the schema that carries it; returns how many were checked.
size_t checkExamples(const Poco::Dynamic::Var& node, const Poco::JSON::Object::Ptr& doc, const std::string& where) {
  size_t n = 0;
  if (node.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto a = node.extract<Poco::JSON::Array::Ptr>();
    for (size_t i = 0; i < a->size(); ++i) n += checkExamples(a->get(static_cast<unsigned>(i)), doc, where);
    return n;
  }
  if (node.type() != typeid(Poco::JSON::Object::Ptr)) return 0;
  auto o = node.extract<Poco::JSON::Object::Ptr>();
  if (o->has("example") && o->has("schema")) {  // a media type object: its example against its schema
    for (const auto& v : schemaViolations(o->get("example"), o->getObject("schema"), doc)) ADD_FAILURE() << where << ": " << v;
    ++n;
  } else if (o->has("example") && (o->has("type") || o->has("properties") || o->has("$ref"))) {  // a schema with its example
    for (const auto& v : schemaViolations(o->get("example"), o, doc)) ADD_FAILURE() << where << ": " << v;
    ++n;
  }
  for (const auto& [key, value] : *o)
    if (key != "example") n += checkExamples(value, doc, where + "/" + key);
  return n;
}

}  // namespace

TEST_F(ApiTest, EveryOperationDeclaresItsResultErrorsAndServer) {
  auto doc = server().document();
  ASSERT_TRUE(doc->getArray("servers") && doc->getArray("servers")->size() > 0);
  auto paths = doc->getObject("paths");
  size_t operations = 0;
  for (const auto& [path, item] : *paths)
    for (const auto& [method, op] : *item.extract<Poco::JSON::Object::Ptr>()) {
      SCOPED_TRACE(method + " " + path);
      auto responses = op.extract<Poco::JSON::Object::Ptr>()->getObject("responses");
      auto ok = responses->getObject("200")->getObject("content");
      if (auto json = ok->getObject("application/json")) {  // not {"type":"object"} alone: named fields
        auto schema = json->getObject("schema");
        EXPECT_TRUE(schema->has("properties") || schema->has("required")) << path;
      }
      if (path.rfind("/api/v1/health", 0) != 0 && path.rfind("/api/v1/openapi", 0) != 0) {
        for (const char* status : {"400", "401", "403", "404", "500", "503"}) EXPECT_TRUE(responses->has(status)) << status;
        ++operations;
      }
    }
  EXPECT_GT(operations, 80u);
  auto invalid = doc->getObject("components")->getObject("responses")->getObject("Invalid");
  auto example = invalid->getObject("content")->getObject("application/json")->getObject("example");
  ASSERT_TRUE(example);
  EXPECT_EQ(example->getValue<std::string>("code"), "invalid");
  EXPECT_EQ(example->getValue<int>("number"), -2);

  // The examples in the document (error bodies, result examples) match the schemas they
  // illustrate, so they cannot drift from the answers (in this test: no extra igsgovd start).
  EXPECT_GT(checkExamples(doc, doc, "#"), 4u);
  // And the check catches an example that drifted from its schema.
  Poco::JSON::Object::Ptr wanted = new Poco::JSON::Object;
  wanted->set("type", "object");
  Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
  names->add("seq");
  wanted->set("required", names);
  Poco::JSON::Object::Ptr drifted = new Poco::JSON::Object;
  drifted->set("sequence", 1);
  EXPECT_FALSE(schemaViolations(drifted, wanted, doc).empty());
}


TEST_F(ApiTest, AnAnswerThatDoesNotMatchItsSchemaIsCaught) {
  const auto& t = token("auditor");
  auto answer = server().get("/api/v1/cooperation.list", t);  // checked by the harness: matches
  ASSERT_EQ(answer.status, 200);
  auto doc = server().document();
  auto schema = doc->getObject("paths")->getObject("/api/v1/cooperation.list")->getObject("get")->getObject("responses")
                    ->getObject("200")->getObject("content")->getObject("application/json")->getObject("schema");
  EXPECT_TRUE(schemaViolations(answer.json(), schema, doc).empty());
  // A drifted answer: an id that became a number, a list that lost its name, a null.
  auto drifted = answer.json();
  drifted->getArray("cooperations")->getObject(0)->set("id", 7);
  auto wrong = schemaViolations(drifted, schema, doc);
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_NE(wrong[0].find("$.cooperations[0].id: integer where string"), std::string::npos) << wrong[0];
  Poco::JSON::Object::Ptr renamed = new Poco::JSON::Object;
  renamed->set("samenwerkingsverbanden", answer.json()->getArray("cooperations"));
  EXPECT_FALSE(schemaViolations(renamed, schema, doc).empty());
  drifted->getArray("cooperations")->getObject(0)->set("id", Poco::Dynamic::Var());
  EXPECT_FALSE(schemaViolations(drifted, schema, doc).empty());
  // The harness itself refuses a real answer once the document declares another shape.
  auto strict = Poco::JSON::Parser().parse(toJson(doc)).extract<Poco::JSON::Object::Ptr>();
  auto strictSchema = strict->getObject("paths")->getObject("/api/v1/cooperation.list")->getObject("get")
                          ->getObject("responses")->getObject("200")->getObject("content")
                          ->getObject("application/json")->getObject("schema");
  strictSchema->getArray("required")->add(std::string("ontbrekend_veld"));
  server().useDocument(strict);
  try {
    server().get("/api/v1/cooperation.list", t);
    ADD_FAILURE() << "the harness accepted an answer without the declared field";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("required field 'ontbrekend_veld' is missing"), std::string::npos) << e.what();
  }
  server().useDocument(doc);
}

TEST_F(ApiTest, TheChangeFeedPagesTheJournalWithTheRecordsTouched) {
  const auto& auditor = token("auditor");
  auto head = server().get("/api/v1/health").json()->getValue<long long>("journal_head");
  ASSERT_EQ(server().post("/api/v1/person.create", R"({"id":"p-feed-1","name":"Feed Een","fictitious":true})",
                          token("secretariaat")).status, 200);
  ASSERT_EQ(server().post("/api/v1/person.create", R"({"id":"p-feed-2","name":"Feed Twee","fictitious":true})",
                          token("secretariaat")).status, 200);
  auto after = std::to_string(head);
  auto first = server().get("/api/v1/changes?after=" + after + "&limit=1", auditor);  // schema checked by the harness
  ASSERT_EQ(first.status, 200) << first.body;
  auto page = first.json();
  ASSERT_EQ(page->getArray("entries")->size(), 1u);
  auto entry = page->getArray("entries")->getObject(0);
  EXPECT_EQ(entry->getValue<long long>("seq"), head + 1);
  EXPECT_EQ(entry->getValue<std::string>("operation"), "person.create");
  EXPECT_EQ(entry->getValue<std::string>("actor"), "t-secretariaat");
  EXPECT_NE(first.body.find("\"p-feed-1\""), std::string::npos) << first.body;
  EXPECT_TRUE(page->getValue<bool>("more"));
  auto second = server().get("/api/v1/changes?after=" + std::to_string(page->getValue<long long>("next")), auditor).json();
  ASSERT_EQ(second->getArray("entries")->size(), 1u);
  EXPECT_NE(toJson(second).find("\"p-feed-2\""), std::string::npos);
  EXPECT_FALSE(second->getValue<bool>("more"));
  auto end = server().get("/api/v1/changes?after=" + std::to_string(second->getValue<long long>("next")), auditor).json();
  EXPECT_EQ(end->getArray("entries")->size(), 0u);
  EXPECT_TRUE(end->isNull("next"));
  // The CLI's audit journal takes the same cursor.
  auto cliPage = cli(reg_->path, {"audit", "journal", "--after", after});
  ASSERT_EQ(cliPage.exitCode, 0) << cliPage.err;
  EXPECT_NE(cliPage.out.find("\"next\": " + std::to_string(head + 2)), std::string::npos) << cliPage.out;
  expectError(server().get("/api/v1/changes?after=-1", auditor), 400, "invalid");
  expectError(server().post("/api/v1/changes", "{}", ""), 401, "denied");
}

TEST_F(ApiTest, LogsHaveOneLinePerRequestAndNoSecrets) {
  ASSERT_EQ(server().get("/api/v1/person.list", token("auditor")).status, 200);
  ASSERT_EQ(server().get("/api/v1/person.list", "igsgov_" + std::string(64, 'f')).status, 401);
  std::string log = server().log();
  EXPECT_NE(log.find("event=request method=GET path=/api/v1/person.list"), std::string::npos) << log;
  EXPECT_NE(log.find("actor=t-auditor role=auditor"), std::string::npos) << log;
  EXPECT_NE(log.find("status=401"), std::string::npos);
  for (const auto& [role, secret] : reg_->secrets) EXPECT_EQ(log.find(secret), std::string::npos) << role;
  EXPECT_EQ(log.find("igsgov_"), std::string::npos);  // no token of any kind
}

}  // namespace

TEST_F(ApiTest, ServerFilePathsAreRefused) {
  // register.import reads a file named by "path": over REST that would let a
  // token holder read any file of the server. The content must travel instead.
  auto t = token("beheerder");
  auto r = server().post("/api/v1/register.import", R"({"path":"/etc/hostname"})", t);
  expectError(r, 400, "invalid");
  EXPECT_NE(r.body.find("bestandspaden op de server"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("'path'"), std::string::npos) << r.body;
  // The same operation with the register in the body is fine.
  auto ok = server().post("/api/v1/register.import",
                          R"({"register":{"format":"igsgov-register","version":1,"persons":[{"id":"p-inline","name":"Inline","fictitious":true}]}})",
                          t);
  EXPECT_EQ(ok.status, 200) << ok.body;
}

#include "RegisterFixture.hpp"

#include <Poco/FileStream.h>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

class Interchange : public RegisterFixture {};

TEST_F(Interchange, ExportThenImportGivesTheSameRegister) {
  importSample();
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01",
      "decision":{"council":"gemeenteraad Oudenaarde","date":"2021-01-25","uri":"https://example.org/besluit/1"}})");
  run("mandate.change", R"({"id":"a1","new_id":"a1b","from":"2023-01-01","role":"voorzitter"})");
  run("member.end", R"({"id":"m-klu","until":"2025-12-31","reason":"uitgetreden"})");
  auto first = run("register.export", "{}");
  std::string file = dir_ + "/export.json";
  {
    Poco::FileOutputStream out(file);
    out << toJsonText(first);
  }
  // A second, fresh register.
  std::string otherDir = dir_ + "/other";
  Poco::File(otherDir).createDirectories();
  ops::Session other(otherDir + "/register.db", true);
  ops::Caller caller;
  other.execute("register.import", parseJsonObject(R"({"path":")" + file + R"("})"), caller);
  auto second = other.execute("register.export", newObject(), caller);
  for (auto* o : {&first, &second}) {
    (*o)->remove("exported_at");
    (*o)->remove("journal");
  }
  EXPECT_EQ(canonicalJson(first), canonicalJson(second));
  // And the same answers to queries.
  auto q = parseJsonObject(R"({"body":"rvb","as_of":"2024-01-01"})");
  auto a = session_->execute("body.composition", q, caller);
  auto b = other.execute("body.composition", q, caller);
  EXPECT_EQ(canonicalJson(a->getArray("mandates")), canonicalJson(b->getArray("mandates")));
}

TEST_F(Interchange, ExportNamesFormatAndVersion) {
  auto out = run("register.export", "{}");
  EXPECT_EQ(out->getValue<std::string>("format"), "igsgov-register");
  EXPECT_EQ(out->getValue<int>("version"), 1);
}

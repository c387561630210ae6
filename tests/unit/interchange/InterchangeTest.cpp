#include "../records/RegisterFixture.hpp"

#include "store/Database.hpp"

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
  EXPECT_EQ(out->getValue<int>("version"), 2);  // 2: with the founding check-offs (issue 18)
  EXPECT_TRUE(out->has("founding"));
}

// A version 1 file (from before the founding part) still imports.
TEST_F(Interchange, AVersionOneFileWithoutTheFoundingPartStillImports) {
  auto out = run("register.import", R"({"register": {"format": "igsgov-register", "version": 1,
      "persons": [{"id": "p-oud", "name": "Oud bestand", "fictitious": true}]}})");
  EXPECT_EQ(out->getObject("imported")->getValue<long long>("persons"), 1);
  EXPECT_EQ(out->getObject("imported")->getValue<long long>("check_offs"), 0);
}

// An import writes a key row and a version row per record, alternating; the
// journal still groups each table's rows into one effect line per 1024 rows,
// and the register verifies.
TEST_F(Interchange, ImportGroupsEachTablesRowsIntoFewEffectLines) {
  importSample();
  ASSERT_TRUE(run("audit.verify", "{}")->getValue<bool>("ok"));
  store::Database raw(path_, false);
  auto st = raw.prepare(
      "SELECT tbl, count(*), sum(last_row - first_row + 1) FROM journal_effect "
      "WHERE seq = (SELECT max(seq) FROM journal) AND action = 'insert' GROUP BY tbl");
  int tables = 0;
  while (st.step()) {
    ++tables;
    long long lines = st.integer(1), rows = st.integer(2);
    EXPECT_EQ(lines, (rows + 1023) / 1024) << st.text(0) << ": " << lines << " lines for " << rows << " rows";
  }
  EXPECT_GE(tables, 4);
  auto persons = raw.prepare("SELECT count(*) FROM person");
  ASSERT_TRUE(persons.step());
  EXPECT_GT(persons.integer(0), 1) << "the sample should have several persons";
}

// A mandate id given twice in one file is refused at its second place, both
// when the register had no mandates before the import and when it had.
TEST_F(Interchange, ImportRefusesAMandateIdGivenTwice) {
  smallRegister();
  std::string file = dir_ + "/twice.json";
  {
    Poco::FileOutputStream out(file);
    out << R"({"format":"igsgov-register","version":1,"mandates":[
      {"id":"x1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2022-01-01"},
      {"id":"x1","person":"p2","body":"rvb","seat":"s2","role":"bestuurder","from":"2022-01-01"}]})";
  }
  for (bool hadMandates : {false, true}) {
    SCOPED_TRACE(hadMandates ? "register with a mandate" : "register without mandates");
    if (hadMandates)
      run("mandate.appoint", R"({"id":"a1","person":"p3","body":"rvb","role":"bestuurder","from":"2021-02-01"})");
    Error e = fails("register.import", R"({"path":")" + file + R"("})");
    EXPECT_EQ(e.errorCode(), ErrorCode::conflict) << e.fullText();
    EXPECT_EQ(e.place().fields.count("path") ? e.place().fields.at("path") : "", "mandates[1]") << e.fullText();
    EXPECT_NE(e.fullText().find("bestaat al"), std::string::npos) << e.fullText();
  }
  store::Database raw(path_, false);
  auto st = raw.prepare("SELECT count(*) FROM mandate WHERE id = 'x1'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.integer(0), 0);
}

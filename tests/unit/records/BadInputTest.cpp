// Every kind of bad input gets an error naming the record and the field, and
// leaves the register exactly as it was (export and journal unchanged).
#include "RegisterFixture.hpp"

#include "records/Mandates.hpp"
#include "store/Database.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <vector>

using namespace igsgov;
using igsgov::testing::RegisterFixture;

class BadInput : public RegisterFixture {
protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    smallRegister();
    run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01"})");
    before_ = state();
    journal_ = journalLength();
  }
  void expectRefused(const std::string& op, const std::string& json, ErrorCode code, const std::string& field,
                     const std::string& messagePart) {
    SCOPED_TRACE(op + " " + json);
    Error e = fails(op, json);
    EXPECT_EQ(e.errorCode(), code) << e.fullText();
    if (!field.empty()) {
      ASSERT_TRUE(e.place().fields.count("field")) << e.fullText();
      EXPECT_EQ(e.place().fields.at("field"), "'" + field + "'") << e.fullText();
    }
    EXPECT_NE(e.fullText().find(messagePart), std::string::npos) << e.fullText();
    EXPECT_EQ(state(), before_) << "the register changed";
    EXPECT_EQ(journalLength(), journal_) << "a journal entry was written";
  }
  std::string writeFile(const std::string& name, const std::string& text) {
    std::string p = dir_ + "/" + name;
    Poco::FileOutputStream out(p);
    out << text;
    return p;
  }
  std::string before_;
  long long journal_ = 0;
};

TEST_F(BadInput, InvalidKboCheckDigit) {
  expectRefused("cooperation.create", R"({"id":"c2","name":"X","legal_form":"projectvereniging","kbo":"0123.456.748"})",
                ErrorCode::invalid, "kbo", "controlegetal");
}

TEST_F(BadInput, UnknownNisCode) {
  expectRefused("member.add", R"({"id":"m3","cooperation":"c1","kind":"gemeente","nis":"99999","from":"2025-01-01"})",
                ErrorCode::invalid, "nis", "onbekende NIS-code");
}

TEST_F(BadInput, OutdatedNisCodeNamesItsSuccessor) {
  // Galmaarden (23023) merged into Pajottegem (23106) on 1 January 2025.
  expectRefused("member.add", R"({"id":"m3","cooperation":"c1","kind":"gemeente","nis":"23023","from":"2025-03-01"})",
                ErrorCode::invalid, "nis", "gebruik 23106 (Pajottegem)");
  // Before the merger the old code is right.
  run("member.add", R"({"id":"m4","cooperation":"c1","kind":"gemeente","nis":"23023","from":"2021-01-01","until":"2024-12-31"})");
}

TEST_F(BadInput, EndBeforeStart) {
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2022-02-01","until":"2022-01-01"})",
                ErrorCode::invalid, "until", "ligt voor de begindatum");
  expectRefused("member.add", R"({"id":"m9","cooperation":"c1","kind":"partner","name":"CAW","partner_kind":"privaat_zonder_winstoogmerk","from":"2022-02-01","until":"2021-01-01"})",
                ErrorCode::invalid, "until", "ligt voor de begindatum");
}

TEST_F(BadInput, TwoHoldersOfOneSeat) {
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"rvb","seat":"s1","role":"bestuurder","from":"2023-01-01"})",
                ErrorCode::conflict, "seat", "al bezet door mandaat 'a1'");
}

TEST_F(BadInput, MandateOutsideTheBodysPeriod) {
  run("body.create", R"({"id":"sg","cooperation":"c1","type":"stuurgroep","from":"2022-01-01","until":"2024-12-31"})");
  before_ = state();
  journal_ = journalLength();
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"sg","role":"deskundige","from":"2021-06-01","until":"2022-06-01"})",
                ErrorCode::invalid, "from", "valt buiten de periode");
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"sg","role":"deskundige","from":"2022-06-01"})",
                ErrorCode::invalid, "until", "valt buiten de periode");
}

TEST_F(BadInput, UnknownPersonOrBody) {
  expectRefused("mandate.appoint", R"({"id":"a9","person":"nobody","body":"rvb","role":"bestuurder","from":"2023-01-01"})",
                ErrorCode::notFound, "person", "onbekend persoon 'nobody'");
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"nobody","role":"bestuurder","from":"2023-01-01"})",
                ErrorCode::notFound, "body", "onbekend orgaan 'nobody'");
}

TEST_F(BadInput, RijksregisternummerIsNeverStored) {
  expectRefused("person.create", R"({"id":"p9","name":"Jan 85.07.30-033.28"})", ErrorCode::invalid, "name",
                "rijksregisternummer");
}

// URIs are shown as links (intranet, documents, the OSLO export): only http(s) and urn are stored.
TEST_F(BadInput, UriOtherThanHttpOrUrnIsRefused) {
  expectRefused("person.create", R"j({"id":"p9","name":"Jan","uri":"javascript:alert(1)"})j", ErrorCode::invalid, "uri",
                "alleen http://…, https://… of urn:… is toegelaten");
  expectRefused("person.create", R"j({"id":"p9","name":"Jan","uri":"JavaScript:alert(1)"})j", ErrorCode::invalid, "uri",
                "niet toegelaten");
  expectRefused("person.create", R"({"id":"p9","name":"Jan","uri":"data:text/html,x"})", ErrorCode::invalid, "uri",
                "niet toegelaten");
  expectRefused("person.create", R"({"id":"p9","name":"Jan","uri":"https:///pad"})", ErrorCode::invalid, "uri",
                "geen domeinnaam");
  expectRefused("person.create", R"({"id":"p9","name":"Jan","uri":"https://x.be/a b"})", ErrorCode::invalid, "uri",
                "teken dat in een URI niet mag");
  expectRefused("person.create", R"({"id":"p9","name":"Jan","uri":"urn:x"})", ErrorCode::invalid, "uri",
                "urn:naamruimte:naam");
  expectRefused("mandate.appoint",
                R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2023-01-01",)"
                R"j("decision":{"council":"gemeenteraad Boom","reference":"2023/1","uri":"javascript:alert(1)"}})j",
                ErrorCode::invalid, "decision_uri", "niet toegelaten");
}

TEST_F(BadInput, HttpAndUrnUrisAreStored) {
  run("person.create", R"({"id":"p9","name":"Jan","uri":"https://data.lblod.info/id/personen/1"})");
  run("person.create", R"({"id":"p10","name":"Piet","uri":"HTTP://data.vlaanderen.be/id/x"})");
  run("person.create", R"({"id":"p11","name":"Mie","uri":"urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"})");
}

TEST_F(BadInput, MalformedJsonImport) {
  auto p = writeFile("broken.json", "{\"format\": \"igsgov-register\", \"version\": 1,\n \"persons\": [ {\"id\": \"x\" ]\n}");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.fullText().find("broken.json"), std::string::npos) << e.fullText();
  EXPECT_EQ(state(), before_);
}

TEST_F(BadInput, NewerInterchangeVersion) {
  auto p = writeFile("future.json", R"({"format":"igsgov-register","version":3,"persons":[]})");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::unsupported);
  EXPECT_NE(e.fullText().find("versie 3"), std::string::npos) << e.fullText();
  EXPECT_EQ(state(), before_);
}

TEST_F(BadInput, ImportIsAllOrNothingAndNamesThePosition) {
  // A valid person first, then a mandate for an unknown body: nothing of the file may stay.
  auto p = writeFile("partial.json", R"({"format":"igsgov-register","version":1,
    "persons":[{"id":"p-new","name":"Nieuwe Persoon","fictitious":true}],
    "mandates":[{"id":"x1","person":"p-new","body":"rvb","role":"bestuurder","from":"2022-01-01"},
                {"id":"x2","person":"p-new","body":"geen-orgaan","role":"bestuurder","from":"2022-01-01"}]})");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_EQ(e.place().fields.at("path"), "mandates[1]") << e.fullText();
  EXPECT_EQ(state(), before_);
  EXPECT_EQ(journalLength(), journal_);
}

TEST_F(BadInput, UnknownFieldsAndValues) {
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"rvb","role":"koning","from":"2023-01-01"})",
                ErrorCode::invalid, "role", "onbekende rol 'koning'");
  expectRefused("cooperation.create", R"({"id":"c9","name":"X","legal_form":"projectvereniging","kleur":"blauw"})",
                ErrorCode::invalid, "kleur", "onbekende parameter");
  expectRefused("mandate.appoint", R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2023-02-30"})",
                ErrorCode::invalid, "from", "geen geldige datum");
}

// The import parses the mandates of a file one at a time (JsonSpans); these
// check that its errors are still those of the whole-file parser and rules.
TEST_F(BadInput, SyntaxErrorAmongTheMandatesNamesLineAndColumn) {
  auto p = writeFile("broken-mandates.json", "{\"format\":\"igsgov-register\",\"version\":1,\"mandates\":[\n"
                                             "{\"id\":\"x1\",\"person\":\"p1\",\"body\":\"rvb\",\"role\":\"bestuurder\",\"from\":\"2022-01-01\"},\n"
                                             "{\"id\":\"x2\" \"person\":\"p1\"}]}");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(e.message().find("ongeldige JSON"), std::string::npos) << e.fullText();
  EXPECT_EQ(e.place().fields.at("line"), "3") << e.fullText();
  EXPECT_EQ(e.place().fields.at("column"), "12") << e.fullText();
  EXPECT_EQ(e.place().fields.at("path"), "mandates[1]") << e.fullText();  // from the JSON check, not the import
  // Exactly the error of parsing the whole file.
  std::string text;
  {
    Poco::FileInputStream in(p);
    Poco::StreamCopier::copyToString(in, text);
  }
  try {
    parseJson(text, p);
    ADD_FAILURE() << "the file parsed";
  } catch (const Error& whole) {
    EXPECT_EQ(e.fullText(), whole.fullText());
  }
  EXPECT_EQ(state(), before_);
}

// Issue 13: in an interchange file a key given twice is refused, also in the
// elements the import reads straight from the text (persons and mandates),
// where the parser used to keep the last one ("B") silently.
TEST_F(BadInput, ImportRefusesAKeyGivenTwiceWithItsPlace) {
  struct Case {
    std::string text, line, column, path, field;
  };
  const std::string head = "{\"format\":\"igsgov-register\",\"version\":1,\n";
  for (const auto& c : std::vector<Case>{
           {head + "\"persons\":[{\"id\":\"px\",\"name\":\"A\",\"name\":\"B\"}]}", "2", "34", "persons[0]", "'name'"},
           {head + "\"mandates\":[\n{\"id\":\"x1\",\"person\":\"p1\",\"body\":\"rvb\",\"role\":\"bestuurder\","
                   "\"from\":\"2022-01-01\",\"from\":\"2023-01-01\"}]}",
            "3", "79", "mandates[0]", "'from'"},
           {head + "\"cooperations\":[{\"id\":\"c9\",\"name\":\"X\",\"legal_form\":\"projectvereniging\",\"id\":\"c8\"}]}",
            "2", "72", "cooperations[0]", "'id'"},
           {head + "\"version\":1}", "2", "1", "", "'version'"}}) {
    SCOPED_TRACE(c.text);
    auto p = writeFile("dup.json", c.text);
    Error e = fails("register.import", R"({"path":")" + p + R"("})");
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << e.fullText();
    auto get = [&](const char* k) { return e.place().fields.count(k) ? e.place().fields.at(k) : std::string(); };
    EXPECT_EQ(get("file"), p);
    EXPECT_EQ(get("line"), c.line) << e.fullText();
    EXPECT_EQ(get("column"), c.column) << e.fullText();
    EXPECT_EQ(get("path"), c.path) << e.fullText();
    EXPECT_EQ(get("field"), c.field) << e.fullText();
    EXPECT_NE(e.message().find("komt twee keer voor"), std::string::npos) << e.fullText();
    EXPECT_EQ(state(), before_);
    EXPECT_EQ(journalLength(), journal_);
  }
}

// Issue 13: NUL, control characters and invalid UTF-8 in an interchange file
// are refused with the field named, also in the elements read straight from
// the text (a raw byte needs no escape, so the fast path saw it first).
TEST_F(BadInput, ImportRefusesBadTextWithTheField) {
  struct Case {
    std::string name, words;
  };
  for (const auto& c : std::vector<Case>{{"Jan\x7F", "stuurteken U+007F"},
                                         {"Jan\xC2\x9B" "31m", "stuurteken U+009B"},
                                         {"Jan\xC0\xAF", "UTF-8"},
                                         {"Jan\\u0000", "nulteken"},
                                         {"Jan\\u001b[2J", "stuurteken U+001B"},
                                         {"Jan\\nPeeters", "regeleinde"}}) {
    SCOPED_TRACE(c.words);
    auto p = writeFile("text.json", "{\"format\":\"igsgov-register\",\"version\":1,\"persons\":[\n"
                                    "{\"id\":\"px1\",\"name\":\"Goed\"},\n{\"id\":\"px2\",\"name\":\"" + c.name + "\"}]}");
    Error e = fails("register.import", R"({"path":")" + p + R"("})");
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << e.fullText();
    EXPECT_NE(e.message().find(c.words), std::string::npos) << e.fullText();
    EXPECT_EQ(e.place().fields.at("field"), "'name'") << e.fullText();
    EXPECT_EQ(e.place().fields.at("path"), "persons[1].name") << e.fullText();
    EXPECT_EQ(e.place().fields.at("line"), "3") << e.fullText();
    EXPECT_EQ(state(), before_);
    EXPECT_EQ(journalLength(), journal_);
  }
  // The import's note may have lines.
  auto p = writeFile("note.json", "{\"format\":\"igsgov-register\",\"version\":1,\"note\":\"regel 1\\nregel 2\"}");
  run("register.import", R"({"path":")" + p + R"("})");
}

TEST_F(BadInput, ImportedMandatesMayNotShareASeat) {
  // Both in the file: the third overlaps the first on seat s2 (one holder).
  auto p = writeFile("seat.json", R"({"format":"igsgov-register","version":1,"mandates":[
    {"id":"x1","person":"p1","body":"rvb","seat":"s2","role":"bestuurder","from":"2022-01-01","until":"2022-12-31"},
    {"id":"x2","person":"p2","body":"rvb","seat":"s2","role":"bestuurder","from":"2023-01-01"},
    {"id":"x3","person":"p3","body":"rvb","seat":"s2","role":"bestuurder","from":"2022-06-01","until":"2022-06-30"}]})");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::conflict);
  EXPECT_EQ(e.place().fields.at("path"), "mandates[2]") << e.fullText();
  EXPECT_NE(e.message().find("al bezet door mandaat 'x1' van 'p1' (2022-01-01 – 2022-12-31)"), std::string::npos)
      << e.fullText();
  EXPECT_EQ(state(), before_);
}

TEST_F(BadInput, ImportedMandateMustBeAnObject) {
  auto p = writeFile("notobject.json", R"({"format":"igsgov-register","version":1,"mandates":[
    {"id":"x1","person":"p1","body":"rvb","role":"bestuurder","from":"2022-01-01"}, "x2"]})");
  Error e = fails("register.import", R"({"path":")" + p + R"("})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_EQ(e.place().fields.count("path") ? e.place().fields.at("path") : "", "mandates[1]") << e.fullText();
  EXPECT_NE(e.message().find("object verwacht"), std::string::npos) << e.fullText();
  EXPECT_EQ(state(), before_);
}

// ---- issue 14: predecessors, flags and seat holders, in the import and in the operations ----

namespace {
// The place of an error as "record|field|path|line" ("-" for a missing part).
std::string placeOf(const Error& e) {
  auto part = [&](const char* key) { return e.place().fields.count(key) ? e.place().fields.at(key) : "-"; };
  return part("record") + "|" + part("field") + "|" + part("path") + "|" + part("line");
}
// An interchange file whose mandates are `lines`, one element per line from line 2 on.
std::string mandatesFile(const std::vector<std::string>& lines) {
  std::string text = "{\"format\":\"igsgov-register\",\"version\":1,\"mandates\":[";
  for (std::size_t i = 0; i < lines.size(); ++i) text += (i ? ",\n" : "\n") + lines[i];
  return text + "]}";
}
}  // namespace

class ImportChecks : public BadInput {
protected:
  // Imports `text`, which must fail with `code` at `place` (placeOf) saying `messagePart`, changing nothing.
  void expectImportRefused(const std::string& text, ErrorCode code, const std::string& place,
                           const std::string& messagePart) {
    auto p = writeFile("refused.json", text);
    Error e = fails("register.import", R"({"path":")" + p + R"("})");
    EXPECT_EQ(e.errorCode(), code) << e.fullText();
    EXPECT_EQ(placeOf(e), place) << e.fullText();
    EXPECT_NE(e.message().find(messagePart), std::string::npos) << e.fullText();
    EXPECT_EQ(state(), before_);
    EXPECT_EQ(journalLength(), journal_);
  }
};

TEST_F(ImportChecks, ALoopOfPredecessors) {
  expectImportRefused(
      mandatesFile({R"({"id":"x1","person":"p1","body":"rvb","role":"bestuurder","from":"2022-01-01","predecessor":"x3"})",
                    R"({"id":"x2","person":"p2","body":"rvb","role":"bestuurder","from":"2022-01-01","predecessor":"x1"})",
                    R"({"id":"x3","person":"p3","body":"rvb","role":"bestuurder","from":"2022-01-01","predecessor":"x2"})"}),
      ErrorCode::invalid, "mandaat 'x1'|'predecessor'|mandates[0]|2",
      "kring: 'x1' volgt op 'x3', dat volgt op 'x2', dat volgt op 'x1'");
}

TEST_F(ImportChecks, AMandateThatIsItsOwnPredecessor) {
  expectImportRefused(
      mandatesFile({R"({"id":"x1","person":"p1","body":"rvb","role":"bestuurder","from":"2022-01-01"})",
                    R"({"id":"x2","person":"p2","body":"rvb","role":"bestuurder","from":"2022-01-01","predecessor":"x2"})"}),
      ErrorCode::invalid, "mandaat 'x2'|'predecessor'|mandates[1]|3", "eigen voorganger");
}

TEST_F(ImportChecks, AnUnknownPredecessor) {
  expectImportRefused(
      mandatesFile({R"({"id":"x1","person":"p1","body":"rvb","role":"bestuurder","from":"2022-01-01","predecessor":"nergens"})"}),
      ErrorCode::notFound, "mandaat 'x1'|'predecessor'|mandates[0]|2", "onbekend mandaat 'nergens' als voorganger");
}

TEST_F(ImportChecks, TextForAFlag) {
  expectImportRefused(
      mandatesFile({R"({"id":"x1","person":"p1","body":"rvb","role":"bestuurder","from":"2022-01-01"})",
                    R"({"id":"x2","person":"p2","body":"rvb","role":"bestuurder","from":"2022-01-01","voting":"ja"})"}),
      ErrorCode::invalid, "mandaat 'x2'|'voting'|mandates[1]|3", "true of false verwacht");
  expectImportRefused("{\"format\":\"igsgov-register\",\"version\":1,\"persons\":[\n"
                      R"({"id":"p9","name":"Negen","fictitious":"true"}]})",
                      ErrorCode::invalid, "persoon 'p9'|'fictitious'|persons[0]|2", "true of false verwacht");
}

TEST_F(ImportChecks, AbsurdSeatHolders) {
  expectImportRefused(R"({"format":"igsgov-register","version":1,"cooperations":[
    {"id":"c9","name":"Negen","legal_form":"projectvereniging","bodies":[
      {"id":"b9","type":"raad_van_bestuur","from":"2021-01-01","seats":[{"id":"s9","holders":4611686018427387904}]}]}]})",
                      ErrorCode::invalid, "zetel 's9'|'holders'|cooperations[0].bodies[0]|-", "hoogstens 1000 houders");
}

TEST_F(BadInput, SeatHoldersAreBounded) {
  expectRefused("seat.create", R"({"id":"s9","body":"rvb","holders":4611686018427387904})", ErrorCode::invalid, "holders",
                "hoogstens 1000 houders");
  expectRefused("body.create", R"({"id":"av","cooperation":"c1","type":"algemene_vergadering","from":"2021-01-01",
                "seats":[{"id":"s9","holders":4611686018427387904}]})",
                ErrorCode::invalid, "holders", "hoogstens 1000 houders");
  run("seat.create", R"({"id":"s-av","body":"rvb","holders":1000})");  // the bound itself is allowed
}

TEST_F(BadInput, OperationsCheckThePredecessorToo) {
  expectRefused("mandate.appoint",
                R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2023-01-01","predecessor":"a9"})",
                ErrorCode::invalid, "predecessor", "eigen voorganger");
  expectRefused("mandate.appoint",
                R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2023-01-01","predecessor":"nergens"})",
                ErrorCode::notFound, "predecessor", "onbekend mandaat 'nergens' als voorganger");
  run("mandate.appoint", R"({"id":"a9","person":"p2","body":"rvb","role":"bestuurder","from":"2023-01-01","predecessor":"a1"})");
}

// No operation changes a predecessor today (mandate.correct does not take one),
// but the rule is the records domain's: a revision that would close a loop is refused.
TEST_F(BadInput, ARevisionMayNotCloseALoopOfPredecessors) {
  run("mandate.appoint", R"({"id":"a2","person":"p2","body":"rvb","role":"bestuurder","from":"2023-01-01","predecessor":"a1"})");
  store::Database db(path_, false);
  auto a1 = parseJsonObject(
      R"({"person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01","predecessor":"a2"})");
  try {
    records::validateMandate(db, "a1", a1);
    ADD_FAILURE() << "a loop was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_EQ(placeOf(e), "mandaat 'a1'|'predecessor'|-|-") << e.fullText();
    EXPECT_NE(e.message().find("kring: 'a1' volgt op 'a2', dat volgt op 'a1'"), std::string::npos) << e.fullText();
  }
}

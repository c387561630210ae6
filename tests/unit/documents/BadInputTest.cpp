// Bad input to documents.generate: a clear Dutch error naming the problem,
// no file written (not even a temporary one), nothing registered, no journal entry.
#include "DocumentsFixture.hpp"

#include "docs/TemplateErrors.hpp"

using namespace igsgov;
using namespace igsgov::testing;

namespace {
class GenerateBadInput : public DocumentsFixture {
protected:
  // Runs a generate call that must fail and checks that nothing changed.
  Error refused(const std::string& json) {
    long long journal = journalLength();
    std::string before = state();
    Error e = fails("documents.generate", "{\"out\":\"" + out_ + "\"," + json + "}");
    EXPECT_EQ(journalLength(), journal) << json;
    EXPECT_EQ(state(), before) << json;
    EXPECT_EQ(registered(), 0) << json;
    EXPECT_TRUE(filesIn(out_).empty()) << json;
    return e;
  }
  std::string message(const Error& e) { return e.what(); }
};
}  // namespace

TEST_F(GenerateBadInput, UnknownTemplate) {
  Error e = refused(R"("template":"uitnodiging","cooperation":"igs-cultuur-va","format":"docx")");
  EXPECT_EQ(e.errorCode(), ErrorCode::notFound);
  EXPECT_NE(message(e).find("onbekend sjabloon 'uitnodiging'"), std::string::npos) << message(e);
  Error missing = refused(R"("template":"/nergens/brief.docx","cooperation":"igs-cultuur-va","format":"docx")");
  EXPECT_EQ(missing.errorCode(), ErrorCode::notFound);
  EXPECT_NE(message(missing).find("/nergens/brief.docx"), std::string::npos);
}

TEST_F(GenerateBadInput, UnknownCooperationOrMember) {
  Error c = refused(R"("template":"samenstelling","cooperation":"igs-bestaat-niet","format":"html")");
  EXPECT_EQ(c.errorCode(), ErrorCode::notFound);
  EXPECT_NE(message(c).find("igs-bestaat-niet"), std::string::npos);
  Error m = refused(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"11002","format":"docx")");
  EXPECT_EQ(m.errorCode(), ErrorCode::notFound);
  EXPECT_NE(message(m).find("'11002' is op"), std::string::npos) << message(m);
  EXPECT_EQ(m.place().fields.at("field"), "member");
  Error k = refused(R"("template":"intentieverklaring","cooperation":"igs-cultuur-va","all_members":true,"format":"docx",
                       "contributions":{"99999":100})");
  EXPECT_NE(message(k).find("contributions.99999"), std::string::npos) << message(k);
}

TEST_F(GenerateBadInput, WrongShapeOfTheCall) {
  Error noMember = refused(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","format":"docx")");
  EXPECT_EQ(noMember.errorCode(), ErrorCode::invalid);
  EXPECT_NE(message(noMember).find("--all-members"), std::string::npos);
  Error perCoop = refused(R"("template":"samenstelling","cooperation":"igs-cultuur-va","member":"45035","format":"docx")");
  EXPECT_EQ(perCoop.errorCode(), ErrorCode::invalid);
  Error format = refused(R"("template":"samenstelling","cooperation":"igs-cultuur-va","format":"doc")");
  EXPECT_NE(message(format).find("onbekend formaat 'doc'"), std::string::npos);
  Error body = refused(R"("template":"samenstelling","cooperation":"igs-cultuur-va","body":"igs-rupel-bc","format":"md")");
  EXPECT_EQ(body.errorCode(), ErrorCode::notFound);
}

TEST_F(GenerateBadInput, TemplateWithErrorsWritesNothing) {
  std::string tpl = dir_ + "/kapot.docx";
  {
    std::ofstream(tpl, std::ios::binary) << docs::test::makeDocx(
        docs::test::para("{#deelnemers}{naam}") + docs::test::para("{verband.naam") + docs::test::para("{/lid}"));
  }
  long long journal = journalLength();
  try {
    run("documents.generate", "{\"out\":\"" + out_ + "\",\"template\":\"" + tpl +
                                  "\",\"cooperation\":\"igs-cultuur-va\",\"all_members\":true,\"format\":\"docx\"}");
    FAIL() << "no error";
  } catch (const docs::TemplateErrors& e) {
    EXPECT_GE(e.issues().size(), 2u);  // all of them at once
    EXPECT_EQ(e.issues().front().part, "word/document.xml");
  }
  EXPECT_EQ(journalLength(), journal);
  EXPECT_EQ(registered(), 0);
  EXPECT_TRUE(filesIn(out_).empty());
}

TEST_F(GenerateBadInput, RenderErrorInOneDocumentWritesNoneOfTheBatch) {
  // Valid template, but a field the data contract does not have: every member's
  // document fails, and not one file of the batch may appear.
  std::string tpl = dir_ + "/veld.md";
  { std::ofstream(tpl) << "# {gemeente.naam}\n\n{gemeente.burgemeester}\n"; }
  Error e = refused(R"("template":")" + tpl + R"(","cooperation":"igs-cultuur-va","all_members":true,"format":"md")");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  EXPECT_NE(message(e).find("gemeente.burgemeester"), std::string::npos) << message(e);
}

TEST_F(GenerateBadInput, OutputFolderThatIsAFile) {
  std::ofstream(out_) << "geen map";
  long long journal = journalLength();
  Error e = fails("documents.generate", "{\"out\":\"" + out_ +
                                            "\",\"template\":\"samenstelling\",\"cooperation\":\"igs-cultuur-va\",\"format\":\"html\"}");
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_EQ(journalLength(), journal);
  EXPECT_EQ(registered(), 0);
}

// documents.generate as a service calls it ("documents_dir", documents/Generate.hpp):
// a new folder per generation below the documents folder, the file itself in
// the output (one document, or a ZIP of the batch), an uploaded template
// ("template_base64") checked like any other, and nothing left behind or
// registered when the call fails.
#include "DocumentsFixture.hpp"

#include "core/Base64.hpp"

#include <filesystem>

using namespace igsgov;
using namespace igsgov::testing;

namespace {

namespace fs = std::filesystem;

class ServiceGenerate : public DocumentsFixture {
protected:
  JsonObject inService(const std::string& json) {
    return run("documents.generate", "{\"documents_dir\":\"" + documents() + "\"," + json + "}");
  }
  std::string documents() const { return dir_ + "/documenten"; }
  static std::string decoded(const JsonObject& out) {
    return base64Decode(out->getValue<std::string>("file_base64"), Place());
  }
};

TEST_F(ServiceGenerate, EveryGenerationGetsItsOwnFolderAndTheFileComesBack) {
  const std::string call = R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"45035","format":"docx")";
  auto first = inService(call);
  auto second = inService(call);
  EXPECT_EQ(filesIn(documents()).size(), 2u);  // the same name twice, never overwritten
  for (const auto& out : {first, second}) {
    auto d = out->getArray("documents")->getObject(0);
    fs::path file = d->getValue<std::string>("path");
    EXPECT_EQ(file.parent_path().parent_path(), fs::path(documents()));
    EXPECT_EQ(file.parent_path().filename().string().rfind("igs-cultuur-va-", 0), 0u) << file;
    EXPECT_EQ(decoded(out), slurp(file.string()));
    EXPECT_EQ(out->getValue<std::string>("file_name"), file.filename().string());
    EXPECT_EQ(out->getValue<std::string>("media_type"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }
  // A local caller's "out" gives no file in the output.
  EXPECT_FALSE(generate(call)->has("file_base64"));
}

TEST_F(ServiceGenerate, ABatchIsOneZipNamedAfterItsGeneration) {
  auto out = inService(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","all_members":true,"format":"md")");
  EXPECT_EQ(out->getValue<std::string>("media_type"), "application/zip");
  EXPECT_EQ(out->getValue<std::string>("file_name"),
            "engagementsverklaring_igs-cultuur-va_" + std::to_string(out->getValue<long long>("generation")) + ".zip");
  std::string zip = decoded(out);
  auto list = out->getArray("documents");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    std::string name = fs::path(d->getValue<std::string>("path")).filename().string();
    EXPECT_EQ(docs::test::readPart(zip, name), slurp(d->getValue<std::string>("path"))) << name;
  }
}

TEST_F(ServiceGenerate, AFailedCallLeavesNoFolderAndRegistersNothing) {
  long long journal = journalLength();
  // Only DOCX and ODT are taken as an upload: a Markdown text is refused for what it is.
  std::string md = "Beste {lid.naam}\n";
  Error notZip = fails("documents.generate", "{\"documents_dir\":\"" + documents() + R"(","template_base64":")" +
                                                 base64Encode(md) +
                                                 R"(","cooperation":"igs-cultuur-va","all_members":true,"format":"md"})");
  EXPECT_NE(std::string(notZip.what()).find("geen DOCX- of ODT-bestand"), std::string::npos) << notZip.what();
  std::string docx = slurp(std::string(IGSGOV_SOURCE_DIR) + "/templates/engagementsverklaring.docx");
  Error both = fails("documents.generate", "{\"documents_dir\":\"" + documents() + R"(","out":")" + out_ +
                                               R"(","template":"samenstelling","cooperation":"igs-cultuur-va","format":"md"})");
  EXPECT_EQ(both.place().fields.at("field"), "'out'");
  Error name = fails("documents.generate", "{\"documents_dir\":\"" + documents() + R"(","template_base64":")" +
                                               base64Encode(docx) +
                                               R"(","template_name":"brief.odt","cooperation":"igs-cultuur-va","all_members":true,"format":"docx"})");
  EXPECT_EQ(name.place().fields.at("field"), "'template_name'");
  Error member = fails("documents.generate", "{\"documents_dir\":\"" + documents() +
                                                 R"(","template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"99999","format":"docx"})");
  EXPECT_EQ(member.errorCode(), ErrorCode::notFound);
  EXPECT_TRUE(filesIn(documents()).empty());
  EXPECT_EQ(journalLength(), journal);
  EXPECT_EQ(registered(), 0);
}

}  // namespace

// documents.generate with PDF output through a fake soffice on PATH
// (PdfTestSupport.hpp): all members' documents go to LibreOffice as one batch
// (at most one process per core, not one per document), and a document
// LibreOffice does not convert fails the whole call as before: a Dutch error
// naming that document's file, no file written, nothing registered, no
// journal entry, no process or temporary folder left.
#include "../documents/DocumentsFixture.hpp"
#include "PdfTestSupport.hpp"

#include "core/Sha256.hpp"
#include "docs/Pdf.hpp"

using namespace igsgov;
using namespace igsgov::testing;

namespace {

const char* kAllMembersPdf =
    R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","all_members":true,"format":"pdf","as_of":"2025-10-01")";

}  // namespace

TEST_F(DocumentsFixture, PdfOfAllMembersIsOneBatch) {
  PrivateTmp tmp;
  FakeSoffice fake;
  PathPrefix path(fake.dir());
  auto out = generate(kAllMembersPdf);
  auto docs = out->getArray("documents");
  ASSERT_EQ(docs->size(), 8u);
  EXPECT_EQ(fake.calls().size(), std::min(8u, docs::availableCores())) << "one LibreOffice per core, not per document";
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    std::string file = slurp(d->getValue<std::string>("path"));
    EXPECT_EQ(file.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(d->getValue<std::string>("sha256"), sha256Hex(file));
    EXPECT_EQ(d->getValue<std::string>("format"), "pdf");
  }
  EXPECT_EQ(registered(), 8);
  EXPECT_TRUE(gone(fake.pids()));
  EXPECT_TRUE(tmp.entries().empty());
}

TEST_F(DocumentsFixture, PdfThatLibreOfficeDoesNotMakeFailsTheWholeBatchAndChangesNothing) {
  PrivateTmp tmp;
  FakeSoffice fake({.failMember = "igs-cultuur-va-45060"});
  PathPrefix path(fake.dir());
  long long journal = journalLength();
  std::string before = state();
  Error e = fails("documents.generate", "{\"out\":\"" + out_ + "\"," + kAllMembersPdf + "}");
  std::string message = e.what();
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  EXPECT_NE(message.find("PDF maken mislukt voor 1 van 8 documenten"), std::string::npos) << message;
  EXPECT_NE(message.find("engagementsverklaring_igs-cultuur-va_45060_"), std::string::npos) << message;
  EXPECT_NE(message.find("Er werd geen enkel document geschreven of geregistreerd"), std::string::npos) << message;
  EXPECT_EQ(e.place().fields.at("document").rfind("engagementsverklaring_igs-cultuur-va_45060_", 0), 0u);
  EXPECT_EQ(journalLength(), journal);
  EXPECT_EQ(state(), before);
  EXPECT_EQ(registered(), 0);
  EXPECT_TRUE(filesIn(out_).empty());
  EXPECT_TRUE(gone(fake.pids()));
  EXPECT_TRUE(tmp.entries().empty());
}

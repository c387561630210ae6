// documents.generate with PDF output through a fake soffice on PATH
// (PdfTestSupport.hpp): all members' documents go to LibreOffice as one batch
// (at most one process per core, not one per document), and a document
// LibreOffice does not convert fails the whole call as before: a Dutch error
// naming that document's file, no file written, nothing registered, no
// journal entry, no process or temporary folder left. While LibreOffice
// converts, the register is not locked: a read and another write finish.
#include "../documents/DocumentsFixture.hpp"
#include "PdfTestSupport.hpp"

#include "core/Sha256.hpp"
#include "docs/Pdf.hpp"

#include <future>

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

// Regression: documents.generate held the register's write lock while
// LibreOffice converted (15–55 s for 285 PDFs), so every other write (and
// every other generation) waited. Now the conversion runs outside any lock and
// the documents are registered in a short write afterwards.
TEST_F(DocumentsFixture, ReadsAndWritesGoOnWhileLibreOfficeConverts) {
  using namespace std::chrono_literals;
  PrivateTmp tmp;
  FakeSoffice fake({.gated = true});
  PathPrefix path(fake.dir());
  auto generation = std::async(std::launch::async, [&] { return generate(kAllMembersPdf); });
  ASSERT_TRUE(fake.waitStarted(120)) << "LibreOffice was never called";
  auto read = std::async(std::launch::async, [&] { return run("cooperation.show", R"({"id":"igs-cultuur-va"})"); });
  auto write = std::async(std::launch::async, [&] {
    return run("person.create", R"({"id":"p-tijdens-pdf","name":"Nina Tussendoor","gender":"v","fictitious":true})");
  });
  // Generous bounds: each takes milliseconds; a blocked one waits for the gate.
  bool readDone = read.wait_for(60s) == std::future_status::ready;
  bool writeDone = write.wait_for(60s) == std::future_status::ready;
  bool stillConverting = generation.wait_for(0s) != std::future_status::ready;
  fake.openGate();
  EXPECT_TRUE(readDone) << "a read waited for LibreOffice";
  EXPECT_TRUE(writeDone) << "a write waited for LibreOffice";
  EXPECT_TRUE(stillConverting);
  EXPECT_EQ(read.get()->getValue<std::string>("id"), "igs-cultuur-va");
  write.get();
  auto out = generation.get();
  ASSERT_EQ(out->getArray("documents")->size(), 8u);
  EXPECT_EQ(registered(), 8);
  // The documents say which journal head their data were read at: before the
  // write that ran during the conversion, and they were registered after it.
  auto person = run("audit.journal", R"({"limit": 100000})")->getArray("entries");
  long long personSeq = 0;
  for (std::size_t i = 0; i < person->size(); ++i) {
    auto e = person->getObject(static_cast<unsigned>(i));
    if (e->getValue<std::string>("operation") == "person.create") personSeq = e->getValue<long long>("seq");
  }
  auto first = out->getArray("documents")->getObject(0);
  EXPECT_LT(first->getValue<long long>("journal_position"), personSeq);
  EXPECT_GT(out->getValue<long long>("generation"), personSeq);
  EXPECT_TRUE(gone(fake.pids()));
  EXPECT_TRUE(tmp.entries().empty());
}

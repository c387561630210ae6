// docs::convertBatchToPdf against a fake soffice (PdfTestSupport.hpp): the
// split into at most one process per core, results in input order, a stuck
// conversion timed out and named, a document LibreOffice cannot open, a crash,
// a hang after the last document, and that no process and no temporary folder
// (profiles, inputs, outputs) is left behind in any of these cases.
// No LibreOffice needed; tests/integration/pdf runs the real one.
#include "PdfTestSupport.hpp"

#include "docs/Pdf.hpp"

#include <gtest/gtest.h>

#include <future>
#include <set>

using namespace igsgov;
using namespace igsgov::docs;
using namespace igsgov::testing;

namespace {

// The no-progress timeout of the tests that hang on purpose: long enough that
// the fake's few shell commands between two documents never reach it on a
// loaded machine, short enough to keep the tests quick.
constexpr int kShortTimeout = 4;

std::vector<PdfInput> inputs(const std::vector<std::string>& bodies) {
  std::vector<PdfInput> out;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    out.push_back({"FAKE:" + bodies[i], i % 2 ? "odt" : "docx", "doc" + std::to_string(i) + ".pdf"});
  return out;
}

PdfOptions options(const FakeSoffice& fake, unsigned processes, int timeout = 120) {
  PdfOptions o;
  o.executable = fake.path();
  o.processes = processes;
  o.timeoutSeconds = timeout;
  return o;
}

PdfBatchError batchFails(const std::vector<PdfInput>& in, const PdfOptions& o) {
  try {
    convertBatchToPdf(in, o);
  } catch (const PdfBatchError& e) {
    return e;
  }
  ADD_FAILURE() << "the batch did not fail";
  return PdfBatchError({}, 0, 0);
}

// Nothing of the batch is left: no process it started, no folder in $TMPDIR.
void expectCleanedUp(const PrivateTmp& tmp, const FakeSoffice& fake) {
  EXPECT_TRUE(gone(fake.pids())) << "a process of the fake soffice is still running";
  EXPECT_TRUE(processesMentioning(tmp.path()).empty()) << "a process still names the batch's folder";
  EXPECT_TRUE(tmp.entries().empty()) << "the batch's temporary folder was left behind";
}

}  // namespace

TEST(PdfBatch, OneProcessPerCoreAtMostEachWithItsOwnProfileResultsInInputOrder) {
  PrivateTmp tmp;
  FakeSoffice fake;
  std::vector<std::string> bodies;
  for (int i = 0; i < 9; ++i) bodies.push_back("tekst van document " + std::to_string(i));
  auto pdfs = convertBatchToPdf(inputs(bodies), options(fake, 64));
  ASSERT_EQ(pdfs.size(), bodies.size());
  for (std::size_t i = 0; i < bodies.size(); ++i)
    EXPECT_NE(pdfs[i].find("FAKE:" + bodies[i] + "\n"), std::string::npos) << i << ": " << pdfs[i];

  auto calls = fake.calls();
  EXPECT_EQ(calls.size(), std::min<std::size_t>(availableCores(), bodies.size()));  // 64 asked, capped at the cores
  std::set<std::string> profiles;
  for (const auto& c : calls) {
    auto at = c.find("-env:UserInstallation=file://" + tmp.path() + "/");
    ASSERT_NE(at, std::string::npos) << c;
    profiles.insert(c.substr(at, c.find(' ', at) - at));
    EXPECT_NE(c.find("--headless"), std::string::npos);
    EXPECT_NE(c.find("--convert-to pdf"), std::string::npos);
  }
  EXPECT_EQ(profiles.size(), calls.size()) << "two processes shared a profile";
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, TwoConcurrentBatchesNeverShareAProfileOrAFolder) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto batch = [&](const std::string& prefix) {
    std::vector<std::string> bodies;
    for (int i = 0; i < 4; ++i) bodies.push_back(prefix + std::to_string(i));
    return convertBatchToPdf(inputs(bodies), options(fake, 2));
  };
  auto first = std::async(std::launch::async, batch, "eerste ");
  auto second = std::async(std::launch::async, batch, "tweede ");
  auto a = first.get(), b = second.get();
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NE(a[i].find("FAKE:eerste " + std::to_string(i) + "\n"), std::string::npos) << a[i];
    EXPECT_NE(b[i].find("FAKE:tweede " + std::to_string(i) + "\n"), std::string::npos) << b[i];
  }
  std::set<std::string> profiles, folders;
  for (const auto& c : fake.calls()) {
    auto at = c.find("-env:UserInstallation=file://");
    ASSERT_NE(at, std::string::npos) << c;
    profiles.insert(c.substr(at, c.find(' ', at) - at));
    auto out = c.find("--outdir ");
    ASSERT_NE(out, std::string::npos) << c;
    folders.insert(c.substr(out, c.find(' ', out + 9) - out));
  }
  EXPECT_EQ(fake.calls().size(), 2 * std::min(2u, availableCores()));
  EXPECT_EQ(profiles.size(), fake.calls().size()) << "two processes shared a LibreOffice profile";
  EXPECT_EQ(folders.size(), fake.calls().size()) << "two processes shared an output folder";
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, OneProcessForTheWholeBatchWhenAskedFor) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto pdfs = convertBatchToPdf(inputs({"a", "b", "c", "d", "e"}), options(fake, 1));
  ASSERT_EQ(pdfs.size(), 5u);
  EXPECT_NE(pdfs[4].find("FAKE:e"), std::string::npos);
  ASSERT_EQ(fake.calls().size(), 1u);
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, AStuckDocumentIsTimedOutNamedAndEverythingKilled) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto e = batchFails(inputs({"a", "b", "HANG", "d", "e"}), options(fake, 1, kShortTimeout));
  EXPECT_EQ(e.errorCode(), ErrorCode::io);
  ASSERT_EQ(e.failures().size(), 1u) << e.what();
  EXPECT_EQ(e.failures()[0].index, 2u);
  EXPECT_EQ(e.failures()[0].label, "doc2.pdf");
  EXPECT_NE(e.failures()[0].reason.find("langer dan " + std::to_string(kShortTimeout) + " seconden"), std::string::npos) << e.failures()[0].reason;
  EXPECT_EQ(e.notConverted(), 2u);
  EXPECT_EQ(e.place().fields.at("document"), "doc2.pdf");
  EXPECT_NE(std::string(e.what()).find("doc2.pdf"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("2 andere documenten werden daardoor niet omgezet"), std::string::npos) << e.what();
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, AStuckWriteIsBlamedOnTheDocumentBeingWrittenAndItsHalfPdfNeverReturned) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto e = batchFails(inputs({"a", "HANGSTORE", "c"}), options(fake, 1, kShortTimeout));
  ASSERT_EQ(e.failures().size(), 1u) << e.what();
  EXPECT_EQ(e.failures()[0].index, 1u);
  EXPECT_EQ(e.notConverted(), 1u);
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, AStuckProcessStopsTheOtherProcessesOfTheBatch) {
  PrivateTmp tmp;
  FakeSoffice fake;
  // Two runs: [HANG, b, c] and [d, HANG, f] (when the machine has two cores or more).
  auto e = batchFails(inputs({"HANG", "b", "c", "d", "HANG", "f"}), options(fake, 2, kShortTimeout));
  ASSERT_FALSE(e.failures().empty());
  EXPECT_EQ(e.failures()[0].index, 0u);
  EXPECT_NE(e.failures()[0].reason.find("langer dan"), std::string::npos);
  EXPECT_EQ(e.failures().size() + e.notConverted(), availableCores() >= 2 ? 5u : 6u) << e.what();
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, ADocumentLibreOfficeCannotOpenIsNamedAndTheRestStillChecked) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto e = batchFails(inputs({"a", "FAIL", "c", "FAIL"}), options(fake, 1));
  ASSERT_EQ(e.failures().size(), 2u) << e.what();
  EXPECT_EQ(e.failures()[0].index, 1u);
  EXPECT_EQ(e.failures()[1].index, 3u);
  EXPECT_NE(e.failures()[0].reason.find("kon het document niet openen"), std::string::npos);
  EXPECT_NE(e.failures()[0].reason.find("source file could not be loaded"), std::string::npos);
  EXPECT_EQ(e.notConverted(), 0u);
  EXPECT_NE(std::string(e.what()).find("PDF maken mislukt voor 2 van 4 documenten"), std::string::npos) << e.what();
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, ACrashNamesTheDocumentAndCountsTheRest) {
  PrivateTmp tmp;
  FakeSoffice fake;
  auto e = batchFails(inputs({"a", "CRASH", "c", "d"}), options(fake, 1));
  ASSERT_EQ(e.failures().size(), 1u) << e.what();
  EXPECT_EQ(e.failures()[0].index, 1u);
  EXPECT_NE(e.failures()[0].reason.find("stopte onverwacht"), std::string::npos);
  EXPECT_NE(e.failures()[0].reason.find("139"), std::string::npos) << e.failures()[0].reason;
  EXPECT_EQ(e.notConverted(), 2u);
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, AHangAfterTheLastDocumentKeepsTheCompletePdfsAndKillsTheProcess) {
  PrivateTmp tmp;
  FakeSoffice fake({.hangAtEnd = true});
  auto pdfs = convertBatchToPdf(inputs({"a", "b"}), options(fake, 1, kShortTimeout));
  ASSERT_EQ(pdfs.size(), 2u);
  EXPECT_NE(pdfs[1].find("FAKE:b"), std::string::npos);
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, WhatTheProgramLeavesRunningInItsGroupIsKilledWhenItExits) {
  PrivateTmp tmp;
  FakeSoffice fake({.strayChild = true});
  auto pdfs = convertBatchToPdf(inputs({"a"}), options(fake, 1));
  ASSERT_EQ(pdfs.size(), 1u);
  ASSERT_EQ(fake.pids().size(), 2u);  // the script and its stray sleep
  expectCleanedUp(tmp, fake);
}

TEST(PdfBatch, FoundOnPathAndBadInputRefusedBeforeAnythingStarts) {
  PrivateTmp tmp;
  FakeSoffice fake;
  {
    PathPrefix path(fake.dir());
    EXPECT_EQ(findLibreOffice(), fake.path());
    EXPECT_EQ(convertToPdf("FAKE:alleen", "docx").rfind("%PDF-", 0), 0u);
    EXPECT_TRUE(convertBatchToPdf({}).empty());
  }
  EXPECT_EQ(fake.calls().size(), 1u);
  try {
    convertBatchToPdf({{"x", "docx", "a.pdf"}, {"x", "pdf", "b.pdf"}}, options(fake, 1));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::argument);
    EXPECT_EQ(e.place().fields.at("document"), "b.pdf");
  }
  PdfOptions missing;
  missing.executable = "/nonexistent/soffice";
  try {
    convertBatchToPdf(inputs({"a"}), missing);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::unsupported);
    EXPECT_NE(e.message().find("LibreOffice is niet"), std::string::npos);
  }
  EXPECT_EQ(fake.calls().size(), 1u);
  EXPECT_TRUE(tmp.entries().empty());
}

// documents.generate over REST (issue 17), against one real igsgovd: a shipped
// template by name for one member (the DOCX itself) and for all members (one
// ZIP, one valid DOCX per member), an uploaded ODT template, and what must be
// refused with nothing registered and no file left behind: uploads that are not
// a template, too large, or use an unknown tag; an auditor; paths and path
// tricks in every name. Every answer also passes the OpenAPI check of the
// harness (SchemaCheck: declared media type, a binary body that opens as a zip).
#include "Harness.hpp"
#include "SchemaCheck.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace igsgov::test;

namespace {

namespace fs = std::filesystem;

constexpr const char* kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kIgs = "igs-rupel";  // 5 members: a batch stays cheap

std::string sha256(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// Every entry of a zip archive: name -> bytes (throws when it is not a zip).
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> out;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream entry(again, it->second, true);
    Poco::StreamCopier::copyToString(entry, out[it->first]);
  }
  return out;
}

// The name in Content-Disposition; "" when the header is not a plain, safe attachment.
std::string attachmentName(const Response& r) {
  static const std::regex safe(R"re(attachment; filename="([a-z0-9][a-z0-9._-]*)")re");
  std::smatch m;
  auto it = r.headers.find("Content-Disposition");
  if (it == r.headers.end() || !std::regex_match(it->second, m, safe)) return "";
  return m[1];
}

std::string text(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream os;
  o->stringify(os);
  return os.str();
}

// Every file below `dir`, relative.
std::set<std::string> filesBelow(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(fs::relative(e.path(), dir).string());
  return out;
}

// engagementsverklaring.docx with the tag {kenmerk} replaced by `tag`.
std::string docxWithTag(const std::string& tag) {
  const std::string dir = freshDir("unknown-tag-" + std::to_string(getpid()));
  auto made = run({"/usr/bin/env", "python3", "-c",
                   "import sys, zipfile\n"
                   "src = zipfile.ZipFile(sys.argv[1]); dst = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)\n"
                   "for i in src.infolist():\n"
                   "    b = src.read(i)\n"
                   "    if i.filename == 'word/document.xml': b = b.replace(b'{kenmerk}', sys.argv[3].encode())\n"
                   "    dst.writestr(i, b)\n"
                   "dst.close()\n",
                   sourceDir() + "/templates/engagementsverklaring.docx", dir + "/fout.docx", tag});
  EXPECT_EQ(made.exitCode, 0) << made.err;
  std::string bytes = slurp(dir + "/fout.docx");
  fs::remove_all(dir);
  return bytes;
}

// One igsgovd and one register for the whole suite; the checks run as a few
// tests (each CTest entry starts its own igsgovd: the CI time budget).
class DocumentsGenerateTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(freshDir("documents-generate-" + std::to_string(getpid())));
    reg_ = new SampleRegister(makeSampleRegister(*dir_));
    std::ofstream(*dir_ + "/igsgovd.json") << R"({"register": ")" + reg_->path + R"("})";
    server_ = new Igsgovd(*dir_, {"--config", *dir_ + "/igsgovd.json"});
    // The members' names as the register holds them.
    auto igs = server_->get(std::string("/api/v1/cooperation.show?id=") + kIgs, reg_->secrets.at("auditor")).json();
    auto members = igs->getArray("members");
    names_ = new std::map<std::string, std::string>;
    for (size_t i = 0; i < members->size(); ++i) {
      auto m = members->getObject(static_cast<unsigned>(i));
      (*names_)[m->getValue<std::string>("id")] = m->getValue<std::string>("name");
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    delete reg_;
    delete names_;
    delete dir_;
  }

  static Response generate(const std::string& body, const std::string& role = "secretariaat") {
    return server_->post("/api/v1/documents.generate", body, reg_->secrets.at(role));
  }
  static std::string documentsDir() { return *dir_ + "/documenten"; }
  static long long journalHead() { return server_->get("/api/v1/health").json()->getValue<long long>("journal_head"); }
  static size_t registered() {
    auto list = server_->get(std::string("/api/v1/documents.list?limit=100000"), reg_->secrets.at("auditor")).json();
    return list->getArray("documents")->size();
  }
  // A refused call: 4xx, a Dutch JSON error, and nothing registered, journaled or left on disk.
  static Poco::JSON::Object::Ptr refused(const std::string& body, int status, const std::string& role = "secretariaat") {
    long long head = journalHead();
    size_t count = registered();
    auto before = filesBelow(*dir_);
    auto r = generate(body, role);
    EXPECT_EQ(r.status, status) << r.body.substr(0, 300);
    EXPECT_NE(r.headers["Content-Type"].find("application/json"), std::string::npos);
    EXPECT_EQ(journalHead(), head);
    EXPECT_EQ(registered(), count);
    EXPECT_EQ(filesBelow(*dir_), before);
    return r.status >= 400 ? r.json() : nullptr;
  }

  // The checks, run by the two tests below.
  static void AShippedTemplateForOneMemberIsTheDocxItselfAndRegistered();
  static void AllMembersAreOneZipWithAValidDocxPerMember();
  static void AnUploadedTemplateWorksLikeAShippedOne();
  static void BadUploadsAreRefusedAndChangeNothing();
  static void TemplateCheckTakesAnUploadedTemplate();
  static void AnAuditorMayNotGenerate();
  static void NoNameCanReachAServerPath();
  static void TheAnswerCheckCatchesAFileThatIsNotWhatItsTypeSays();

  static std::string* dir_;
  static SampleRegister* reg_;
  static Igsgovd* server_;
  static std::map<std::string, std::string>* names_;  // member id -> name
};
std::string* DocumentsGenerateTest::dir_ = nullptr;
SampleRegister* DocumentsGenerateTest::reg_ = nullptr;
Igsgovd* DocumentsGenerateTest::server_ = nullptr;
std::map<std::string, std::string>* DocumentsGenerateTest::names_ = nullptr;

void DocumentsGenerateTest::AShippedTemplateForOneMemberIsTheDocxItselfAndRegistered() {
  SCOPED_TRACE("AShippedTemplateForOneMemberIsTheDocxItselfAndRegistered");
  long long head = journalHead();
  const std::string member = names_->begin()->first;
  auto r = generate(R"({"template": "engagementsverklaring", "cooperation": ")" + std::string(kIgs) +
                    R"(", "member": ")" + member + R"(", "format": "docx", "reason": "voor het ERP"})");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_EQ(r.headers["Content-Type"], kDocx);
  std::string name = attachmentName(r);
  EXPECT_EQ(name.rfind(std::string("engagementsverklaring_") + kIgs + "_", 0), 0u) << r.headers["Content-Disposition"];
  auto parts = unzip(r.body);
  ASSERT_TRUE(parts.count("word/document.xml"));
  EXPECT_NE(parts["word/document.xml"].find(names_->at(member)), std::string::npos) << names_->at(member);

  // Registered like any generated document, in one journal entry by the token's name.
  EXPECT_EQ(journalHead(), head + 1);
  auto found = server_->get("/api/v1/documents.list?sha256=" + sha256(r.body), reg_->secrets.at("auditor")).json();
  ASSERT_EQ(found->getArray("documents")->size(), 1u);
  auto d = found->getArray("documents")->getObject(0);
  EXPECT_EQ(d->getValue<std::string>("member"), member);
  EXPECT_EQ(d->getValue<std::string>("template"), "engagementsverklaring");
  EXPECT_EQ(d->getValue<std::string>("generated_by"), "t-secretariaat");
  EXPECT_EQ(d->getValue<long long>("size"), static_cast<long long>(r.body.size()));
  // Kept in the service's documents folder (where the intranet serves it and sync finds it), under the same name.
  fs::path kept = d->getValue<std::string>("path");
  EXPECT_EQ(kept.filename().string(), name);
  EXPECT_EQ(fs::canonical(kept).string().rfind(fs::canonical(documentsDir()).string() + "/", 0), 0u) << kept;
  EXPECT_EQ(slurp(kept.string()), r.body);
  auto journal = server_->get("/api/v1/audit.journal?after=" + std::to_string(head), reg_->secrets.at("auditor")).json();
  ASSERT_EQ(journal->getArray("entries")->size(), 1u);
  auto entry = journal->getArray("entries")->getObject(0);
  EXPECT_EQ(entry->getValue<std::string>("operation"), "documents.generate");
  EXPECT_EQ(entry->getValue<std::string>("reason"), "voor het ERP");
}

void DocumentsGenerateTest::AllMembersAreOneZipWithAValidDocxPerMember() {
  SCOPED_TRACE("AllMembersAreOneZipWithAValidDocxPerMember");
  long long head = journalHead();
  auto r = generate(R"({"template": "engagementsverklaring", "cooperation": ")" + std::string(kIgs) +
                    R"(", "all_members": true, "format": "docx"})");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_EQ(r.headers["Content-Type"], "application/zip");
  std::string name = attachmentName(r);
  EXPECT_EQ(name, "engagementsverklaring_" + std::string(kIgs) + "_" + std::to_string(head + 1) + ".zip")
      << r.headers["Content-Disposition"];
  auto entries = unzip(r.body);
  ASSERT_EQ(entries.size(), names_->size());
  std::set<std::string> seen;
  for (const auto& [entry, bytes] : entries) {
    SCOPED_TRACE(entry);
    EXPECT_TRUE(std::regex_match(entry, std::regex("engagementsverklaring_igs-rupel_[0-9]{5}_[a-z0-9-]+\\.docx")));
    auto docx = unzip(bytes);
    ASSERT_TRUE(docx.count("word/document.xml"));
    for (const auto& [id, memberName] : *names_)
      if (docx["word/document.xml"].find(memberName) != std::string::npos) seen.insert(id);
  }
  EXPECT_EQ(seen.size(), names_->size());  // every member has its own letter
  EXPECT_EQ(journalHead(), head + 1);      // one journal entry for the batch
  auto batch = server_->get("/api/v1/documents.list?generation=" + std::to_string(head + 1), reg_->secrets.at("auditor")).json();
  EXPECT_EQ(batch->getArray("documents")->size(), names_->size());
}

void DocumentsGenerateTest::AnUploadedTemplateWorksLikeAShippedOne() {
  SCOPED_TRACE("AnUploadedTemplateWorksLikeAShippedOne");
  std::string odt = slurp(sourceDir() + "/templates/engagementsverklaring.odt");
  ASSERT_FALSE(odt.empty());
  const std::string member = names_->rbegin()->first;
  long long head = journalHead();
  auto r = generate(R"({"template_base64": ")" + base64(odt) + R"(", "template_name": "Brief aan de schepen – Liège.odt", )"
                    R"("cooperation": ")" + std::string(kIgs) + R"(", "member": ")" + member + R"(", "format": "odt"})",
                    "directeur");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_EQ(r.headers["Content-Type"], "application/vnd.oasis.opendocument.text");
  // Accents folded, the dash and spaces made '-': a plain ASCII name in the header.
  EXPECT_EQ(attachmentName(r).rfind(std::string("brief-aan-de-schepen-liege_") + kIgs + "_", 0), 0u)
      << r.headers["Content-Disposition"];
  auto parts = unzip(r.body);
  ASSERT_TRUE(parts.count("content.xml"));
  EXPECT_NE(parts["content.xml"].find(names_->at(member)), std::string::npos);
  auto found = server_->get("/api/v1/documents.list?sha256=" + sha256(r.body), reg_->secrets.at("auditor")).json();
  ASSERT_EQ(found->getArray("documents")->size(), 1u);
  auto d = found->getArray("documents")->getObject(0);
  EXPECT_EQ(d->getValue<std::string>("template"), "Brief aan de schepen – Liège.odt");
  EXPECT_EQ(d->getValue<std::string>("template_sha256"), sha256(odt));
  // The journal entry's input keeps the template's hash, not its bytes.
  auto input = run({"/usr/bin/env", "sqlite3", reg_->path, "SELECT input FROM journal WHERE seq = " + std::to_string(head + 1)});
  ASSERT_EQ(input.exitCode, 0) << input.err;
  EXPECT_NE(input.out.find(R"("template_sha256":")" + sha256(odt)), std::string::npos) << input.out;
  EXPECT_EQ(input.out.find("template_base64"), std::string::npos) << input.out.substr(0, 300);
}

void DocumentsGenerateTest::BadUploadsAreRefusedAndChangeNothing() {
  SCOPED_TRACE("BadUploadsAreRefusedAndChangeNothing");
  const std::string rest = R"(", "cooperation": "igs-rupel", "all_members": true, "format": "docx"})";
  // Not a zip at all.
  auto e = refused(R"({"template_base64": ")" + base64("Beste {lid.naam},\n") + rest, 400);
  EXPECT_NE(e->getValue<std::string>("message").find("geen DOCX- of ODT-bestand"), std::string::npos);
  EXPECT_EQ(e->getObject("place")->getValue<std::string>("field"), "'template_base64'");
  // Not base64.
  e = refused(R"({"template_base64": "***)" + rest, 400);
  EXPECT_EQ(e->getObject("place")->getValue<std::string>("field"), "'template_base64'");
  // A template with an unknown tag: the template check's message and place (part, paragraph, position).
  e = refused(R"({"template_base64": ")" + base64(docxWithTag("{onbekend_veld}")) + rest, 400);
  EXPECT_EQ(e->getValue<std::string>("code"), "invalid");
  EXPECT_NE(text(e).find("onbekend_veld"), std::string::npos) << text(e);
  EXPECT_EQ(e->getObject("place")->getValue<std::string>("part"), "word/document.xml") << text(e);
  EXPECT_TRUE(e->getObject("place")->has("paragraph")) << text(e);
  // Over limits.max_body_bytes (1 MiB by default): 413 before the body is read.
  std::string big(800 * 1024, 'x');
  e = refused(R"({"template_base64": ")" + base64(big) + rest, 413);
  EXPECT_EQ(e->getObject("place")->getValue<std::string>("limit"), "limits.max_body_bytes");
  // A DOCX template asked for ODT.
  refused(R"({"template_base64": ")" + base64(slurp(sourceDir() + "/templates/engagementsverklaring.docx")) +
              R"(", "cooperation": "igs-rupel", "all_members": true, "format": "odt"})",
          400);
}

void DocumentsGenerateTest::TemplateCheckTakesAnUploadedTemplate() {
  SCOPED_TRACE("TemplateCheckTakesAnUploadedTemplate");
  auto check = [](const std::string& body) {
    return server_->post("/api/v1/template.check", body, reg_->secrets.at("secretariaat"));
  };
  // A good ODT: ok, its tags listed, named by template_name.
  auto good = check(R"({"template_base64": ")" + base64(slurp(sourceDir() + "/templates/engagementsverklaring.odt")) +
                    R"(", "template_name": "brief"})");
  ASSERT_EQ(good.status, 200) << good.body.substr(0, 300);
  auto g = good.json();
  EXPECT_TRUE(g->getValue<bool>("ok"));
  EXPECT_EQ(g->getValue<std::string>("file"), "brief.odt");
  EXPECT_EQ(g->getValue<std::string>("format"), "odt");
  EXPECT_GT(g->getArray("tags")->size(), 0u);
  // A section opened and never closed: every error with its place, not ok (the CLI's exit code 2), nothing journaled.
  long long head = journalHead();
  auto bad = check(R"({"template_base64": ")" + base64(docxWithTag("{#open_lus}")) + R"("})");
  ASSERT_EQ(bad.status, 200) << bad.body.substr(0, 300);
  auto b = bad.json();
  EXPECT_FALSE(b->getValue<bool>("ok"));
  EXPECT_EQ(b->getValue<int>("exit_code"), 2);
  EXPECT_EQ(b->getValue<std::string>("file"), "eigen-sjabloon.docx");
  ASSERT_GT(b->getArray("errors")->size(), 0u);
  EXPECT_EQ(b->getArray("errors")->getObject(0)->getValue<std::string>("part"), "word/document.xml") << bad.body;
  EXPECT_EQ(journalHead(), head);
  // The same refusals as documents.generate's upload: not a template, not base64, over the body limit.
  auto notZip = check(R"({"template_base64": ")" + base64("Beste {lid.naam},\n") + R"("})");
  EXPECT_EQ(notZip.status, 400);
  EXPECT_NE(notZip.body.find("geen DOCX- of ODT-bestand"), std::string::npos) << notZip.body;
  EXPECT_EQ(notZip.json()->getObject("place")->getValue<std::string>("field"), "'template_base64'");
  EXPECT_EQ(check(R"({"template_base64": "***"})").status, 400);
  EXPECT_EQ(check(R"({"template_base64": ")" + base64(std::string(800 * 1024, 'x')) + R"("})").status, 413);
  // One of the two; a shipped name is fine, a server path is not.
  auto both = check(R"({"file": "engagementsverklaring", "template_base64": "UEs="})");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(check(R"({"file": "engagementsverklaring"})").status, 200);
  EXPECT_EQ(check(R"({"file": "/etc/passwd"})").status, 400);
}

void DocumentsGenerateTest::AnAuditorMayNotGenerate() {
  SCOPED_TRACE("AnAuditorMayNotGenerate");
  auto e = refused(R"({"template": "engagementsverklaring", "cooperation": "igs-rupel", "all_members": true, "format": "docx"})",
                   403, "auditor");
  EXPECT_EQ(e->getValue<std::string>("code"), "denied");
}

void DocumentsGenerateTest::NoNameCanReachAServerPath() {
  SCOPED_TRACE("NoNameCanReachAServerPath");
  const std::string tail = R"(, "cooperation": "igs-rupel", "all_members": true, "format": "docx"})";
  const std::string odt = base64(slurp(sourceDir() + "/templates/engagementsverklaring.odt"));
  for (const std::string t : {"../../../../etc/passwd", "/etc/passwd", "engagementsverklaring.docx",
                              "./engagementsverklaring", "engagementsverklaring/../samenstelling", "..\\\\x"}) {
    SCOPED_TRACE(t);
    auto e = refused(R"({"template": ")" + t + "\"" + tail, 400);
    EXPECT_EQ(e->getObject("place")->getValue<std::string>("field"), "'template'");
  }
  for (const std::string n : {"../../x.odt", "a/b", "..", ".verborgen", "a\\\\b",
                              "brief\\r\\nSet-Cookie: igsgov_sessie=x"}) {
    SCOPED_TRACE(n);
    auto e = refused(R"({"template_base64": ")" + odt + R"(", "template_name": ")" + n +
                         R"(", "cooperation": "igs-rupel", "all_members": true, "format": "odt"})",
                     400);
    EXPECT_EQ(e->getObject("place")->getValue<std::string>("field"), "'template_name'");
  }
  // Quotes in the name are only a label: the header carries the slug.
  auto quoted = generate(R"({"template_base64": ")" + odt + R"(", "template_name": "brief\"; filename=\"x.exe", )"
                         R"("cooperation": "igs-rupel", "member": "igs-rupel-11018", "format": "odt"})");
  EXPECT_EQ(quoted.status, 200) << quoted.body.substr(0, 300);
  EXPECT_EQ(attachmentName(quoted), "brief-filename-x-exe_igs-rupel_11018_hemiksem.odt") << quoted.headers["Content-Disposition"];
  for (const std::string field : {"out", "documents_dir"}) {
    SCOPED_TRACE(field);
    auto e = refused(R"({"template": "engagementsverklaring", ")" + field + R"(": ")" + *dir_ + "/elders\"" + tail, 400);
    EXPECT_NE(e->getValue<std::string>("message").find("niet toegelaten via de REST-API"), std::string::npos);
  }
  // A cooperation or member that is a path is just an unknown record.
  refused(R"({"template": "engagementsverklaring", "cooperation": "../../..", "all_members": true, "format": "docx"})", 404,
          "beheerder");
  refused(R"({"template": "engagementsverklaring", "cooperation": "igs-rupel", "member": "../../etc", "format": "docx"})",
          404);
  EXPECT_FALSE(fs::exists(*dir_ + "/elders"));
}

void DocumentsGenerateTest::TheAnswerCheckCatchesAFileThatIsNotWhatItsTypeSays() {
  SCOPED_TRACE("TheAnswerCheckCatchesAFileThatIsNotWhatItsTypeSays");
  auto document = server_->document();
  const std::string path = "/api/v1/documents.generate";
  EXPECT_FALSE(answerViolations(document, "POST", path, 200, kDocx, "Beste college").empty());
  EXPECT_FALSE(answerViolations(document, "POST", path, 200, "application/zip", "%PDF-1.7").empty());
  EXPECT_FALSE(answerViolations(document, "POST", path, 200, "application/pdf", "PK\x03\x04").empty());
  EXPECT_FALSE(answerViolations(document, "POST", path, 200, "application/msword", "PK\x03\x04").empty());  // undeclared
  EXPECT_TRUE(answerViolations(document, "POST", path, 200, kDocx, std::string("PK\x03\x04", 4)).empty());
}

TEST_F(DocumentsGenerateTest, ShippedAndUploadedTemplatesAnswerTheFileAndRegisterIt) {
  AShippedTemplateForOneMemberIsTheDocxItselfAndRegistered();
  AllMembersAreOneZipWithAValidDocxPerMember();
  AnUploadedTemplateWorksLikeAShippedOne();
  TemplateCheckTakesAnUploadedTemplate();
  TheAnswerCheckCatchesAFileThatIsNotWhatItsTypeSays();
}

TEST_F(DocumentsGenerateTest, BadUploadsAuditorsAndPathsAreRefusedAndChangeNothing) {
  BadUploadsAreRefusedAndChangeNothing();
  AnAuditorMayNotGenerate();
  NoNameCanReachAServerPath();
}

}  // namespace

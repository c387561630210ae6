// Test support for the governance and budget areas: a fresh register in a
// temporary directory driven through the operation catalogue (as the C ABI,
// REST and CLI drive it), a small cooperation, and DOCX/ODT files built in
// memory with Poco::Zip.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "ops/Session.hpp"
#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <Poco/DateTime.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace igsgov::testing {

inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::ostringstream os;
  Poco::Zip::Compress zip(os, true);
  for (const auto& [name, data] : entries) {
    std::istringstream is(data);
    zip.addFile(is, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX),
                name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
  }
  zip.close();
  return os.str();
}

inline std::string xmlEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else o += c;
  }
  return o;
}

// A DOCX whose paragraphs are `paragraphs`; each is split over two runs to
// check that runs are joined.
inline std::string docxOf(const std::vector<std::string>& paragraphs, const std::string& extraBody = "") {
  std::string body;
  for (const auto& p : paragraphs) {
    auto half = p.size() / 2;
    while (half < p.size() && (static_cast<unsigned char>(p[half]) & 0xC0) == 0x80) ++half;  // UTF-8 boundary
    body += "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" +
            xmlEscape(p.substr(0, half)) + "</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>" +
            xmlEscape(p.substr(half)) + "</w:t></w:r></w:p>";
  }
  std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + extraBody + "<w:sectPr/></w:body></w:document>";
  return zipOf({{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                {"word/document.xml", doc}});
}

inline std::string odtOf(const std::vector<std::string>& paragraphs, bool firstIsHeading = true) {
  std::string body;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i == 0 && firstIsHeading)
      body += "<text:h text:outline-level=\"1\">" + xmlEscape(paragraphs[i]) + "</text:h>";
    else
      body += "<text:p text:style-name=\"P1\"><text:span>" + xmlEscape(paragraphs[i]) + "</text:span></text:p>";
  }
  std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" +
      body + "</office:text></office:body></office:document-content>";
  return zipOf({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

class GovFixture : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    path_ = igsgov::testing::newTestRegister(dir_);
    session_ = std::make_unique<ops::Session>(path_, false);
  }
  void TearDown() override {
    session_.reset();
    Poco::File(dir_).remove(true);
  }

  JsonObject run(const std::string& op, const std::string& json) { return run(op, parseJsonObject(json)); }
  JsonObject run(const std::string& op, const JsonObject& in) {
    ops::Caller caller;
    caller.actor = "test:secretariaat";
    return session_->execute(op, in, caller);
  }

  Error fails(const std::string& op, const std::string& json) { return fails(op, parseJsonObject(json)); }
  Error fails(const std::string& op, const JsonObject& in) {
    try {
      run(op, in);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << op << " did not fail for " << canonicalJson(in);
    return Error(ErrorCode::ok, "");
  }

  // The whole register as exported plus the journal length: equal before and
  // after a refused operation proves nothing was written.
  std::string state() {
    auto out = run("register.export", "{}");
    out->remove("exported_at");
    auto j = run("audit.journal", R"({"limit": 1000000})");
    return canonicalJson(out) + "#" + std::to_string(j->getArray("entries")->size());
  }

  std::string file(const std::string& name, const std::string& bytes) {
    std::string p = dir_ + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  // A projectvereniging with three gemeenten (Vlaamse Ardennen) and, in a
  // second cooperation, one more gemeente (for cross-cooperation errors).
  void smallCooperation() {
    run("cooperation.create", R"({"id": "igs-a", "name": "IGS A", "legal_form": "projectvereniging",
         "domain": "cultuur", "founded": "2021-01-01"})");
    run("member.add", R"({"id": "a-oudenaarde", "cooperation": "igs-a", "kind": "gemeente", "nis": "45035", "from": "2021-01-01"})");
    run("member.add", R"({"id": "a-kluisbergen", "cooperation": "igs-a", "kind": "gemeente", "nis": "45060", "from": "2021-01-01"})");
    run("member.add", R"({"id": "a-ronse", "cooperation": "igs-a", "kind": "gemeente", "nis": "45041", "from": "2021-01-01"})");
    run("cooperation.create", R"({"id": "igs-b", "name": "IGS B", "legal_form": "interlokale_vereniging",
         "founded": "2021-01-01"})");
    run("member.add", R"({"id": "b-brakel", "cooperation": "igs-b", "kind": "gemeente", "nis": "45059", "from": "2021-01-01"})");
  }

  std::string dir_, path_;
  std::unique_ptr<ops::Session> session_;
};

}  // namespace igsgov::testing

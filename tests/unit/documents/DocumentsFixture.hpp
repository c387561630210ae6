// A register with the shipped sample, an output folder, and helpers to read
// generated documents back with an independent parser (tests/unit/docs fixtures).
#pragma once

#include "../docs/DocFixtures.hpp"
#include "../records/RegisterFixture.hpp"
#include "records/Register.hpp"
#include "sync/Targets.hpp"

#include <Poco/DirectoryIterator.h>

#include <fstream>
#include <set>
#include <sstream>

namespace igsgov::testing {

class DocumentsFixture : public RegisterFixture {
public:
  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    importSample();
    out_ = dir_ + "/out";
  }

  JsonObject generate(const std::string& extraJson) {
    return run("documents.generate", "{\"out\":\"" + out_ + "\"," + extraJson + "}");
  }

  std::set<std::string> filesIn(const std::string& dir) {
    std::set<std::string> names;
    if (!Poco::File(dir).exists()) return names;
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) names.insert(it.name());
    return names;
  }

  // All paragraph text of a DOCX (body, header, footer), one string.
  static std::string docxText(const std::string& docx) {
    std::string all;
    for (const char* part : {"word/header1.xml", "word/document.xml", "word/footer1.xml"})
      all += docs::test::join(docs::test::docxParagraphs(docs::test::readPart(docx, part)), "\n") + "\n";
    return all;
  }

  // The engagementsverklaring of every member of igs-cultuur-va into `out`.
  JsonObject generateInto(const std::string& out) {
    return run("documents.generate", "{\"out\":\"" + out + R"(","template":"engagementsverklaring","cooperation":"igs-cultuur-va",
        "all_members":true,"format":"docx","as_of":"2025-10-01"})");
  }

  // What sync's `documents` source lists now (from the current working directory).
  std::vector<sync::SourceItem> syncItems() {
    auto reg = records::Register::open(path_);
    auto source = sync::makeDocumentsSource();
    std::vector<sync::SourceItem> out;
    reg->read([&](store::Database& db) {
      out = source->items(db);
      return JsonObject();
    });
    return out;
  }

  long long registered() {
    return static_cast<long long>(run("documents.list", "{}")->getArray("documents")->size());
  }

  std::string out_;
};

}  // namespace igsgov::testing

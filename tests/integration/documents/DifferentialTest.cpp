// The shipped DOCX templates rendered by our engine and by docxtemplater
// (tests/integration/docs/node/render.js, with our formatters as its parser)
// with the same data, built from the sample register by the data contract:
// the text of every paragraph and table cell must match, in the body, the
// letterhead (header) and the footer. Set up once: (cd tests/integration/docs/node && npm ci)
#include "../../unit/documents/DocumentsFixture.hpp"

#include "docs/Template.hpp"
#include "documents/DataContract.hpp"
#include "documents/Templates.hpp"

#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <cstdlib>

using namespace igsgov;
using namespace igsgov::testing;

TEST_F(DocumentsFixture, ShippedDocxTemplatesMatchDocxtemplater) {
  const std::string nodeDir = std::string(IGSGOV_SOURCE_DIR) + "/tests/integration/docs/node";
  ASSERT_TRUE(Poco::File(nodeDir + "/node_modules/docxtemplater").exists()) << "run `npm ci` in " << nodeDir << " first";
  struct Job {
    std::string name, data, ours, theirs;
  };
  std::vector<Job> jobs;
  // Members of every kind: the letters branch on lid.is_gemeente/is_ocmw/is_partner.
  run("member.add", R"({"id": "dr-vzw", "cooperation": "igs-cultuur-va", "kind": "partner", "name": "De Ronde vzw",
       "partner_kind": "privaat_zonder_winstoogmerk", "from": "2021-01-01"})");
  run("member.add", R"({"id": "ocmw-ronse", "cooperation": "igs-cultuur-va", "kind": "ocmw", "nis": "45041", "from": "2021-01-01"})");
  // The data exactly as documents.generate builds it, for a member and for the cooperation.
  session_->reg().read([&](store::Database& db) {
    for (const auto& t : documents::shippedTemplates()) {
      documents::DataRequest req{"igs-cultuur-va", *Date::parse("2025-10-01"), t.name, "", nullptr, nullptr};
      req.contributions = newObject();
      req.contributions->set("45035", 1250000);
      req.contributions->set("45060", "8.000,50");
      req.contributions->set("dr-vzw", 0);
      documents::DataBuilder builder(db, req);
      if (t.kind != "lid") {
        jobs.push_back({t.name, canonicalJson(builder.cooperationData()), "", ""});
        continue;
      }
      for (const char* who : {"45035", "ocmw-ronse", "dr-vzw", "45059"}) {
        const auto& m = builder.member(who);
        if (std::find(t.memberKinds.begin(), t.memberKinds.end(), m.kind) == t.memberKinds.end()) continue;
        jobs.push_back({t.name + "-" + who, canonicalJson(builder.memberData(m)), "", ""});
      }
    }
    return newObject();
  });
  // engagementsverklaring for 4 members, intentieverklaring for 3 (no partner), and the
  // 4 cooperation templates (samenstelling, statuten, auditrapport, oprichting).
  ASSERT_EQ(jobs.size(), 4u + 3u + 4u);
  std::string list = "[";
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    auto& j = jobs[i];
    std::string base = dir_ + "/" + j.name;
    std::string tpl(documents::shippedBytes(j.name.substr(0, j.name.find('-')) + ".docx"));
    std::ofstream(base + ".docx", std::ios::binary) << tpl;
    std::ofstream(base + ".json", std::ios::binary) << j.data;
    j.ours = docs::Template::compile(tpl).render(parseJson(j.data));
    list += std::string(i ? "," : "") + "{\"template\":\"" + base + ".docx\",\"data\":\"" + base + ".json\",\"out\":\"" +
            base + ".theirs.docx\"}";
  }
  list += "]";
  std::ofstream(dir_ + "/jobs.json") << list;
  std::string cmd = "node '" + nodeDir + "/render.js' '" + dir_ + "/jobs.json'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  for (auto& j : jobs) {
    j.theirs = slurp(dir_ + "/" + j.name + ".theirs.docx");
    for (const char* part : {"word/document.xml", "word/header1.xml", "word/footer1.xml"}) {
      std::string a = docs::test::readPart(j.ours, part), b = docs::test::readPart(j.theirs, part);
      auto pa = docs::test::docxParagraphs(a), pb = docs::test::docxParagraphs(b);
      EXPECT_EQ(docs::test::join(pa, "\u00b6"), docs::test::join(pb, "\u00b6")) << j.name << " " << part;
      EXPECT_GE(pa.size(), 1u) << j.name << " " << part;
      auto ra = docs::test::docxTableRows(a), rb = docs::test::docxTableRows(b);
      ASSERT_EQ(ra.size(), rb.size()) << j.name;
      for (std::size_t k = 0; k < ra.size(); ++k) EXPECT_EQ(docs::test::join(ra[k]), docs::test::join(rb[k])) << j.name;
    }
  }
}

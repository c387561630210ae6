// The data contract's "in_werking" of a governing document is governance's
// answer (document.in-force), not a definition of its own (issue 14: the
// documents took status in_werking/vervangen and the dates, so a version that
// every gemeenteraad approved with an effective date in the past, never set
// to in_werking by hand, was missing from the statuten document).
#include "DocumentsFixture.hpp"

#include <fstream>

using namespace igsgov;
using igsgov::testing::DocumentsFixture;

namespace {

class StatutenInForce : public DocumentsFixture {
protected:
  // The documents' "in_werking" of every governing document of the cooperation
  // on `date`, as "<document>=<value>;" in the contract's order.
  std::string fromDocuments(const std::string& date) {
    std::string tpl = dir_ + "/in-werking.html";
    std::ofstream(tpl) << "<p>{#documenten}{id}={in_werking};{/documenten}</p>\n";
    auto out = generate(R"("template":")" + tpl + R"(","cooperation":"igs-cultuur-va","format":"html","as_of":")" +
                        date + "\"");
    std::string html = slurp(out->getArray("documents")->getObject(0)->getValue<std::string>("path"));
    auto begin = html.find("<p>"), end = html.find("</p>");
    return html.substr(begin + 3, end - begin - 3);
  }
  // The same from governance's document.in-force, document by document.
  std::string fromGovernance(const std::string& date) {
    std::string all;
    for (const char* doc : {"va-reglement", "va-statuten"}) {
      auto out = run("document.in-force", std::string(R"({"document":")") + doc + R"(","as_of":")" + date + "\"}");
      all += std::string(doc) + "=" +
             (out->has("in_force") ? "versie " + out->getObject("in_force")->getValue<std::string>("label")
                                   : std::string("geen versie")) +
             ";";
    }
    return all;
  }
};

}  // namespace

TEST_F(StatutenInForce, TheDocumentsNameTheVersionGovernanceHasInForce) {
  // A second version, effective 2024-01-01, approved by every gemeenteraad in
  // 2023: governance moves it to goedgekeurd by itself; nobody sets in_werking.
  run("document.file", R"({"version_id":"va-statuten-2021","path":")" + dir_ + R"(/statuten.docx"})");
  run("document.add-version", R"({"id":"va-statuten-2024","document":"va-statuten","label":"statuten 2024",
      "path":")" + dir_ + R"(/statuten.docx","effective_from":"2024-01-01","status":"voorgelegd"})");
  auto pending = run("approval.pending", R"({"version_id":"va-statuten-2024","as_of":"2024-01-01"})")->getArray("pending");
  ASSERT_GT(pending->size(), 1u);
  for (std::size_t i = 0; i < pending->size(); ++i)
    run("approval.record", R"({"version_id":"va-statuten-2024","council":"gemeenteraad","date":"2023-12-01",
        "outcome":"goedgekeurd","member":")" + pending->getObject(static_cast<unsigned>(i))->getValue<std::string>("member") + "\"}");
  EXPECT_NE(fromGovernance("2024-06-01").find("va-statuten=versie statuten 2024;"), std::string::npos);

  for (const char* date : {"2020-06-01", "2022-06-01", "2023-12-31", "2024-01-01", "2024-06-01"}) {
    SCOPED_TRACE(date);
    EXPECT_EQ(fromDocuments(date), fromGovernance(date));
  }
}

// Markup in register data stays text in generated documents (issue 13): a
// person named "<script>…" gets no script, link or broken table into the
// Markdown or HTML a shipped template makes. The Markdown is rendered to HTML
// by cmark-gfm (GitHub's CommonMark, tables on, raw HTML kept) to see what a
// reader would get.
#include "DocumentsFixture.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

using namespace igsgov;
using namespace igsgov::testing;

namespace {

const char* kHostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> Tom & Jerry *vet* _schuin_ "
                       "[klik](javascript:alert(3)) a|b `code` ~weg~ \\";

std::string cmarkGfm(const std::string& markdown) {
  Poco::Pipe in, out;
  auto ph = Poco::Process::launch("cmark-gfm", {"--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"},
                                  &in, &out, nullptr);
  Poco::PipeOutputStream os(in);
  os << markdown;
  os.close();
  Poco::PipeInputStream is(out);
  std::string html;
  Poco::StreamCopier::copyToString(is, html);
  EXPECT_EQ(ph.wait(), 0);
  return html;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

class MarkupInData : public DocumentsFixture {
protected:
  void SetUp() override {
    DocumentsFixture::SetUp();
    // A person who sits in the board on the day, renamed to markup.
    auto comp = run("body.composition", R"({"body":"igs-cultuur-va-rvb","as_of":"2023-06-01"})");
    mandates_ = comp->getArray("mandates")->size();
    ASSERT_GT(mandates_, 1u);
    std::string person = comp->getArray("mandates")->getObject(0)->getObject("person")->getValue<std::string>("id");
    auto in = newObject();
    in->set("id", person);
    in->set("name", std::string(kHostile));
    in->set("reason", "test");
    ops::Caller caller;
    caller.actor = "test";
    session_->execute("person.correct", in, caller);
  }
  std::string generated(const std::string& format) {
    auto out = generate(R"("template":"samenstelling","cooperation":"igs-cultuur-va","format":")" + format +
                        R"(","as_of":"2023-06-01")");
    return slurp(out->getArray("documents")->getObject(0)->getValue<std::string>("path"));
  }
  std::size_t mandates_ = 0;
};

}  // namespace

TEST_F(MarkupInData, ShippedMarkdownTemplateShowsItAsText) {
  std::string md = generated("md");
  EXPECT_EQ(md.find("<script"), std::string::npos) << md;
  EXPECT_EQ(md.find("<img"), std::string::npos) << md;
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << md;

  std::string html = cmarkGfm(md);
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  EXPECT_EQ(html.find("<em>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<strong>vet"), std::string::npos) << html;
  EXPECT_EQ(html.find("<code>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<del>"), std::string::npos) << html;
  // The name is shown as written, in its own cell: the '|' did not split the row.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; Tom &amp; Jerry *vet* "
                      "_schuin_ [klik](javascript:alert(3)) a|b `code` ~weg~ \\"),
            std::string::npos)
      << html;
  EXPECT_EQ(count(html, "<tr>"), mandates_ + 1) << html;  // header and one row per mandate
  EXPECT_EQ(count(html, "<td>"), mandates_ * 7) << html;
}

TEST_F(MarkupInData, ShippedHtmlTemplateShowsItAsText) {
  std::string html = generated("html");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; Tom &amp; Jerry"),
            std::string::npos)
      << html;
}

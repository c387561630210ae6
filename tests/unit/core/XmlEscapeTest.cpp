// What each context escapes, checked against Poco's XML parser: the text and
// the attribute value read back exactly as written, CR, tab and line feed too.
#include "core/XmlEscape.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>

#include <gtest/gtest.h>

using namespace igsgov;

namespace {

const std::string kAwkward = "a & b < c > d \"e\" 'f' ]]> g\r\nh\ti\nj\r";

Poco::AutoPtr<Poco::XML::Document> parse(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

}  // namespace

TEST(XmlEscape, TextEscapesWhatContentNeeds) {
  EXPECT_EQ(xmlText("a&b<c>d\"e'f\tg\nh\ri"), "a&amp;b&lt;c&gt;d&quot;e'f\tg\nh&#13;i");
  EXPECT_EQ(xmlText("gewoon"), "gewoon");
}

TEST(XmlEscape, AttributeEscapesQuotesAndWhitespaceToo) {
  EXPECT_EQ(xmlAttribute("a&b<c>d\"e'f\tg\nh\ri"), "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i");
}

TEST(XmlEscape, BothReadBackExactly) {
  auto doc = parse("<r a=\"" + xmlAttribute(kAwkward) + "\" b='" + xmlAttribute(kAwkward) + "'>" + xmlText(kAwkward) +
                   "</r>");
  auto* r = doc->documentElement();
  EXPECT_EQ(r->getAttribute("a"), kAwkward);
  EXPECT_EQ(r->getAttribute("b"), kAwkward);
  EXPECT_EQ(r->innerText(), kAwkward);
}

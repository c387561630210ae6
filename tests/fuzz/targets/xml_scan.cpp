// Fuzz target "xml_scan": the template engine's XML tokenizer (docs/XmlScan)
// on any bytes, as the XML of a DOCX or ODT part.
//
// Beyond "no crash, a clean Error or tokens", it checks what the template
// compiler relies on:
//  - the tokens cover the input without gap or overlap, in order; open and
//    close tags nest; names lie inside their token;
//  - the character data of text tokens decodes (xmlUnescape) to UTF-8
//    whenever the part is UTF-8, and escaping the decoded text and decoding
//    it again gives it back;
//  - whatever a conforming XML parser (Poco's SAX parser, expat, namespaces
//    off, no DTD) accepts with one root element, the scanner accepts too, with
//    the same elements in the same order (the scanner may refuse more: a
//    DOCTYPE, more than kMaxXmlDepth levels).
#include "FuzzSupport.hpp"
#include "core/XmlEscape.hpp"
#include "docs/Limits.hpp"
#include "docs/XmlScan.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLException.h>

#include <sstream>
#include <vector>

using namespace igsgov;
using namespace igsgov::docs;

namespace {

// The element structure as a list: "+name" for a start, "-name" for an end.
class Structure : public Poco::XML::ContentHandler {
public:
  std::vector<std::string> events;
  bool doctype = false;
  void setDocumentLocator(const Poco::XML::Locator*) override {}
  void startDocument() override {}
  void endDocument() override {}
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes&) override {
    events.push_back("+" + qname);
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& qname) override {
    events.push_back("-" + qname);
  }
  void characters(const Poco::XML::XMLChar[], int, int) override {}
  void ignorableWhitespace(const Poco::XML::XMLChar[], int, int) override {}
  void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void endPrefixMapping(const Poco::XML::XMLString&) override {}
  void skippedEntity(const Poco::XML::XMLString&) override {}
};

// The structure expat sees, or nothing when it refuses the text.
std::optional<std::vector<std::string>> expatStructure(std::string_view xml) {
  // A DOCTYPE (which the scanner refuses by design) is left to the scanner.
  if (xml.find("<!DOCTYPE") != std::string_view::npos) return std::nullopt;
  Structure s;
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&s);
  try {
    std::istringstream in{std::string(xml)};
    Poco::XML::InputSource source(in);
    parser.parse(&source);
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
  return s.events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view xml = fuzz::text(data, size);
  std::vector<XmlToken> tokens;
  bool scanned = fuzz::refuse("scanXml", [&] { tokens = scanXml(xml, "word/document.xml"); });

  auto expat = expatStructure(xml);
  if (!scanned) {
    // Refused: fine, unless a conforming parser read it as a document within the depth cap.
    if (expat) {
      std::size_t depth = 0, deepest = 0;
      for (const auto& e : *expat) {
        if (e[0] == '+') deepest = std::max(deepest, ++depth);
        else --depth;
      }
      if (deepest <= kMaxXmlDepth) fuzz::finding("scanXml refused XML that expat reads as well-formed");
    }
    return 0;
  }

  std::size_t at = 0;
  std::vector<std::string_view> open;
  std::vector<std::string> events;
  bool utf8 = fuzz::validUtf8(xml);
  for (const auto& t : tokens) {
    fuzz::require(t.begin == at && t.end > t.begin && t.end <= xml.size(), "tokens do not tile the input");
    at = t.end;
    std::string_view raw = xml.substr(t.begin, t.end - t.begin);
    switch (t.kind) {
      case XmlToken::open:
      case XmlToken::empty:
      case XmlToken::close: {
        fuzz::require(!t.name.empty() || t.kind == XmlToken::close, "element without a name");
        fuzz::require(t.name.data() >= raw.data() && t.name.data() + t.name.size() <= raw.data() + raw.size(),
                      "element name outside its token");
        if (t.kind == XmlToken::open) open.push_back(t.name);
        if (t.kind == XmlToken::close) {
          fuzz::require(!open.empty() && open.back() == t.name, "close tag does not match");
          open.pop_back();
        }
        if (t.kind != XmlToken::close) events.push_back("+" + std::string(t.name));
        if (t.kind != XmlToken::open) events.push_back("-" + std::string(t.name));
        bool found = false;
        std::string value;
        fuzz::refuse("attributeValue", [&] { value = attributeValue(raw, "w:val", &found); });
        if (found && utf8) fuzz::require(fuzz::validUtf8(value), "attribute value decodes to invalid UTF-8");
        break;
      }
      case XmlToken::text: {
        std::string decoded;
        if (!fuzz::refuse("xmlUnescape", [&] { decoded = xmlUnescape(raw, "word/document.xml", t.begin); })) break;
        if (utf8) fuzz::require(fuzz::validUtf8(decoded), "character data decodes to invalid UTF-8");
        std::string again = xmlUnescape(xmlText(decoded), "", 0);
        fuzz::require(again == decoded, "xmlText/xmlUnescape do not round-trip");
        break;
      }
      case XmlToken::other: break;
    }
  }
  fuzz::require(at == xml.size(), "tokens end before the input");
  fuzz::require(open.empty(), "elements left open");
  if (expat) fuzz::require(*expat == events, "scanXml and expat see different elements");
  return 0;
}

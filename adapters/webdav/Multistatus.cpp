#include "adapters/webdav/Multistatus.hpp"

#include "core/Error.hpp"
#include "core/XmlEscape.hpp"

#include <Poco/NumberParser.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/String.h>

#include "adapters/common/Adapter.hpp"

#include <istream>

namespace igsgov::adapters::webdav {
namespace {

const std::string davNs = "DAV:";
const std::string ocNs = "http://owncloud.org/ns";
const std::string igsNs = igsgov::adapters::propertyNamespace;

class Handler : public Poco::XML::ContentHandler, public Poco::XML::LexicalHandler {
public:
  explicit Handler(const std::function<void(PropResponse&&)>& cb) : cb_(cb) {}

  MultistatusInfo info;

  void setDocumentLocator(const Poco::XML::Locator*) override {}
  void startDocument() override {}
  void endDocument() override {}
  void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void endPrefixMapping(const Poco::XML::XMLString&) override {}
  void ignorableWhitespace(const Poco::XML::XMLChar[], int, int) override {}
  void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void skippedEntity(const Poco::XML::XMLString&) override {}

  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    throw Poco::XML::SAXNotSupportedException("DOCTYPE not allowed in a multistatus response");
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes&) override {
    text_.clear();
    if (uri == davNs) {
      if (local == "response") {
        inResponse_ = true;
        current_ = PropResponse();
      } else if (local == "propstat" && inResponse_) {
        inPropstat_ = true;
        pending_ = PropResponse();
        propstatStatus_ = 0;
      } else if (local == "collection" && inPropstat_) {
        pending_.isCollection = true;
      } else if (local == "sync-collection" && inPropstat_) {
        pending_.syncCollectionReport = true;  // inside supported-report-set/supported-report/report
      } else if (local == "number-of-matches-within-limits") {
        info.truncated = true;
      }
    }
  }

  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    if (uri == ocNs && local == "checksums" && inPropstat_) {
      // "SHA1:.. MD5:.. SHA256:.." (ownCloud/Nextcloud style)
      std::string all = text_;
      auto pos = Poco::toUpper(all).find("SHA256:");
      if (pos != std::string::npos) {
        std::string hex = all.substr(pos + 7, 64);
        if (hex.size() == 64) pending_.sha256 = Poco::toLower(hex);
      }
    }
    if (uri == igsNs && inPropstat_) pending_.igsProps[local] = text_;
    if (uri != davNs) return;
    if (!inResponse_) {
      if (local == "sync-token") info.syncToken = Poco::trim(text_);
      text_.clear();
      return;
    }
    if (local == "href" && !inPropstat_) {
      current_.href = Poco::trim(text_);
    } else if (local == "status") {
      int code = statusCode(text_);
      if (inPropstat_) propstatStatus_ = code;
      else current_.status = code;
    } else if (inPropstat_ && local == "getetag") {
      pending_.etag = Poco::trim(text_);
    } else if (inPropstat_ && local == "getcontentlength") {
      Poco::UInt64 n = 0;
      if (Poco::NumberParser::tryParseUnsigned64(Poco::trim(text_), n)) pending_.contentLength = n;
    } else if (inPropstat_ && local == "getlastmodified") {
      pending_.lastModified = Poco::trim(text_);
    } else if (local == "propstat") {
      inPropstat_ = false;
      current_.propstatStatuses.push_back(propstatStatus_);
      if (propstatStatus_ >= 200 && propstatStatus_ < 300) {
        for (auto& [k, v] : pending_.igsProps) current_.igsProps[k] = std::move(v);
        current_.hasProps = true;
        if (pending_.isCollection) current_.isCollection = true;
        if (pending_.contentLength) current_.contentLength = pending_.contentLength;
        if (!pending_.etag.empty()) current_.etag = pending_.etag;
        if (!pending_.lastModified.empty()) current_.lastModified = pending_.lastModified;
        if (!pending_.sha256.empty()) current_.sha256 = pending_.sha256;
        if (pending_.syncCollectionReport) current_.syncCollectionReport = true;
      }
    } else if (local == "response") {
      inResponse_ = false;
      ++info.responses;
      if (current_.status == 507) {
        if (!info.truncated || info.truncatedHref.empty()) info.truncatedHref = current_.href;
        info.truncated = true;
      }
      cb_(std::move(current_));
      current_ = PropResponse();
    }
    text_.clear();
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (text_.size() < 8192) text_.append(ch + start, static_cast<std::size_t>(length));
  }

private:
  static int statusCode(const std::string& line) {
    // "HTTP/1.1 200 OK"
    auto sp = line.find(' ');
    if (sp == std::string::npos) return 0;
    int code = 0;
    Poco::NumberParser::tryParse(line.substr(sp + 1, 3), code);
    return code;
  }

  const std::function<void(PropResponse&&)>& cb_;
  PropResponse current_, pending_;
  std::string text_;
  bool inResponse_ = false, inPropstat_ = false;
  int propstatStatus_ = 0;
};

}  // namespace

MultistatusInfo parseMultistatus(std::istream& in, const std::function<void(PropResponse&&)>& onResponse) {
  Handler handler(onResponse);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                     static_cast<Poco::XML::LexicalHandler*>(&handler));
  Poco::XML::InputSource source(in);
  try {
    parser.parse(&source);
  } catch (const Error&) {
    throw;
  } catch (const Poco::XML::SAXParseException& e) {
    throw Error(ErrorCode::io, "ongeldig WebDAV-antwoord (XML): " + e.message(),
                Place().set("line", std::to_string(e.getLineNumber())).set("column", std::to_string(e.getColumnNumber())));
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "ongeldig WebDAV-antwoord (XML): " + e.displayText());
  }
  return handler.info;
}

namespace {

const char* const xmlHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

// The <D:prop> element listings ask for (both PROPFIND and sync-collection).
std::string listingProps(bool withEtag) {
  return std::string("<D:prop><D:resourcetype/>") + (withEtag ? "<D:getetag/>" : "") +
         "<D:getcontentlength/><D:getlastmodified/></D:prop>";
}

}  // namespace

const std::string& propfindBody(bool withEtag) {
  static const std::string body = xmlHead + ("<D:propfind xmlns:D=\"DAV:\">" + listingProps(true) + "</D:propfind>\n");
  static const std::string noEtag = xmlHead + ("<D:propfind xmlns:D=\"DAV:\">" + listingProps(false) + "</D:propfind>\n");
  return withEtag ? body : noEtag;
}

const std::string& propfindReportsBody() {
  static const std::string body = std::string(xmlHead) +
                                  "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/><D:supported-report-set/>"
                                  "</D:prop></D:propfind>\n";
  return body;
}

std::string syncCollectionBody(const std::string& token, std::size_t limit, bool withEtag) {
  std::string out = std::string(xmlHead) + "<D:sync-collection xmlns:D=\"DAV:\">";
  out += token.empty() ? "<D:sync-token/>" : "<D:sync-token>" + xmlText(token) + "</D:sync-token>";
  out += "<D:sync-level>1</D:sync-level>";
  if (limit > 0) out += "<D:limit><D:nresults>" + std::to_string(limit) + "</D:nresults></D:limit>";
  out += listingProps(withEtag) + "</D:sync-collection>\n";
  return out;
}

const std::string& propfindAllBody() {
  static const std::string body =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>\n";
  return body;
}

std::string proppatchBody(const std::string& ns, const std::map<std::string, std::string>& props) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:I=\"" + xmlAttribute(ns) + "\">";
  // One <D:set> (or <D:remove>) per property: lighttpd 1.4.69 stores only the first property of a <D:prop>.
  for (const auto& [name, value] : props) {
    if (value.empty())
      out += "<D:remove><D:prop><I:" + name + "/></D:prop></D:remove>";
    else
      out += "<D:set><D:prop><I:" + name + ">" + xmlText(value) + "</I:" + name + "></D:prop></D:set>";
  }
  out += "</D:propertyupdate>\n";
  return out;
}

}  // namespace igsgov::adapters::webdav

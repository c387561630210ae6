#include "governance/TextExtract.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"
#include "docs/ZipPackage.hpp"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/StringTokenizer.h>

#include <sstream>

namespace igsgov::governance {

namespace {

const char* const kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* const kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

[[noreturn]] void tooMuchText(Place place = {}) {
  throwInvalid("de tekst van dit document is te groot om te vergelijken: meer dan " + mib(kMaxTextBytes) +
                   " (grens: " + std::to_string(kMaxTextBytes) + " bytes tekst per document)",
               place.set("limit", "tekst per document: " + std::to_string(kMaxTextBytes) + " bytes"));
}

// Collapses runs of white space to one space and trims.
std::string normalise(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

class ParagraphHandler : public Poco::XML::ContentHandler, public Poco::XML::LexicalHandler {
public:
  explicit ParagraphHandler(FileKind kind) : kind_(kind) {}
  std::vector<std::string> paragraphs;

  void setDocumentLocator(const Poco::XML::Locator*) override {}
  void startDocument() override {}
  void endDocument() override {}
  void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void endPrefixMapping(const Poco::XML::XMLString&) override {}
  void ignorableWhitespace(const Poco::XML::XMLChar[], int, int) override {}
  void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void skippedEntity(const Poco::XML::XMLString& name) override {
    throw Poco::XML::SAXNotSupportedException("entity not allowed: " + name);
  }

  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes& attrs) override {
    if (kind_ == FileKind::docx && uri == kW) {
      if (local == "p") openParagraph();
      else if (local == "t") inText_ = true;
      else if ((local == "tab" || local == "br" || local == "cr") && !open_.empty()) space();
    } else if (kind_ == FileKind::odt && uri == kText) {
      if (local == "p" || local == "h") {
        openParagraph();
        ++textDepth_;
      } else if ((local == "s" || local == "tab" || local == "line-break") && !open_.empty()) {
        space();
      }
    }
  }

  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local, const Poco::XML::XMLString&) override {
    if (kind_ == FileKind::docx && uri == kW) {
      if (local == "p") close();
      else if (local == "t") inText_ = false;
    } else if (kind_ == FileKind::odt && uri == kText && (local == "p" || local == "h")) {
      close();
      --textDepth_;
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (open_.empty()) return;
    if (kind_ == FileKind::docx && !inText_) return;
    if (kind_ == FileKind::odt && textDepth_ == 0) return;
    count(static_cast<std::size_t>(length));
    open_.back().append(ch + start, static_cast<std::size_t>(length));
  }

  // Lexical: any DOCTYPE is refused (no DTD, no entities).
  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    throw Poco::XML::SAXNotSupportedException("DOCTYPE");
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString& name) override {
    throw Poco::XML::SAXNotSupportedException("entity not allowed: " + name);
  }
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

private:
  void openParagraph() {
    if (open_.size() >= static_cast<std::size_t>(kMaxNesting))
      throwInvalid("paragrafen zijn te diep in elkaar genest (meer dan " + std::to_string(kMaxNesting) + " niveaus)",
                   Place().set("limit", "nesting van paragrafen: " + std::to_string(kMaxNesting)));
    open_.emplace_back();
  }
  void space() {
    count(1);
    open_.back() += ' ';
  }
  // Every byte of text counts, before white space is collapsed: the cap
  // bounds what the open paragraphs hold, not only what is kept.
  void count(std::size_t n) {
    text_ += n;
    if (text_ > kMaxTextBytes) tooMuchText();
  }
  void close() {
    if (open_.empty()) return;
    std::string p = normalise(open_.back());
    open_.pop_back();
    if (p.empty()) return;
    if (paragraphs.size() >= kMaxParagraphs)
      throwInvalid("het document heeft te veel paragrafen om te vergelijken (meer dan " + std::to_string(kMaxParagraphs) + ")",
                   Place().set("limit", "paragrafen per document: " + std::to_string(kMaxParagraphs)));
    paragraphs.push_back(std::move(p));
  }

  FileKind kind_;
  std::vector<std::string> open_;  // nested paragraphs (text boxes, notes)
  bool inText_ = false;
  int textDepth_ = 0;
  std::size_t text_ = 0;
};

std::vector<std::string> pdfParagraphs(const std::string& bytes, const std::string& source) {
  std::string program = findPdfToText();
  if (program.empty())
    throw Error(ErrorCode::unsupported,
                "de tekst van een PDF vergelijken vraagt het programma pdftotext (Debian-pakket poppler-utils), "
                "maar het is niet geïnstalleerd; installeer het of vergelijk de DOCX- of ODT-versies",
                Place().set("file", source));
  TempDir dir;  // private (0700), removed with its content when it goes out of scope
  const std::string input = dir.path() + "/document.pdf";
  writeFileAtomically(input, bytes);
  Poco::Pipe outPipe, errPipe;
  std::string text, err;
  int rc = 0;
  bool tooLarge = false;
  try {
    auto ph = Poco::Process::launch(program, {"-enc", "UTF-8", "-q", input, "-"}, nullptr, &outPipe, &errPipe);
    Poco::PipeInputStream out(outPipe), errs(errPipe);
    // At most the text cap (plus one byte to know it was passed); then the
    // program is stopped rather than read to its end.
    char buf[16384];
    while (out.read(buf, sizeof buf) || out.gcount() > 0) {
      text.append(buf, static_cast<std::size_t>(out.gcount()));
      if (text.size() > kMaxTextBytes) {
        tooLarge = true;
        Poco::Process::kill(ph);
        break;
      }
    }
    while (!tooLarge && (errs.read(buf, sizeof buf) || errs.gcount() > 0) && err.size() < 4096)
      err.append(buf, static_cast<std::size_t>(errs.gcount()));
    rc = ph.wait();
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "pdftotext kon niet gestart worden: " + e.displayText(), Place().set("file", source));
  }
  if (tooLarge) tooMuchText(Place().set("file", source));
  if (rc != 0)
    throwInvalid("pdftotext kan de tekst van deze PDF niet lezen (code " + std::to_string(rc) + ")" +
                     (err.empty() ? "" : ": " + normalise(err)),
                 Place().set("file", source));
  std::vector<std::string> out;
  std::string current;
  std::istringstream is(text);
  std::string line;
  auto flush = [&] {
    auto p = normalise(current);
    if (!p.empty()) out.push_back(p);
    current.clear();
  };
  while (std::getline(is, line)) {
    // A form feed starts a new page: it ends the paragraph.
    std::size_t ff;
    while ((ff = line.find('\f')) != std::string::npos) {
      current += " " + line.substr(0, ff);
      flush();
      line = line.substr(ff + 1);
    }
    if (normalise(line).empty()) flush();
    else current += " " + line;
  }
  flush();
  return out;
}

}  // namespace

namespace {

std::vector<std::string> paragraphsOfStream(std::istream& xml, FileKind kind, const std::string& part) {
  ParagraphHandler handler(kind);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&handler));
  Poco::XML::InputSource source(xml);
  try {
    parser.parse(&source);
  } catch (const Error& e) {
    Place p = e.place();
    p.set("part", part);
    throw Error(e.errorCode(), e.message(), p);
  } catch (const Poco::XML::SAXParseException& e) {
    throwInvalid("onleesbare XML: " + e.message(),
                 Place().set("part", part).set("line", std::to_string(e.getLineNumber()))
                     .set("column", std::to_string(e.getColumnNumber())));
  } catch (const Poco::XML::SAXNotSupportedException& e) {
    throwInvalid(e.message() == "DOCTYPE" ? "een DOCTYPE of DTD-declaratie is niet toegestaan"
                                          : "niet toegestaan in een document: " + e.message(),
                 Place().set("part", part));
  } catch (const Poco::Exception& e) {
    throwInvalid("onleesbare XML: " + e.displayText(), Place().set("part", part));
  }
  return handler.paragraphs;
}

}  // namespace

std::vector<std::string> paragraphsOfXml(const std::string& xml, FileKind kind, const std::string& part) {
  // Cheap pre-check; the SAX handler refuses a DOCTYPE too.
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    throwInvalid("een DOCTYPE of DTD-declaratie is niet toegestaan", Place().set("part", part));
  std::istringstream in(xml);
  return paragraphsOfStream(in, kind, part);
}

std::vector<std::string> extractParagraphs(const std::string& bytes, FileKind kind, const std::string& source) {
  if (kind == FileKind::pdf) return pdfParagraphs(bytes, source);
  docs::ZipLimits limits;
  limits.maxEntrySize = 32u << 20;
  limits.maxTotalSize = 128u << 20;
  docs::ZipReader zip(bytes, limits, source);
  const std::string part = kind == FileKind::docx ? "word/document.xml" : "content.xml";
  const auto* entry = zip.find(part);
  if (!entry) throwInvalid("het document heeft geen " + part, Place().set("file", source).set("part", part));
  try {
    auto xml = zip.stream(*entry);
    return paragraphsOfStream(*xml, kind, part);
  } catch (const Error& e) {
    Place p = e.place();
    p.set("file", source);
    throw Error(e.errorCode(), e.message(), p);
  }
}

std::string findPdfToText() {
  if (Poco::Environment::has("IGSGOV_PDFTOTEXT")) {
    std::string p = Poco::Environment::get("IGSGOV_PDFTOTEXT");
    Poco::File f(p);
    return !p.empty() && f.exists() && f.canExecute() ? p : "";
  }
  std::string path = Poco::Environment::get("PATH", "/usr/bin:/bin");
  Poco::StringTokenizer dirs(path, ":", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const auto& d : dirs) {
    Poco::Path candidate(d, "pdftotext");
    Poco::File f(candidate);
    if (f.exists() && f.isFile() && f.canExecute()) return candidate.toString();
  }
  return "";
}

}  // namespace igsgov::governance

#include "DocFixtures.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/DOM/Text.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/XML/XMLString.h>

#include <zip.h>

#include <functional>
#include <sstream>
#include <stdexcept>

namespace igsgov::docs::test {

std::string makeZip(const Entries& entries, bool storeFirst) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!src) throw std::runtime_error("zip source");
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip open");
  bool first = true;
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) throw std::runtime_error("zip add " + name);
    zip_set_file_compression(za, idx, (first && storeFirst) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    first = false;
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip close");
  zip_stat_t st;
  zip_source_stat(src, &st);
  std::string out(st.size, '\0');
  zip_source_open(src);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

Entries readZip(const std::string& zip) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_source_free(src);
    throw std::runtime_error("not a valid zip");
  }
  Entries out;
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    zip_file_t* f = zip_fopen_index(za, i, 0);
    std::string data(st.size, '\0');
    zip_int64_t got = zip_fread(f, data.data(), data.size());
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("short read");
    out.emplace_back(st.name, std::move(data));
  }
  zip_close(za);
  return out;
}

std::string readPart(const std::string& zip, const std::string& name) {
  for (auto& [n, d] : readZip(zip))
    if (n == name) return d;
  throw std::runtime_error("no part " + name);
}

std::string p(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string r(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string para(const std::string& text) { return p(r(text)); }

namespace {

void put(Entries& entries, const Entries& parts) {
  for (const auto& [name, data] : parts) {
    bool replaced = false;
    for (auto& e : entries)
      if (e.first == name) {
        e.second = data;
        replaced = true;
      }
    if (!replaced) entries.emplace_back(name, data);
  }
}

}  // namespace

std::string makeDocx(const std::string& body, const Entries& parts) {
  const std::string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  Entries e = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
       "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
       "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
       "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
       "</Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
       "</Relationships>"},
      {"word/_rels/document.xml.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rIdH1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
       "<Relationship Id=\"rIdF1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
       "</Relationships>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W +
           "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" + body +
           "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
           "<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/></w:sectPr></w:body></w:document>"},
      {"word/header1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"" + W +
                               "\">" + para("Koptekst") + "</w:hdr>"},
      {"word/footer1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"" + W +
                               "\">" + para("Voettekst") + "</w:ftr>"},
      {"docProps/core.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Brief</dc:title></cp:coreProperties>"},
  };
  put(e, parts);
  return makeZip(e);
}

std::string makeOdt(const std::string& body, const Entries& parts) {
  const std::string ns =
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\"";
  Entries e = {
      {"mimetype", "application/vnd.oasis.opendocument.text"},
      {"META-INF/manifest.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
       "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
       "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
       "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
       "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
       "</manifest:manifest>"},
      {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ns +
                          "><office:body><office:text>" + body +
                          "</office:text></office:body></office:document-content>"},
      {"styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " + ns +
                         "><office:master-styles><style:master-page style:name=\"Standard\">"
                         "<style:header><text:p>Koptekst</text:p></style:header>"
                         "</style:master-page></office:master-styles></office:document-styles>"},
      {"meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " + ns +
                       "><office:meta><meta:generator>igsgov-test</meta:generator></office:meta>"
                       "</office:document-meta>"},
  };
  put(e, parts);
  return makeZip(e, true);
}

namespace {

using Poco::XML::Element;
using Poco::XML::Node;

Poco::AutoPtr<Poco::XML::Document> parse(const std::string& xml) {
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  return parser.parseString(xml);
}

void textOf(Node* n, std::string& out, bool docx) {
  for (Node* c = n->firstChild(); c; c = c->nextSibling()) {
    if (c->nodeType() == Node::TEXT_NODE) {
      if (!docx) out += Poco::XML::fromXMLString(c->nodeValue());
      continue;
    }
    if (c->nodeType() != Node::ELEMENT_NODE) continue;
    const std::string name = Poco::XML::fromXMLString(c->nodeName());
    if (docx) {
      if (name == "w:t") {
        for (Node* t = c->firstChild(); t; t = t->nextSibling())
          if (t->nodeType() == Node::TEXT_NODE) out += Poco::XML::fromXMLString(t->nodeValue());
        continue;
      }
      if (name == "w:br" || name == "w:cr") out += "\n";
      else if (name == "w:tab") out += "\t";
      else if (name == "w:del" || name == "w:p" || name == "w:tbl") continue;
    } else {
      if (name == "text:line-break") out += "\n";
      else if (name == "text:tab") out += "\t";
      else if (name == "text:s") out += " ";
      else if (name == "text:p" || name == "text:h") continue;
    }
    textOf(c, out, docx);
  }
}

void collect(Node* n, const std::string& name, std::vector<Node*>& out) {
  for (Node* c = n->firstChild(); c; c = c->nextSibling()) {
    if (c->nodeType() != Node::ELEMENT_NODE) continue;
    const std::string cn = Poco::XML::fromXMLString(c->nodeName());
    if (cn == name) out.push_back(c);
    collect(c, name, out);
  }
}

}  // namespace

std::vector<std::string> docxParagraphs(const std::string& partXml) {
  auto doc = parse(partXml);
  std::vector<Node*> ps;
  collect(doc, "w:p", ps);
  std::vector<std::string> out;
  for (Node* n : ps) {
    std::string s;
    textOf(n, s, true);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> odtParagraphs(const std::string& contentXml) {
  auto doc = parse(contentXml);
  std::vector<Node*> ps;
  collect(doc, "text:p", ps);
  // text:h too, in document order: collect both then keep document order.
  std::vector<Node*> all;
  std::vector<Node*> hs;
  collect(doc, "text:h", hs);
  if (hs.empty()) all = ps;
  else {
    std::function<void(Node*)> walk = [&](Node* n) {
      for (Node* c = n->firstChild(); c; c = c->nextSibling()) {
        if (c->nodeType() != Node::ELEMENT_NODE) continue;
        std::string cn = Poco::XML::fromXMLString(c->nodeName());
        if (cn == "text:p" || cn == "text:h") all.push_back(c);
        walk(c);
      }
    };
    walk(doc);
  }
  std::vector<std::string> out;
  for (Node* n : all) {
    std::string s;
    textOf(n, s, false);
    out.push_back(s);
  }
  return out;
}

std::vector<std::vector<std::string>> docxTableRows(const std::string& partXml) {
  auto doc = parse(partXml);
  std::vector<Node*> rows;
  collect(doc, "w:tr", rows);
  std::vector<std::vector<std::string>> out;
  for (Node* row : rows) {
    std::vector<std::string> cells;
    for (Node* c = row->firstChild(); c; c = c->nextSibling()) {
      if (c->nodeType() != Node::ELEMENT_NODE || Poco::XML::fromXMLString(c->nodeName()) != "w:tc") continue;
      std::vector<Node*> ps;
      collect(c, "w:p", ps);
      std::string s;
      for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i) s += "\n";
        textOf(ps[i], s, true);
      }
      cells.push_back(s);
    }
    out.push_back(cells);
  }
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

}  // namespace igsgov::docs::test

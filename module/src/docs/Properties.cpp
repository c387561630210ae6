#include "docs/Properties.hpp"

#include "core/Error.hpp"
#include "core/XmlEscape.hpp"
#include "docs/XmlScan.hpp"

#include <algorithm>

namespace igsgov::docs {

void checkPropertyNames(const PropertyMap& props) {
  for (const auto& [name, value] : props) {
    bool ok = !name.empty();
    for (char c : name)
      ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-');
    if (!ok)
      throw Error(ErrorCode::argument,
                  "Ongeldige naam voor een documenteigenschap: '" + name +
                      "' (alleen letters, cijfers, '.', '_' en '-')",
                  Place().set("option", "properties"));
  }
}

namespace {

// Removes every element `<tag ...attr="name"...>...</tag>` naming one of props.
std::string removeNamed(std::string xml, const std::string& tag, const std::string& attr,
                        const PropertyMap& props) {
  std::size_t pos = 0;
  const std::string open = "<" + tag;
  const std::string close = "</" + tag + ">";
  while ((pos = xml.find(open, pos)) != std::string::npos) {
    std::size_t gt = xml.find('>', pos);
    if (gt == std::string::npos) break;
    std::string start = xml.substr(pos, gt + 1 - pos);
    bool found = false;
    std::string name = attributeValue(start, attr, &found);
    std::size_t end;
    if (start.size() >= 2 && start[start.size() - 2] == '/') end = gt + 1;
    else {
      end = xml.find(close, gt);
      end = end == std::string::npos ? std::string::npos : end + close.size();
    }
    if (found && props.count(name) && end != std::string::npos) {
      xml.erase(pos, end - pos);
      continue;
    }
    pos = gt + 1;
  }
  return xml;
}

std::string insertBefore(const std::string& xml, const std::string& marker, const std::string& add) {
  std::size_t pos = xml.rfind(marker);
  if (pos == std::string::npos) return xml;
  std::string out = xml;
  out.insert(pos, add);
  return out;
}

}  // namespace

std::string docxCustomXml(const std::string& existing, const PropertyMap& props) {
  std::string xml = existing;
  if (xml.empty() || xml.find("</Properties>") == std::string::npos) {
    if (xml.find("<Properties") != std::string::npos && xml.find("/>") != std::string::npos &&
        xml.find("</Properties>") == std::string::npos) {
      // <Properties .../>: open it.
      std::size_t p = xml.find("<Properties");
      std::size_t gt = xml.find('>', p);
      if (gt != std::string::npos && xml[gt - 1] == '/') xml.replace(gt - 1, 2, "></Properties>");
    } else {
      xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
          "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"></Properties>";
    }
  }
  xml = removeNamed(xml, "property", "name", props);
  int pid = 1;
  for (std::size_t p = 0; (p = xml.find("pid=\"", p)) != std::string::npos; p += 5) {
    int v = std::atoi(xml.c_str() + p + 5);
    pid = std::max(pid, v);
  }
  std::string add;
  for (const auto& [name, value] : props) {
    add += "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"" +
           std::to_string(++pid) + "\" name=\"" + xmlAttribute(name) + "\"><vt:lpwstr>" +
           xmlText(value) + "</vt:lpwstr></property>";
  }
  return insertBefore(xml, "</Properties>", add);
}

std::string docxAddContentTypeOverride(const std::string& contentTypes) {
  if (contentTypes.find("/docProps/custom.xml") != std::string::npos) return contentTypes;
  return insertBefore(contentTypes, "</Types>",
                      "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/"
                      "vnd.openxmlformats-officedocument.custom-properties+xml\"/>");
}

std::string docxAddCustomRelationship(const std::string& rels) {
  if (rels.find("docProps/custom.xml") != std::string::npos) return rels;
  return insertBefore(rels, "</Relationships>",
                      "<Relationship Id=\"rIdIgsgovCustomProps\" Type=\"http://schemas.openxmlformats.org/"
                      "officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>");
}

std::string odtMetaXml(const std::string& existing, const PropertyMap& props) {
  std::string xml = existing;
  if (xml.empty()) {
    xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\">"
        "<office:meta></office:meta></office:document-meta>";
  }
  std::size_t empty = xml.find("<office:meta/>");
  if (empty != std::string::npos) xml.replace(empty, 14, "<office:meta></office:meta>");
  if (xml.find("</office:meta>") == std::string::npos) {
    std::size_t close = xml.rfind("</office:document-meta>");
    if (close != std::string::npos) xml.insert(close, "<office:meta></office:meta>");
  }
  xml = removeNamed(xml, "meta:user-defined", "meta:name", props);
  std::string add;
  for (const auto& [name, value] : props)
    add += "<meta:user-defined meta:name=\"" + xmlAttribute(name) + "\">" + xmlText(value) +
           "</meta:user-defined>";
  return insertBefore(xml, "</office:meta>", add);
}

std::string odtAddManifestMeta(const std::string& manifest) {
  if (manifest.find("manifest:full-path=\"meta.xml\"") != std::string::npos) return manifest;
  return insertBefore(manifest, "</manifest:manifest>",
                      "<manifest:file-entry manifest:full-path=\"meta.xml\" "
                      "manifest:media-type=\"text/xml\"/>");
}

std::string htmlWithMeta(const std::string& html, const PropertyMap& props) {
  if (props.empty()) return html;
  std::string metas;
  for (const auto& [name, value] : props)
    metas += "\n<meta name=\"" + xmlAttribute(name) + "\" content=\"" + xmlAttribute(value) + "\">";
  // After the opening <head ...> tag when there is one, else at the start.
  std::size_t pos = std::string::npos;
  for (std::size_t p = 0; (p = html.find("<head", p)) != std::string::npos; p += 5) {
    char next = p + 5 < html.size() ? html[p + 5] : '\0';
    if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r') {
      pos = html.find('>', p);
      break;
    }
  }
  std::string out = html;
  if (pos == std::string::npos) out.insert(0, metas.substr(1) + "\n");
  else out.insert(pos + 1, metas);
  return out;
}

std::string markdownWithComment(const std::string& md, const PropertyMap& props) {
  if (props.empty()) return md;
  std::string out = md;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "\n<!--\n";
  for (const auto& [name, value] : props) {
    std::string v = value;
    // "--" would end the comment early.
    for (std::size_t p; (p = v.find("--")) != std::string::npos;) v.replace(p, 2, "- -");
    for (char& c : v)
      if (c == '\n' || c == '\r') c = ' ';
    out += name + ": " + v + "\n";
  }
  out += "-->\n";
  return out;
}

}  // namespace igsgov::docs

// Properties: provenance written into generated documents (internal).
//
// A generated document records where it came from (template hash, journal
// position, as-of date, operation) as custom document properties:
//   DOCX  docProps/custom.xml (<property> with <vt:lpwstr>); the part, its
//         content-type override and its package relationship are added when
//         the template has none;
//   ODT   meta.xml <meta:user-defined>;
//   HTML  <meta name=... content=...> after <head>;
//   Markdown  an HTML comment at the end.
// A property of the same name already in the template is replaced.
//
// Thread safety: pure functions over strings.
#pragma once

#include <map>
#include <string>

namespace igsgov::docs {

using PropertyMap = std::map<std::string, std::string>;

// Throws Error(argument) when a name is not [A-Za-z0-9._-]+.
void checkPropertyNames(const PropertyMap& props);

std::string docxCustomXml(const std::string& existing, const PropertyMap& props);  // existing may be ""
std::string docxAddContentTypeOverride(const std::string& contentTypes);
std::string docxAddCustomRelationship(const std::string& rels);

std::string odtMetaXml(const std::string& existing, const PropertyMap& props);  // existing may be ""
std::string odtAddManifestMeta(const std::string& manifest);

std::string htmlWithMeta(const std::string& html, const PropertyMap& props);
std::string markdownWithComment(const std::string& md, const PropertyMap& props);

}  // namespace igsgov::docs

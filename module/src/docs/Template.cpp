#include "docs/Template.hpp"

#include "core/Sha256.hpp"
#include "docs/Properties.hpp"
#include "docs/TemplateFile.hpp"

#include <Poco/JSON/Array.h>

namespace igsgov::docs {

struct CompiledPart {
  std::string name;
  std::uint64_t index = 0;
  std::time_t mtime = 0;
  PartProgram program;
};

struct CompiledTemplate {
  Format format = Format::markdown;
  std::string bytes;
  std::string sha256;
  std::string source;
  std::vector<CompiledPart> parts;  // zip parts with tags
  PartProgram text;                 // HTML / Markdown
  bool textTemplated = false;
  std::vector<TagUse> tags;
  std::time_t mtime = 0;  // for added entries: the newest template entry's time

  // Provenance: docProps/custom.xml (DOCX) or meta.xml (ODT).
  std::string propsName;
  bool propsExists = false;
  std::uint64_t propsIndex = 0;
  std::time_t propsMtime = 0;
  std::string propsSource;  // inflated original
  int propsPart = -1;       // index into parts when the part holds tags
  // DOCX without custom.xml: patched [Content_Types].xml and _rels/.rels;
  // ODT without meta.xml: patched META-INF/manifest.xml. Every entry that is
  // rewritten keeps the template's time: the same template, data and
  // properties give the same bytes whenever they are rendered.
  struct Patch {
    std::uint64_t index = 0;
    std::string xml;
    std::time_t mtime = 0;
  };
  std::vector<Patch> propsPatches;
};

const char* formatName(Format f) {
  switch (f) {
    case Format::automatic: return "automatic";
    case Format::docx: return "docx";
    case Format::odt: return "odt";
    case Format::html: return "html";
    case Format::markdown: return "markdown";
  }
  return "automatic";
}

Format formatFromPath(const std::string& path) {
  std::size_t dot = path.rfind('.');
  if (dot == std::string::npos) return Format::automatic;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "docx") return Format::docx;
  if (ext == "odt") return Format::odt;
  if (ext == "html" || ext == "htm") return Format::html;
  if (ext == "md" || ext == "markdown") return Format::markdown;
  return Format::automatic;
}

namespace {

bool startsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }
bool endsWith(const std::string& s, const char* p) {
  std::size_t n = std::char_traits<char>::length(p);
  return s.size() >= n && s.compare(s.size() - n, n, p) == 0;
}

// Which zip entries can hold tags, and how their text is found.
bool partKindOf(Format f, const std::string& name, PartKind& kind) {
  if (f == Format::docx) {
    if (name == "word/document.xml" || name == "word/footnotes.xml" || name == "word/endnotes.xml" ||
        ((startsWith(name, "word/header") || startsWith(name, "word/footer")) &&
         endsWith(name, ".xml") && name.find('/', 5) == std::string::npos)) {
      kind = PartKind::docxBody;
      return true;
    }
    if (name == "docProps/core.xml" || name == "docProps/app.xml" || name == "docProps/custom.xml") {
      kind = PartKind::xmlGeneric;
      return true;
    }
    return false;
  }
  if (name == "content.xml" || name == "styles.xml") {
    kind = PartKind::odtBody;
    return true;
  }
  if (name == "meta.xml") {
    kind = PartKind::xmlGeneric;
    return true;
  }
  return false;
}

void compileInto(CompiledTemplate& c, const CompileOptions& options, IssueList& issues) {
  const std::string& bytes = c.bytes;
  if (bytes.size() > kMaxTemplateBytes) {
    Place place;
    if (!options.source.empty()) place.set("file", options.source);
    throwInvalid("Het sjabloon is te groot (" + sizeText(bytes.size()) + "; maximum " +
                     sizeText(kMaxTemplateBytes) + ")",
                 place);
  }
  if (looksLikeZip(bytes)) {
    ZipReader zip(bytes, options.limits, options.source);
    const ZipEntryInfo* mimetype = zip.find("mimetype");
    Format detected = Format::automatic;
    if (mimetype && mimetype->size < 256) {
      std::string mt = zip.read(*mimetype);
      if (mt == "application/vnd.oasis.opendocument.text" ||
          mt == "application/vnd.oasis.opendocument.text-template")
        detected = Format::odt;
    }
    if (detected == Format::automatic && zip.find("word/document.xml")) detected = Format::docx;
    Place place;
    if (!options.source.empty()) place.set("file", options.source);
    if (detected == Format::automatic)
      throwInvalid("Het sjabloon is een zip-bestand, maar geen DOCX- of ODT-tekstdocument", place);
    if (options.format != Format::automatic && options.format != detected)
      throwInvalid(std::string("Het sjabloon is een ") + formatName(detected) +
                       "-bestand, maar er werd " + formatName(options.format) + " gevraagd",
                   place);
    c.format = detected;
    c.propsName = detected == Format::docx ? "docProps/custom.xml" : "meta.xml";
    for (const ZipEntryInfo& e : zip.entries()) {
      c.mtime = std::max(c.mtime, e.mtime);
      PartKind kind;
      if (!partKindOf(detected, e.name, kind)) {
        zip.verify(e);  // copied raw into every document: it must be whole
        continue;
      }
      std::string xml = zip.read(e);
      CompiledPart part;
      part.name = e.name;
      part.index = e.index;
      part.mtime = e.mtime;
      bool templated = compileXmlPart(xml, e.name, kind, part.program, issues, c.tags);
      if (e.name == c.propsName) {
        c.propsExists = true;
        c.propsIndex = e.index;
        c.propsMtime = e.mtime;
        c.propsSource = xml;
        if (templated) c.propsPart = static_cast<int>(c.parts.size());
      }
      if (templated) c.parts.push_back(std::move(part));
    }
    if (!c.propsExists) {
      if (detected == Format::docx) {
        for (const char* name : {"[Content_Types].xml", "_rels/.rels"}) {
          const ZipEntryInfo* e = zip.find(name);
          if (!e) throwInvalid(std::string("Het DOCX-sjabloon mist ") + name, place);
          std::string xml = zip.read(*e);
          xml = std::string(name) == "_rels/.rels" ? docxAddCustomRelationship(xml)
                                                   : docxAddContentTypeOverride(xml);
          c.propsPatches.push_back({e->index, std::move(xml), e->mtime});
        }
      } else if (const ZipEntryInfo* e = zip.find("META-INF/manifest.xml")) {
        c.propsPatches.push_back({e->index, odtAddManifestMeta(zip.read(*e)), e->mtime});
      }
    }
    return;
  }
  if (options.format == Format::docx || options.format == Format::odt) {
    Place place;
    if (!options.source.empty()) place.set("file", options.source);
    throwInvalid(std::string("Het sjabloon is geen geldig ") + formatName(options.format) +
                     "-bestand (geen zip-archief)",
                 place);
  }
  Format f = options.format;
  if (f == Format::automatic) {
    std::size_t first = bytes.find_first_not_of(" \t\r\n");
    f = (first != std::string::npos && bytes[first] == '<') ? Format::html : Format::markdown;
  }
  c.format = f;
  std::string part = options.source.empty() ? "sjabloon" : options.source;
  c.textTemplated = compileTextPart(bytes, part, f == Format::html ? PartKind::html : PartKind::markdown,
                                    c.text, issues, c.tags);
}

}  // namespace

Template Template::compile(std::string bytes, const CompileOptions& options) {
  auto c = std::make_shared<CompiledTemplate>();
  c->bytes = std::move(bytes);
  c->sha256 = sha256Hex(c->bytes);
  c->source = options.source;
  IssueList issues;
  compileInto(*c, options, issues);
  if (!issues.empty()) throw TemplateErrors(issues.take());
  return Template(std::move(c));
}

Template Template::compileFile(const std::string& path, CompileOptions options) {
  if (options.source.empty()) options.source = path;
  if (options.format == Format::automatic) options.format = formatFromPath(path);
  return compile(readTemplateFile(path), options);
}

Format Template::format() const { return c_->format; }
const std::vector<TagUse>& Template::tags() const { return c_->tags; }
const std::string& Template::sha256() const { return c_->sha256; }

std::vector<std::string> Template::templatedParts() const {
  std::vector<std::string> names;
  for (const auto& p : c_->parts) names.push_back(p.name);
  return names;
}

std::string Template::render(const Poco::Dynamic::Var& data, const RenderOptions& options) const {
  const CompiledTemplate& c = *c_;
  checkPropertyNames(options.properties);
  if (options.compressionLevel < 1 || options.compressionLevel > 9)
    throw Error(ErrorCode::argument, "compressieniveau moet tussen 1 en 9 liggen",
                Place().set("option", "compressionLevel"));
  IssueList issues;
  if (c.format == Format::html || c.format == Format::markdown) {
    std::string out;
    if (c.textTemplated) renderPart(c.text, data, options.placeholder, out, issues);
    else out = c.bytes;
    if (!issues.empty()) throw TemplateErrors(issues.take());
    return c.format == Format::html ? htmlWithMeta(out, options.properties)
                                    : markdownWithComment(out, options.properties);
  }
  std::vector<std::string> outputs(c.parts.size());
  for (std::size_t i = 0; i < c.parts.size(); ++i)
    renderPart(c.parts[i].program, data, options.placeholder, outputs[i], issues);
  if (!issues.empty()) throw TemplateErrors(issues.take());

  std::vector<ZipReplacement> replace;
  std::vector<ZipAddition> add;
  std::string props;
  if (!options.properties.empty()) {
    const std::string& base = c.propsPart >= 0 ? outputs[c.propsPart] : c.propsSource;
    props = c.format == Format::docx ? docxCustomXml(base, options.properties)
                                     : odtMetaXml(base, options.properties);
    if (c.propsPart >= 0) outputs[c.propsPart] = std::move(props);
    else if (c.propsExists) replace.push_back({c.propsIndex, &props, c.propsMtime});
    else {
      add.push_back({c.propsName, &props, c.mtime});
      for (const auto& patch : c.propsPatches) replace.push_back({patch.index, &patch.xml, patch.mtime});
    }
  }
  for (std::size_t i = 0; i < c.parts.size(); ++i)
    replace.push_back({c.parts[i].index, &outputs[i], c.parts[i].mtime});
  return rewriteZip(c.bytes, replace, add, options.compressionLevel);
}

Poco::JSON::Object::Ptr CheckResult::toJson() const {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("format", formatName(format));
  o->set("ok", ok());
  Poco::JSON::Array::Ptr errs = new Poco::JSON::Array;
  for (const auto& i : issues) errs->add(i.toJson());
  o->set("errors", errs);
  Poco::JSON::Array::Ptr tagList = new Poco::JSON::Array;
  for (const auto& t : tags) {
    Poco::JSON::Object::Ptr j = new Poco::JSON::Object;
    j->set("part", t.part);
    j->set("tag", t.tag);
    j->set("kind", t.kind);
    j->set("name", t.name);
    Poco::JSON::Array::Ptr f = new Poco::JSON::Array;
    for (const auto& n : t.formatters) f->add(n);
    j->set("formatters", f);
    if (t.paragraph) j->set(t.inLines ? "line" : "paragraph", static_cast<Poco::UInt64>(t.paragraph));
    if (t.position) j->set("position", static_cast<Poco::UInt64>(t.position));
    j->set("offset", static_cast<Poco::UInt64>(t.offset));
    tagList->add(j);
  }
  o->set("tags", tagList);
  return o;
}

CheckResult checkTemplate(const std::string& bytes, const CompileOptions& options) {
  CompiledTemplate c;
  c.bytes = bytes;
  CheckResult r;
  IssueList issues;
  compileInto(c, options, issues);
  r.issues = issues.take();
  r.format = c.format;
  r.tags = std::move(c.tags);
  return r;
}

CheckResult checkTemplateFile(const std::string& path, CompileOptions options) {
  if (options.source.empty()) options.source = path;
  if (options.format == Format::automatic) options.format = formatFromPath(path);
  return checkTemplate(readTemplateFile(path), options);
}

}  // namespace igsgov::docs

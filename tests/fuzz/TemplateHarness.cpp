#include "TemplateHarness.hpp"

#include "FuzzSupport.hpp"
#include "core/Json.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>

#include <zip.h>

#include <map>
#include <sstream>

namespace igsgov::fuzz {

using docs::TagUse;

namespace {

// Sets `value` at the dotted `path` below `root`, creating objects on the way;
// leaves whatever is there already.
void put(const JsonObject& root, const std::string& path, const Poco::Dynamic::Var& value) {
  if (path.empty() || path == ".") return;
  JsonObject at = root;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (key.empty()) return;
    if (dot == std::string::npos) {
      if (!at->has(key)) at->set(key, value);
      return;
    }
    if (!at->has(key)) at->set(key, newObject());
    if (!at->isObject(key)) return;
    at = at->getObject(key);
    start = dot + 1;
  }
}

Poco::Dynamic::Var valueFor(const TagUse& t) {
  for (const auto& f : t.formatters) {
    if (f == "datum" || f == "datum_lang") return std::string("2026-02-28");
    if (f == "euro" || f == "getal") return Poco::Int64(-123456789);
    if (f == "upper" || f == "lower") break;
  }
  if (t.kind == "raw") return std::string("<w:r><w:t>ruw</w:t></w:r>");
  return std::string("Çava <b>&amp;</b> \"x\" 'y' {z}\nregel 2");
}

struct XmlParts {
  std::map<std::string, bool> wellFormed;  // part name -> expat accepted it in the template
};

std::map<std::string, std::string> zipParts(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) finding("zip source");
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
  }
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    std::string name = st.name ? st.name : "";
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".xml") != 0 || st.size > (8u << 20)) continue;
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (!f) continue;
    std::string data(st.size, '\0');
    zip_int64_t got = zip_fread(f, data.data(), data.size());
    zip_fclose(f);
    if (got == static_cast<zip_int64_t>(st.size)) out[name] = std::move(data);
  }
  zip_discard(za);
  return out;
}

void checkText(const std::string& s, const char* what, bool utf8) {
  if (utf8) require(validUtf8(s), std::string(what) + " is not UTF-8: " + s);
}

void checkIssues(const std::vector<docs::TemplateIssue>& issues, bool utf8) {
  for (const auto& i : issues) {
    require(!i.id.empty() && !i.message.empty(), "an issue without id or message");
    checkText(i.message, "an issue's message", utf8);
    checkText(i.snippet, "an issue's snippet", utf8);
    checkText(i.tag, "an issue's tag", utf8);
    (void)toJsonText(i.toJson());
  }
}

}  // namespace

Poco::Dynamic::Var dataFor(const std::vector<TagUse>& tags) {
  auto root = newObject();
  for (const auto& t : tags) {
    if (t.kind == "loop" || t.kind == "inverted") {
      auto list = newArray();
      list->add(newObject());
      list->add(newObject());
      put(root, t.name, list);
    } else if (t.kind == "value" || t.kind == "raw") {
      put(root, t.name, valueFor(t));
    }
  }
  return root;
}

bool wellFormedXml(std::string_view xml) {
  if (xml.find("<!DOCTYPE") != std::string_view::npos) return false;
  Poco::XML::DefaultHandler handler;
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  try {
    std::istringstream in{std::string(xml)};
    Poco::XML::InputSource source(in);
    parser.parse(&source);
  } catch (const Poco::Exception&) {
    return false;
  }
  return true;
}

docs::ZipLimits fuzzZipLimits() {
  docs::ZipLimits l;
  l.maxEntries = 1000;
  l.maxEntrySize = 4u << 20;
  l.maxTotalSize = 4u << 20;
  return l;
}

void exercise(const std::string& bytes, const docs::CompileOptions& options, bool utf8) {
  docs::CheckResult check;
  bool checked = refuse("checkTemplate", [&] { check = docs::checkTemplate(bytes, options); });
  if (checked) {
    checkIssues(check.issues, utf8);
    for (const auto& t : check.tags) {
      checkText(t.tag, "a tag", utf8);
      checkText(t.name, "a tag's name", utf8);
    }
    (void)toJsonText(check.toJson());
  }

  std::optional<docs::Template> compiled;
  try {
    compiled = docs::Template::compile(bytes, options);
  } catch (const docs::TemplateErrors& e) {
    require(checked && !check.issues.empty(), "compile found issues that checkTemplate did not");
    checkIssues(e.issues(), utf8);
    return;
  } catch (...) {
    refuse("Template::compile", [] { throw; });
    require(!checked, "compile refused a template that checkTemplate read");
    return;
  }
  require(checked && check.issues.empty(), "compile accepted a template that checkTemplate refused");

  auto data = dataFor(compiled->tags());
  docs::RenderOptions ro;
  ro.placeholder = "?";
  ro.properties = {{"igsgov.template_sha256", compiled->sha256()}, {"igsgov.as_of", "2026-11-22"}};
  ro.compressionLevel = 1;
  std::string out;
  if (!refuse("render", [&] { out = compiled->render(data, ro); })) return;
  std::string again = compiled->render(data, ro);
  require(again == out, "rendering twice gave different bytes");

  if (compiled->format() == docs::Format::docx || compiled->format() == docs::Format::odt) {
    auto before = zipParts(bytes);
    auto after = zipParts(out);
    require(!after.empty(), "the rendered document is not a readable zip");
    for (const auto& name : compiled->templatedParts()) {
      auto b = before.find(name);
      auto a = after.find(name);
      require(a != after.end(), "rendered part missing: " + name);
      if (b != before.end() && wellFormedXml(b->second))
        require(wellFormedXml(a->second), "rendering made " + name + " malformed XML");
    }
  }
}

}  // namespace igsgov::fuzz

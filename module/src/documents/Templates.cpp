#include "documents/Templates.hpp"

#include "core/Embedded.hpp"
#include "core/Error.hpp"
#include "docs/TemplateFile.hpp"
#include "model/Vocabulary.hpp"

#include <Poco/Path.h>

#include <algorithm>

namespace igsgov {
EmbeddedFiles embeddedTemplates();
}

namespace igsgov::documents {

OutputFormat parseOutputFormat(const std::string& s, const Place& place) {
  if (s == "docx") return OutputFormat::docx;
  if (s == "odt") return OutputFormat::odt;
  if (s == "html") return OutputFormat::html;
  if (s == "md" || s == "markdown") return OutputFormat::md;
  if (s == "pdf") return OutputFormat::pdf;
  throwInvalid("onbekend formaat '" + s + "': kies docx, odt, html, md of pdf", place);
}

const char* outputExtension(OutputFormat f) {
  switch (f) {
    case OutputFormat::docx: return "docx";
    case OutputFormat::odt: return "odt";
    case OutputFormat::html: return "html";
    case OutputFormat::md: return "md";
    case OutputFormat::pdf: return "pdf";
  }
  return "docx";
}

bool handlesMemberKind(const TemplateSource& src, const std::string& memberKind) {
  return src.memberKinds.empty() ||
         std::find(src.memberKinds.begin(), src.memberKinds.end(), memberKind) != src.memberKinds.end();
}

void requireHandles(const TemplateSource& src, const std::string& memberId, const std::string& memberName,
                    const std::string& memberKind) {
  if (handlesMemberKind(src, memberKind)) return;
  std::string kinds;
  for (std::size_t i = 0; i < src.memberKinds.size(); ++i)
    kinds += (i == 0 ? "" : i + 1 == src.memberKinds.size() ? " of " : ", ") + model::memberKinds().label(src.memberKinds[i]);
  throwInvalid("sjabloon '" + src.name + "' is niet geschreven voor deelnemer '" + memberId + "' (" + memberName + ", " +
                   model::memberKinds().label(memberKind) + "); het is geschreven voor een " + kinds,
               Place().set("field", "member"));
}

const std::vector<ShippedTemplate>& shippedTemplates() {
  static const std::vector<ShippedTemplate> all = {
      {"engagementsverklaring", "lid",
       "Engagementsverklaring van een deelnemer: gemeente (college), OCMW (vast bureau) of partner (raad van bestuur)",
       {"gemeente", "ocmw", "partner"}},
      {"intentieverklaring", "lid",
       "Intentieverklaring voor de gemeenteraad of de raad voor maatschappelijk welzijn, met de individuele financiering",
       {"gemeente", "ocmw"}},
      {"samenstelling", "verband", "Samenstelling van de raad van bestuur op een datum"},
      {"statuten", "verband", "Overzicht van de versies van de statuten en hun goedkeuringen"},
      {"auditrapport", "verband", "Auditrapport: de bevindingen van de regelcontrole"},
      {"oprichting", "verband", "Stand van de oprichting: de stappen van het stappenplan, hun bewijs en wat nog ontbreekt"},
  };
  return all;
}

std::string_view shippedBytes(const std::string& fileName) {
  for (const auto& f : embeddedTemplates())
    if (fileName == f.name) return f.bytes;
  return {};
}

namespace {

const ShippedTemplate* findShipped(const std::string& name) {
  for (const auto& t : shippedTemplates())
    if (t.name == name) return &t;
  return nullptr;
}

bool looksLikePath(const std::string& s) {
  return s.find('/') != std::string::npos || s.find('\\') != std::string::npos || s.find('.') != std::string::npos;
}

// The template format that produces `out`: the same for docx/odt/html/md; PDF from DOCX or ODT.
bool produces(docs::Format tf, OutputFormat out) {
  switch (out) {
    case OutputFormat::docx: return tf == docs::Format::docx;
    case OutputFormat::odt: return tf == docs::Format::odt;
    case OutputFormat::html: return tf == docs::Format::html;
    case OutputFormat::md: return tf == docs::Format::markdown;
    case OutputFormat::pdf: return tf == docs::Format::docx || tf == docs::Format::odt;
  }
  return false;
}

}  // namespace

TemplateSource uploadedTemplate(std::string bytes, const std::string& name, OutputFormat out, const std::string& field) {
  TemplateSource src;
  Place place = Place().set("field", "'" + field + "'");
  bool zip = docs::looksLikeZip(bytes);
  if (zip && bytes.find("mimetypeapplication/vnd.oasis.opendocument.text") != std::string::npos)
    src.format = docs::Format::odt;
  else if (zip && bytes.find("word/document.xml") != std::string::npos)
    src.format = docs::Format::docx;
  else
    throwInvalid("het meegestuurde sjabloon is geen DOCX- of ODT-bestand", place);
  const char* ext = src.format == docs::Format::odt ? "odt" : "docx";
  std::string stem = name.empty() ? "eigen-sjabloon" : name;
  Place named = Place().set("field", "'template_name'");
  bool control = std::any_of(stem.begin(), stem.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (stem.size() > 100 || stem.find('/') != std::string::npos || stem.find('\\') != std::string::npos ||
      stem.find("..") != std::string::npos || stem[0] == '.' || control)
    throwInvalid("ongeldige sjabloonnaam '" + (control ? std::string("…") : stem.substr(0, 100)) +
                     "': een naam zonder map, '..', stuurtekens of begin met een punt, hoogstens 100 bytes",
                 named);
  for (const char* known : {".docx", ".odt"}) {
    std::string suffix(known);
    if (stem.size() > suffix.size() && stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
      if (suffix != std::string(".") + ext)
        throwInvalid("de naam '" + stem + "' eindigt op " + suffix + " maar het sjabloon is een " + ext + "-bestand", named);
      stem.resize(stem.size() - suffix.size());
    }
  }
  if (!produces(src.format, out))
    throwInvalid(std::string("een ") + docs::formatName(src.format) + "-sjabloon kan geen " + outputExtension(out) +
                     " maken; kies een sjabloon in dat formaat",
                 place);
  src.name = stem;
  src.path = stem + "." + ext;
  src.bytes = std::move(bytes);
  return src;
}

TemplateChoice chooseTemplate(const Reader& r, const std::string& nameField) {
  TemplateChoice c{r.optStr(nameField), r.optStr("template_base64"), r.optStr("template_name")};
  if (c.named.has_value() == c.upload.has_value())
    r.fail(nameField, "geef een sjabloon: '" + nameField + "' (naam of pad) of 'template_base64' (het bestand zelf), één van beide");
  if (c.uploadName && !c.upload) r.fail("template_name", "'template_name' hoort bij 'template_base64'");
  return c;
}

TemplateSource resolveTemplate(const std::string& nameOrPath, OutputFormat out) {
  Place place;
  place.set("field", "template");
  TemplateSource src;
  if (!looksLikePath(nameOrPath)) {
    const ShippedTemplate* t = findShipped(nameOrPath);
    if (!t) {
      std::string names;
      for (const auto& s : shippedTemplates()) names += (names.empty() ? "" : ", ") + s.name;
      throwNotFound("onbekend sjabloon '" + nameOrPath + "'; meegeleverd zijn: " + names +
                        " (of geef het pad van een eigen sjabloon)",
                    place);
    }
    std::string ext = out == OutputFormat::pdf ? "docx" : outputExtension(out);
    auto bytes = shippedBytes(t->name + "." + ext);
    if (bytes.empty())
      throwInvalid("sjabloon '" + t->name + "' bestaat niet in formaat " + ext, place);
    src.name = t->name;
    src.bytes = std::string(bytes);
    src.kind = t->kind;
    src.memberKinds = t->memberKinds;
    src.shipped = true;
    src.format = ext == "docx"   ? docs::Format::docx
                 : ext == "odt"  ? docs::Format::odt
                 : ext == "html" ? docs::Format::html
                                 : docs::Format::markdown;
    return src;
  }
  place.set("file", nameOrPath);
  src.path = nameOrPath;
  try {
    src.bytes = docs::readTemplateFile(nameOrPath);  // regular files up to the engine's cap
  } catch (const Error& e) {
    Place named = e.place();
    named.set("field", "template");
    throw Error(e.errorCode(), e.message(), named);
  }
  src.name = Poco::Path(nameOrPath).getBaseName();
  src.format = docs::formatFromPath(nameOrPath);
  if (src.format == docs::Format::automatic) {
    // Content decides, as the engine does: zip → DOCX/ODT, '<' → HTML, else Markdown.
    if (src.bytes.rfind("PK", 0) == 0)
      src.format = src.bytes.find("mimetypeapplication/vnd.oasis.opendocument") != std::string::npos
                       ? docs::Format::odt
                       : docs::Format::docx;
    else
      src.format = src.bytes.find_first_not_of(" \t\r\n") != std::string::npos &&
                           src.bytes[src.bytes.find_first_not_of(" \t\r\n")] == '<'
                       ? docs::Format::html
                       : docs::Format::markdown;
  }
  if (!produces(src.format, out))
    throwInvalid(std::string("een ") + docs::formatName(src.format) + "-sjabloon kan geen " + outputExtension(out) +
                     " maken; kies een sjabloon in dat formaat",
                 place);
  return src;
}

}  // namespace igsgov::documents

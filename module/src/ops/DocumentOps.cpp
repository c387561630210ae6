// documents.generate, documents.list, template.check, template.list
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "docs/Template.hpp"
#include "documents/Generate.hpp"
#include "documents/Registry.hpp"
#include "documents/Templates.hpp"
#include "ops/Catalogue.hpp"
#include "ops/ResultSchema.hpp"

#include <sstream>

namespace igsgov::ops {

namespace {

// `igsgov template check` exits with this when the template has errors: the
// CLI's code for invalid input (IGSGOV_EINVALID).
constexpr int kTemplateErrorsExitCode = 2;

// The compliance check for the audit report, through the catalogue, so the
// documents area does not depend on the rules area at build time. Returns
// nullptr when this build has no check operation.
JsonObject findings(store::Database& db, const std::string& cooperation, const Date& asOf) {
  for (const char* name : {"compliance.check"}) {
    const Operation* op = catalogue().find(name);
    if (!op || !op->read) continue;
    auto in = newObject();
    in->set("cooperation", cooperation);
    in->set("as_of", asOf.iso());
    return op->read(db, in);
  }
  return nullptr;
}

JsonObject checkOp(store::Database&, const JsonObject& in) {
  Reader r(in, "sjabloon");
  r.rejectUnknown({"file", "template_base64", "template_name"});
  auto [fileArg, upload, uploadName] = documents::chooseTemplate(r, "file");
  docs::CheckResult result;
  std::string file;
  if (upload) {
    // The same decoding, type check and name rules as documents.generate's upload; PDF is the
    // output both DOCX and ODT templates make, so the check takes either.
    auto src = documents::uploadedTemplate(base64Decode(*upload, r.place("template_base64")),
                                           uploadName.value_or(""), documents::OutputFormat::pdf, "template_base64");
    file = src.path;
    docs::CompileOptions co;
    co.format = src.format;
    co.source = src.path;
    result = docs::checkTemplate(src.bytes, co);
  } else if (file = *fileArg; file.find('/') == std::string::npos && file.find('.') == std::string::npos) {
    // A shipped name is checked in its DOCX form.
    auto src = documents::resolveTemplate(file, documents::OutputFormat::docx);
    docs::CompileOptions co;
    co.source = file;
    result = docs::checkTemplate(src.bytes, co);
  } else {
    docs::CompileOptions co;
    co.source = file;
    result = docs::checkTemplateFile(file, co);
  }
  auto out = result.toJson();
  out->set("file", file);
  out->set("ok", result.ok());
  // The CLI exits with this (Operation::exitCode): 2, as for any invalid input.
  out->set("exit_code", result.ok() ? 0 : kTemplateErrorsExitCode);
  return out;
}

// "alinea 2, positie 5" (DOCX/ODT), "regel 3, positie 1" (HTML/Markdown),
// "byte 1.234 van de XML" (malformed XML), each only as far as it is known.
std::string whereText(const JsonObject& e) {
  std::string where;
  auto add = [&](const std::string& s) { where += (where.empty() ? "" : ", ") + s; };
  if (e->has("paragraph")) add("alinea " + e->get("paragraph").convert<std::string>());
  if (e->has("line")) add("regel " + e->get("line").convert<std::string>());
  if (e->has("position")) add("positie " + e->get("position").convert<std::string>());
  else if (e->optValue<std::string>("id", "") == "malformed_xml" && e->has("offset"))
    add("byte " + e->get("offset").convert<std::string>() + " van de XML");
  return where;
}

std::string checkText(const JsonObject& out) {
  std::ostringstream os;
  auto issues = out->getArray("errors");
  auto tags = out->getArray("tags");
  std::string file = out->getValue<std::string>("file");
  if (!issues || issues->size() == 0) {
    os << "Sjabloon " << file << " is in orde.\n";
  } else {
    os << "Sjabloon " << file << ": " << issues->size() << (issues->size() == 1 ? " fout" : " fouten") << "\n";
    for (std::size_t i = 0; i < issues->size(); ++i) {
      auto e = issues->getObject(static_cast<unsigned>(i));
      auto s = [&](const char* k) { return e->has(k) ? e->get(k).convert<std::string>() : std::string(); };
      os << "  [" << s("id") << "] " << s("message");
      std::string where = s("part").empty() ? "" : "deel " + s("part");
      if (std::string at = whereText(e); !at.empty()) where += (where.empty() ? "" : ", ") + at;
      if (!where.empty()) os << "\n    " << where;
      if (!s("snippet").empty()) os << (where.empty() ? "\n    " : ": ") << "…" << s("snippet") << "…";
      os << "\n";
    }
  }
  if (tags && tags->size()) {
    os << "Gebruikte velden (" << tags->size() << "):\n";
    for (std::size_t i = 0; i < tags->size(); ++i) {
      auto t = tags->getObject(static_cast<unsigned>(i));
      std::string where = t->getValue<std::string>("part");
      if (std::string at = whereText(t); !at.empty()) where += ", " + at;
      os << "  " << t->getValue<std::string>("tag") << "  (" << where << ")\n";
    }
  }
  return os.str();
}

JsonObject listTemplatesOp(store::Database&, const JsonObject& in) {
  Reader(in, "sjablonen").rejectUnknown({});
  auto list = newArray();
  for (const auto& t : documents::shippedTemplates()) {
    auto o = newObject();
    o->set("name", t.name);
    o->set("kind", t.kind);
    o->set("title", t.title);
    auto formats = newArray();
    for (const char* ext : {"docx", "odt", "html", "md"})
      if (!documents::shippedBytes(t.name + "." + ext).empty()) formats->add(std::string(ext));
    if (!documents::shippedBytes(t.name + ".docx").empty()) formats->add(std::string("pdf"));
    o->set("formats", formats);
    list->add(o);
  }
  auto out = newObject();
  out->set("templates", list);
  return out;
}

std::string listTemplatesText(const JsonObject& out) {
  std::ostringstream os;
  auto list = out->getArray("templates");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto t = list->getObject(static_cast<unsigned>(i));
    std::string formats;
    auto f = t->getArray("formats");
    for (std::size_t k = 0; k < f->size(); ++k) formats += (k ? ", " : "") + f->getElement<std::string>(static_cast<unsigned>(k));
    os << t->getValue<std::string>("name") << " (per " << (t->getValue<std::string>("kind") == "lid" ? "deelnemer" : "samenwerkingsverband")
       << "; " << formats << ")\n  " << t->getValue<std::string>("title") << "\n";
  }
  return os.str();
}

constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The shipped template names, from their list (so a new one is never left out of the help): also the
// only values of 'template' a remote caller may give (ops/ServerPaths.hpp).
std::vector<std::string> shippedNames() {
  std::vector<std::string> names;
  for (const auto& t : documents::shippedTemplates()) names.push_back(t.name);
  return names;
}

}  // namespace

void addDocumentOperations(Catalogue& c) {
  c.add({.name = "documents.generate",
         .summary = "Maak documenten uit een sjabloon (meegeleverd of eigen bestand) met de gegevens van het register",
         .access = Access::write,
         .roles = kWriterRoles,
         .params = {{"template", "path", false, "sjabloon: pad van een eigen sjabloon, of de naam van een meegeleverd", {},
                     shippedNames()},
                    {"template_base64", "string", false,
                     "het eigen sjabloon zelf (DOCX of ODT, base64) in plaats van 'template' (via REST)"},
                    {"template_name", "string", false,
                     "naam van het meegestuurde sjabloon, voor het register en de namen van de documenten"},
                    {"cooperation", "string", true, "samenwerkingsverband"},
                    {"member", "string", false, "één deelnemer (NIS-code of deelnemer-id)"},
                    {"all_members", "boolean", false, "één document per deelnemer"},
                    {"as_of", "date", false, "gegevens op deze datum (standaard vandaag)"},
                    {"format", "string", true, "docx, odt, html, md of pdf"},
                    {"out", "path", false, "uitvoermap"},
                    {"documents_dir", "path", false,
                     "map voor gemaakte documenten van een dienst: elke aanmaak krijgt er een nieuwe map in en de "
                     "uitvoer bevat het bestand zelf (één document, of een ZIP bij all_members)",
                     "intranet.documents_dir"},
                    {"kind", "string", false, "soort gegevens voor een eigen sjabloon: lid of verband"},
                    {"body", "string", false, "orgaan voor de samenstelling (standaard de raad van bestuur)"},
                    {"contributions", "object", false, "bijdragen per deelnemer {\"NIS\": cent of \"12.500,00\"} (anders uit het register)"},
                    {"reason", "string", false, "waarom (komt in het journaal)"}},
         .cli = {"generate"},
         .aliases = {{"documents", "generate"}},
         .text = documents::generateText,
         // Its own read, LibreOffice outside any lock, then a short write (documents/Generate.hpp).
         .run = [](records::Register& reg, const JsonObject& in, const records::WriteInfo& info) {
           return documents::generateDocuments(reg, in, info, findings);
         },
         // REST (documents_dir): the document itself, or a ZIP of the batch, as the answer.
         .download = {"file_base64", kDocxType, "documenten", ".docx",
                      {"application/vnd.oasis.opendocument.text", "application/pdf", "text/html", "text/markdown",
                       "application/zip"}},
         .result = rs::written({{"documents", rs::list(rs::any())}, {"count", rs::integer()}, {"generation", rs::integer()},
                                {"template", rs::text()}, {"template_sha256", rs::text()}, {"format", rs::text()},
                                {"as_of", rs::date()}},
                               {{"file_base64", rs::text()}, {"file_name", rs::text()}, {"media_type", rs::text()}})});
  c.add({.name = "documents.list",
         .summary = "Toon de gemaakte documenten (sjabloon, hash, journaalpositie, pad)",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"cooperation", "string", false, "samenwerkingsverband"},
                    {"member", "string", false, "deelnemer-id"},
                    {"sha256", "string", false, "SHA-256 van het bestand"},
                    {"id", "string", false, "één document (id gen-…)"},
                    {"generation", "integer", false, "de documenten van één aanmaak (journaalpositie)"},
                    {"limit", "integer", false, "hoeveel (standaard 100)"}},
         .cli = {"documents", "list"},
         .read = documents::listDocuments,
         .result = rs::object({{"documents", rs::list(rs::any())}})});
  c.add({.name = "template.check",
         .summary = "Controleer een sjabloon: alle fouten (id, deel, alinea of regel, positie, fragment) en de gebruikte velden; "
                    "afsluitcode 2 bij fouten",
         .access = Access::read,
         .roles = kAllRoles,
         .params = {{"file", "path", false, "sjabloonbestand (DOCX, ODT, HTML, Markdown) of naam van een meegeleverd sjabloon",
                     {}, shippedNames()},
                    {"template_base64", "string", false,
                     "het sjabloon zelf (DOCX of ODT, base64) in plaats van 'file' (via REST)"},
                    {"template_name", "string", false, "naam van het meegestuurde sjabloon, in de uitvoer"}},
         .cli = {"template", "check"},
         .positional = "file",
         .read = checkOp,
         .text = checkText,
         .exitCode = true,
         .result = rs::object(
             {{"file", rs::text()},
              {"format", rs::text()},
              {"ok", rs::boolean()},
              {"exit_code", rs::integer()},
              {"errors", rs::list(rs::object({{"id", rs::text()}, {"message", rs::text()}, {"part", rs::text()},
                                              {"offset", rs::integer()}, {"snippet", rs::text()}},
                                             {{"paragraph", rs::integer()}, {"line", rs::integer()},
                                              {"position", rs::integer()}, {"tag", rs::text()}}))},
              {"tags", rs::list(rs::object({{"part", rs::text()}, {"tag", rs::text()}, {"kind", rs::text()},
                                            {"name", rs::text()}, {"formatters", rs::list(rs::text())},
                                            {"offset", rs::integer()}},
                                           {{"paragraph", rs::integer()}, {"line", rs::integer()},
                                            {"position", rs::integer()}}))}})});
  c.add({.name = "template.list",
         .summary = "Toon de meegeleverde sjablonen met hun formaten",
         .access = Access::read,
         .roles = kAllRoles,
         .cli = {"template", "list"},
         .read = listTemplatesOp,
         .text = listTemplatesText,
         .result = rs::object({{"templates", rs::list(rs::object({{"name", rs::text()}, {"kind", rs::text()}, {"title", rs::text()}}))}})});

  // Which cooperation each operation's input concerns (ops/Scope.hpp);
  // templates hold no register data.
  c.setScope("documents.generate", refs({{"cooperation", Ref::cooperation}, {"member", Ref::member}}));
  c.setScope("documents.list", refs({{"cooperation", Ref::cooperation}, {"member", Ref::member}}, Concerns::none()),
             keepVisible("documents", "cooperation"));
  c.setScope("template.check", refs({}, Concerns::none()));
  c.setScope("template.list", refs({}, Concerns::none()));
}

}  // namespace igsgov::ops

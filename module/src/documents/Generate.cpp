#include "documents/Generate.hpp"

#include "core/Base64.hpp"
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "core/Timestamp.hpp"
#include "docs/Pdf.hpp"
#include "docs/ZipPackage.hpp"
#include "documents/DataContract.hpp"
#include "documents/DocumentPaths.hpp"
#include "documents/FileNames.hpp"
#include "documents/OutputFiles.hpp"
#include "documents/Registry.hpp"
#include "documents/Templates.hpp"
#include "journal/Journal.hpp"

#include <filesystem>
#include <optional>
#include <sstream>

namespace igsgov::documents {

namespace {

struct Planned {
  JsonObject data;
  std::string fileName;
  std::string member;  // member id or ""
  std::string bytes;
};

// All documents of the plan in one LibreOffice batch (one process per core,
// docs/Pdf.hpp). A failure names the documents by their output file names and
// throws before anything is staged or registered.
void convertToPdf(std::vector<Planned>& plan, const std::string& extension) {
  std::vector<docs::PdfInput> inputs;
  inputs.reserve(plan.size());
  for (auto& p : plan) inputs.push_back({std::move(p.bytes), extension, p.fileName});
  std::vector<std::string> pdfs;
  try {
    pdfs = docs::convertBatchToPdf(inputs);
  } catch (const docs::PdfBatchError& e) {
    throw Error(e.errorCode(), e.message() + ". Er werd geen enkel document geschreven of geregistreerd.", e.place());
  }
  for (std::size_t i = 0; i < plan.size(); ++i) plan[i].bytes = std::move(pdfs[i]);
}

std::string absolutePath(const std::string& path) {
  return std::filesystem::absolute(path).lexically_normal().string();
}

}  // namespace

namespace {

// What the read phase decides: the template, the data of every document and
// where they go. Rendering, converting and staging follow outside any lock.
struct Generation {
  std::optional<docs::Template> tpl;
  std::string templateLabel;
  std::string templateName;  // shipped name or the custom template's base name (file names)
  std::string kind;
  std::string cooperation;
  Date asOf;
  OutputFormat format = OutputFormat::docx;
  docs::Format sourceFormat = docs::Format::docx;
  std::string ext;
  std::string outDir;       // "out": this folder
  std::string documentsDir; // "documents_dir": a new folder below it, and the file in the output
  bool inService = false;   // documents_dir given (even empty: GenerationFolder says it is not set up)
  bool allMembers = false;
  std::string contributionsSource;
  long long position = 0;  // the journal head the data was read at
  std::vector<Planned> plan;
  JsonArray skipped = newArray();  // --all-members: members of a kind the template is not written for
};

// Reads the input, compiles the template and builds the data of every
// document, all on one read transaction of `db`.
Generation prepare(store::Database& db, const JsonObject& in, const FindingsSource& findings) {
  Reader r(in, "documenten maken");
  r.rejectUnknown({"template", "template_base64", "template_name", "cooperation", "member", "all_members", "as_of",
                   "format", "out", "documents_dir", "kind", "body", "contributions", "reason"});
  Generation g;
  auto [templateArg, upload, uploadName] = chooseTemplate(r, "template");
  g.cooperation = r.str("cooperation");
  auto member = r.optStr("member");
  bool allMembers = r.optBoolean("all_members").value_or(false);
  g.asOf = r.optDate("as_of").value_or(Date::today());
  g.format = parseOutputFormat(r.str("format"), Place().set("field", "format"));
  auto out = r.optStr("out");
  auto documentsDir = r.optStr("documents_dir");
  if (out.has_value() == documentsDir.has_value())
    r.fail("out", "geef een uitvoermap: 'out' of 'documents_dir', één van beide");
  g.outDir = out.value_or("");
  g.documentsDir = documentsDir.value_or("");
  g.inService = documentsDir.has_value();
  g.allMembers = allMembers;
  auto kindArg = r.optOneOf("kind", {"lid", "verband"});
  std::string body = r.optStr("body").value_or("");
  JsonObject contributions = r.optObject("contributions");
  if (member && allMembers) r.fail("member", "kies --member of --all-members, niet allebei");

  // 1. The template, compiled once (all template errors at once).
  TemplateSource src =
      upload ? uploadedTemplate(base64Decode(*upload, r.place("template_base64")), uploadName.value_or(""),
                                g.format, "template_base64")
             : resolveTemplate(*templateArg, g.format);
  docs::CompileOptions co;
  co.format = src.format;
  co.source = src.shipped ? src.name : src.path;
  g.tpl.emplace(docs::Template::compile(src.bytes, co));
  g.sourceFormat = src.format;
  g.templateLabel = src.shipped ? src.name : src.path;
  g.templateName = src.name;

  g.kind = src.kind;
  if (g.kind.empty()) g.kind = kindArg.value_or(member || allMembers ? "lid" : "verband");
  if (src.shipped && kindArg && *kindArg != g.kind)
    r.fail("kind", "sjabloon '" + src.name + "' maakt documenten van de soort '" + g.kind + "'");
  if (g.kind == "lid" && !member && !allMembers)
    r.fail("member", "sjabloon '" + src.name + "' maakt één document per deelnemer: geef --member NIS of --all-members");
  if (g.kind == "verband" && (member || allMembers))
    r.fail(member ? "member" : "all_members",
           "sjabloon '" + src.name + "' maakt één document per samenwerkingsverband; --member en --all-members passen niet");

  // 2. The data of every document.
  DataRequest req{g.cooperation, g.asOf, src.name, body, contributions, findings};
  DataBuilder builder(db, req);
  g.ext = outputExtension(g.format);
  if (g.kind == "verband") {
    g.plan.push_back({builder.cooperationData(), cooperationFileName(src.name, g.cooperation, g.asOf.iso(), g.ext), "", ""});
  } else {
    std::vector<const MemberRef*> targets, skipped;
    if (member) {
      targets.push_back(&builder.member(*member));
      requireHandles(src, targets.back()->id, targets.back()->name, targets.back()->kind);
    } else {
      // All members the template is written for; the others are listed as skipped.
      for (const auto& m : builder.members())
        if (handlesMemberKind(src, m.kind)) targets.push_back(&m);
        else skipped.push_back(&m);
    }
    if (targets.empty() && !skipped.empty())
      requireHandles(src, skipped.front()->id, skipped.front()->name, skipped.front()->kind);
    if (targets.empty())
      throwNotFound("samenwerkingsverband '" + g.cooperation + "' heeft op " + dutchLongDate(g.asOf) + " geen deelnemers",
                    Place().set("field", "cooperation"));
    for (const MemberRef* m : targets)
      g.plan.push_back({builder.memberData(*m), memberFileName(src.name, g.cooperation, m->nis, m->name, m->id, g.ext),
                        m->id, ""});
    for (const MemberRef* m : skipped) {
      auto o = newObject();
      o->set("member", m->id);
      o->set("name", m->name);
      o->set("kind", m->kind);
      g.skipped->add(o);
    }
  }
  g.contributionsSource = builder.contributions().source;
  g.position = journal::Journal(db).head().seq;
  return g;
}

// 3. Every document in memory (and as PDF), before anything touches the disk.
void render(Generation& g) {
  for (auto& p : g.plan) {
    docs::RenderOptions ro;
    ro.properties = {{"igsgov.template", g.templateLabel},
                     {"igsgov.template_sha256", g.tpl->sha256()},
                     {"igsgov.journal_position", std::to_string(g.position)},
                     {"igsgov.as_of", g.asOf.iso()},
                     {"igsgov.operation", "documents.generate"},
                     {"igsgov.cooperation", g.cooperation}};
    if (!p.member.empty()) ro.properties["igsgov.member"] = p.member;
    p.bytes = g.tpl->render(Poco::Dynamic::Var(p.data), ro);
  }
  if (g.format == OutputFormat::pdf) convertToPdf(g.plan, g.sourceFormat == docs::Format::odt ? "odt" : "docx");
}

// "documents_dir": the output carries the file itself as REST answers it: one
// document as it is, a batch (all_members) as one ZIP.
void attachFile(JsonObject out, const Generation& g) {
  auto list = out->getArray("documents");
  std::string bytes, name, mediaType;
  if (g.allMembers) {
    std::vector<docs::ZipAddition> entries;
    for (std::size_t i = 0; i < g.plan.size(); ++i) {
      auto d = list->getObject(static_cast<unsigned>(i));
      auto us = parseTimestamp(d->getValue<std::string>("generated_at"));
      entries.push_back({g.plan[i].fileName, &g.plan[i].bytes, static_cast<std::time_t>(us ? *us / 1000000 : 0)});
    }
    bytes = docs::newZip(entries, 6);
    name = batchFileName(g.templateName, g.cooperation, out->getValue<long long>("generation"));
    mediaType = "application/zip";
  } else {
    bytes = g.plan.front().bytes;
    name = g.plan.front().fileName;
    mediaType = documentMediaType(g.ext);
  }
  out->set("file_base64", base64Encode(bytes));
  out->set("file_name", name);
  out->set("media_type", mediaType);
}

}  // namespace

std::string documentMediaType(const std::string& format) {
  if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  if (format == "pdf") return "application/pdf";
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "md") return "text/markdown; charset=utf-8";
  return "application/octet-stream";
}

JsonObject generateDocuments(records::Register& reg, const JsonObject& in, const records::WriteInfo& info,
                             const FindingsSource& findings) {
  Generation g;
  reg.read([&](store::Database& db) {
    g = prepare(db, in, findings);
    return JsonObject();
  });
  render(g);

  // 4. Stage outside the lock; register and publish in one short write.
  std::optional<GenerationFolder> folder;
  if (g.inService) {
    folder.emplace(g.documentsDir, g.cooperation);
    g.outDir = folder->path();
  }
  OutputBatch batch(g.outDir);
  std::vector<std::string> files;
  files.reserve(g.plan.size());
  for (const auto& p : g.plan) files.push_back(absolutePath(batch.stage(p.fileName, p.bytes)));
  const std::string templateSha = g.tpl->sha256();
  // The journal keeps an uploaded template by its hash, not its bytes.
  JsonObject journalInput = in;
  if (in->has("template_base64")) {
    journalInput = newObject();
    std::vector<std::string> names;
    in->getNames(names);
    for (const auto& n : names)
      if (n != "template_base64") journalInput->set(n, in->get(n));
    journalInput->set("template_sha256", templateSha);
  }
  auto out = reg.write(info, journalInput, [&](records::Writer& w) {
    auto list = newArray();
    for (std::size_t i = 0; i < g.plan.size(); ++i) {
      const Planned& p = g.plan[i];
      GeneratedDocument d;
      d.id = "gen-" + std::to_string(w.journal().seq()) + "-" + std::to_string(i + 1);
      d.kind = g.kind;
      d.templateName = g.templateLabel;
      d.templateSha256 = templateSha;
      d.cooperation = g.cooperation;
      d.member = p.member;
      d.asOf = g.asOf.iso();
      d.journalPosition = g.position;
      d.outputPath = recordedDocumentPath(w.db().path(), files[i]);
      d.outputSha256 = sha256Hex(p.bytes);
      d.size = static_cast<long long>(p.bytes.size());
      d.format = g.ext;
      d.generatedAt = w.at();
      registerDocument(w, d);
      list->add(generatedJson(d, files[i]));
    }
    batch.publish();

    auto out = newObject();
    out->set("documents", list);
    out->set("count", static_cast<long long>(g.plan.size()));
    out->set("generation", w.journal().seq());
    out->set("template", g.templateLabel);
    out->set("template_sha256", templateSha);
    out->set("format", g.ext);
    out->set("out", g.outDir);
    out->set("as_of", g.asOf.iso());
    out->set("kind", g.kind);
    out->set("contributions_source", g.contributionsSource);
    out->set("skipped", g.skipped);
    return out;
  });
  if (folder) {
    folder->keep();
    attachFile(out, g);
  }
  return out;
}

namespace {
// "2025-10-01" → "1 oktober 2025": the text output is a Dutch sentence.
std::string dutchDate(const std::string& iso) {
  auto d = Date::parse(iso);
  return d ? dutchLongDate(*d) : iso;
}
}  // namespace

std::string generateText(const JsonObject& out) {
  std::ostringstream os;
  long long count = out->getValue<long long>("count");
  os << count << (count == 1 ? " document" : " documenten") << " gemaakt met sjabloon "
     << out->getValue<std::string>("template") << " (" << out->getValue<std::string>("format") << ", gegevens op "
     << dutchDate(out->getValue<std::string>("as_of")) << "):\n";
  auto list = out->getArray("documents");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto d = list->getObject(static_cast<unsigned>(i));
    os << "  " << d->getValue<std::string>("path") << "  (" << d->getValue<long long>("size") << " bytes, sha256 "
       << d->getValue<std::string>("sha256").substr(0, 12) << "…, " << d->getValue<std::string>("id") << ")\n";
  }
  if (out->getValue<std::string>("kind") == "lid")
    os << "Bijdragen: " << out->getValue<std::string>("contributions_source") << "\n";
  auto skipped = out->getArray("skipped");
  for (std::size_t i = 0; skipped && i < skipped->size(); ++i) {
    auto s = skipped->getObject(static_cast<unsigned>(i));
    os << "Niet gemaakt voor " << s->getValue<std::string>("name") << " (" << s->getValue<std::string>("member")
       << "): het sjabloon is niet geschreven voor een deelnemer van die soort\n";
  }
  return os.str();
}

}  // namespace igsgov::documents

#include "documents/Generate.hpp"
#include "core/Date.hpp"

#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "docs/Pdf.hpp"
#include "documents/DataContract.hpp"
#include "documents/DocumentPaths.hpp"
#include "documents/FileNames.hpp"
#include "documents/OutputFiles.hpp"
#include "documents/Registry.hpp"
#include "documents/Templates.hpp"

#include <filesystem>
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

JsonObject generateDocuments(records::Writer& w, const JsonObject& in, const FindingsSource& findings) {
  Reader r(in, "documenten maken");
  r.rejectUnknown({"template", "cooperation", "member", "all_members", "as_of", "format", "out", "kind", "body",
                   "contributions", "reason"});
  std::string templateArg = r.str("template");
  std::string cooperation = r.str("cooperation");
  auto member = r.optStr("member");
  bool allMembers = r.optBoolean("all_members").value_or(false);
  Date asOf = r.optDate("as_of").value_or(Date::today());
  OutputFormat format = parseOutputFormat(r.str("format"), Place().set("field", "format"));
  std::string outDir = r.str("out");
  auto kindArg = r.optOneOf("kind", {"lid", "verband"});
  std::string body = r.optStr("body").value_or("");
  JsonObject contributions = r.optObject("contributions");
  if (member && allMembers) r.fail("member", "kies --member of --all-members, niet allebei");

  // 1. The template, compiled once (all template errors at once).
  TemplateSource src = resolveTemplate(templateArg, format);
  docs::CompileOptions co;
  co.format = src.format;
  co.source = src.shipped ? src.name : src.path;
  docs::Template tpl = docs::Template::compile(src.bytes, co);

  std::string kind = src.kind;
  if (kind.empty()) kind = kindArg.value_or(member || allMembers ? "lid" : "verband");
  if (src.shipped && kindArg && *kindArg != kind)
    r.fail("kind", "sjabloon '" + src.name + "' maakt documenten van de soort '" + kind + "'");
  if (kind == "lid" && !member && !allMembers)
    r.fail("member", "sjabloon '" + src.name + "' maakt één document per deelnemer: geef --member NIS of --all-members");
  if (kind == "verband" && (member || allMembers))
    r.fail(member ? "member" : "all_members",
           "sjabloon '" + src.name + "' maakt één document per samenwerkingsverband; --member en --all-members passen niet");

  // 2. The data of every document.
  DataRequest req{cooperation, asOf, src.name, body, contributions, findings};
  DataBuilder builder(w.db(), req);
  std::string ext = outputExtension(format);
  std::vector<Planned> plan;
  std::vector<const MemberRef*> skipped;  // --all-members: members of a kind the template is not written for
  if (kind == "verband") {
    plan.push_back({builder.cooperationData(), cooperationFileName(src.name, cooperation, asOf.iso(), ext), "", ""});
  } else {
    std::vector<const MemberRef*> targets;
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
      throwNotFound("samenwerkingsverband '" + cooperation + "' heeft op " + dutchLongDate(asOf) + " geen deelnemers",
                    Place().set("field", "cooperation"));
    for (const MemberRef* m : targets)
      plan.push_back({builder.memberData(*m), memberFileName(src.name, cooperation, m->nis, m->name, m->id, ext), m->id, ""});
  }

  // 3. Render everything in memory before anything touches the disk.
  long long position = w.journal().seq() - 1;  // the journal head the data was read at
  std::string templateLabel = src.shipped ? src.name : src.path;
  for (auto& p : plan) {
    docs::RenderOptions ro;
    ro.properties = {{"igsgov.template", templateLabel},
                     {"igsgov.template_sha256", tpl.sha256()},
                     {"igsgov.journal_position", std::to_string(position)},
                     {"igsgov.as_of", asOf.iso()},
                     {"igsgov.operation", "documents.generate"},
                     {"igsgov.cooperation", cooperation}};
    if (!p.member.empty()) ro.properties["igsgov.member"] = p.member;
    p.bytes = tpl.render(Poco::Dynamic::Var(p.data), ro);
  }
  if (format == OutputFormat::pdf) convertToPdf(plan, src.format == docs::Format::odt ? "odt" : "docx");

  // 4. Stage, register, publish.
  OutputBatch batch(outDir);
  auto list = newArray();
  int n = 0;
  for (auto& p : plan) {
    GeneratedDocument d;
    d.id = "gen-" + std::to_string(w.journal().seq()) + "-" + std::to_string(++n);
    d.kind = kind;
    d.templateName = templateLabel;
    d.templateSha256 = tpl.sha256();
    d.cooperation = cooperation;
    d.member = p.member;
    d.asOf = asOf.iso();
    d.journalPosition = position;
    const std::string file = absolutePath(batch.stage(p.fileName, p.bytes));
    d.outputPath = recordedDocumentPath(w.db().path(), file);
    d.outputSha256 = sha256Hex(p.bytes);
    d.size = static_cast<long long>(p.bytes.size());
    d.format = ext;
    d.generatedAt = w.at();
    registerDocument(w, d);
    list->add(generatedJson(d, file));
  }
  batch.publish();

  auto out = newObject();
  out->set("documents", list);
  out->set("count", static_cast<long long>(plan.size()));
  out->set("template", templateLabel);
  out->set("template_sha256", tpl.sha256());
  out->set("format", ext);
  out->set("out", outDir);
  out->set("as_of", asOf.iso());
  out->set("kind", kind);
  out->set("contributions_source", builder.contributions().source);
  auto skippedJson = newArray();
  for (const MemberRef* m : skipped) {
    auto o = newObject();
    o->set("member", m->id);
    o->set("name", m->name);
    o->set("kind", m->kind);
    skippedJson->add(o);
  }
  out->set("skipped", skippedJson);
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

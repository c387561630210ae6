// The documents page: the documents generated for the IGS (documents.list)
// and, for roles that may call documents.generate, a form that generates one
// document from a shipped template and sends it back as a download.
//
// documents.generate writes into a folder ("out", a server path, which the
// REST API refuses); the page passes a new folder of its own under the
// configured documents folder (SiteOptions::documentsDir), reads the one file
// back and sends it. The folder is kept: the register points at the file and
// sync pushes it from there. A generation that fails removes its folder (no
// half documents). Only shipped template names (template.list) and the
// formats docx, odt, html, md are accepted: a form can never name a path.
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "ops/Authorization.hpp"
#include "web/Pages.hpp"

#include <map>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <cstdlib>

namespace igsgov::web {

namespace {

struct Format {
  const char* name;
  const char* label;
  const char* mediaType;
};

constexpr Format kFormats[] = {
    {"docx", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"odt", "OpenDocument (ODT)", "application/vnd.oasis.opendocument.text"},
    {"html", "HTML", "text/html; charset=utf-8"},
    {"md", "Markdown", "text/markdown; charset=utf-8"},
};

// The folder of one generation: <documents>/<igs>-<date>-XXXXXX (mkdtemp, mode
// 0700, so two generations never share one), removed on destruction unless kept.
class OutputFolder {
public:
  OutputFolder(const std::string& documents, const std::string& igs) {
    if (documents.empty())
      throw Error(ErrorCode::unsupported, "er is geen map ingesteld voor gemaakte documenten",
                  Place().set("field", "'intranet.documents_dir'"));
    std::error_code ec;
    std::filesystem::create_directories(documents, ec);
    if (ec)
      throw Error(ErrorCode::io, "de map voor gemaakte documenten kan niet gemaakt worden: " + ec.message(),
                  Place().set("path", documents));
    std::string pattern = (std::filesystem::path(documents) / (igs + "-" + Date::today().iso() + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data()))
      throw Error(ErrorCode::io, "map voor het document kan niet gemaakt worden", Place().set("path", pattern));
    path_ = pattern;
  }
  ~OutputFolder() {
    std::error_code ec;
    if (!kept_) std::filesystem::remove_all(path_, ec);
  }
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  const std::string& path() const { return path_; }
  void keep() { kept_ = true; }

private:
  std::string path_;
  bool kept_ = false;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "gemaakt document kan niet gelezen worden", Place().set("path", path));
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

JsonArray shippedTemplates(PageRequest& r) {
  auto list = call(r, "template.list", newObject())->getArray("templates");
  return list ? list : newArray();
}

}  // namespace

PageResult documentsPage(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string id = text(igs, "id");
  PageResult p;
  p.view = "documents";
  p.title = "Documenten – " + text(igs, "name");
  p.igs = id;
  p.tab = "documenten";
  p.data = newObject();
  p.data->set("igs_name", text(igs, "name"));
  bool may = mayCall(r, "documents.generate", id);
  p.data->set("may_generate", may);
  p.data->set("action", "/intranet/igs/" + segment(id) + "/documenten");
  p.data->set("csrf", r.csrf);
  p.data->set("as_of", today(r).iso());
  auto templates = newArray();
  auto shipped = shippedTemplates(r);
  for (std::size_t i = 0; i < shipped->size(); ++i) {
    auto t = shipped->getObject(static_cast<unsigned>(i));
    auto o = newObject();
    o->set("name", text(t, "name"));
    o->set("title", text(t, "title"));
    o->set("per", text(t, "kind") == "lid" ? "per deelnemer" : "per samenwerkingsverband");
    templates->add(o);
  }
  p.data->set("templates", templates);
  auto formats = newArray();
  for (const auto& f : kFormats) {
    auto o = newObject();
    o->set("name", f.name);
    o->set("label", f.label);
    formats->add(o);
  }
  p.data->set("formats", formats);
  auto members = newArray();
  std::map<std::string, std::string> memberNames;
  auto ms = igs->getArray("members");
  for (std::size_t i = 0; ms && i < ms->size(); ++i) {
    auto m = ms->getObject(static_cast<unsigned>(i));
    auto o = newObject();
    o->set("id", text(m, "id"));
    o->set("name", text(m, "name"));
    memberNames[text(m, "id")] = text(m, "name");
    members->add(o);
  }
  p.data->set("members", members);
  auto lin = newObject();
  lin->set("cooperation", id);
  auto generated = call(r, "documents.list", lin)->getArray("documents");
  auto rows = newArray();
  for (std::size_t i = 0; generated && i < generated->size(); ++i) {
    auto d = generated->getObject(static_cast<unsigned>(i));
    auto o = newObject();
    o->set("template", text(d, "template"));
    o->set("format", text(d, "format"));
    o->set("as_of", dateNl(text(d, "as_of")));
    o->set("generated_at", timeNl(r, text(d, "generated_at")));
    o->set("sha256", text(d, "sha256").substr(0, 12));
    o->set("member", memberNames.count(text(d, "member")) ? memberNames[text(d, "member")] : text(d, "member"));
    rows->add(o);
  }
  p.data->set("generated", rows);
  p.data->set("none_generated", rows->size() == 0);
  return p;
}

PageResult generateAction(PageRequest& r) {
  auto igs = loadIgs(r);
  if (!mayCall(r, "documents.generate", text(igs, "id")))
    throw Error(ErrorCode::denied,
                "u mag geen documenten maken voor dit samenwerkingsverband (uw rollen: " +
                    service::grantsText(ops::effectiveGrants(r.caller)) + ")",
                Place().set("operation", "documents.generate"));
  auto asOf = dateField(r.fields, "datum");
  std::string templateName = field(r.fields, "sjabloon");
  std::string format = field(r.fields, "formaat");
  std::string member = field(r.fields, "deelnemer");
  std::string kind;
  auto shipped = shippedTemplates(r);
  for (std::size_t i = 0; i < shipped->size(); ++i) {
    auto t = shipped->getObject(static_cast<unsigned>(i));
    if (text(t, "name") == templateName) kind = text(t, "kind");
  }
  if (kind.empty())
    throwInvalid("onbekend sjabloon '" + templateName + "'", Place().set("field", "'sjabloon'"));
  const Format* chosen = nullptr;
  for (const auto& f : kFormats)
    if (format == f.name) chosen = &f;
  if (!chosen) throwInvalid("onbekend formaat '" + format + "' (docx, odt, html of md)", Place().set("field", "'formaat'"));
  if (kind == "lid" && member.empty())
    throwInvalid("dit sjabloon maakt een document per deelnemer: kies een deelnemer", Place().set("field", "'deelnemer'"));

  OutputFolder folder(r.documentsDir, text(igs, "id"));  // igs ids are record ids: no '/'
  auto in = newObject();
  in->set("template", templateName);
  in->set("cooperation", text(igs, "id"));
  in->set("format", format);
  in->set("out", folder.path());
  if (!member.empty()) in->set("member", member);
  if (asOf) in->set("as_of", *asOf);
  r.caller.reason = "gemaakt via het intranet";
  auto out = call(r, "documents.generate", in);
  auto docs = out->getArray("documents");
  if (!docs || docs->size() != 1)
    throw Error(ErrorCode::internal, "documents.generate gaf geen enkel document terug");
  std::string path = text(docs->getObject(0), "path");
  PageResult p;
  p.fileBytes = readFile(path);
  p.fileName = std::filesystem::path(path).filename().string();
  p.mediaType = chosen->mediaType;
  folder.keep();
  return p;
}

}  // namespace igsgov::web

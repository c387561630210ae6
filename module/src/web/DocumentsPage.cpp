// The documents page (/intranet/igs/:igs/documenten): a form that generates
// documents from a shipped template for the IGS, one member or all members,
// as DOCX, ODT, PDF, HTML or Markdown (documents.generate); the register of
// generated documents (documents.list) with who made each, when (Europe/
// Brussels), from which template, for which member, and a download link.
//
// documents.generate keeps the documents in a new folder of their own under
// the configured documents folder ("documents_dir", documents/Generate.hpp),
// kept when the generation succeeds (the register points at the files and
// sync pushes them from there) and removed when it fails. One document is sent back at once as a download;
// a batch (all members) answers 303 to this page with ?aanmaak=<generation>,
// which lists each file and a ZIP of the whole batch (web/DocumentsDownload.cpp).
// Only shipped template names (template.list) and the formats below are
// accepted: a form can never name a path. A refused form is shown again with
// the message next to its field and the values as typed (web/FieldErrors.hpp).
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "documents/Generate.hpp"
#include "ops/Authorization.hpp"
#include "web/DocumentFiles.hpp"
#include "web/FieldErrors.hpp"
#include "web/Pages.hpp"

#include <cctype>
#include <map>

namespace igsgov::web {

namespace {

struct Format {
  const char* name;
  const char* label;
};

constexpr Format kFormats[] = {
    {"pdf", "PDF"}, {"docx", "Word (DOCX)"}, {"odt", "OpenDocument (ODT)"}, {"html", "HTML"}, {"md", "Markdown"}};

// The form value for "every member".
constexpr const char* kAllMembers = "*";

const std::vector<std::string> kFormFields = {"sjabloon", "deelnemer", "formaat", "datum"};
const FieldNames kFieldNames = {{"template", "sjabloon"}, {"member", "deelnemer"}, {"all_members", "deelnemer"},
                                {"cooperation", "deelnemer"}, {"format", "formaat"}, {"as_of", "datum"},
                                {"datum", "datum"}};

std::string base(const std::string& igs) { return "/intranet/igs/" + segment(igs) + "/documenten"; }

// The form's values: what the user typed, else the defaults.
struct Choice {
  std::string templateName, member, format, asOf;
};

Choice choiceOf(const PageRequest& r, bool posted) {
  Choice c;
  c.templateName = posted ? field(r.fields, "sjabloon") : "engagementsverklaring";
  c.member = posted ? field(r.fields, "deelnemer") : "";
  c.format = posted ? field(r.fields, "formaat") : "pdf";
  c.asOf = posted ? field(r.fields, "datum") : Date::today().iso();
  return c;
}

// The documents of one generation (?aanmaak=N): each file and the ZIP.
void addResult(PageRequest& r, const std::string& igs, const std::map<std::string, std::string>& memberNames,
               JsonObject data) {
  std::string wanted = field(r.fields, "aanmaak");
  data->set("has_result", false);
  if (wanted.empty() || wanted.size() > 18 || wanted.find_first_not_of("0123456789") != std::string::npos) return;
  auto in = newObject();
  in->set("cooperation", igs);
  in->set("generation", std::stoll(wanted));
  in->set("limit", 100000LL);
  auto docs = arrayOf(call(r, "documents.list", in), "documents");
  if (docs->size() == 0) return;
  auto rows = newArray();
  bool all = true;
  for (std::size_t i = docs->size(); i-- > 0;) {  // documents.list is newest first: back to the batch's order
    auto d = docs->getObject(static_cast<unsigned>(i));
    auto o = newObject();
    auto name = memberNames.find(text(d, "member"));
    o->set("who", name != memberNames.end() ? name->second : "het samenwerkingsverband");
    o->set("file", fileName(d));
    o->set("href", base(igs) + "/" + segment(text(d, "id")));
    all = all && servable(r.documentsDir, d);
    rows->add(o);
  }
  data->set("has_result", all);
  data->set("result_rows", rows);
  data->set("result_count", std::to_string(rows->size()) + (rows->size() == 1 ? " document" : " documenten"));
  data->set("result_zip", base(igs) + "/aanmaak/" + wanted);
}

PageResult page(PageRequest& r, const Choice& choice, const FieldError& error) {
  auto igs = loadIgs(r);
  std::string id = text(igs, "id");
  PageResult p;
  p.view = "documents";
  p.title = "Documenten – " + text(igs, "name");
  p.igs = id;
  p.tab = "documenten";
  p.status = error.message.empty() ? 200 : 400;
  p.data = newObject();
  auto& data = p.data;
  data->set("igs_name", text(igs, "name"));
  data->set("may_generate", mayCall(r, "documents.generate", id));
  data->set("action", base(id));
  data->set("csrf", r.csrf);
  data->set("as_of", choice.asOf);
  setFieldErrors(data, kFormFields, error);

  std::map<std::string, std::string> templateTitles;
  auto templates = newArray();
  each(arrayOf(call(r, "template.list", newObject()), "templates"), [&](JsonObject t) {
    auto o = newObject();
    o->set("name", text(t, "name"));
    o->set("title", text(t, "title"));
    o->set("per", text(t, "kind") == "lid" ? "per deelnemer" : "per samenwerkingsverband");
    o->set("selected", text(t, "name") == choice.templateName);
    templates->add(o);
    templateTitles[text(t, "name")] = text(t, "title");
  });
  data->set("templates", templates);
  auto formats = newArray();
  for (const auto& f : kFormats) {
    auto o = newObject();
    o->set("name", f.name);
    o->set("label", f.label);
    o->set("selected", choice.format == f.name);
    formats->add(o);
  }
  data->set("formats", formats);
  std::map<std::string, std::string> memberNames;
  auto members = newArray();
  each(arrayOf(igs, "members"), [&](JsonObject m) {
    auto o = newObject();
    o->set("id", text(m, "id"));
    o->set("name", text(m, "name"));
    o->set("selected", text(m, "id") == choice.member);
    members->add(o);
    memberNames[text(m, "id")] = text(m, "name");
  });
  data->set("members", members);
  data->set("all_members", kAllMembers);
  data->set("all_selected", choice.member == kAllMembers);
  addResult(r, id, memberNames, data);

  auto in = newObject();
  in->set("cooperation", id);
  auto rows = newArray();
  each(arrayOf(call(r, "documents.list", in), "documents"), [&](JsonObject d) {
    auto o = newObject();
    // The title up to its colon ("Engagementsverklaring van een deelnemer"): the table stays readable.
    auto title = templateTitles.find(text(d, "template"));
    std::string shown = title != templateTitles.end() ? title->second : text(d, "template");
    o->set("template", shown.substr(0, shown.find(':')));
    std::string format = text(d, "format");
    for (char& c : format) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    o->set("format", format);
    auto name = memberNames.find(text(d, "member"));
    o->set("member", text(d, "member").empty() ? "—" : name != memberNames.end() ? name->second : text(d, "member"));
    o->set("as_of", dateNl(text(d, "as_of")));
    o->set("generated_at", timeNl(r, text(d, "generated_at")));
    o->set("by", text(d, "generated_by"));
    o->set("href", servable(r.documentsDir, d) ? base(id) + "/" + segment(text(d, "id")) : std::string());
    o->set("file", fileName(d));
    rows->add(o);
  });
  data->set("generated", rows);
  data->set("none_generated", rows->size() == 0);
  return p;
}

}  // namespace

PageResult documentsPage(PageRequest& r) { return page(r, choiceOf(r, false), {}); }

PageResult generateAction(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string id = text(igs, "id");
  if (!mayCall(r, "documents.generate", id))
    throw Error(ErrorCode::denied,
                "u mag geen documenten maken voor dit samenwerkingsverband (uw rollen: " +
                    service::grantsText(ops::effectiveGrants(r.caller)) + ")",
                Place().set("operation", "documents.generate"));
  Choice choice = choiceOf(r, true);
  try {
    auto asOf = dateField(r.fields, "datum");
    bool known = false;
    each(arrayOf(call(r, "template.list", newObject()), "templates"),
         [&](JsonObject t) { known = known || text(t, "name") == choice.templateName; });
    if (!known) throwInvalid("onbekend sjabloon '" + choice.templateName + "': kies een sjabloon uit de lijst",
                               Place().set("field", "'sjabloon'"));
    bool formatKnown = false;
    for (const auto& f : kFormats) formatKnown = formatKnown || choice.format == f.name;
    if (!formatKnown) throwInvalid("onbekend formaat '" + choice.format + "': kies PDF, DOCX, ODT, HTML of Markdown",
                                     Place().set("field", "'formaat'"));

    auto in = newObject();
    in->set("template", choice.templateName);
    in->set("cooperation", id);
    in->set("format", choice.format);
    in->set("documents_dir", r.documentsDir);
    if (choice.member == kAllMembers) in->set("all_members", true);
    else if (!choice.member.empty()) in->set("member", choice.member);
    if (asOf) in->set("as_of", *asOf);
    r.caller.reason = "gemaakt via het intranet";
    auto out = call(r, "documents.generate", in);
    auto docs = arrayOf(out, "documents");
    PageResult p;
    if (docs->size() == 1 && choice.member != kAllMembers) {  // one document: the download itself
      auto d = docs->getObject(0);
      p.fileBytes = readRegistered(r.documentsDir, d);
      p.fileName = fileName(d);
      p.mediaType = documents::documentMediaType(text(d, "format"));
      return p;
    }
    p.redirect = base(id) + "?aanmaak=" + std::to_string(out->getValue<long long>("generation")) + "#resultaat";
    return p;
  } catch (const Error& e) {
    // Refused input and failed conversions: the form again, nothing was kept.
    if (e.errorCode() == ErrorCode::denied || e.errorCode() == ErrorCode::internal) throw;
    if (e.errorCode() == ErrorCode::unsupported && e.place().fields.count("field") &&
        e.place().fields.at("field") == "'intranet.documents_dir'")
      throw;
    return page(r, choice, fieldOf(e, kFieldNames));
  }
}

}  // namespace igsgov::web

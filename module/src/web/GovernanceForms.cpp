// The write forms of the statuten pages, each one catalogue operation with
// the signed-in account as actor (Site's Caller):
//   /statuten/nieuw                    document.create   (soort, titel)
//   /statuten/:document/versie         document.add-version with the uploaded
//                                      file as content_base64 (label, bestand,
//                                      status, voorgelegd, inwerking)
//   /statuten/versies/:version/status  document.status   (status, datum, reden)
//   /statuten/versies/:version/besluit approval.record   (deelnemer, raad, datum,
//                                      uitkomst, referentie, uri)
//   /statuten/versies/:version/verbeteren document.correct (label, voorgelegd,
//                                      inwerking, reden: only what changed)
// GET shows the form, POST runs the operation: 303 back to the statuten page
// when it succeeded, else the form again with what was typed and the Dutch
// error next to the field the operation's Place names (FormState). The file
// and its version are stored in one transaction by document.add-version, so a
// refused registration leaves no stored file. A role that may not run the
// operation gets 403 for GET and POST alike (the page links are not shown).
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "governance/Vocabulary.hpp"
#include "web/FormModel.hpp"
#include "web/GovernanceRefs.hpp"
#include "web/Uploads.hpp"

#include <set>

namespace igsgov::web {

namespace {

using Choices = std::vector<std::pair<std::string, std::string>>;

Choices choicesOf(const model::CodeList& list, const std::set<std::string>& only = {}) {
  Choices out;
  for (const auto& [code, label] : list.labels)
    if (only.empty() || only.count(code)) out.emplace_back(code, label);
  return out;
}

// 403 unless the caller may run `operation` for the IGS (GET too: no form is
// offered that the POST would refuse).
void requireMay(PageRequest& r, const std::string& operation, const std::string& igsId) {
  if (!mayCall(r, operation, igsId))
    throw Error(ErrorCode::denied, "uw rol mag dit niet voor dit samenwerkingsverband (" + operation + ")");
}

PageResult formPage(const std::string& view, const std::string& title, const JsonObject& igs, const FormState& form,
                    PageRequest& r) {
  PageResult p;
  p.view = view;
  p.title = title;
  p.igs = text(igs, "id");
  p.tab = "statuten";
  p.data = form.data();
  p.data->set("igs_name", text(igs, "name"));
  p.data->set("csrf", r.csrf);
  p.data->set("back_href", statutenBase(text(igs, "id")));
  return p;
}

PageResult done(const std::string& igsId, const std::string& what, const std::string& anchor) {
  PageResult p;
  p.redirect = statutenBase(igsId) + "?gedaan=" + what + (anchor.empty() ? "" : "#doc-" + segment(anchor));
  return p;
}

// A date field typed in the form: checked here too so the error sits at the field.
std::optional<std::string> formDate(const PageRequest& r, FormState& form, const std::string& name) {
  try {
    return dateField(r.fields, name);
  } catch (const Error& e) {
    form.errors[name] = "Geen geldige datum: gebruik dag, maand en jaar.";
    return std::nullopt;
  }
}

// A free id "<base>", "<base>-2", ... among `taken`.
std::string freeId(const std::string& base, const std::set<std::string>& taken) {
  if (!taken.count(base)) return base;
  for (int n = 2;; ++n)
    if (!taken.count(base + "-" + std::to_string(n))) return base + "-" + std::to_string(n);
}

}  // namespace

PageResult documentCreatePage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  requireMay(r, "document.create", igsId);
  FormState form{{"soort", "titel"}, r.fields, {}, ""};
  if (post) {
    std::set<std::string> taken;
    auto docs = call(r, "document.list", newObject())->getArray("documents");
    for (std::size_t i = 0; docs && i < docs->size(); ++i) taken.insert(text(docs->getObject(static_cast<unsigned>(i)), "id"));
    auto in = newObject();
    in->set("id", freeId(igsId + "-" + field(r.fields, "soort"), taken));
    in->set("cooperation", igsId);
    in->set("kind", field(r.fields, "soort"));
    if (!field(r.fields, "titel").empty()) in->set("title", field(r.fields, "titel"));
    if (field(r.fields, "soort").empty()) form.errors["soort"] = "Kies de soort document.";
    if (form.ok()) {
      try {
        auto out = call(r, "document.create", in);
        return done(igsId, "document", text(in, "id"));
      } catch (const Error& e) {
        if (!isFormError(e)) throw;
        form.add(e, {{"kind", "soort"}, {"title", "titel"}});
      }
    }
  }
  auto p = formPage("document-new", "Nieuw bestuursdocument – " + text(igs, "name"), igs, form, r);
  p.data->set("kinds", optionList(choicesOf(governance::documentKinds()), field(form.values, "soort")));
  if (!form.ok()) p.status = 422;
  return p;
}

PageResult versionUploadPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  requireMay(r, "document.add-version", igsId);
  auto ref = findDocument(r, igsId, r.params.at("document"));
  std::string docId = text(ref.document, "id");
  FormState form{{"label", "bestand", "status", "voorgelegd", "inwerking"}, r.fields, {}, ""};
  if (!post) form.values["status"] = "ontwerp";
  if (post) {
    auto submitted = formDate(r, form, "voorgelegd");
    auto effective = formDate(r, form, "inwerking");
    auto file = r.uploads.find("bestand");
    if (file == r.uploads.end() || (file->second.fileName.empty() && file->second.size == 0))
      form.errors["bestand"] = "Kies het bestand van de nieuwe versie (DOCX, ODT of PDF).";
    else if (file->second.tooLarge)
      form.errors["bestand"] = "Het bestand is te groot (" + mib(file->second.size) + "); hoogstens " +
                               mib(r.maxUploadBytes) + " per bestand.";
    else if (file->second.size == 0)
      form.errors["bestand"] = "Het bestand '" + file->second.fileName + "' is leeg.";
    if (form.ok()) {
      std::set<std::string> taken;
      auto versions = ref.document->getArray("versions");
      for (std::size_t i = 0; versions && i < versions->size(); ++i)
        taken.insert(text(versions->getObject(static_cast<unsigned>(i)), "id"));
      auto in = newObject();
      in->set("id", freeId(docId + "-v" + std::to_string(taken.size() + 1), taken));
      in->set("document", docId);
      in->set("label", field(r.fields, "label"));
      in->set("content_base64", igsgov::base64Encode(file->second.bytes));
      in->set("file_name", file->second.fileName.empty() ? std::string("bestand") : file->second.fileName);
      in->set("status", field(r.fields, "status").empty() ? std::string("ontwerp") : field(r.fields, "status"));
      if (submitted) in->set("submitted", *submitted);
      if (effective) in->set("effective_from", *effective);
      try {
        call(r, "document.add-version", in);
        return done(igsId, "versie", docId);
      } catch (const Error& e) {
        if (!isFormError(e)) throw;
        form.add(e, {{"label", "label"}, {"file", "bestand"}, {"content_base64", "bestand"}, {"file_name", "bestand"},
                     {"status", "status"}, {"submitted", "voorgelegd"}, {"effective_from", "inwerking"}});
      }
    }
  }
  auto p = formPage("version-new", "Nieuwe versie opladen – " + text(ref.document, "title"), igs, form, r);
  p.data->set("action", statutenBase(igsId) + "/" + segment(docId) + "/versie");
  p.data->set("statuses", optionList(choicesOf(governance::versionStatuses(), {"ontwerp", "voorgelegd"}),
                                        field(form.values, "status")));
  p.data->set("max_size", mib(r.maxUploadBytes));
  p.data->set("document_title", text(ref.document, "title"));
  if (!form.ok()) p.status = 422;
  return p;
}

PageResult versionStatusPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  requireMay(r, "document.status", igsId);
  auto ref = findVersion(r, igsId, r.params.at("version"));
  std::string versionId = text(ref.version, "id");
  FormState form{{"status", "datum", "reden"}, r.fields, {}, ""};
  if (post) {
    auto date = formDate(r, form, "datum");
    if (field(r.fields, "status").empty()) form.errors["status"] = "Kies de nieuwe status.";
    if (form.ok()) {
      auto in = newObject();
      in->set("version_id", versionId);
      in->set("status", field(r.fields, "status"));
      if (date) in->set("date", *date);
      if (!field(r.fields, "reden").empty()) {
        in->set("reason", field(r.fields, "reden"));
        r.caller.reason = field(r.fields, "reden");
      }
      try {
        call(r, "document.status", in);
        return done(igsId, "status", text(ref.document, "id"));
      } catch (const Error& e) {
        if (!isFormError(e)) throw;
        form.add(e, {{"status", "status"}, {"date", "datum"}, {"reason", "reden"}});
      }
    }
  }
  auto p = formPage("version-status", "Status wijzigen – " + text(ref.version, "label"), igs, form, r);
  p.data->set("action", statutenBase(igsId) + "/versies/" + segment(versionId) + "/status");
  p.data->set("statuses", optionList(choicesOf(governance::versionStatuses(),
                                                  {"voorgelegd", "goedgekeurd", "in_werking", "vervangen"}),
                                        field(form.values, "status")));
  p.data->set("version_label", text(ref.version, "label"));
  p.data->set("current_status", text(ref.version, "status_label"));
  if (!form.ok()) p.status = 422;
  return p;
}

PageResult decisionPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  requireMay(r, "approval.record", igsId);
  auto ref = findVersion(r, igsId, r.params.at("version"));
  std::string versionId = text(ref.version, "id");
  FormState form{{"deelnemer", "raad", "datum", "uitkomst", "referentie", "uri"}, r.fields, {}, ""};
  if (!post) {
    form.values["raad"] = "gemeenteraad";
    form.values["uitkomst"] = "goedgekeurd";
  }
  if (post) {
    auto date = formDate(r, form, "datum");
    if (!date && !form.errors.count("datum")) form.errors["datum"] = "Geef de datum van het besluit.";
    if (form.ok()) {
      auto in = newObject();
      in->set("version_id", versionId);
      if (!field(r.fields, "deelnemer").empty()) in->set("member", field(r.fields, "deelnemer"));
      in->set("council", field(r.fields, "raad"));
      in->set("date", *date);
      in->set("outcome", field(r.fields, "uitkomst"));
      if (!field(r.fields, "referentie").empty()) in->set("decision_ref", field(r.fields, "referentie"));
      if (!field(r.fields, "uri").empty()) in->set("decision_uri", field(r.fields, "uri"));
      try {
        call(r, "approval.record", in);
        return done(igsId, "besluit", text(ref.document, "id"));
      } catch (const Error& e) {
        if (!isFormError(e)) throw;
        form.add(e, {{"member", "deelnemer"}, {"council", "raad"}, {"date", "datum"}, {"outcome", "uitkomst"},
                     {"decision_ref", "referentie"}, {"decision_uri", "uri"}});
      }
    }
  }
  Choices members{{"", "— geen (orgaan van het samenwerkingsverband) —"}};
  auto list = igs->getArray("members");
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto m = list->getObject(static_cast<unsigned>(i));
    members.emplace_back(text(m, "id"), text(m, "name"));
  }
  auto p = formPage("decision", "Besluit registreren – " + text(ref.version, "label"), igs, form, r);
  p.data->set("action", statutenBase(igsId) + "/versies/" + segment(versionId) + "/besluit");
  p.data->set("members", optionList(members, field(form.values, "deelnemer")));
  p.data->set("councils", optionList(choicesOf(governance::councils()), field(form.values, "raad")));
  p.data->set("outcomes", optionList(choicesOf(governance::outcomes()), field(form.values, "uitkomst")));
  p.data->set("version_label", text(ref.version, "label"));
  p.data->set("document_title", text(ref.document, "title"));
  if (!form.ok()) p.status = 422;
  return p;
}

PageResult versionCorrectPage(PageRequest& r, bool post) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  requireMay(r, "document.correct", igsId);
  auto ref = findVersion(r, igsId, r.params.at("version"));
  std::string versionId = text(ref.version, "id");
  FormState form{{"label", "voorgelegd", "inwerking", "reden"}, r.fields, {}, ""};
  // The form starts from the version as registered; only what differs is sent.
  const std::map<std::string, std::string> registered = {{"label", text(ref.version, "label")},
                                                          {"voorgelegd", text(ref.version, "submitted")},
                                                          {"inwerking", text(ref.version, "effective_from")}};
  if (!post) form.values.insert(registered.begin(), registered.end());
  if (post) {
    auto submitted = formDate(r, form, "voorgelegd");
    auto effective = formDate(r, form, "inwerking");
    auto in = newObject();
    in->set("id", versionId);
    in->set("reason", field(r.fields, "reden"));
    const std::map<std::string, std::string> params = {{"label", "label"}, {"voorgelegd", "submitted"}, {"inwerking", "effective_from"}};
    bool changed = false;
    for (const auto& [name, param] : params) {
      std::string value = name == "voorgelegd" ? submitted.value_or("") : name == "inwerking" ? effective.value_or("")
                                                                                              : field(r.fields, name);
      if (value == registered.at(name) || form.errors.count(name)) continue;
      if (value.empty()) {
        form.errors[name] = "Een gegeven wissen kan niet met een verbetering; geef de juiste waarde.";
        continue;
      }
      in->set(param, value);
      changed = true;
    }
    if (form.ok() && !changed) form.formError = "Er is niets gewijzigd.";
    if (form.ok()) {
      r.caller.reason = field(r.fields, "reden");
      try {
        call(r, "document.correct", in);
        return done(igsId, "verbeterd", text(ref.document, "id"));
      } catch (const Error& e) {
        if (!isFormError(e)) throw;
        form.add(e, {{"label", "label"}, {"submitted", "voorgelegd"}, {"effective_from", "inwerking"}, {"reason", "reden"}});
      }
    }
  }
  auto p = formPage("version-correct", "Gegevens verbeteren – " + text(ref.version, "label"), igs, form, r);
  p.data->set("action", statutenBase(igsId) + "/versies/" + segment(versionId) + "/verbeteren");
  p.data->set("document_title", text(ref.document, "title"));
  if (!form.ok()) p.status = 422;
  return p;
}

}  // namespace igsgov::web

// The comparison of two versions of the IGS's governing documents
// (/intranet/igs/:igs/statuten/vergelijk?van=&naar=) through document.compare,
// the paragraph diff of governance/ParagraphDiff. Each change is a block that
// says what it is in words ("Geschrapt", "Toegevoegd", "Gewijzigd", with the
// paragraph numbers) and marks the text with <del>/<ins>, so it reads without
// colour too; unchanged paragraphs are only counted. Also: the lookups of
// GovernanceRefs.hpp.
#include "core/Error.hpp"
#include "web/FormModel.hpp"
#include "web/GovernanceRefs.hpp"

#include <functional>
#include <optional>

namespace igsgov::web {

std::string statutenBase(const std::string& igsId) { return "/intranet/igs/" + segment(igsId) + "/statuten"; }

JsonArray igsDocuments(PageRequest& r, const std::string& igsId) {
  auto in = newObject();
  in->set("cooperation", igsId);
  auto docs = call(r, "document.list", in)->getArray("documents");
  return docs ? docs : newArray();
}

GovernanceRef findDocument(PageRequest& r, const std::string& igsId, const std::string& id) {
  auto docs = igsDocuments(r, igsId);
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    if (text(d, "id") == id) return {d, nullptr};
  }
  throwNotFound("dit samenwerkingsverband heeft geen bestuursdocument '" + id + "'", Place().set("field", "'document'"));
}

void forEachVersion(const JsonArray& docs, const std::function<void(const JsonObject&, const JsonObject&)>& fn) {
  for (std::size_t i = 0; i < docs->size(); ++i) {
    auto d = docs->getObject(static_cast<unsigned>(i));
    auto versions = d->getArray("versions");
    for (std::size_t k = 0; versions && k < versions->size(); ++k) fn(d, versions->getObject(static_cast<unsigned>(k)));
  }
}

GovernanceRef findVersion(PageRequest& r, const std::string& igsId, const std::string& id, const std::string& field) {
  std::optional<GovernanceRef> found;
  forEachVersion(igsDocuments(r, igsId), [&](const JsonObject& d, const JsonObject& v) {
    if (!found && text(v, "id") == id) found = GovernanceRef{d, v};
  });
  if (found) return *found;
  throwNotFound("dit samenwerkingsverband heeft geen documentversie '" + id + "'", Place().set("field", "'" + field + "'"));
}

namespace {

std::string paragraphOf(const JsonObject& change, const std::string& no, const std::string& label) {
  return "paragraaf " + text(change, no) + " van " + label;
}

}  // namespace

PageResult comparePage(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string igsId = text(igs, "id");
  FormState form{{"van", "naar"}, r.fields, {}, ""};
  // Every version of the IGS, labelled with its document, newest last.
  std::vector<std::pair<std::string, std::string>> choices;
  forEachVersion(igsDocuments(r, igsId), [&](const JsonObject& d, const JsonObject& v) {
    choices.emplace_back(text(v, "id"), text(d, "title") + ": " + text(v, "label"));
  });
  if (!r.fields.count("van") && !r.fields.count("naar") && choices.size() >= 2) {
    form.values["van"] = choices[choices.size() - 2].first;
    form.values["naar"] = choices.back().first;
  }
  PageResult p;
  p.view = "compare";
  p.title = "Versies vergelijken – " + text(igs, "name");
  p.igs = igsId;
  p.tab = "statuten";
  auto changes = newArray();
  bool compared = false;
  std::string summary, fromLabel, toLabel;
  std::string from = field(r.fields, "van"), to = field(r.fields, "naar");
  if (!from.empty() && !to.empty()) {
    try {
      auto a = findVersion(r, igsId, from, "van");
      auto b = findVersion(r, igsId, to, "naar");
      fromLabel = text(a.version, "label");
      toLabel = text(b.version, "label");
      auto in = newObject();
      in->set("from", from);
      in->set("to", to);
      auto out = call(r, "document.compare", in);
      compared = true;
      summary = text(out, "changed") + " gewijzigd, " + text(out, "added") + " toegevoegd, " + text(out, "removed") +
                " geschrapt, " + text(out, "unchanged") + " ongewijzigd.";
      auto list = out->getArray("changes");
      for (std::size_t i = 0; list && i < list->size(); ++i) {
        auto c = list->getObject(static_cast<unsigned>(i));
        std::string kind = text(c, "kind");
        auto o = newObject();
        o->set("kind", kind);
        o->set("removed", kind == "removed");
        o->set("added", kind == "added");
        o->set("changed", kind == "changed");
        o->set("before", text(c, "before"));
        o->set("after", text(c, "after"));
        std::string heading = kind == "removed" ? "Geschrapt: " + paragraphOf(c, "before_no", fromLabel)
                              : kind == "added" ? "Toegevoegd: " + paragraphOf(c, "after_no", toLabel)
                                                : "Gewijzigd: " + paragraphOf(c, "before_no", fromLabel) + " → " +
                                                      paragraphOf(c, "after_no", toLabel);
        o->set("heading", heading);
        changes->add(o);
      }
    } catch (const Error& e) {
      if (!isFormError(e)) throw;
      form.add(e, {{"from", "van"}, {"to", "naar"}});
      p.status = 422;
    }
  }
  p.data = form.data();
  p.data->set("igs_name", text(igs, "name"));
  p.data->set("back_href", statutenBase(igsId));
  p.data->set("action", statutenBase(igsId) + "/vergelijk");
  p.data->set("from_options", optionList(choices, field(form.values, "van")));
  p.data->set("to_options", optionList(choices, field(form.values, "naar")));
  p.data->set("compared", compared);
  p.data->set("identical", compared && changes->size() == 0);
  p.data->set("summary", summary);
  p.data->set("from_label", fromLabel);
  p.data->set("to_label", toLabel);
  p.data->set("changes", changes);
  p.data->set("enough", choices.size() >= 2);
  return p;
}

}  // namespace igsgov::web

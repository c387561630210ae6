// The founding page of one IGS: the eleven steps of its stappenplan with the
// state of each (founding.status: evidence from the register or a person's
// check-off), what blocks the next step, and, for whoever may call
// founding.check-off / founding.retract, the forms to check a condition off
// (with a reason and optionally an attached document, web/Uploads.hpp) or to
// retract a check-off (with a reason), and the download of a check-off's
// attachment (founding.attachment). One form = one operation = one
// transaction; the operation's Error is shown at its field.
#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "web/FormState.hpp"
#include "web/Pages.hpp"
#include "web/Uploads.hpp"

#include <map>
#include <vector>

namespace igsgov::web {

namespace {

const std::vector<std::string> kFields = {"afv_item", "afv_datum", "afv_reden", "afv_bijlage", "intr_id", "intr_reden"};

PageResult render(PageRequest& r, const JsonObject& igs, const FormFields& typed, const FormErrors& errors,
                  const std::string& failed) {
  const std::string igsId = text(igs, "id");
  auto in = newObject();
  in->set("cooperation", igsId);
  if (auto asOf = dateField(r.fields, "datum")) in->set("as_of", *asOf);
  JsonObject out;
  try {
    out = call(r, "founding.status", in);
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::notFound) throw;
    // No stappenplan applies to this IGS (another policy domain): say so, no steps.
    PageResult p = igsPage(r, igs, "founding", "Oprichting – " + text(igs, "name"), "oprichting");
    p.data->set("no_plan", "Voor " + text(igs, "name") + " geldt geen stappenplan voor de oprichting");
    return p;
  }
  bool mayCheck = mayCall(r, "founding.check-off", igsId);
  bool mayRetract = mayCall(r, "founding.retract", igsId);

  std::vector<std::pair<std::string, std::string>> open{{"", "— kies wat afgevinkt wordt —"}};
  auto steps = newArray();
  each(arrayOf(out, "steps"), [&](JsonObject s) {
    auto row = newObject();
    std::string number = text(s, "number");
    row->set("number", number);
    row->set("title", text(s, "title"));
    row->set("anchor", "stap-" + number);
    bool done = s->getValue<bool>("done");
    bool late = s->optValue<bool>("late", false);
    row->set("state", done ? "klaar" : late ? "termijn verstreken" : "open");
    row->set("state_class", done ? "klaar" : late ? "laat" : "open");
    row->set("per_gemeente", s->getValue<bool>("per_gemeente"));
    auto d = s->getObject("deadline");
    row->set("deadline", d ? dateNl(text(d, "date")) : std::string());
    row->set("deadline_iso", d ? text(d, "date") : std::string());
    auto conditions = newArray();
    each(arrayOf(s, "conditions"), [&](JsonObject c) {
      auto co = newObject();
      co->set("description", text(c, "description"));
      auto results = newArray();
      each(arrayOf(c, "results"), [&](JsonObject res) {
        auto ro = newObject();
        bool ok = res->getValue<bool>("done");
        std::string who = text(res, "member_name");
        ro->set("who", who);
        ro->set("has_who", !who.empty());
        ro->set("done", ok);
        ro->set("text", ok ? text(res, "evidence") : text(res, "missing"));
        auto checkOff = res->getObject("check_off");
        ro->set("retract", mayRetract && checkOff);
        ro->set("checkoff_id", checkOff ? text(checkOff, "id") : std::string());
        ro->set("attachment", checkOff && !text(checkOff, "document_sha256").empty()
                                  ? base(r) + "/oprichting/bijlage/" + segment(text(checkOff, "id"))
                                  : std::string());
        results->add(ro);
        if (!ok && c->getValue<bool>("check_off")) {
          std::string value = text(s, "id") + "|" + text(c, "key") + "|" + text(res, "member");
          std::string label = "stap " + number + " – " +
                              (text(c, "subject").empty() ? text(s, "title") : text(c, "subject")) +
                              (who.empty() ? "" : " – " + who);
          open.emplace_back(value, label);
        }
      });
      co->set("results", results);
      conditions->add(co);
    });
    row->set("conditions", conditions);
    steps->add(row);
  });

  PageResult p = igsPage(r, igs, "founding", "Oprichting – " + text(igs, "name"), "oprichting");
  p.data->set("no_plan", std::string());
  p.data->set("plan_title", text(out, "title"));
  p.data->set("citation", text(out, "citation"));
  p.data->set("as_of", text(out, "as_of"));
  p.data->set("as_of_nl", dateNl(text(out, "as_of")));
  p.data->set("in_oprichting", out->getValue<bool>("in_oprichting"));
  p.data->set("done_steps", text(out, "done_steps"));
  p.data->set("total_steps", text(out, "total_steps"));
  p.data->set("has_next", out->has("next_step"));
  p.data->set("next_step", text(out, "next_step"));
  p.data->set("next_title", text(out, "next_step_title"));
  auto blockers = newArray();
  auto list = out->getArray("blockers");
  for (std::size_t i = 0; i < list->size(); ++i) blockers->add(list->getElement<std::string>(static_cast<unsigned>(i)));
  p.data->set("blockers", blockers);
  p.data->set("steps", steps);
  p.data->set("may_check", mayCheck && open.size() > 1);
  p.data->set("csrf", r.csrf);
  p.data->set("action", base(r) + "/oprichting");
  FormFields values;
  if (!failed.empty())
    for (const auto& [k, v] : typed)
      if (k.rfind(failed, 0) == 0) values[k] = v;
  fillForm(p.data, kFields, values, errors);
  p.data->set("afv_error", failed == "afv_" ? errors.general : std::string());
  p.data->set("intr_error", failed == "intr_" ? errors.general : std::string());
  p.data->set("form_error", std::string());
  p.data->set("afv_item_options", optionList(open, field(values, "afv_item")));
  if (!failed.empty()) p.status = 400;  // a refused form shown again
  p.data->set("today", today(r).iso());
  p.data->set("max_size", mib(r.maxUploadBytes));
  static const std::map<std::string, std::string> doneText = {{"afvinken", "De voorwaarde is afgevinkt."},
                                                              {"intrekken", "De afvinking is ingetrokken."}};
  auto it = doneText.find(field(r.fields, "gedaan"));
  p.data->set("done", it == doneText.end() ? std::string() : it->second);
  return p;
}

}  // namespace

PageResult foundingPage(PageRequest& r) { return render(r, loadIgs(r), {}, {}, ""); }

PageResult foundingAction(PageRequest& r) {
  auto igs = loadIgs(r);
  const std::string action = field(r.fields, "actie");
  auto in = newObject();
  std::map<std::string, std::string> fieldOf;
  std::string prefix, operation;
  if (action == "afvinken") {
    prefix = "afv_", operation = "founding.check-off";
    fieldOf = {{"step", "afv_item"}, {"condition", "afv_item"}, {"member", "afv_item"}, {"date", "afv_datum"},
               {"note", "afv_reden"}, {"cooperation", "afv_item"}, {"content_base64", "afv_bijlage"}};
    in->set("cooperation", text(igs, "id"));
    std::string item = field(r.fields, "afv_item");
    auto bar1 = item.find('|'), bar2 = bar1 == std::string::npos ? bar1 : item.find('|', bar1 + 1);
    if (bar2 != std::string::npos) {
      in->set("step", item.substr(0, bar1));
      in->set("condition", item.substr(bar1 + 1, bar2 - bar1 - 1));
      if (bar2 + 1 < item.size()) in->set("member", item.substr(bar2 + 1));
    }
    if (!field(r.fields, "afv_datum").empty()) in->set("date", field(r.fields, "afv_datum"));
    if (!field(r.fields, "afv_reden").empty()) in->set("note", field(r.fields, "afv_reden"));
    r.caller.reason = field(r.fields, "afv_reden");
    // The attached document, if one was chosen: checked here so the problem sits at the field.
    if (auto up = r.uploads.find("afv_bijlage"); up != r.uploads.end() && uploadChosen(up->second)) {
      if (auto problem = uploadProblem(up->second, r.maxUploadBytes); !problem.empty()) {
        FormErrors errors;
        errors.fields["afv_bijlage"] = problem;
        return render(r, igs, r.fields, errors, prefix);
      }
      in->set("content_base64", base64Encode(up->second.bytes));
    }
  } else if (action == "intrekken") {
    prefix = "intr_", operation = "founding.retract";
    fieldOf = {{"id", "intr_id"}, {"reason", "intr_reden"}};
    in->set("id", field(r.fields, "intr_id"));
    if (!field(r.fields, "intr_reden").empty()) in->set("reason", field(r.fields, "intr_reden"));
    r.caller.reason = field(r.fields, "intr_reden");
  } else {
    throwInvalid("onbekende actie '" + action + "'", Place().set("field", "'actie'"));
  }
  try {
    // No page-side check first: the operation refuses a caller without the role (403)
    // before it looks at the input, and a missing choice at 'step' (shown at afv_item).
    call(r, operation, in);
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    return render(r, igs, r.fields, formErrors(e, fieldOf), prefix);
  }
  PageResult done;
  done.redirect = base(r) + "/oprichting?gedaan=" + action;
  return done;
}

PageResult foundingAttachment(PageRequest& r) {
  loadIgs(r);
  auto in = newObject();
  in->set("id", r.params.at("checkoff"));
  auto out = call(r, "founding.attachment", in);
  PageResult p;
  p.fileBytes = base64Decode(text(out, "content_base64"), Place().set("operation", "founding.attachment"));
  p.fileName = text(out, "file_name");
  p.mediaType = text(out, "media_type");
  return p;
}

}  // namespace igsgov::web

// The signed-in account's calendar feed (/intranet/agenda): make a secret
// link (calendar.feed-create; shown once, with one link per cooperation the
// account sees) or revoke it (calendar.feed-revoke). The link itself is served
// by igsgovd's REST side (/api/v1/kalender/<secret>.ics, Api.hpp). Below it
// the account's e-mail reminders per kind of deadline (web/ReminderForm.hpp).
#include "core/Error.hpp"
#include "web/Pages.hpp"
#include "web/ReminderForm.hpp"

namespace igsgov::web {

namespace {

PageResult page(PageRequest& r, const std::string& notice, const JsonObject& created,
                const ReminderOutcome& reminder = {}) {
  PageResult p;
  p.view = "feed";
  p.title = "Agenda-abonnement";
  p.data = newObject();
  p.data->set("csrf", r.csrf);
  p.data->set("notice", notice);
  p.data->set("has_notice", !notice.empty());
  p.data->set("created", !created.isNull());
  if (!created.isNull()) {
    std::string base = r.origin + "/api/v1/kalender/" + text(created, "secret");
    p.data->set("url", base + ".ics");
    auto links = newArray();
    each(arrayOf(call(r, "cooperation.list", newObject()), "cooperations"), [&](JsonObject c) {
      auto l = newObject();
      l->set("name", text(c, "name"));
      l->set("url", base + "/" + segment(text(c, "id")) + ".ics");
      links->add(l);
    });
    p.data->set("links", links);
    p.data->set("created_nl", timeNl(r, text(created, "created")));
  }
  reminderData(r, p.data, reminder);
  if (reminder.errors.any()) p.status = 422;  // a refused form shown again
  return p;
}

}  // namespace

PageResult feedPage(PageRequest& r, bool post) {
  if (!post) return page(r, "", JsonObject());
  std::string action = field(r.fields, "actie");
  if (action == "herinnering") return page(r, "", JsonObject(), saveReminder(r));
  if (action == "maak") return page(r, "", call(r, "calendar.feed-create", newObject()));
  if (action != "intrek") throwInvalid("onbekende actie", Place().set("field", "actie"));
  try {
    call(r, "calendar.feed-revoke", newObject());
  } catch (const Error& e) {
    if (e.errorCode() != ErrorCode::notFound) throw;
    return page(r, "U had geen agenda-abonnement; er is niets ingetrokken.", JsonObject());
  }
  return page(r, "Uw agenda-link is ingetrokken: uw agendaprogramma krijgt geen termijnen meer.", JsonObject());
}

}  // namespace igsgov::web

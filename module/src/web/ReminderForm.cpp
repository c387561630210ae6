#include "web/ReminderForm.hpp"

#include <charconv>

namespace igsgov::web {

namespace {

// The typed days as a number when they are one (with an optional minus sign,
// so reminder.set says what is wrong with a negative count); else the text
// itself, which the catalogue refuses as "geheel getal verwacht".
void setDays(JsonObject in, const std::string& typed) {
  long long n = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
  if (ec == std::errc() && end == typed.data() + typed.size())
    in->set("days", n);
  else
    in->set("days", typed);
}

}  // namespace

ReminderOutcome saveReminder(PageRequest& r) {
  ReminderOutcome out;
  out.kind = field(r.fields, "soort");
  bool wanted = field(r.fields, "herinner") == "ja";
  std::string typed = field(r.fields, "dagen");
  if (wanted && typed.empty()) {
    out.errors.fields["dagen"] = "vul het aantal dagen in";
    return out;
  }
  auto in = newObject();
  in->set("kind", out.kind);
  if (wanted) setDays(in, typed);
  try {
    auto set = call(r, "reminder.set", in);
    std::string label = text(set, "label");
    out.notice = set->has("days") ? "Bewaard: u krijgt een e-mail " + std::to_string(set->getValue<long long>("days")) +
                                        " dagen voor elke termijn '" + label + "'."
                                  : "Bewaard: u krijgt geen e-mails meer voor termijnen '" + label + "'.";
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    out.errors = formErrors(e, {{"days", "dagen"}});
  }
  return out;
}

void reminderData(PageRequest& r, JsonObject data, const ReminderOutcome& outcome) {
  auto current = call(r, "reminder.list", newObject());
  bool refused = outcome.errors.any();
  auto rows = newArray();
  each(arrayOf(current, "reminders"), [&](JsonObject row) {
    std::string kind = text(row, "kind");
    auto o = newObject();
    o->set("kind", kind);
    o->set("label", text(row, "label"));
    bool typedHere = refused && kind == outcome.kind;
    auto error = outcome.errors.fields.find("dagen");
    std::string message = typedHere && error != outcome.errors.fields.end() ? error->second : "";
    o->set("checked", typedHere ? field(r.fields, "herinner") == "ja" : row->has("days"));
    o->set("days", typedHere ? field(r.fields, "dagen") : text(row, "days"));
    o->set("error", message);
    o->set("has_error", !message.empty());
    rows->add(o);
  });
  data->set("reminders", rows);
  data->set("email", text(current, "email"));
  data->set("has_email", current->has("email"));
  data->set("reminder_notice", outcome.notice);
  data->set("has_reminder_notice", !outcome.notice.empty());
  data->set("reminder_error", outcome.errors.general);
  data->set("has_reminder_error", !outcome.errors.general.empty());
}

}  // namespace igsgov::web

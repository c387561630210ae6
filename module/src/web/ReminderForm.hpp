// The e-mail reminders of the signed-in account on /intranet/agenda: one row
// per kind of deadline (reminder.list: Dutch label, days where set, the
// address the e-mails go to), each row a small form (POST actie=herinnering,
// soort, herinner=ja, dagen) that runs reminder.set for the own account only
// (the form never names an account; the operation's own rule keeps another
// account's settings out of reach). Every role, the auditor too: these are
// settings of one's own account, not the register.
//
// The rules (0 to 365 days, a known kind) stay in reminder.set; a refusal is
// shown next to the row's days field with what was typed (web/FormState.hpp),
// an unknown kind above the rows, and nothing is written.
//
// Free functions; thread-safe as the Session is.
#pragma once

#include "web/FormState.hpp"
#include "web/Pages.hpp"

#include <string>

namespace igsgov::web {

struct ReminderOutcome {
  std::string notice;  // Dutch confirmation of a saved row
  std::string kind;    // the posted row ("" when none)
  FormErrors errors;   // "dagen" next to the row, general above the rows
};

// POST actie=herinnering: reminder.set with the posted row. Errors other than
// form errors (denied, internal) are rethrown.
ReminderOutcome saveReminder(PageRequest& r);

// Sets "reminders" (rows: kind, label, checked, days, error, has_error),
// "email", "has_email", "reminder_notice", "has_reminder_notice",
// "reminder_error" and "has_reminder_error" in `data`; the refused row keeps
// what was typed.
void reminderData(PageRequest& r, JsonObject data, const ReminderOutcome& outcome);

}  // namespace igsgov::web

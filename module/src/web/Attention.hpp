// What needs action first, for the overview of one IGS and for the list of
// every IGS the user may see. Everything comes from catalogue operations,
// called with the user as caller (so only what the user may see):
//
//   missing approval   approval.pending of every version still "voorgelegd" or
//                      "goedgekeurd" (document.list) that is not complete
//   term ending        the cooperation's term_end within kTermDays, with the
//                      version still waiting for councils (the extension), if any
//   mandates ending    deadlines.list, kind mandate_end, within kMandateDays
//   deadlines          deadlines.list within kDeadlineDays
//   open findings      compliance.check, errors and warnings not acknowledged
//
// The web layer only counts and windows what the operations answer; no rule of
// approval, term or finding is decided here. Each figure carries the link to
// the page that lists it. Failure: Error from the operations (403 for an IGS the
// user may not see). Thread safety: free functions.
#pragma once

#include "web/Pages.hpp"

namespace igsgov::web {

constexpr int kTermDays = 90;
constexpr int kMandateDays = 90;
constexpr int kDeadlineDays = 60;

// The answers shared by all IGS of one page (one call each, not one per IGS).
struct AttentionSources {
  Date today;
  JsonArray deadlines;  // deadlines.list from today to today + max(kMandateDays, kDeadlineDays)
  JsonArray findings;   // compliance.check on today
};

// cooperation "" = every cooperation the user may see.
AttentionSources attentionSources(PageRequest& r, const std::string& cooperation);

// For one cooperation (a row of cooperation.list or cooperation.show):
//   figures: [{key, label, value, href, state ("dringend" | "aandacht" | "rust"), mark, note}]
//            in a fixed order (goedkeuringen, looptijd, mandaten, termijnen, bevindingen)
//   items:   [{text, href, urgent, mark}]  the things to do, urgent ones first
//   urgent:  how many items are urgent (missing approvals, term ending)
JsonObject attentionOf(PageRequest& r, const JsonObject& cooperation, const AttentionSources& sources);

}  // namespace igsgov::web

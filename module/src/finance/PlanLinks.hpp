// PlanLinks: the link between an IGS's beleidsdoelstellingen and the
// doelstelling each member carries about the IGS in its own meerjarenplan
// (seed "Stap voor stap", step 7).
//
// The link is stored on the member's side: PlanItem::igsLink on a
// doelstelling of a member plan names the IGS (its owner id) and the code of
// the IGS doelstelling. membersWithoutLink() lists, for one IGS plan, the
// members that lack such a link, with the reason:
//   noPlan              no plan of that member for the same period was given;
//   noLink              the member's plan has no doelstelling linked to this IGS
//                       (or, when a code is asked, to that IGS doelstelling);
//   unknownDoelstelling the member links to this IGS, but only to codes the
//                       IGS plan does not contain (a stale or mistyped link).
// When several versions of a member's plan are given, the highest version of
// the same period counts. Result in the order of `members`.
// Failures: Error(invalid) when igsPlan is not an IGS plan, or the asked code
// is not a doelstelling of it. Thread safety: pure functions.
#pragma once

#include "finance/Plan.hpp"

#include <string>
#include <vector>

namespace igsgov::finance {

struct MissingLink {
  enum class Reason { noPlan, noLink, unknownDoelstelling };
  std::string member;
  Reason reason = Reason::noLink;
  bool operator==(const MissingLink&) const = default;
};

const char* missingLinkReasonText(MissingLink::Reason r);  // Dutch

std::vector<MissingLink> membersWithoutLink(const Plan& igsPlan, const std::vector<std::string>& members,
                                            const std::vector<Plan>& memberPlans,
                                            const std::string& igsDoelstellingCode = "");

}  // namespace igsgov::finance

#include "finance/PlanLinks.hpp"

namespace igsgov::finance {

const char* missingLinkReasonText(MissingLink::Reason r) {
  switch (r) {
    case MissingLink::Reason::noPlan: return "geen meerjarenplan voor deze periode";
    case MissingLink::Reason::noLink: return "geen beleidsdoelstelling gekoppeld aan de IGS";
    case MissingLink::Reason::unknownDoelstelling: return "gekoppeld aan een doelstelling die niet in het plan van de IGS staat";
  }
  return "";
}

std::vector<MissingLink> membersWithoutLink(const Plan& igsPlan, const std::vector<std::string>& members,
                                            const std::vector<Plan>& memberPlans,
                                            const std::string& igsDoelstellingCode) {
  if (igsPlan.owner.kind != OwnerKind::igs)
    throwInvalid("'" + igsPlan.owner.id + "' is geen meerjarenplan van een IGS");
  if (!igsDoelstellingCode.empty()) {
    const PlanItem* d = igsPlan.find(igsDoelstellingCode);
    if (!d || d->level != Level::doelstelling)
      throwInvalid("'" + igsDoelstellingCode + "' is geen beleidsdoelstelling van het plan van de IGS",
                   Place().set("field", "'doelstelling'"));
  }
  auto isIgsDoelstelling = [&](const std::string& code) {
    const PlanItem* d = igsPlan.find(code);
    return d && d->level == Level::doelstelling;
  };
  std::vector<MissingLink> out;
  for (const auto& member : members) {
    const Plan* plan = nullptr;
    for (const auto& p : memberPlans)
      if (p.owner.kind == OwnerKind::member && p.owner.id == member && p.period == igsPlan.period &&
          (!plan || p.version > plan->version))
        plan = &p;
    if (!plan) {
      out.push_back({member, MissingLink::Reason::noPlan});
      continue;
    }
    bool toIgs = false, ok = false;
    for (const auto& item : plan->items) {
      if (item.level != Level::doelstelling || !item.igsLink || item.igsLink->igsId != igsPlan.owner.id) continue;
      toIgs = true;
      const std::string& code = item.igsLink->doelstellingCode;
      if (isIgsDoelstelling(code) && (igsDoelstellingCode.empty() || code == igsDoelstellingCode)) ok = true;
    }
    if (ok) continue;
    bool stale = false;
    if (toIgs) {  // linked to the IGS, but to nothing that exists
      stale = true;
      for (const auto& item : plan->items)
        if (item.igsLink && item.igsLink->igsId == igsPlan.owner.id && isIgsDoelstelling(item.igsLink->doelstellingCode))
          stale = false;
    }
    out.push_back({member, stale ? MissingLink::Reason::unknownDoelstelling : MissingLink::Reason::noLink});
  }
  return out;
}

}  // namespace igsgov::finance

#include "finance/PlanLinks.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

Plan igsPlan() {
  Plan p;
  p.owner = {OwnerKind::igs, "igs-cultuur"};
  p.period = PlanPeriod::of(2026, 2031);
  p.items = {{Level::doelstelling, "BD1", "", "Cultuur", true, "", {}, std::nullopt},
             {Level::doelstelling, "BD2", "", "Erfgoed", false, "", {}, std::nullopt},
             {Level::actieplan, "AP1", "BD1", "Loket", false, "", {}, std::nullopt}};
  validatePlan(p);
  return p;
}

Plan memberPlan(const std::string& member, std::optional<IgsLink> link, int version = 0) {
  Plan p;
  p.owner = {OwnerKind::member, member};
  p.period = PlanPeriod::of(2026, 2031);
  p.version = version;
  p.items = {{Level::doelstelling, "G1", "", "Samenwerken in de regio", false, "", {}, link}};
  validatePlan(p);
  return p;
}

}  // namespace

TEST(PlanLinks, ListsMembersWithoutALinkAndWhy) {
  std::vector<Plan> plans = {
      memberPlan("45035", IgsLink{"igs-cultuur", "BD1"}),  // linked
      memberPlan("45041", std::nullopt),                   // plan without link
      memberPlan("45057", IgsLink{"igs-cultuur", "BD9"}),  // stale code
      memberPlan("45059", IgsLink{"igs-ander", "BD1"}),    // linked to another IGS
  };
  auto missing = membersWithoutLink(igsPlan(), {"45035", "45041", "45057", "45059", "45060"}, plans);
  ASSERT_EQ(missing.size(), 4u);
  EXPECT_EQ(missing[0], (MissingLink{"45041", MissingLink::Reason::noLink}));
  EXPECT_EQ(missing[1], (MissingLink{"45057", MissingLink::Reason::unknownDoelstelling}));
  EXPECT_EQ(missing[2], (MissingLink{"45059", MissingLink::Reason::noLink}));
  EXPECT_EQ(missing[3], (MissingLink{"45060", MissingLink::Reason::noPlan}));
  EXPECT_STREQ(missingLinkReasonText(MissingLink::Reason::noPlan), "geen meerjarenplan voor deze periode");
}

TEST(PlanLinks, PerDoelstellingAndLatestVersion) {
  std::vector<Plan> plans = {memberPlan("45035", IgsLink{"igs-cultuur", "BD1"})};
  EXPECT_TRUE(membersWithoutLink(igsPlan(), {"45035"}, plans, "BD1").empty());
  EXPECT_EQ(membersWithoutLink(igsPlan(), {"45035"}, plans, "BD2").size(), 1u);
  // A later aanpassing that dropped the link counts.
  plans.push_back(memberPlan("45035", std::nullopt, 1));
  EXPECT_EQ(membersWithoutLink(igsPlan(), {"45035"}, plans).size(), 1u);
  // A plan of another period does not count.
  Plan old = memberPlan("45041", IgsLink{"igs-cultuur", "BD1"});
  old.period = PlanPeriod::of(2020, 2025);
  EXPECT_EQ(membersWithoutLink(igsPlan(), {"45041"}, {old})[0].reason, MissingLink::Reason::noPlan);
}

TEST(PlanLinks, Refusals) {
  EXPECT_THROW(membersWithoutLink(igsPlan(), {"1"}, {}, "AP1"), Error);  // not a doelstelling
  EXPECT_THROW(membersWithoutLink(memberPlan("1", std::nullopt), {"1"}, {}), Error);
}

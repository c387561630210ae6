// Unit tests of the bestuursfunctie -> role mapping.
#include "adapters/sparql/RoleMapping.hpp"

#include <gtest/gtest.h>

using namespace igsgov::adapters::sparql;

TEST(RoleMapping, NamesRoundTrip) {
  for (const auto& n : roleNames()) {
    auto r = roleFromName(n);
    ASSERT_TRUE(r.has_value()) << n;
    EXPECT_EQ(roleName(*r), n);
  }
  EXPECT_EQ(roleNames().size(), 7u);
  EXPECT_FALSE(roleFromName("secretaris").has_value());
}

// The labels igsgov publishes (module/src/linkeddata) read back as the same role.
TEST(RoleMapping, PublishedLabelsMapBack) {
  for (Role r : allRoles()) EXPECT_EQ(mapRole("urn:x", roleLabel(r), {}), r) << roleName(r);
  EXPECT_EQ(allRoles().size(), roleNames().size());
}

TEST(RoleMapping, NormalisesLabels) {
  EXPECT_EQ(normaliseRoleLabel("  Voorzitter   van de Raad van Bestuur "), "voorzitter");
  EXPECT_EQ(normaliseRoleLabel("BESTUURDER MET RAADGEVENDE STEM"), "bestuurder met raadgevende stem");
  EXPECT_EQ(normaliseRoleLabel("Ondervoorzitter raad van bestuur"), "ondervoorzitter");
  EXPECT_EQ(normaliseRoleLabel("BEËINDIGD"), "beëindigd");
  EXPECT_EQ(normaliseRoleLabel("Raad van bestuur"), "raad van bestuur");  // the suffix alone stays
}

TEST(RoleMapping, ByLabel) {
  const std::map<std::string, std::string> none;
  EXPECT_EQ(mapRole("u", "Voorzitter van de raad van bestuur", none), Role::voorzitter);
  EXPECT_EQ(mapRole("u", "Vicevoorzitter", none), Role::ondervoorzitter);
  EXPECT_EQ(mapRole("u", "Bestuurder", none), Role::bestuurder);
  EXPECT_EQ(mapRole("u", "Lid van de raad van bestuur", none), Role::bestuurder);
  EXPECT_EQ(mapRole("u", "Bestuurder met raadgevende stem", none), Role::bestuurderRaadgevend);
  EXPECT_EQ(mapRole("u", "Plaatsvervangend bestuurder", none), Role::plaatsvervanger);
  EXPECT_EQ(mapRole("u", "Deskundige", none), Role::deskundige);
  EXPECT_FALSE(mapRole("u", "Waarnemer", none).has_value());
  EXPECT_FALSE(mapRole("u", "", none).has_value());
}

TEST(RoleMapping, UriMapWinsOverLabel) {
  const std::map<std::string, std::string> byUri = {{"http://ex.org/f/1", "deskundige"},
                                                     {"http://ex.org/f/2", "no-such-role"}};
  EXPECT_EQ(mapRole("http://ex.org/f/1", "Bestuurder", byUri), Role::deskundige);
  EXPECT_EQ(mapRole("http://ex.org/f/1", "", byUri), Role::deskundige);
  // A bad map entry falls back to the label.
  EXPECT_EQ(mapRole("http://ex.org/f/2", "Bestuurder", byUri), Role::bestuurder);
}

#include "RegisterFixture.hpp"

using namespace igsgov;
using igsgov::testing::RegisterFixture;

namespace {
std::vector<std::string> names(const JsonObject& composition) {
  std::vector<std::string> out;
  auto list = composition->getArray("mandates");
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back(list->getObject(static_cast<unsigned>(i))->getObject("person")->getValue<std::string>("name"));
  return out;
}
}  // namespace

class Mandates : public RegisterFixture {};

TEST_F(Mandates, CompositionOnADate) {
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","member":"m-oud","role":"voorzitter",
      "side":"meerderheid","from":"2021-02-01","until":"2024-12-31",
      "decision":{"council":"gemeenteraad Oudenaarde","date":"2021-01-25","reference":"GR/2021/7"}})");
  run("mandate.appoint", R"({"id":"a2","person":"p2","body":"rvb","seat":"s2","member":"m-klu","role":"bestuurder",
      "side":"oppositie","from":"2021-02-01"})");
  auto c = run("body.composition", R"({"body":"rvb","as_of":"2023-06-01"})");
  EXPECT_EQ(names(c), (std::vector<std::string>{"An Voorbeeld", "Bart Proef"}));
  EXPECT_EQ(c->getObject("counts")->getValue<long long>("oppositie"), 1);
  auto first = c->getArray("mandates")->getObject(0);
  EXPECT_EQ(first->getObject("decision")->getValue<std::string>("reference"), "GR/2021/7");
  EXPECT_EQ(first->getObject("member")->getValue<std::string>("name"), "Oudenaarde");
  // After the first mandate ended only the second remains; before both started nobody.
  EXPECT_EQ(names(run("body.composition", R"({"body":"rvb","as_of":"2025-01-01"})")),
            (std::vector<std::string>{"Bart Proef"}));
  EXPECT_TRUE(names(run("body.composition", R"({"body":"rvb","as_of":"2021-01-31"})")).empty());
  // Boundaries are inclusive.
  EXPECT_EQ(names(run("body.composition", R"({"body":"rvb","as_of":"2024-12-31"})")).size(), 2u);
}

TEST_F(Mandates, StateChangeKeepsBothPeriods) {
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","member":"m-oud","role":"bestuurder","from":"2021-02-01"})");
  auto out = run("mandate.change", R"({"id":"a1","new_id":"a1b","from":"2023-01-01","role":"voorzitter","reason":"verkozen tot voorzitter"})");
  EXPECT_EQ(out->getObject("ended")->getValue<std::string>("until"), "2022-12-31");
  EXPECT_EQ(out->getObject("started")->getValue<std::string>("predecessor"), "a1");
  auto before = run("body.composition", R"({"body":"rvb","as_of":"2022-06-01"})");
  auto after = run("body.composition", R"({"body":"rvb","as_of":"2023-06-01"})");
  EXPECT_EQ(before->getArray("mandates")->getObject(0)->getValue<std::string>("role"), "bestuurder");
  EXPECT_EQ(after->getArray("mandates")->getObject(0)->getValue<std::string>("role"), "voorzitter");
  auto history = run("mandate.history", R"({"id":"a1b"})");
  EXPECT_EQ(history->getArray("chain")->size(), 2u);
}

// A change designated by a new council decision carries that decision only:
// the reference or URI of the old decision must not stick to the new mandate.
TEST_F(Mandates, StateChangeWithANewDecisionKeepsNothingOfTheOldOne) {
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","member":"m-oud","role":"bestuurder",
      "from":"2021-02-01","decision":{"council":"gemeenteraad Oudenaarde","date":"2021-01-25","reference":"GR/2021/7",
      "uri":"https://besluiten.example/gr-2021-7"}})");
  auto out = run("mandate.change", R"({"id":"a1","new_id":"a2","person":"p2","from":"2023-01-01",
      "decision":{"council":"gemeenteraad Oudenaarde","date":"2022-12-19"}})");
  auto decision = out->getObject("started")->getObject("decision");
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->getValue<std::string>("date"), "2022-12-19");
  EXPECT_FALSE(decision->has("reference")) << "the old decision's reference stuck to the new mandate";
  EXPECT_FALSE(decision->has("uri"));
  // Without a new decision the new mandate keeps the old one (a change of role by the same designation).
  auto same = run("mandate.change", R"({"id":"a2","new_id":"a3","from":"2024-01-01","role":"voorzitter"})");
  EXPECT_EQ(same->getObject("started")->getObject("decision")->getValue<std::string>("date"), "2022-12-19");
}

TEST_F(Mandates, CorrectionIsVisibleOnlyFromWhenItWasRecorded) {
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","fractie":"Groen","from":"2021-02-01"})");
  auto knownBefore = run("audit.journal", "{}")->getArray("entries");
  std::string t = knownBefore->getObject(static_cast<unsigned>(knownBefore->size() - 1))->getValue<std::string>("at");
  run("mandate.correct", R"({"id":"a1","fractie":"CD&V","reason":"tikfout"})");
  auto now = run("body.composition", R"({"body":"rvb","as_of":"2022-01-01"})");
  EXPECT_EQ(now->getArray("mandates")->getObject(0)->getValue<std::string>("fractie"), "CD&V");
  auto then = run("body.composition", R"({"body":"rvb","as_of":"2022-01-01","known_at":")" + t + R"("})");
  EXPECT_EQ(then->getArray("mandates")->getObject(0)->getValue<std::string>("fractie"), "Groen");
  // The correction is a record-time version, not a new mandate.
  auto history = run("mandate.history", R"({"id":"a1"})");
  auto versions = history->getArray("chain")->getObject(0)->getArray("versions");
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->getObject(1)->getObject("recorded")->getValue<std::string>("kind"), "correction");
  EXPECT_EQ(versions->getObject(1)->getObject("recorded")->getValue<std::string>("reason"), "tikfout");
  // A correction without a reason is refused.
  EXPECT_EQ(fails("mandate.correct", R"({"id":"a1","fractie":"N-VA"})").errorCode(), ErrorCode::invalid);
}

TEST_F(Mandates, RetractionRemovesFromCompositionButKeepsHistory) {
  smallRegister();
  run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01"})");
  run("mandate.retract", R"({"id":"a1","reason":"verkeerde persoon ingevoerd"})");
  EXPECT_TRUE(names(run("body.composition", R"({"body":"rvb","as_of":"2022-01-01"})")).empty());
  EXPECT_EQ(run("mandate.history", R"({"id":"a1"})")->getArray("chain")->getObject(0)->getArray("versions")->size(), 2u);
  // The seat is free again.
  run("mandate.appoint", R"({"id":"a2","person":"p2","body":"rvb","seat":"s1","role":"bestuurder","from":"2021-02-01"})");
}

TEST_F(Mandates, AdvisoryRolesDoNotVote) {
  smallRegister();
  auto m = run("mandate.appoint", R"({"id":"a1","person":"p1","body":"rvb","role":"bestuurder_raadgevend","side":"oppositie","from":"2021-02-01"})");
  EXPECT_FALSE(m->getValue<bool>("voting"));
  EXPECT_EQ(fails("mandate.appoint", R"({"id":"a2","person":"p2","body":"rvb","role":"bestuurder_raadgevend","voting":true,"from":"2021-02-01"})")
                .place().fields.at("field"), "'voting'");
}

TEST_F(Mandates, SampleRegisterComposition) {
  importSample();
  auto c = run("body.composition", R"({"body":"igs-noordrand-rvb","as_of":"2025-06-01"})");
  // 13 gemeenten with a voting bestuurder each and two advisory opposition members.
  EXPECT_EQ(c->getObject("counts")->getValue<long long>("voting"), 13);
  EXPECT_EQ(c->getObject("counts")->getValue<long long>("advisory"), 2);
}

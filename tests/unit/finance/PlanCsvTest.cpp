#include "finance/PlanCsv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace igsgov;
using namespace igsgov::finance;

namespace {

std::string readFixture(const std::string& name) {
  std::ifstream in(std::string(IGSGOV_SOURCE_DIR) + "/tests/fixtures/finance/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

PlanHeader igsHeader() { return {{OwnerKind::igs, "igs-cultuur"}, PlanPeriod::of(2026, 2031), 0, "initieel"}; }

const std::string kHead =
    "niveau;code;bovenliggend;titel;prioritair;beleidsveld;koppeling_igs;boekjaar;exploitatie_uitgaven;"
    "exploitatie_ontvangsten;investeringen_uitgaven;investeringen_ontvangsten;financiering_uitgaven;"
    "financiering_ontvangsten\n";

// Expects the import of `body` (after the standard header) to fail at line/column with `field` and `needle`.
void expectCsvError(const std::string& text, const std::string& line, const std::string& column,
                    const std::string& field, const std::string& needle) {
  try {
    planFromCsv(text, igsHeader(), "plan.csv");
    ADD_FAILURE() << "no error, expected: " << needle;
  } catch (const Error& e) {
    const auto& f = e.place().fields;
    EXPECT_EQ(f.count("file") ? f.at("file") : "", "plan.csv") << e.fullText();
    EXPECT_EQ(f.count("line") ? f.at("line") : "", line) << e.fullText();
    if (!column.empty()) {
      EXPECT_EQ(f.count("column") ? f.at("column") : "", column) << e.fullText();
    }
    if (!field.empty()) {
      EXPECT_EQ(f.count("field") ? f.at("field") : "", "'" + field + "'") << e.fullText();
    }
    EXPECT_NE(e.fullText().find(needle), std::string::npos) << e.fullText();
  }
}

}  // namespace

TEST(PlanCsv, ImportsTheExcelFixture) {
  Plan p = planFromCsv(readFixture("meerjarenplan_igs.csv"), igsHeader(), "meerjarenplan_igs.csv");
  ASSERT_EQ(p.items.size(), 6u);
  EXPECT_EQ(p.items[0].title, "Cultuur dichtbij; voor iedereen");
  EXPECT_TRUE(p.items[0].prioritair);
  EXPECT_EQ(p.items[1].title, "Een regionaal \"cultuurloket\"");
  const PlanItem* a = p.find("A1.1.1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->beleidsveld, "0709");
  EXPECT_EQ(a->amounts.at(2026).at(Rubriek::exploitatie, Soort::uitgaven).value(), 4225000);
  EXPECT_EQ(a->amounts.at(2026).at(Rubriek::exploitatie, Soort::ontvangsten).value(), 2203200);
  EXPECT_EQ(a->amounts.at(2027).at(Rubriek::exploitatie, Soort::uitgaven).value(), 4309500);
  const PlanItem* b = p.find("A1.1.2");
  EXPECT_EQ(b->title, "Uitleendienst\nmet twee lijnen");
  EXPECT_EQ(b->amounts.at(2027).at(Rubriek::investeringen, Soort::uitgaven).value(), 1500050);
  EXPECT_EQ(p.find("A1.2.1")->amounts.at(2031).at(Rubriek::financiering, Soort::uitgaven).value(), 211250);
  EXPECT_EQ(p.total(2027, Rubriek::exploitatie, Soort::uitgaven).value(), 4309500 + 100000);
}

TEST(PlanCsv, ExportImportsBackToTheIdenticalPlan) {
  Plan p = planFromCsv(readFixture("meerjarenplan_igs.csv"), igsHeader(), "");
  std::string csv = planToCsv(p);
  EXPECT_EQ(planFromCsv(csv, igsHeader()), p);
  // Also as LF without BOM (another editor) and with a member plan carrying a link.
  std::string lf;
  for (std::size_t i = 3; i < csv.size(); ++i)
    if (csv[i] != '\r') lf.push_back(csv[i]);
  EXPECT_EQ(planFromCsv(lf, igsHeader()), p);
  Plan m = p;
  m.owner = {OwnerKind::member, "45062"};
  m.items[0].igsLink = IgsLink{"igs-cultuur", "BD1"};
  PlanHeader mh{m.owner, m.period, 3, "aanpassing 2028"};
  m.version = 3;
  m.versionLabel = "aanpassing 2028";
  EXPECT_EQ(planFromCsv(planToCsv(m), mh), m);
  EXPECT_NE(planToCsv(m).find("igs-cultuur:BD1"), std::string::npos);
}

TEST(PlanCsv, ColumnsInAnotherOrderAreFine) {
  std::string text =
      "code;niveau;titel;bovenliggend;prioritair;beleidsveld;koppeling_igs;boekjaar;financiering_ontvangsten;"
      "exploitatie_uitgaven;exploitatie_ontvangsten;investeringen_uitgaven;investeringen_ontvangsten;"
      "financiering_uitgaven\nBD1;doelstelling;Doel;;nee;;;2026;5;;;;;\n";
  Plan p = planFromCsv(text, igsHeader());
  EXPECT_EQ(p.items[0].amounts.at(2026).at(Rubriek::financiering, Soort::ontvangsten).value(), 500);
}

TEST(PlanCsv, ErrorsNameLineColumnAndHeader) {
  const std::string ok = "doelstelling;BD1;;Doel;ja;;;2026;1;;;;;\n";
  expectCsvError(kHead + ok + "actie;A1;BD1;Actie;nee;0709;;2026;0,235;;;;;\n", "3", "9", "exploitatie_uitgaven",
                 "geen geheel aantal cent");
  expectCsvError(kHead + ok + "actieplan;AP1;BD1;Plan;nee;;;2026;;abc;;;;\n", "3", "10", "exploitatie_ontvangsten",
                 "geen geldig bedrag");
  expectCsvError(kHead + ok + "taak;T1;BD1;Taak;nee;;;;;;;;;\n", "3", "1", "niveau", "onbekend");
  expectCsvError(kHead + ok + "doelstelling;BD2;;Doel 2;misschien;;;;;;;;;\n", "3", "5", "prioritair", "ja of nee");
  expectCsvError(kHead + ok + "doelstelling;BD2;;Doel 2;nee;;;2032;;;;;;\n", "3", "8", "boekjaar", "buiten de planperiode");
  expectCsvError(kHead + ok + "doelstelling;BD1;;Ander doel;ja;;;2027;;;;;;\n", "3", "4", "titel", "regel 2");
  expectCsvError(kHead + ok + "doelstelling;BD1;;Doel;ja;;;2026;2;;;;;\n", "3", "8", "boekjaar", "twee keer");
  expectCsvError(kHead + ok + "doelstelling;BD2;;Doel 2;nee;;;;5;;;;;\n", "3", "9", "exploitatie_uitgaven",
                 "zonder boekjaar");
  expectCsvError(kHead + ok + "doelstelling;BD2;;Doel 2;nee;;;;;;;;;;x\n", "3", "15", "", "zonder kolomnaam");
  expectCsvError(kHead + ok + "doelstelling;BD2;;Doel 2;nee;;ig;;;;;;;\n", "3", "7", "koppeling_igs", "<igs>:<code>");
  // Validation of the tree after parsing still names the line of the item.
  expectCsvError(kHead + ok + "actie;A1;BD1;Actie;nee;0709;;;;;;;;\n", "3", "3", "bovenliggend", "actieplan");
  // Header problems.
  expectCsvError("niveau;code;titel\n" + ok, "1", "", "", "ontbreekt");
  expectCsvError("niveau;code;Titel;bedrag\n", "1", "4", "", "onbekende kolom 'bedrag'");
  std::string dup = kHead;
  dup.insert(dup.size() - 1, ";titel");
  expectCsvError(dup, "1", "15", "", "twee keer");
  expectCsvError("", "", "", "", "leeg");
}

TEST(PlanCsv, FullMessageAsDocumentedInFinancieringMd) {
  try {
    planFromCsv(kHead + "doelstelling;BD1;;Doel;ja;;;2026;1;;;;;\nactie;A1;BD1;Actie;nee;0709;;2026;0,235;;;;;\n",
                igsHeader(), "plan.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.fullText(),
              "bedrag '0,235' is geen geheel aantal cent (bestand plan.csv, regel 3, kolom 9, veld "
              "'exploitatie_uitgaven')");
  }
}

TEST(PlanCsv, HeaderNamesAreCaseInsensitiveAndTrimmed) {
  std::string head = kHead;
  head.replace(0, 6, " Niveau ");
  Plan p = planFromCsv(head + "doelstelling;BD1;;Doel;ja;;;;;;;;;\n", igsHeader());
  EXPECT_EQ(p.items.size(), 1u);
}

// Property: random plans (titles with ';', '"', line breaks, accents; negative and
// large amounts; items with and without amounts) survive export + import unchanged.
TEST(PlanCsv, RandomPlansRoundTrip) {
  std::mt19937_64 rng(42);
  const std::vector<std::string> words = {"cultuur", "a;b", "\"quote\"", "twee\nlijnen", "coördinatie", "€", " x"};
  for (int round = 0; round < 200; ++round) {
    Plan p;
    p.owner = {round % 2 ? OwnerKind::member : OwnerKind::igs, "o" + std::to_string(round)};
    p.period = PlanPeriod::of(2026, 2031);
    int code = 0;
    for (int d = 0; d < 1 + static_cast<int>(rng() % 3); ++d) {
      PlanItem bd{Level::doelstelling, "BD" + std::to_string(++code), "", "", rng() % 2 == 0, "", {}, std::nullopt};
      bd.title = words[rng() % words.size()] + " " + words[rng() % words.size()];
      if (round % 2 && rng() % 2) bd.igsLink = IgsLink{"igs", "BD" + std::to_string(rng() % 5)};
      p.items.push_back(bd);
      for (int a = 0; a < static_cast<int>(rng() % 3); ++a) {
        PlanItem ap{Level::actieplan, "AP" + std::to_string(++code), bd.code, "plan " + words[rng() % words.size()],
                    false, rng() % 2 ? "0119" : "", {}, std::nullopt};
        p.items.push_back(ap);
        for (int c = 0; c < static_cast<int>(rng() % 3); ++c) {
          PlanItem act{Level::actie, "A" + std::to_string(++code), ap.code, "actie", rng() % 2 == 0, "0709", {},
                       std::nullopt};
          for (int y = 2026; y <= 2031; ++y)
            if (rng() % 2)
              for (auto& cell : act.amounts[y].cells)
                cell = Cents(static_cast<std::int64_t>(rng() % 2000000000001LL) - 1000000000000LL);
          p.items.push_back(act);
        }
      }
    }
    validatePlan(p);
    PlanHeader h{p.owner, p.period, p.version, p.versionLabel};
    ASSERT_EQ(planFromCsv(planToCsv(p), h), p) << "round " << round;
  }
}

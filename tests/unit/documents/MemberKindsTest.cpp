// Members that are not gemeenten, and what a secretariat would not send
// (issue 14): the engagementsverklaring addresses a partner's own board and an
// OCMW's vast bureau, a template refuses a member kind it is not written for,
// and the shipped letters carry no placeholder text, no dangling
// "ondernemingsnummer", no ISO date in a table and keep the signatures with the
// text before them. Read back from the generated DOCX XML.
#include "DocumentsFixture.hpp"

#include "documents/DataContract.hpp"
#include "documents/Generate.hpp"

#include <regex>

using namespace igsgov;
using namespace igsgov::testing;

namespace {

class MemberKinds : public DocumentsFixture {
protected:
  void SetUp() override {
    DocumentsFixture::SetUp();
    run("member.add", R"({"id": "dr-vzw", "cooperation": "igs-cultuur-va", "kind": "partner", "name": "De Ronde vzw",
         "partner_kind": "privaat_zonder_winstoogmerk", "from": "2021-01-01"})");
  }
  // The text of the one generated file whose name contains `part`.
  std::string textOf(const std::string& part) {
    for (const auto& name : filesIn(out_))
      if (name.find(part) != std::string::npos) return docxText(slurp(out_ + "/" + name));
    ADD_FAILURE() << "no file with " << part;
    return "";
  }
  static bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }
};

// The paragraph XML just before the last table of the body (the signature block).
std::string paragraphBeforeSignatures(const std::string& documentXml) {
  auto table = documentXml.rfind("<w:tbl>");
  auto start = documentXml.rfind("<w:p>", table);
  auto startAttr = documentXml.rfind("<w:p ", table);
  if (startAttr != std::string::npos && (start == std::string::npos || startAttr > start)) start = startAttr;
  return documentXml.substr(start, table - start);
}

}  // namespace

// Failed on main: "Aan het college van burgemeester en schepenen van De Ronde vzw", "telt 0 inwoners".
TEST_F(MemberKinds, EngagementsverklaringAddressesAPartnersOwnBoard) {
  auto out = generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","all_members":true,
                         "format":"docx","as_of":"2025-10-01")");
  EXPECT_EQ(out->getValue<long long>("count"), 9);
  std::string partner = textOf("dr-vzw");
  EXPECT_TRUE(has(partner, "Aan de raad van bestuur\nvan De Ronde vzw")) << partner;
  EXPECT_TRUE(has(partner, "Geachte leden van de raad van bestuur,"));
  EXPECT_TRUE(has(partner, "Met deze verklaring engageert De Ronde vzw zich"));
  EXPECT_TRUE(has(partner, "Namens de raad van bestuur van De Ronde vzw,"));
  EXPECT_TRUE(has(partner, "De secretaris,"));
  for (const char* wrong : {"college", "burgemeester", "schepenen", "gemeente De Ronde", "inwoners", "lokaal bestuur"})
    EXPECT_FALSE(has(partner, wrong)) << wrong << "\n" << partner;
  std::string gemeente = textOf("45035_oudenaarde");
  EXPECT_TRUE(has(gemeente, "Aan het college van burgemeester en schepenen\nvan Oudenaarde"));
  EXPECT_TRUE(has(gemeente, "engageert de gemeente Oudenaarde zich"));
  EXPECT_TRUE(has(gemeente, "Oudenaarde telt 32.702 inwoners (peildatum 1 januari 2024)"));
  EXPECT_TRUE(has(gemeente, "De burgemeester,"));
}

TEST_F(MemberKinds, EngagementsverklaringAddressesAnOcmwsVastBureau) {
  run("member.add", R"({"id": "ocmw-ronse", "cooperation": "igs-cultuur-va", "kind": "ocmw", "nis": "45041", "from": "2021-01-01"})");
  generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"ocmw-ronse","format":"docx","as_of":"2025-10-01")");
  std::string ocmw = textOf("ronse");
  EXPECT_TRUE(has(ocmw, "Aan het vast bureau\nvan OCMW Ronse")) << ocmw;
  EXPECT_TRUE(has(ocmw, "Het werkingsgebied van OCMW Ronse telt 27.356 inwoners"));
  EXPECT_TRUE(has(ocmw, "De voorzitter van het vast bureau,"));
  EXPECT_FALSE(has(ocmw, "burgemeester en schepenen"));
}

// Failed on main: an intentieverklaring "Aan de gemeenteraad van De Ronde vzw".
TEST_F(MemberKinds, ATemplateRefusesAMemberKindItIsNotWrittenFor) {
  auto before = state();
  auto e = fails("documents.generate", "{\"out\":\"" + out_ +
                                           R"(","template":"intentieverklaring","cooperation":"igs-cultuur-va","member":"dr-vzw","format":"docx"})");
  EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
  std::string msg = e.what();
  EXPECT_TRUE(has(msg, "sjabloon 'intentieverklaring'") && has(msg, "deelnemer 'dr-vzw' (De Ronde vzw, andere partner)") &&
              has(msg, "gemeente of OCMW"))
      << msg;
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(filesIn(out_).empty());
  // For all members: the gemeenten get theirs, the partner is named as not made.
  auto out = generate(R"("template":"intentieverklaring","cooperation":"igs-cultuur-va","all_members":true,"format":"docx")");
  EXPECT_EQ(out->getValue<long long>("count"), 8);
  auto skipped = out->getArray("skipped");
  ASSERT_EQ(skipped->size(), 1u);
  EXPECT_EQ(skipped->getObject(0)->getValue<std::string>("member"), "dr-vzw");
  EXPECT_EQ(filesIn(out_).size(), 8u);
}

TEST_F(MemberKinds, DataContractCarriesTheMembersKind) {
  session_->reg().read([&](store::Database& db) {
    documents::DataRequest req{"igs-cultuur-va", *Date::parse("2025-10-01"), "engagementsverklaring", "", nullptr, nullptr};
    documents::DataBuilder b(db, req);
    auto lid = b.memberData(b.member("dr-vzw"))->getObject("lid");
    EXPECT_EQ(lid->getValue<std::string>("soort"), "partner");
    EXPECT_EQ(lid->getValue<std::string>("soort_label"), "andere partner");
    EXPECT_TRUE(lid->getValue<bool>("is_partner"));
    EXPECT_FALSE(lid->getValue<bool>("is_gemeente"));
    EXPECT_EQ(lid->getValue<std::string>("naam"), "De Ronde vzw");
    EXPECT_EQ(lid->getValue<std::string>("partner_soort"), "privaat zonder winstoogmerk");
    EXPECT_TRUE(b.memberData(b.member("45035"))->getObject("lid")->getValue<bool>("is_gemeente"));
    return newObject();
  });
}

// A partner that pays nothing under the register's key: the letter says so and why.
TEST_F(MemberKinds, APartnerThatPaysNothingIsToldWhy) {
  run("contribution.key", R"({"id": "va-k", "cooperation": "igs-cultuur-va", "title": "Werkingsbijdrage",
       "items": [{"id": "werking", "title": "Werking", "key": {"kind": "per_inhabitant"}, "total": "100.000"},
                 {"id": "partners", "title": "Bijdrage partners", "key": {"kind": "fixed_amounts", "amounts": {"igs-cultuur-va-45035": "1.000"}}}]})");
  run("contribution.compute", R"({"key": "va-k", "year": 2026})");
  generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"dr-vzw","format":"docx","as_of":"2026-03-01")");
  std::string partner = textOf("dr-vzw");
  // Each reason names the cost item it is about (failed before: two reasons, no item named).
  EXPECT_TRUE(has(partner, "Volgens de verdeelsleutel van het samenwerkingsverband (Werkingsbijdrage) betaalt De Ronde vzw "
                           "voor het jaar 2026 geen bijdrage (Bijdrage partners: geen bedrag in deze sleutel; Werking: een "
                           "partner telt geen inwoners en betaalt niet mee in een sleutel per inwoner)."))
      << partner;
}

// Failed before: a key stored without a title (contribution.key then keeps its id as
// title) put the code in the letter: "Volgens de verdeelsleutel ... (va-k) bedraagt ...".
TEST_F(MemberKinds, AKeyWithoutATitleShowsNoCode) {
  run("contribution.key", R"({"id": "va-k", "cooperation": "igs-cultuur-va",
       "items": [{"id": "werking", "key": {"kind": "per_inhabitant", "payers": ["gemeente"]}, "total": "100.000"}]})");
  run("contribution.compute", R"({"key": "va-k", "year": 2026})");
  auto out = generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"45035","format":"docx",
                         "as_of":"2026-03-01")");
  std::string text = textOf("oudenaarde");
  EXPECT_TRUE(has(text, "Volgens de verdeelsleutel van het samenwerkingsverband bedraagt de bijdrage van Oudenaarde")) << text;
  EXPECT_FALSE(has(text, "va-k")) << text;
}

// Failed before: an OCMW and its own gemeente share a NIS code, so "de deelnemers samen
// tellen" counted Brakel's inhabitants twice, and --member 45059 (or a contribution given
// for 45059) silently took whichever of the two came first.
TEST_F(MemberKinds, AGemeenteAndItsOcmwShareTheirInhabitantsAndTheirNisCode) {
  run("member.add", R"({"id": "ocmw-brakel", "cooperation": "igs-cultuur-va", "kind": "ocmw", "nis": "45059", "from": "2021-01-01"})");
  generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"ocmw-brakel","format":"docx","as_of":"2025-10-01")");
  std::string ocmw = textOf("ocmw-brakel");
  EXPECT_TRUE(has(ocmw, "de deelnemers samen tellen 84.764 inwoners")) << ocmw;
  auto before = state();
  for (const std::string& extra : {std::string(R"("member":"45059")"),
                                  std::string(R"("member":"45035","contributions":{"45059":"1.000,00"})")}) {
    auto e = fails("documents.generate", "{\"out\":\"" + out_ + "/x\"," + extra +
                                             R"(,"template":"engagementsverklaring","cooperation":"igs-cultuur-va","format":"docx"})");
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid) << extra;
    std::string msg = e.what();
    EXPECT_TRUE(has(msg, "NIS-code 45059 hoort bij meer dan één deelnemer") && has(msg, "ocmw-brakel (OCMW Brakel, OCMW)") &&
                has(msg, "geef het deelnemer-id"))
        << msg;
  }
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(filesIn(out_ + "/x").empty());
}

// Failed on main: "... voor het jaar 2025 € 12.500,00" came with "(opgegeven bij het maken van dit document)".
TEST_F(MemberKinds, AnAmountGivenAtGenerationHasNoPlaceholderText) {
  generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"45035","format":"docx",
              "as_of":"2025-10-01","contributions":{"45035":"12.500,00"})");
  std::string text = textOf("oudenaarde");
  EXPECT_TRUE(has(text, "Volgens de verdeelsleutel van het samenwerkingsverband bedraagt de bijdrage van Oudenaarde voor het "
                        "jaar 2025 € 12.500,00."))
      << text;
  EXPECT_FALSE(has(text, "opgegeven bij"));
}

// Failed on main: "projectvereniging · ondernemingsnummer" with nothing after it.
TEST_F(MemberKinds, NoKboNumberNoDanglingOndernemingsnummer) {
  run("cooperation.create", R"({"id": "igs-zonder-kbo", "name": "IGS zonder KBO", "legal_form": "projectvereniging",
       "domain": "cultuur", "founded": "2021-01-01"})");
  run("member.add", R"({"id": "z-45035", "cooperation": "igs-zonder-kbo", "kind": "gemeente", "nis": "45035", "from": "2021-01-01"})");
  for (const char* t : {"samenstelling", "statuten", "auditrapport"})
    generate(std::string("\"template\":\"") + t + "\",\"cooperation\":\"igs-zonder-kbo\",\"format\":\"docx\"");
  generate(R"("template":"engagementsverklaring","cooperation":"igs-zonder-kbo","all_members":true,"format":"docx")");
  for (const auto& name : filesIn(out_)) {
    std::string text = docxText(slurp(out_ + "/" + name));
    EXPECT_TRUE(has(text, "projectvereniging\n")) << name << "\n" << text;
    EXPECT_FALSE(has(text, "ondernemingsnummer")) << name;
    EXPECT_FALSE(has(text, "Zetel: \n")) << name;
  }
}

// Failed on main: the Besluit column showed "gemeenteraad Oudenaarde, 2025-01-27, GR/2025/011".
TEST_F(MemberKinds, NoIsoDateInTheTablesPeopleRead) {
  generate(R"("template":"samenstelling","cooperation":"igs-cultuur-va","format":"docx","as_of":"2025-10-01")");
  generate(R"("template":"statuten","cooperation":"igs-cultuur-va","format":"docx","as_of":"2025-10-01")");
  const std::regex iso(R"(\b\d{4}-\d{2}-\d{2}\b)");
  int rows = 0;
  for (const auto& name : filesIn(out_)) {
    auto xml = docs::test::readPart(slurp(out_ + "/" + name), "word/document.xml");
    for (const auto& row : docs::test::docxTableRows(xml)) {
      ++rows;
      for (const auto& cell : row) EXPECT_FALSE(std::regex_search(cell, iso)) << name << ": " << cell;
    }
  }
  EXPECT_GT(rows, 10);
  std::string board = textOf("samenstelling");
  EXPECT_TRUE(has(board, "gemeenteraad Oudenaarde, 27/01/2025, GR/2025/011")) << board;
}

// Failed on main: the closing line before the signature block had no keep-with-next,
// so LibreOffice and Word put the signatures alone on the next page.
TEST_F(MemberKinds, ClosingLinesAreKeptWithTheSignatures) {
  generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","all_members":true,"format":"docx","as_of":"2025-10-01")");
  generate(R"("template":"intentieverklaring","cooperation":"igs-cultuur-va","member":"45035","format":"docx")");
  for (const char* t : {"samenstelling", "statuten", "auditrapport"})
    generate(std::string("\"template\":\"") + t + "\",\"cooperation\":\"igs-cultuur-va\",\"format\":\"docx\"");
  int checked = 0;
  for (const auto& name : filesIn(out_)) {
    auto xml = docs::test::readPart(slurp(out_ + "/" + name), "word/document.xml");
    std::string before = paragraphBeforeSignatures(xml);
    EXPECT_TRUE(has(before, "<w:keepNext/>")) << name << ": " << before;
    ++checked;
  }
  EXPECT_EQ(checked, 13);
}

// Failed before: the CLI said "1 document gemaakt met sjabloon engagementsverklaring (docx, op 2025-10-01)".
TEST_F(MemberKinds, TheTextOutputWritesTheDateInDutch) {
  auto out = generate(R"("template":"engagementsverklaring","cooperation":"igs-cultuur-va","member":"dr-vzw","format":"docx",
                         "as_of":"2025-10-01")");
  std::string text = documents::generateText(out);
  EXPECT_TRUE(has(text, "1 document gemaakt met sjabloon engagementsverklaring (docx, gegevens op 1 oktober 2025):")) << text;
  EXPECT_FALSE(std::regex_search(text, std::regex(R"(\b\d{4}-\d{2}-\d{2}\b)"))) << text;
}

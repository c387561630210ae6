#include "core/Csv.hpp"

#include "core/Error.hpp"

#include <gtest/gtest.h>

using namespace igsgov;

TEST(Csv, QuotesSeparatorsAndLineEnds) {
  auto rows = parseCsv("\xEF\xBB\xBF" "a;\"b;c\";\"d \"\"e\"\"\"\r\n1;;\"x\r\ny\"\n\n;;\rlast;z", "t.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b;c", "d \"e\""}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"1", "", "x\ny"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"last", "z"}));
  EXPECT_EQ(rows[2].line, 6);  // lines 4 (empty) and 5 (";;") are skipped
}

TEST(Csv, SkipsSepLine) {
  auto rows = parseCsv("sep=;\nx;y\n", "");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].line, 2);
}

TEST(Csv, ErrorsNameLineAndColumn) {
  auto expect = [](const std::string& text, const std::string& line, const std::string& column) {
    try {
      parseCsv(text, "f.csv");
      ADD_FAILURE() << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.place().fields.at("line"), line) << e.fullText();
      EXPECT_EQ(e.place().fields.at("column"), column) << e.fullText();
      EXPECT_EQ(e.place().fields.at("file"), "f.csv");
    }
  };
  expect("a;b\nc;\"open\nstill open", "2", "2");
  expect("a;\"b\"x;c", "1", "2");
  expect("a;b\nc;d\"e", "2", "2");
}

TEST(Csv, WriteThenParseRoundTrips) {
  std::vector<std::vector<std::string>> rows = {{"a", "b;c", "\"q\"", " pad "}, {"x\ny", "", "€ 1,00", "z"}};
  std::string text = writeCsv(rows);
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  auto back = parseCsv(text, "");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].cells, rows[0]);
  EXPECT_EQ(back[1].cells, rows[1]);
}

// Found by the plan_csv fuzz target: a first row whose first cell is "sep="
// (plus at most one character) was written as is, and read back as Excel's
// separator line: the row was lost.
TEST(Csv, AFirstCellThatLooksLikeASepLineIsQuoted) {
  for (const std::vector<std::string>& first :
       {std::vector<std::string>{"sep=", ""}, {"sep=,"}, {"sep=;"}, {"sep=x", "y"}}) {
    std::vector<std::vector<std::string>> rows = {first, {"a", "b"}};
    auto back = parseCsv(writeCsv(rows), "");
    ASSERT_EQ(back.size(), 2u) << first[0];
    EXPECT_EQ(back[0].cells, first);
  }
  EXPECT_EQ(writeCsv({{"sep=x", "y"}, {"sep=x"}}), "\xEF\xBB\xBF\"sep=x\";y\r\nsep=x\r\n");
}

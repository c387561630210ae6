// PlanCsv: a meerjarenplan as a semicolon CSV file for Excel (import/export).
//
// Layout (documented for users in docs/financiering.md): a header row with
// these 14 Dutch column names, in any order, each exactly once:
//   niveau;code;bovenliggend;titel;prioritair;beleidsveld;koppeling_igs;boekjaar;
//   exploitatie_uitgaven;exploitatie_ontvangsten;investeringen_uitgaven;
//   investeringen_ontvangsten;financiering_uitgaven;financiering_ontvangsten
// then one row per item per boekjaar with amounts; an item without amounts
// has one row with an empty boekjaar and empty amounts. The item columns
// (niveau … koppeling_igs) are repeated on every row of the item and must be
// identical. niveau: doelstelling | actieplan | actie. prioritair: ja/nee
// (also j/n, 1/0, waar/onwaar; empty = nee). koppeling_igs: "<igs-id>:<code>"
// or empty. Amounts in Belgian notation (Money.hpp), empty = 0.
// The plan header (owner, period, version) is not in the file: the caller
// passes it (it comes from the operation or the file name).
//
// Import is all-or-nothing: it returns a complete, validated plan or throws
// Error(invalid) naming the file, line, column and header name of the first
// problem. Export writes BOM + CRLF; importing an export gives back the
// identical plan (round trip). Thread safety: pure functions.
#pragma once

#include "finance/Plan.hpp"

#include <string>

namespace igsgov::finance {

struct PlanHeader {
  PlanOwner owner;
  PlanPeriod period;
  int version = 0;
  std::string versionLabel;
};

Plan planFromCsv(const std::string& text, const PlanHeader& header, const std::string& source = "");
std::string planToCsv(const Plan& plan);

}  // namespace igsgov::finance

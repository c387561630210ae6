// Fuzz target "plan_csv": the meerjarenplan CSV reader (module/src/finance:
// Csv, PlanCsv, with Money's Belgian amounts and Plan's validation) on any
// bytes as the file of `plan.import`.
//
// Checks: the CSV rows, written again with writeCsv and read back, give the
// same cells (what Excel reads back is what we wrote); a plan read from the
// file, exported with planToCsv and imported again, is the identical plan
// (the round trip PlanCsv.hpp promises), for an IGS plan and for a member's
// plan (which may link to IGS doelstellingen). Seeds: the real files of
// tests/fixtures/finance, the cases of tests/unit/finance/PlanCsvTest.cpp
// and CsvTest.cpp (quoted fields, line breaks in a field, sep=;, BOM, CR).
#include "FuzzSupport.hpp"
#include "core/Csv.hpp"
#include "finance/PlanCsv.hpp"

using namespace igsgov;
using namespace igsgov::finance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(fuzz::text(data, size));
  std::vector<CsvRow> rows;
  if (fuzz::refuse("parseCsv", [&] { rows = parseCsv(text, "fuzz.csv"); })) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
      fuzz::require(r.line >= 1, "a row without its line");
      cells.push_back(r.cells);
    }
    std::vector<CsvRow> back;
    fuzz::refuse("parseCsv(writeCsv)", [&] { back = parseCsv(writeCsv(cells), "fuzz.csv"); });
    std::vector<std::vector<std::string>> again;
    for (const auto& r : back) again.push_back(r.cells);
    fuzz::require(again == cells, "CSV rows written and read again differ");
  }

  const PlanHeader headers[] = {
      {{OwnerKind::igs, "igs-cultuur"}, PlanPeriod::of(2026, 2031), 0, "initieel"},
      {{OwnerKind::member, "45035"}, PlanPeriod::of(2026, 2031), 2, "aanpassing 2028"},
  };
  for (const auto& header : headers) {
    std::optional<Plan> plan;
    if (!fuzz::refuse("planFromCsv", [&] { plan = planFromCsv(text, header, "fuzz.csv"); })) continue;
    std::string csv = planToCsv(*plan);
    std::optional<Plan> back;
    fuzz::refuse("planFromCsv(planToCsv)", [&] { back = planFromCsv(csv, header, "export.csv"); });
    fuzz::require(back && *back == *plan, "a plan exported and imported again differs:\n" + csv);
  }
  return 0;
}

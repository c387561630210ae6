// Bulk insert on PostgreSQL (issue 16): the path a bulk import takes
// (journal::Journal::insertRow inside one write) with the store's batching on
// (Database::setBulk(true): row ids reserved from the sequence, rows sent with
// COPY) against the per-row path (one INSERT ... RETURNING round trip per row),
// on the same server, and prints the ratio. The register.import of mandates
// runs with batching on (interchange/Interchange.cpp, BulkCache).
//
//   tests/support/postgres.sh run build/bench/bench_bulk_insert [rows=50000]
//   IGSGOV_TEST_DB=postgresql://user@host:port/ build/bench/bench_bulk_insert [rows]   (a server of your own)
//
// Each path writes `rows` persons in one write (one journal entry) into a fresh
// database, then audit-verifies the result (the bench stops if it does not verify).
#include "core/Json.hpp"
#include "journal/Verifier.hpp"
#include "records/EntityTable.hpp"
#include "records/Entities.hpp"
#include "records/Register.hpp"
#include "store/Database.hpp"
#include "tests/support/TestRegister.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using Clock = std::chrono::steady_clock;
using namespace igsgov;

namespace {

// Seconds to write `rows` persons in one write, batched or per row.
double writePersons(const std::string& address, long long rows, bool batched) {
  auto reg = records::Register::create(address);
  auto start = Clock::now();
  reg->write({"bench", "bench.persons", ""}, newObject(), [&](records::Writer& w) {
    w.db().setBulk(batched);
    records::IdCheck ids(w.db(), records::personSpec());
    for (long long i = 0; i < rows; ++i) {
      auto data = newObject();
      data->set("name", "Persoon " + std::to_string(i));
      data->set("gender", std::string(i % 2 ? "m" : "v"));
      data->set("fictitious", true);
      records::create(w, records::personSpec(), "p-" + std::to_string(i), data, "", &ids);
    }
    w.db().setBulk(false);
    return newObject();
  });
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  auto report = journal::verify(reg->db());
  if (!report.ok) {
    std::fprintf(stderr, "audit verify NOT OK after the %s write: %s\n", batched ? "batched" : "per-row",
                 report.problems.front().message.c_str());
    std::exit(1);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  long long rows = argc > 1 ? std::atoll(argv[1]) : 50000;
  if (!testing::onPostgres()) {
    std::fprintf(stderr, "no server: run under tests/support/postgres.sh run, or set IGSGOV_TEST_DB\n");
    return 2;
  }
  double perRow = writePersons(testing::freshPostgresDatabase(), rows, false);
  double batched = writePersons(testing::freshPostgresDatabase(), rows, true);
  std::printf("PostgreSQL bulk insert of %lld persons (one journal entry each run, verified):\n", rows);
  std::printf("  per row (INSERT ... RETURNING):  %7.2f s  %8.0f rows/s\n", perRow, rows / perRow);
  std::printf("  batched (reserved ids + COPY):    %7.2f s  %8.0f rows/s\n", batched, rows / batched);
  std::printf("  ratio: %.1fx\n", perRow / batched);
  return 0;
}

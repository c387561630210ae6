// A bulk write (Database::setBulk(true), as register.import's mandates): on
// PostgreSQL rows are queued with reserved row ids and sent with COPY
// (docs/dev/store.md, "Bulk writes"); on SQLite inserted one by one. Either
// way the rows, their journal effects and foreign keys come out as a per-row
// write's would.
#include "journal/Verifier.hpp"
#include "records/EntityTable.hpp"
#include "records/Entities.hpp"
#include "records/Register.hpp"
#include "tests/support/TestRegister.hpp"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

namespace igsgov::testing {
namespace {

// Persons have a key table (person_key) that person's foreign key names: the
// queue must send the key rows first, however the queues interleave.
TEST(BulkWrite, KeyAndVersionRowsOfOneBatchedWriteKeepTheirForeignKeysAndVerify) {
  std::string dir = Poco::TemporaryFile::tempName();
  Poco::File(dir).createDirectories();
  {
    auto reg = records::Register::create(testRegisterAddress(dir));
    constexpr int kPersons = 5000;  // more than one queue's worth (4096 rows)
    reg->write({"test", "test.bulk", ""}, newObject(), [&](records::Writer& w) {
      w.db().setBulk(true);
      records::IdCheck ids(w.db(), records::personSpec());
      for (int i = 0; i < kPersons; ++i) {
        auto data = newObject();
        data->set("name", "Persoon " + std::to_string(i));
        data->set("fictitious", true);
        records::create(w, records::personSpec(), "p-" + std::to_string(i), data, "", &ids);
        // A read inside the write sees every queued row.
        if (i == 100) {
          EXPECT_TRUE(records::exists(w.db(), records::personSpec(), "p-100"));
        }
      }
      w.db().setBulk(false);
      return newObject();
    });
    auto st = reg->db().prepare("SELECT count(*) FROM person");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), kPersons);
    auto report = journal::verify(reg->db());
    EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front().message);
  }
  Poco::File(dir).remove(true);
}

}  // namespace
}  // namespace igsgov::testing

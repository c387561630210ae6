// EntityTable: generic access to one versioned entity table of the register.
//
// A spec lists the entity's fields: JSON name, column, type. The generic code
// converts between JSON objects (the operation catalogue and the interchange
// format) and rows, and implements the record-time versioning shared by all
// entities:
//   create()  - a new entity: its identity row (<table>_key) and first version;
//   revise()  - a new version of an existing entity (change, correction, end,
//               retraction): closes the current row (rec_to = now) and inserts
//               the new one; nothing is deleted;
//   current() - the version the register knows now;
//   knownAt() - the version the register knew at a record time.
// All writes go through the Writer's journal. Not thread-safe (Register locks).
#pragma once

#include "core/Json.hpp"
#include "records/Register.hpp"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace igsgov::records {

enum class FieldType { text, date, integer, boolean };

struct FieldSpec {
  std::string json;    // name in JSON ("from")
  std::string column;  // column in the table ("valid_from")
  FieldType type;
  bool required = false;
};

struct EntitySpec {
  std::string table;      // "mandate"
  std::string kindNl;     // "mandaat", for messages
  std::vector<FieldSpec> fields;  // without id and the versioning columns
  bool keyTable = true;           // an identity table <table>_key exists (foreign keys name it)
};

// One stored version.
struct Version {
  long long rowId = 0;
  std::string id;
  JsonObject data;  // the fields as JSON (absent when NULL), plus "id"
  std::string recFrom;
  std::optional<std::string> recTo;
  std::string changeKind;
  std::string reason;
  long long jseq = 0;
};

// Reads the spec's fields from `in` (type-checked, Dutch errors naming record
// and field). Unknown fields are refused unless listed in `extraAllowed`.
// With enforceRequired false (revisions), missing required fields are allowed.
JsonObject readFields(const EntitySpec& spec, const Reader& in, const std::set<std::string>& extraAllowed = {},
                      bool enforceRequired = true);

bool exists(store::Database& db, const EntitySpec& spec, const std::string& id);
std::optional<Version> current(store::Database& db, const EntitySpec& spec, const std::string& id);
std::optional<Version> knownAt(store::Database& db, const EntitySpec& spec, const std::string& id,
                               const std::string& recordTime);
std::vector<Version> history(store::Database& db, const EntitySpec& spec, const std::string& id);
// Current versions, optionally filtered by one column value.
std::vector<Version> currentAll(store::Database& db, const EntitySpec& spec, const std::string& whereColumn = "",
                                const std::string& equals = "");

// Whether an id of one table is taken, for a bulk write that creates many
// records: when the table held no rows as the write began, only ids this write
// created can exist, so they are kept in memory and the database is not asked;
// otherwise the database is asked (as create() does without an IdCheck). Use
// only within the one write it was made for, and pass it to every create() of
// that table in that write.
class IdCheck {
public:
  IdCheck(store::Database& db, const EntitySpec& spec);
  // True when `id` exists; otherwise remembers it as created.
  bool takenElseClaim(const std::string& id);

private:
  store::Database& db_;
  const EntitySpec& spec_;
  bool wasEmpty_;
  std::unordered_set<std::string> created_;
};

// Fails with conflict when the id exists; with invalid when the id is malformed.
// `ids` (optional) answers "exists?" for a bulk write (see IdCheck).
long long create(Writer& w, const EntitySpec& spec, const std::string& id, const JsonObject& data,
                 const std::string& reason = "", IdCheck* ids = nullptr);
// data: the complete new version (fields of the spec). changeKind: change | correction | end | retraction.
long long revise(Writer& w, const EntitySpec& spec, const Version& previous, const JsonObject& data,
                 const std::string& changeKind, const std::string& reason);

JsonObject versionJson(const Version& v, bool withRecordTime);

// Helpers for reading typed values out of a JsonObject produced by readFields.
std::optional<std::string> textOf(const JsonObject& o, const std::string& key);
std::optional<Date> dateOf(const JsonObject& o, const std::string& key);

}  // namespace igsgov::records
